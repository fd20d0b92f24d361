"""Indicators from git history, on a real repository whose commits span two years."""

from __future__ import annotations

import datetime as dt

import pytest

from govdata.evaluate.run import evaluate
from govdata.instance import open_instance
from tests.evaluate.instances import GONGAN
from tests.gitops.conftest import GitRepo


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
