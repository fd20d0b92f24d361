"""Scorecards as CSV: one row per department and indicator, for spreadsheets."""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING, TextIO

from govdata.i18n import Lang

if TYPE_CHECKING:
    from govdata.evaluate.run import EvaluationRun

HEADER = [
    "year",
    "as_of",
    "day",
    "commit",
    "methodology",
    "department_code",
    "department",
    "indicator",
    "title",
    "article",
    "weight",
    "value",
    "numerator",
    "denominator",
    "note",
    "evidence",
    "score",
    "band",
]


class EvaluationCsvReporter:
    def report(self, run: EvaluationRun, lang: Lang, stream: TextIO) -> None:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(HEADER)
        for card in run.cards:
            for r in card.results:
                m = r.measure
                writer.writerow(
                    [
                        run.year,
                        run.as_of,
                        run.day,
                        run.commit or "",
                        run.methodology_version,
                        card.department.code,
                        card.department.name,
                        r.indicator.id,
                        r.indicator.title.get(lang),
                        r.indicator.article,
                        r.weight,
                        "" if m.value is None else f"{m.value:.4f}",
                        m.numerator,
                        m.denominator,
                        m.note.get(lang) if m.note else "",
                        " ".join(f"{e.path or ''}@{e.commit[:10]}" if e.commit else (e.path or "") for e in m.evidence),
                        "" if card.score is None else card.score,
                        card.band or "",
                    ]
                )
