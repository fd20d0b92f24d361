"""Scorecards: each department's indicators weighed into a score and a band, per the methodology."""

from __future__ import annotations

from dataclasses import dataclass

from govdata.evaluate.base import EvaluationContext, Indicator, Measure
from govdata.evaluate.registry import weighted_indicators
from govdata.model.config import Evaluation
from govdata.model.registry import Department


@dataclass(frozen=True)
class Scored:
    indicator: Indicator
    weight: float
    measure: Measure


@dataclass(frozen=True)
class Scorecard:
    department: Department
    results: tuple[Scored, ...]
    score: float | None  # 0-100 over the available indicators; None when none is available
    band: str | None
    coverage: float  # share of the total weight whose indicators were available

    def result(self, indicator_id: str) -> Scored | None:
        return next((r for r in self.results if r.indicator.id == indicator_id), None)


def band_of(score: float | None, methodology: Evaluation) -> str | None:
    if score is None:
        return None
    for band in sorted(methodology.bands, key=lambda b: -b.min_score):
        if score >= band.min_score:
            return band.name
    return None


def score_of(results: list[Scored]) -> tuple[float | None, float]:
    """Weighted mean of the available values ×100, and the share of weight that was available."""
    total = sum(r.weight for r in results)
    available = [r for r in results if r.measure.value is not None]
    weight = sum(r.weight for r in available)
    if not weight:
        return None, 0.0
    score = 100 * sum(r.weight * (r.measure.value or 0.0) for r in available) / weight
    return round(score, 2), weight / total if total else 0.0


def scorecards(ctx: EvaluationContext) -> list[Scorecard]:
    """One scorecard per registered department, in registry order."""
    weighed = weighted_indicators(ctx.methodology)
    cards = []
    for department in ctx.catalog.departments:
        results = [Scored(indicator, weight, indicator.measure(ctx, department)) for indicator, weight in weighed]
        score, coverage = score_of(results)
        cards.append(Scorecard(department, tuple(results), score, band_of(score, ctx.methodology), coverage))
    return cards
