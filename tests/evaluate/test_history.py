"""Indicators from git history, on a real repository whose commits span two years."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from govdata.evaluate.run import evaluate
from govdata.instance import open_instance
from tests.evaluate.instances import BASE_RESOURCE, FULL_RESOURCE, GONGAN
from tests.gitops.conftest import GitRepo, base_files


def _at(day: str) -> dict[str, str]:
    stamp = f"{day}T10:00:00+08:00"
    return {"GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}


def _commit(repo: GitRepo, files: dict[str, str], message: str, day: str) -> None:
    repo.write(files)
    repo.git("add", "-A")
    repo.git("commit", "-q", "-m", message, env=_at(day))


def _merge(repo: GitRepo, branch: str, proposed: str, landed: str, files: dict[str, str]) -> None:
    """A change put forward on ``proposed`` and merged into main on ``landed``."""
    repo.branch(branch)
    _commit(repo, files, f"{branch}: 目录变更", proposed)
    repo.switch("main")
    repo.git("merge", "-q", "--no-ff", "-m", f"合并 {branch}", branch, env=_at(landed))


@pytest.fixture
def history(git_repo: Callable[..., GitRepo]) -> GitRepo:
    repo = git_repo()
    _commit(repo, base_files(), "初始目录", "2024-03-01")
    # 2025: Mon 2 June → Wed 4 June = 2 working days (in time)
    _merge(repo, "a", "2025-06-02", "2025-06-04", {"catalogs/gongan/101002-000002.yaml": FULL_RESOURCE})
    # 2025: Tue 1 July → Tue 15 July = 10 working days (late)
    edited = BASE_RESOURCE.replace("update_cycle: 实时", "update_cycle: 每日")
    _merge(repo, "b", "2025-07-01", "2025-07-15", {"catalogs/gongan/101002-000001.yaml": edited})
    # 2025: a direct commit lands the day it is made
    _commit(repo, {"catalogs/gongan/101002-000001.yaml": BASE_RESOURCE}, "直接提交", "2025-09-01")
    return repo


def test_catalog_updates_counted_in_working_days_from_history(history: GitRepo) -> None:
    run = evaluate(open_instance(history.root), 2025, dt.date(2026, 2, 1))
    card = next(c for c in run.cards if c.department.code == GONGAN)
    result = card.result("catalog_updates")
    assert result is not None
    assert result.measure.value == pytest.approx(2 / 3)
    assert result.measure.denominator == 3
    assert {e.note for e in result.measure.evidence} == {
        "2025-06-02→2025-06-04 2 工作日",
        "2025-07-01→2025-07-15 10 工作日",
        "2025-09-01→2025-09-01 0 工作日",
    }
    assert all(e.commit and len(e.commit) == 40 for e in result.measure.evidence)


def test_finished_year_is_read_at_its_last_commit(history: GitRepo) -> None:
    run_2024 = evaluate(open_instance(history.root), 2024, dt.date(2026, 2, 1))
    first = history.git("rev-list", "--max-parents=0", "HEAD")
    assert run_2024.commit == first and not run_2024.worktree
    card = next(c for c in run_2024.cards if c.department.code == GONGAN)
    metadata = card.result("metadata")
    assert metadata is not None and metadata.measure.denominator == 1  # one resource in 2024
    assert metadata.measure.value == pytest.approx(3 / 6)
    updates = card.result("catalog_updates")
    assert updates is not None and updates.measure.value == 1.0  # the first commit, same day

    run_2025 = evaluate(open_instance(history.root), 2025, dt.date(2026, 2, 1))
    assert run_2025.commit == history.head()
    card = next(c for c in run_2025.cards if c.department.code == GONGAN)
    metadata = card.result("metadata")
    assert metadata is not None and metadata.measure.denominator == 2


def test_current_year_reads_the_working_tree(history: GitRepo) -> None:
    (history.root / "catalogs/gongan/101002-000002.yaml").unlink()
    run = evaluate(open_instance(history.root), 2026, dt.date(2026, 2, 1))
    assert run.worktree and run.commit == history.head()
    assert run.as_of == dt.date(2026, 2, 1)
    card = next(c for c in run.cards if c.department.code == GONGAN)
    metadata = card.result("metadata")
    assert metadata is not None and metadata.measure.denominator == 1
