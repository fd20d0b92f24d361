"""Host adapters on recorded response bodies (the documented API shapes), the same decision from
GitHub, GitLab and Gitea, and fetching through a local HTTP server standing in for the host."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from govdata.gate.approvals import Approval, State, counted
from govdata.gate.hosts import Host, adapter
from tests.conftest import CliResult
from tests.gitops.conftest import GitRepo
from tests.gitops.scenario import GONGAN, replace

Run = Callable[..., CliResult]
BODIES = Path(__file__).parent / "bodies"
FILES = {Host.GITHUB: "github-reviews.json", Host.GITLAB: "gitlab-approvals.json", Host.GITEA: "gitea-reviews.json"}
OLD = "0123456789abcdef0123456789abcdef01234567"


def body(host: Host, head: str, **swap: str) -> Any:
    text = (BODIES / FILES[host]).read_text(encoding="utf-8").replace("__HEAD__", head).replace("__OLD__", OLD)
    for old, new in swap.items():
        text = text.replace(old, new)
    return json.loads(text)


def test_github_reviews_latest_word_per_person_counts() -> None:
    approvals = adapter(Host.GITHUB).parse(body(Host.GITHUB, "f" * 40))
    assert approvals[0] == Approval("xiaoming", State.COMMENTED, "f" * 40)
    valid, ignored = counted(approvals, "@zhangsan", "f" * 40)
    assert valid == ["@xiaoming"]  # XiaoMing is xiaoming; the comment before decides nothing
    assert [(i.handle, i.reason.en[:20]) for i in ignored] == [
        ("@zhangsan", "the author's own app"),
        ("@wangwu", "approved an earlier "),
    ]


def test_a_later_request_for_changes_withdraws_an_approval() -> None:
    reviews = adapter(Host.GITHUB).parse(
        [
            {"user": {"login": "xiaoming"}, "state": "APPROVED", "commit_id": "a" * 40},
            {"user": {"login": "xiaoming"}, "state": "CHANGES_REQUESTED", "commit_id": "a" * 40},
            {"user": {"login": "lisi"}, "state": "APPROVED", "commit_id": "a" * 40},
            {"user": {"login": "lisi"}, "state": "DISMISSED", "commit_id": "a" * 40},
        ]
    )
    assert counted(reviews, "@zhangsan", "a" * 40) == ([], [])


def test_gitea_stale_and_dismissed_reviews_do_not_count() -> None:
    recorded = body(Host.GITEA, "e" * 40)
    recorded[1]["dismissed"] = True
    valid, _ = counted(adapter(Host.GITEA).parse(recorded), "@zhangsan", "e" * 40)
    assert valid == []
    fresh = body(Host.GITEA, "e" * 40)
    fresh[3]["commit_id"] = "e" * 40  # same commit, but Gitea marked it stale
    valid, ignored = counted(adapter(Host.GITEA).parse(fresh), "@zhangsan", "e" * 40)
    assert valid == ["@xiaoming"] and "@wangwu" in {i.handle for i in ignored}


def test_gitlab_approvals_count_when_reset_on_push_or_given_after_the_push() -> None:
    head = "d" * 40
    assert counted(adapter(Host.GITLAB).parse(body(Host.GITLAB, head)), "@zhangsan", head)[0] == ["@xiaoming"]
    # GitLab Free keeps approvals on push: the approval (01:20) came after the push of HEAD (00:59)
    keeps = body(Host.GITLAB, head, **{'"reset_approvals_on_push": true': '"reset_approvals_on_push": false'})
    assert counted(adapter(Host.GITLAB).parse(keeps), "@zhangsan", head)[0] == ["@xiaoming"]
    # ... but an approval older than the push of HEAD is stale
    before = json.loads(json.dumps(keeps).replace("2026-11-20T00:59:00.000Z", "2026-11-20T02:00:00.000Z"))
    valid, ignored = counted(adapter(Host.GITLAB).parse(before), "@zhangsan", head)
    assert valid == [] and ignored[0].handle == "@xiaoming"
    # and without the push time or the approval time nothing can be told: stale
    unknown = {**keeps, "versions": []}
    assert counted(adapter(Host.GITLAB).parse(unknown), "@zhangsan", head)[0] == []
    moved = body(Host.GITLAB, "c" * 40)  # the merge request moved on since this pipeline's commit
    assert counted(adapter(Host.GITLAB).parse(moved), "@zhangsan", head)[0] == []


def _gate(govdata: Run, g: GitRepo, host: Host, recorded: Any, tmp_path: Path) -> dict[str, Any]:
    saved = tmp_path / f"{host.value}.json"
    saved.write_text(json.dumps(recorded, ensure_ascii=False), encoding="utf-8")
    result = govdata(
        "gate",
        "main",
        "HEAD",
        "--author",
        "@zhangsan",
        "--host",
        host.value,
        "--reviews",
        str(saved),
        "-f",
        "json",
        cwd=g.root,
    )
    verdict = json.loads(result.stdout)
    assert result.exit_code == (0 if verdict["mergeable"] else 1)
    return verdict


@pytest.mark.parametrize("tighten", [False, True], ids=["own-edit", "sharing-tightened"])
def test_the_same_decision_from_github_gitlab_and_gitea(
    catalog_repo: GitRepo, govdata: Run, tmp_path: Path, tighten: bool
) -> None:
    catalog_repo.branch("pr")
    text = catalog_repo.text(GONGAN).replace("辖区", "本区")
    if tighten:
        text = replace(text, ("  type: 无条件共享\n", "  type: 有条件共享\n  condition: 仅向公安机关共享\n"))
    head = catalog_repo.commit({GONGAN: text}, "公安", author="张三 <zhangsan@gongan.example>")
    verdicts = [_gate(govdata, catalog_repo, host, body(host, head), tmp_path) for host in Host]
    assert [v["mergeable"] for v in verdicts] == [not tighten] * 3
    assert verdicts[0]["missing"] == verdicts[1]["missing"] == verdicts[2]["missing"]
    assert {v["approvers"] == ["@xiaoming"] for v in verdicts} == {True}
    if tighten:
        assert {m["party_name"] for m in verdicts[0]["missing"]} == {"测试区政务服务和大数据管理局"}
        # wangwu's GitHub and Gitea approvals were of an older commit: on the head they count
        fresh = [
            _gate(govdata, catalog_repo, h, body(h, head, **{OLD: head, '"stale": true': '"stale": false'}), tmp_path)
            for h in (Host.GITHUB, Host.GITEA)
        ]
        assert [v["mergeable"] for v in fresh] == [True, True]


class _Host(BaseHTTPRequestHandler):
    routes: dict[str, Any] = {}
    seen: list[tuple[str, str | None]] = []

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self.seen.append((self.path, self.headers.get("Authorization") or self.headers.get("PRIVATE-TOKEN")))
        path = self.path.split("?")[0]
        page = int(parse_qs(urlsplit(self.path).query).get("page", ["1"])[0])
        if path not in self.routes:
            self.send_response(404)
            self.end_headers()
            return
        data = self.routes[path]
        payload = data[(page - 1) * 100 : page * 100] if isinstance(data, list) else data
        encoded = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(encoded)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def fake_host() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), _Host)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()
    _Host.routes, _Host.seen = {}, []


def test_github_fetch_pages_reviews_and_expands_teams(
    git_repo: Callable[..., GitRepo], govdata: Run, fake_host: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.gitops.scenario import initial_files

    g = git_repo(initial_files())  # team handles only: @test/gongan
    g.branch("pr")
    head = g.commit({GONGAN: g.text(GONGAN).replace("辖区", "本区")}, "公安", author="张三 <zhangsan@gongan.example>")
    filler = [{"user": {"login": f"u{i}"}, "state": "COMMENTED", "commit_id": head} for i in range(100)]
    _Host.routes = {
        "/repos/jiyuan/catalog/pulls/12/reviews": [*filler, *body(Host.GITHUB, head)],
        "/orgs/test/teams/gongan/members": [{"login": "zhangsan"}, {"login": "xiaoming"}],
    }
    monkeypatch.setenv("GITHUB_API_URL", fake_host)
    monkeypatch.setenv("GITHUB_REPOSITORY", "jiyuan/catalog")
    monkeypatch.setenv("GITHUB_TOKEN", "t0ken")
    result = govdata("gate", "main", "HEAD", "--author", "@zhangsan", "--host", "github", "--pr", "12", cwd=g.root)
    assert result.exit_code == 0, result.stdout
    assert ("/repos/jiyuan/catalog/pulls/12/reviews?per_page=100&page=2", "Bearer t0ken") in _Host.seen
    # a team the token may not read: fail closed, and say how to fix it
    del _Host.routes["/orgs/test/teams/gongan/members"]
    refused = govdata("gate", "main", "HEAD", "--author", "@zhangsan", "--host", "github", "--pr", "12", cwd=g.root)
    assert refused.exit_code == 1 and "read:org" in refused.stdout


def test_gitlab_fetch_reads_the_three_documented_endpoints(
    catalog_repo: GitRepo, govdata: Run, fake_host: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog_repo.branch("pr")
    head = catalog_repo.commit({GONGAN: catalog_repo.text(GONGAN).replace("辖区", "本区")}, "公安")
    recorded = body(Host.GITLAB, head)
    _Host.routes = {
        "/api/v4/projects/7/merge_requests/12": recorded["merge_request"],
        "/api/v4/projects/7/merge_requests/12/approvals": recorded["approvals"],
        "/api/v4/projects/7/approvals": recorded["project_approvals"],
        "/api/v4/projects/7/merge_requests/12/versions": recorded["versions"],
    }
    monkeypatch.setenv("CI_API_V4_URL", f"{fake_host}/api/v4")
    monkeypatch.setenv("CI_PROJECT_ID", "7")
    monkeypatch.setenv("GOVDATA_GITLAB_TOKEN", "glpat")
    result = govdata(
        "gate", "main", "HEAD", "--author", "@zhangsan", "--host", "gitlab", "--pr", "12", cwd=catalog_repo.root
    )
    assert result.exit_code == 0, result.stdout
    assert {token for _, token in _Host.seen} == {"glpat"}
    monkeypatch.setenv("CI_API_V4_URL", f"{fake_host}/nowhere")
    failed = govdata(
        "gate", "main", "HEAD", "--author", "@zhangsan", "--host", "gitlab", "--pr", "12", cwd=catalog_repo.root
    )
    assert failed.exit_code == 2 and "HTTP 404" in failed.stderr


def test_gitlab_names_the_author_itself_and_a_wrong_author_is_refused(
    catalog_repo: GitRepo, govdata: Run, tmp_path: Path
) -> None:
    catalog_repo.branch("pr")
    head = catalog_repo.commit({GONGAN: catalog_repo.text(GONGAN).replace("辖区", "本区")}, "公安")
    saved = tmp_path / "gitlab.json"
    saved.write_text(json.dumps(body(Host.GITLAB, head)), encoding="utf-8")
    args = ("gate", "main", "HEAD", "--host", "gitlab", "--reviews", str(saved))
    assert govdata(*args, cwd=catalog_repo.root).exit_code == 0  # author zhangsan from the merge request
    wrong = govdata(*args, "--author", "@xiaoming", cwd=catalog_repo.root)
    assert wrong.exit_code == 2 and "@zhangsan" in wrong.stderr
    github = tmp_path / "github.json"
    github.write_text(json.dumps(body(Host.GITHUB, head)), encoding="utf-8")
    missing_author = govdata(
        "gate", "main", "HEAD", "--host", "github", "--reviews", str(github), cwd=catalog_repo.root
    )
    assert missing_author.exit_code == 2 and "--author" in missing_author.stderr


def test_gitea_fetch_and_team_expansion(
    git_repo: Callable[..., GitRepo], govdata: Run, fake_host: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.gitops.scenario import initial_files

    g = git_repo(initial_files())  # team handles only
    g.branch("pr")
    head = g.commit({GONGAN: g.text(GONGAN).replace("辖区", "本区")}, "公安", author="张三 <zhangsan@gongan.example>")
    _Host.routes = {
        "/api/v1/repos/jiyuan/catalog/pulls/12/reviews": body(Host.GITEA, head),
        "/api/v1/orgs/test/teams/search": {"ok": True, "data": [{"id": 5, "name": "gongan"}]},
        "/api/v1/teams/5/members": [{"login": "zhangsan"}, {"login": "xiaoming"}],
    }
    monkeypatch.setenv("GITEA_API_URL", f"{fake_host}/api/v1")
    monkeypatch.setenv("GITHUB_REPOSITORY", "jiyuan/catalog")
    monkeypatch.setenv("GITEA_TOKEN", "workflow")
    args = ("gate", "main", "HEAD", "--author", "@zhangsan", "--host", "gitea", "--pr", "12")
    refused = govdata(*args, cwd=g.root)  # no token that may read teams: fail closed, say how
    assert refused.exit_code == 1 and "read:organization" in refused.stdout
    monkeypatch.setenv("GOVDATA_TEAMS_TOKEN", "org-reader")
    assert govdata(*args, cwd=g.root).exit_code == 0
    assert ("/api/v1/teams/5/members?limit=100&page=1", "token org-reader") in _Host.seen
    assert ("/api/v1/repos/jiyuan/catalog/pulls/12/reviews?limit=100&page=1", "token workflow") in _Host.seen
