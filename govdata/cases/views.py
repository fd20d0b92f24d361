"""Cases as rows and records for ``govdata cases list``, ``show`` and ``due``; all computed for one day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from govdata.cases.deadlines import EXTENSION_LIMITS, STATUS_LABELS, Deadline, deadlines, remaining
from govdata.cases.flow import FINISHED, next_events, replay
from govdata.cases.ownership import PARTY_LABELS, owner
from govdata.i18n import Lang
from govdata.model.case import EVENT_LABELS, KIND_LABELS, Case
from govdata.model.catalog import Catalog, Document
from govdata.workdays import WorkCalendar, calendar_for

_OPEN = ("open", "overdue", "paused", "unknown")


@dataclass(frozen=True)
class View:
    """One case as of one day: its state and deadlines."""

    document: Document[Case]
    state: str
    deadlines: list[Deadline]

    @property
    def case(self) -> Case:
        return self.document.model

    def pending(self, today: dt.date) -> list[Deadline]:
        return [d for d in self.deadlines if d.status(today) in _OPEN]

    def next_due(self, today: dt.date) -> Deadline | None:
        dated = [d for d in self.pending(today) if d.due is not None]
        return min(dated, key=lambda d: d.due or dt.date.max) if dated else next(iter(self.pending(today)), None)


def views(catalog: Catalog, calendar: WorkCalendar | None = None) -> list[View]:
    calendar = calendar or calendar_for(catalog.config)
    authority = catalog.authority
    slug = authority.slug if authority else None
    found = [View(d, replay(d.model).state, deadlines(d.model, calendar, slug)) for d in catalog.cases]
    return sorted(found, key=lambda v: v.case.id)


def select(
    found: list[View],
    today: dt.date,
    *,
    department: str | None = None,
    kind: str | None = None,
    state: str | None = None,
    due_before: dt.date | None = None,
    overdue: bool = False,
) -> list[View]:
    """Views matching every filter given."""
    chosen = []
    for view in found:
        case = view.case
        if department and department not in (case.department, case.reporter):
            continue
        if kind and case.kind != kind or state and view.state != state:
            continue
        pending = view.pending(today)
        if due_before and not any(d.due is not None and d.due < due_before for d in pending):
            continue
        if overdue and not any(d.status(today) == "overdue" for d in pending):
            continue
        chosen.append(view)
    return chosen


def deadline_record(deadline: Deadline, today: dt.date, calendar: WorkCalendar, lang: Lang) -> dict[str, Any]:
    status = deadline.status(today)
    return {
        "key": deadline.key,
        "title": deadline.title.get(lang),
        "article": deadline.article,
        "due": deadline.due.isoformat() if deadline.due else None,
        "status": status,
        "status_label": STATUS_LABELS[status].get(lang),
        "met_on": deadline.met_on.isoformat() if deadline.met_on else None,
        "working_days_left": remaining(deadline, today, calendar) if status == "open" else None,
        "unknown_year": deadline.unknown_year,
        "explanation": deadline.explanation.get(lang),
    }


def case_row(catalog: Catalog, view: View, today: dt.date, lang: Lang) -> dict[str, Any]:
    case = view.case
    department = catalog.department_by_slug.get(case.department)
    due = view.next_due(today)
    return {
        "id": case.id,
        "kind": case.kind,
        "kind_label": KIND_LABELS[case.kind].get(lang),
        "state": view.state,
        "department": case.department,
        "department_name": department.name if department else None,
        "title": case.title,
        "resource": case.resource,
        "next_due": due.due.isoformat() if due and due.due else None,
        "next_due_status": due.status(today) if due else None,
        "finished": view.state in FINISHED,
        "path": view.document.path,
    }


def case_record(catalog: Catalog, view: View, today: dt.date, calendar: WorkCalendar, lang: Lang) -> dict[str, Any]:
    """Everything ``show`` prints: header, events, every deadline explained, the possible next events."""
    case = view.case
    record = case_row(catalog, view, today, lang)
    record.update(
        today=today.isoformat(),
        reporter=case.reporter,
        requester=case.requester.model_dump() if case.requester else None,
        items=list(case.items),
        description=case.description,
        evidence=list(case.evidence),
        agreed_date=case.agreed_date.isoformat() if case.agreed_date else None,
        changed_on=case.changed_on.isoformat() if case.changed_on else None,
        report_year=case.report_year,
        source=case.source,
        events=[e.model_dump(mode="json", exclude_none=True, exclude_defaults=True) for e in case.events],
        deadlines=[deadline_record(d, today, calendar, lang) for d in view.deadlines],
        next_events=[
            {"type": name, "label": EVENT_LABELS[name].get(lang), "by": PARTY_LABELS[party].get(lang)}
            for name in next_events(case.kind, view.state)
            if (party := owner(case.kind, name)) is not None and not (name == "extended" and _extension_used(case))
        ],
    )
    return record


def due_row(view: View, deadline: Deadline, today: dt.date, calendar: WorkCalendar, lang: Lang) -> dict[str, Any]:
    """One line of ``cases due``."""
    return {
        "id": view.case.id,
        "kind": view.case.kind,
        "department": view.case.department,
        "deadline": deadline.title.get(lang),
        "article": deadline.article,
        "due": deadline.due.isoformat() if deadline.due else None,
        "status": deadline.status(today),
        "working_days_left": remaining(deadline, today, calendar),
        "path": view.document.path,
    }


def _extension_used(case: Case) -> bool:
    limit = EXTENSION_LIMITS.get(case.kind)
    return limit is None or sum(e.type == "extended" for e in case.events) >= limit.times


def due_within(found: list[View], today: dt.date, days: int, calendar: WorkCalendar) -> list[tuple[View, Deadline]]:
    """Pending deadlines due within ``days`` working days of ``today``, and those already overdue."""
    chosen = []
    for view in found:
        for deadline in view.pending(today):
            status = deadline.status(today)
            if status == "overdue":
                chosen.append((view, deadline))
            elif status == "open":
                left = remaining(deadline, today, calendar)
                if left is not None and left <= days:
                    chosen.append((view, deadline))
    return sorted(chosen, key=lambda pair: (pair[1].due or dt.date.max, pair[0].case.id))


__all__ = ["View", "case_record", "case_row", "deadline_record", "due_row", "due_within", "select", "views"]
