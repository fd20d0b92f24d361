"""``govdata diff`` end to end on a real repository, compared with golden files.

Refresh the golden files with ``GOVDATA_UPDATE_GOLDEN=1 pytest tests/cli/test_diff_command.py``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.golden import assert_golden, without_commit_ids
from tests.conftest import CliResult
from tests.gitops.conftest import GitRepo
from tests.gitops.scenario import GONGAN, MINZHENG, pull_request_repo, replace

LINK_BASE = "https://git.example/jiyuan/catalog/blob/{sha}/"


@pytest.fixture
def pull_request(git_repo: Callable[..., GitRepo]) -> GitRepo:
    return pull_request_repo(git_repo)


@pytest.mark.parametrize(
    ("fmt", "golden", "extra"),
    [
        ("text", "diff.txt", ()),
        ("json", "diff.json", ()),
        ("markdown", "diff.md", ("--link-base", LINK_BASE)),
        ("markdown", "diff.en.md", ("--lang", "en")),
        ("github", "diff.github.txt", ()),
    ],
)
def test_pull_request_diff_matches_golden(
    pull_request: GitRepo, govdata: Callable[..., CliResult], fmt: str, golden: str, extra: tuple[str, ...]
) -> None:
    result = govdata("diff", "main...gongan-update", "--format", fmt, *extra, cwd=pull_request.root)
    assert result.exit_code == 0, result.stderr
    assert_golden(golden, without_commit_ids(result.stdout, pull_request.root))


def test_every_change_has_the_right_review_level(pull_request: GitRepo, govdata: Callable[..., CliResult]) -> None:
    result = govdata("diff", "main...gongan-update", "--format", "json", cwd=pull_request.root)
    changes = {
        (c["kind"], c["subject"], c["item"]): (c["level"], c["breaking"]) for c in json.loads(result.stdout)["changes"]
    }
    assert changes[("item-renamed", "101002/000001", "出生年月日")] == ("department", True)
    assert changes[("opening-loosened", "101002/000001", None)] == ("authority", False)
    assert changes[("resource-added", "101002/000002", None)] == ("authority", False)
    assert changes[("sharing-loosened", "307004/000001", None)] == ("authority", False)
    assert changes[("department-changed", "11419001MB03847296", None)] == ("authority", False)
    assert changes[("file-changed", "schemas/README.md", None)] == ("authority", False)
    # main's own change (a legal basis added after the fork) is not part of the pull request.
    assert not any(kind.startswith("legal-basis") for kind, _, _ in changes)


def test_removal_links_to_the_base_revision(pull_request: GitRepo, govdata: Callable[..., CliResult]) -> None:
    pull_request.commit({MINZHENG: None}, "删除民政资源")
    base = pull_request.git("merge-base", "main", "HEAD")
    result = govdata("diff", "main...HEAD", "--format", "json", "--link-base", LINK_BASE, cwd=pull_request.root)
    (removed,) = [c for c in json.loads(result.stdout)["changes"] if c["kind"] == "resource-removed"]
    assert removed["link"].startswith(f"https://git.example/jiyuan/catalog/blob/{base}/{MINZHENG}#L")
    assert removed["breaking"] and removed["level"] == "authority"


def test_fail_on_gates(pull_request: GitRepo, govdata: Callable[..., CliResult]) -> None:
    assert (
        govdata("diff", "main...gongan-update", "--fail-on", "breaking", "-f", "text", cwd=pull_request.root).exit_code
        == 1
    )
    assert (
        govdata("diff", "main...gongan-update", "--fail-on", "authority", "-f", "text", cwd=pull_request.root).exit_code
        == 1
    )
    pull_request.switch("main")
    pull_request.branch("typo-fix")
    pull_request.commit({GONGAN: replace(pull_request.text(GONGAN), ("辖区户籍人口", "本区户籍人口"))}, "摘要措辞")
    quiet = govdata("diff", "main...typo-fix", "--fail-on", "authority", "-f", "text", cwd=pull_request.root)
    assert quiet.exit_code == 0, quiet.stdout
    assert "部门审核" in quiet.stdout and "信息资源摘要" in quiet.stdout


def test_default_compares_the_working_tree_with_the_merge_base(
    pull_request: GitRepo, govdata: Callable[..., CliResult]
) -> None:
    pull_request.write({GONGAN: replace(pull_request.text(GONGAN), ("update_cycle: 实时", "update_cycle: 每日"))})
    result = govdata("diff", "--format", "json", cwd=pull_request.root)
    envelope = json.loads(result.stdout)
    assert envelope["head"]["rev"] is None
    kinds = {c["kind"] for c in envelope["changes"]}
    assert {"update-cycle-changed", "item-renamed", "resource-added"} <= kinds


def test_broken_file_is_reported_not_read_as_removed(pull_request: GitRepo, govdata: Callable[..., CliResult]) -> None:
    pull_request.write({MINZHENG: pull_request.text(MINZHENG).replace("update_cycle: 实时", "update_cycle: 每时")})
    result = govdata("diff", "main", "--format", "json", cwd=pull_request.root)
    envelope = json.loads(result.stdout)
    assert envelope["summary"]["uncompared_files"] == [MINZHENG]
    assert not any(c["kind"] == "resource-removed" for c in envelope["changes"])
    assert any(c["kind"] == "file-invalid" and c["path"] == MINZHENG for c in envelope["changes"])


def test_outside_a_repository_is_one_clear_line(tmp_path: Path, govdata: Callable[..., CliResult]) -> None:
    from tests.conftest import build_instance

    root = build_instance(tmp_path / "plain")
    result = govdata("diff", cwd=root)
    assert result.exit_code == 2
    assert "不在 git 仓库中" in result.stderr and "Traceback" not in result.stderr


def test_unknown_revision_is_exit_2(pull_request: GitRepo, govdata: Callable[..., CliResult]) -> None:
    result = govdata("diff", "nope", cwd=pull_request.root)
    assert result.exit_code == 2 and "nope" in result.stderr
