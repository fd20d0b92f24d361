"""``govdata diff`` on case files: opened, events appended with their owner, rewrites and removals."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.conftest import CliResult
from tests.gitops.conftest import GitRepo, base_files

RULE_CASES = Path(__file__).resolve().parents[1] / "rules"
CASE = "cases/2026/problem-data-2026-001.yaml"
CHAIN = (RULE_CASES / "GD403" / "pass" / "re-aggregated-in-time" / CASE).read_text(encoding="utf-8")
# The same case as first reported: only the received event.
REPORTED = CHAIN.split('  - date: "2026-10-13"')[0]
DECIDED = CHAIN.split('  - date: "2026-10-28"')[0]


def _changes(
    govdata: Callable[..., CliResult], repo: GitRepo, spec: str
) -> list[tuple[str, str | None, str, str | None]]:
    result = govdata("diff", spec, "--format", "json", cwd=repo.root)
    assert result.exit_code == 0, result.stderr
    return [(c["kind"], c.get("new"), c["level"], c.get("department")) for c in json.loads(result.stdout)["changes"]]


def test_case_changes_are_reviewed_by_the_party_that_owns_each_event(
    git_repo: Callable[..., GitRepo], govdata: Callable[..., CliResult]
) -> None:
    repo = git_repo(base_files())
    start = repo.head()
    repo.commit({CASE: REPORTED}, "民政局报告问题数据")
    reported = repo.head()
    repo.commit({CASE: DECIDED}, "分发并决定更正")
    decided = repo.head()
    opened = _changes(govdata, repo, f"{start}..{reported}")
    assert [(kind, level) for kind, _, level, _ in opened] == [("case-opened", "department")]
    appended = _changes(govdata, repo, f"{reported}..{decided}")
    # dispatch belongs to the authority (Art. 24); the decision to the producer, 公安局.
    assert [(kind, new, level) for kind, new, level, _ in appended] == [
        ("case-event-added", "dispatched", "authority"),
        ("case-event-added", "decided", "department"),
    ]
    rewritten = DECIDED.replace("2026-10-12", "2026-10-15")  # an earlier event changed: not append-only
    repo.commit({CASE: rewritten}, "改写受理日期")
    changed = _changes(govdata, repo, f"{decided}..HEAD")
    assert [(kind, level) for kind, _, level, _ in changed] == [("case-changed", "authority")]
    repo.commit({CASE: None}, "删除事项")
    assert [kind for kind, *_ in _changes(govdata, repo, "HEAD~1..HEAD")] == ["case-removed"]
