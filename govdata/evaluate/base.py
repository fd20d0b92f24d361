"""What an indicator is given (the evaluation context) and what it returns (a measure with evidence)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import ClassVar

from govdata.cases.views import View, views
from govdata.diagnostics import Diagnostic
from govdata.i18n import Text
from govdata.model.catalog import Catalog
from govdata.model.config import Evaluation
from govdata.model.registry import Department
from govdata.workdays import WorkCalendar


@dataclass(frozen=True, slots=True)
class Evidence:
    """A file or a commit a number rests on, with what it shows."""

    path: str | None
    commit: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Measure:
    """One indicator for one department. ``value`` is None when it cannot be computed: then
    ``note`` says why, and the indicator is left out of the score (never a made-up number)."""

    value: float | None
    numerator: float = 0
    denominator: float = 0
    evidence: tuple[Evidence, ...] = ()
    note: Text | None = None

    @classmethod
    def ratio(cls, passed: float, total: float, evidence: Iterable[Evidence], empty: Text) -> Measure:
        """``passed / total``; not available (with ``empty`` as the reason) when ``total`` is 0."""
        kept = tuple(evidence)
        if total == 0:
            return cls(None, 0, 0, kept, empty)
        return cls(passed / total, passed, total, kept)


@dataclass(frozen=True, slots=True)
class CatalogUpdate:
    """A change of a department's catalog files landed on the main line (Art. 19)."""

    commit: str
    slug: str
    put_forward: dt.date  # earliest author date of what the landing brought in
    landed: dt.date
    working_days: int | None  # None: a year without an official calendar
    paths: tuple[str, ...]


@dataclass
class EvaluationContext:
    """Everything an indicator may read. ``as_of`` is the day the year is judged on: its last day,
    or the day of the run when the year is not over."""

    catalog: Catalog
    year: int
    as_of: dt.date
    calendar: WorkCalendar
    methodology: Evaluation
    findings: list[Diagnostic] = field(default_factory=list)
    updates: list[CatalogUpdate] | None = None  # None: no git history to read
    history_note: Text | None = None
    commit: str | None = None  # the commit evaluated, cited beside files read at it

    @cached_property
    def case_views(self) -> list[View]:
        """Every case with its deadlines, computed once by the cases package (no second count)."""
        return views(self.catalog, self.calendar)

    @cached_property
    def findings_by_path(self) -> dict[str, list[Diagnostic]]:
        index: dict[str, list[Diagnostic]] = {}
        for diagnostic in self.findings:
            index.setdefault(diagnostic.location.path, []).append(diagnostic)
        return index

    def rule_hits(self, path: str, rule_id: str) -> bool:
        return any(d.rule_id == rule_id for d in self.findings_by_path.get(path, []))


class Indicator:
    """One indicator: metadata as class variables and ``measure`` per department."""

    id: ClassVar[str]
    title: ClassVar[Text]
    article: ClassVar[str]
    formula: ClassVar[Text]

    def measure(self, ctx: EvaluationContext, department: Department) -> Measure:
        raise NotImplementedError
