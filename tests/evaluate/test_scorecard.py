"""Indicators and scores on a small hand-made instance, where every expected value is known exactly."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from govdata.errors import ConfigError
from govdata.evaluate.run import EvaluationRun, evaluate
from govdata.instance import open_instance
from tests.evaluate.instances import GONGAN, RESPONSIBILITY, SMALL


@pytest.fixture
def run(instance: Callable[..., Path]) -> EvaluationRun:
    root = instance(SMALL)
    return evaluate(open_instance(root), 2025, dt.date(2026, 3, 1))


def _values(run: EvaluationRun, code: str) -> dict[str, float | None]:
    card = next(c for c in run.cards if c.department.code == code)
    return {r.indicator.id: r.measure.value for r in card.results}


def test_indicator_values_are_exact(run: EvaluationRun) -> None:
    values = _values(run, GONGAN)
    assert values["metadata"] == pytest.approx((3 / 6 + 6 / 6) / 2)
    assert values["sharing"] == 1.0
    assert values["sharing_basis"] is None  # nothing restricted: not applicable, not 100 %
    assert values["opening"] == 0.5
    assert values["demands_met"] == 0.5
    assert values["security"] == pytest.approx(4 / 5)  # present, assessment, plan, no incident late; no drill
    assert values["grants_used"] is None
    assert values["responsibility"] is None
    assert values["catalog_updates"] is None  # outside git: not available
    assert values["cases"] is None


def test_score_weighs_only_available_indicators(run: EvaluationRun) -> None:
    card = next(c for c in run.cards if c.department.code == GONGAN)
    # 15×0.75 + 10×1 + 10×0.5 + 5×0.5 + 10×0.8 = 36.75 over the available weight 50
    assert card.score == 73.5
    assert card.band == "合格"
    assert card.coverage == 0.5
    unavailable = [r for r in card.results if r.measure.value is None]
    assert all(r.measure.note is not None and r.measure.note.zh for r in unavailable)


def test_result_records_methodology_day_and_evidence(run: EvaluationRun) -> None:
    assert run.methodology_version == "2026.1"
    assert run.as_of == dt.date(2025, 12, 31) and run.day == dt.date(2026, 3, 1)
    assert run.commit is None and run.worktree
    card = next(c for c in run.cards if c.department.code == GONGAN)
    metadata = card.result("metadata")
    assert metadata is not None
    assert {e.path for e in metadata.measure.evidence} == {
        "catalogs/gongan/101002-000001.yaml",
        "catalogs/gongan/101002-000002.yaml",
    }


def test_rectification_lists_duties_with_rule_article_and_due_day(run: EvaluationRun) -> None:
    by_department = {(i.department_code, i.diagnostic.rule_id, i.diagnostic.location.path) for i in run.items}
    assert (GONGAN, "GD504", "security/gongan/2025.yaml") in by_department  # no drill
    missing = {path for code, rule, path in by_department if rule == "GD504" and code != GONGAN}
    assert missing == {"security/dashuju/2025.yaml", "security/shichang/2025.yaml", "security/minzheng/2025.yaml"}
    # 20 working days after Sunday 2026-03-01
    assert {i.due for i in run.items} == {dt.date(2026, 3, 27)}
    assert all(i.diagnostic.article for i in run.items)


def test_methodology_from_govdata_yaml(instance: Callable[..., Path]) -> None:
    root = instance(SMALL)
    config = root / "govdata.yaml"
    config.write_text(
        config.read_text(encoding="utf-8")
        + "evaluation:\n  version: 2027-test\n  weights: {metadata: 1, opening: 3}\n"
        + "  bands: [{name: 好, min_score: 60}, {name: 差, min_score: 0}]\n",
        encoding="utf-8",
    )
    run = evaluate(open_instance(root), 2025, dt.date(2026, 3, 1))
    card = next(c for c in run.cards if c.department.code == GONGAN)
    assert run.methodology_version == "2027-test"
    assert [r.indicator.id for r in card.results] == ["metadata", "opening"]
    assert card.score == pytest.approx(100 * (0.75 + 3 * 0.5) / 4)
    assert card.band == "差"


def test_unknown_indicator_in_methodology_is_refused(instance: Callable[..., Path]) -> None:
    root = instance(SMALL)
    config = root / "govdata.yaml"
    config.write_text(
        config.read_text(encoding="utf-8") + "evaluation:\n  weights: {metadata: 1, speed: 2}\n", encoding="utf-8"
    )
    with pytest.raises(ConfigError, match="speed"):
        evaluate(open_instance(root), 2025, dt.date(2026, 3, 1))


def test_responsibility_and_update_cycle_judged_on_the_last_day_of_the_year(instance: Callable[..., Path]) -> None:
    root = instance({**SMALL, "responsibility/gongan.yaml": RESPONSIBILITY})
    run = evaluate(open_instance(root), 2025, dt.date(2026, 3, 1))
    values = _values(run, GONGAN)
    assert values["responsibility"] == 0.5  # the second entry was overdue on 2025-12-31
    assert values["update_cycle"] == 0.5
    card = next(c for c in run.cards if c.department.code == GONGAN)
    # 36.75 + 10×0.5 + 10×0.5 over the available weight 70
    assert card.score == pytest.approx(round(100 * 46.75 / 70, 2))
