"""Scorecards and the rectification list as JSON: every number with its formula, evidence and article."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TextIO

from govdata import __version__
from govdata.i18n import Lang
from govdata.report.base import write_json

if TYPE_CHECKING:
    from govdata.evaluate.run import EvaluationRun
    from govdata.evaluate.scorecard import Scorecard

FORMAT_VERSION = 1


def _card(card: Scorecard, lang: Lang) -> dict[str, Any]:
    return {
        "department": {"code": card.department.code, "name": card.department.name, "slug": card.department.slug},
        "score": card.score,
        "band": card.band,
        "coverage": round(card.coverage, 4),
        "indicators": [
            {
                "id": r.indicator.id,
                "title": r.indicator.title.get(lang),
                "article": r.indicator.article,
                "formula": r.indicator.formula.get(lang),
                "weight": r.weight,
                "value": None if r.measure.value is None else round(r.measure.value, 4),
                "numerator": r.measure.numerator,
                "denominator": r.measure.denominator,
                "available": r.measure.value is not None,
                "note": r.measure.note.get(lang) if r.measure.note else None,
                "evidence": [{"path": e.path, "commit": e.commit, "note": e.note} for e in r.measure.evidence],
            }
            for r in card.results
        ],
    }


def payload(run: EvaluationRun, lang: Lang) -> dict[str, Any]:
    return {
        "version": FORMAT_VERSION,
        "tool": {"name": "govdata", "version": __version__},
        "language": lang.value,
        "year": run.year,
        "as_of": run.as_of.isoformat(),
        "day": run.day.isoformat(),
        "commit": run.commit,
        "worktree": run.worktree,
        "note": run.note.get(lang) if run.note else None,
        "methodology": {
            "version": run.methodology_version,
            "weights": dict(run.context.methodology.weights),
            "bands": [{"name": b.name, "min_score": b.min_score} for b in run.context.methodology.bands],
            "review_days": run.context.methodology.review_days,
            "rectification_days": run.context.methodology.rectification_days,
        },
        "scorecards": [_card(card, lang) for card in run.cards],
        "rectification": [
            dict(item.diagnostic.to_dict(lang), department=item.department_code, due=item.due and item.due.isoformat())
            for item in run.items
        ],
    }


class EvaluationJsonReporter:
    def report(self, run: EvaluationRun, lang: Lang, stream: TextIO) -> None:
        write_json(payload(run, lang), stream)
