"""Yearly statistics per department: received, answered on time, late, median working days, extensions.

Each deadline is counted for the party that owes the event meeting it (the ownership table):
the producer for an answer, the authority for a catalog review or a dispatch. A deadline
belongs to the year its clock started (an annual report to the year it is due).
"""

from __future__ import annotations

import statistics
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from govdata.cases.deadlines import Deadline, days_to_meet
from govdata.cases.ownership import Party, owner
from govdata.cases.views import View
from govdata.model.catalog import Catalog
from govdata.workdays import WorkCalendar


@dataclass
class DepartmentStats:
    department: str
    name: str
    received: int = 0
    on_time: int = 0
    late: int = 0
    overdue: int = 0
    open: int = 0
    unknown: int = 0
    withdrawn: int = 0
    extensions: int = 0
    days: list[int] = field(default_factory=list)

    def as_row(self) -> dict[str, object]:
        return {
            "department": self.department,
            "name": self.name,
            "received": self.received,
            "on_time": self.on_time,
            "late": self.late,
            "overdue": self.overdue,
            "open": self.open,
            "unknown": self.unknown,
            "withdrawn": self.withdrawn,
            "median_working_days": statistics.median(self.days) if self.days else None,
            "extensions": self.extensions,
        }


def _party_slug(view: View, party: Party, authority: str | None) -> str | None:
    if party is Party.AUTHORITY:
        return authority
    return view.case.department if party is Party.DEPARTMENT else view.case.reporter


def owed_deadlines(view: View, authority: str | None) -> Iterator[tuple[str, Deadline]]:
    """The started deadlines of a case, each with the slug of the party that owes meeting it."""
    for deadline in view.deadlines:
        party = owner(view.case.kind, deadline.meets)
        if party is None or not deadline.started:
            continue
        slug = _party_slug(view, party, authority)
        if slug is not None:
            yield slug, deadline


def yearly(
    catalog: Catalog, found: list[View], year: int, today: date, calendar: WorkCalendar
) -> list[DepartmentStats]:
    authority = catalog.authority.slug if catalog.authority else None
    table: dict[str, DepartmentStats] = {}

    def entry(slug: str) -> DepartmentStats:
        if slug not in table:
            known = catalog.department_by_slug.get(slug)
            table[slug] = DepartmentStats(slug, known.name if known else slug)
        return table[slug]

    for view in found:
        for slug, deadline in owed_deadlines(view, authority):
            anchor = deadline.start or deadline.due
            if anchor is None or anchor.year != year:
                continue
            stats = entry(slug)
            stats.received += 1
            status = deadline.status(today)
            key = status.replace("-", "_")
            if key in ("on_time", "late", "overdue", "open", "unknown", "withdrawn"):
                setattr(stats, key, getattr(stats, key) + 1)
            elif status == "paused":
                stats.open += 1
            spent = days_to_meet(view.case, deadline, calendar)
            if spent is not None:
                stats.days.append(spent)
        start = next((e.date for e in view.case.events), None)
        if start is not None and start.year == year:
            used = sum(1 for e in view.case.events if e.type == "extended")
            if used:
                entry(view.case.department).extensions += used
    return sorted(table.values(), key=lambda s: s.department)


__all__ = ["DepartmentStats", "owed_deadlines", "yearly"]
