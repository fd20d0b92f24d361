"""Case files as text: a new case, and one event appended in place.

Appending edits the round-trip tree, so comments, key order and everything the event does not
touch are kept. Earlier events are never rewritten: the list is append-only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from govdata.fmt.canonical import format_text, key_order
from govdata.io.edit import append, commented, load_for_edit, quoted, set_key
from govdata.io.roundtrip import dump_round_trip
from govdata.model.case import Case
from govdata.model.kinds import CASE


@dataclass(frozen=True)
class Event:
    """One event as the user gave it (``govdata cases event``)."""

    type: str
    date: dt.date
    by: str
    outcome: str | None = None
    reason: str | None = None
    basis: str | None = None
    approver: str | None = None
    days: int | None = None
    note: str | None = None
    evidence: tuple[str, ...] = ()

    def as_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "date": quoted(self.date),
            "type": self.type,
            "by": self.by,
            "outcome": self.outcome,
            "reason": self.reason,
            "basis": self.basis,
            "approver": self.approver,
            "days": self.days,
            "note": self.note,
            "evidence": list(self.evidence) or None,
        }
        return {key: value for key, value in data.items() if value is not None}


@dataclass(frozen=True)
class NewCase:
    """What ``govdata cases new`` (or ``from-issue``) asks for. ``first`` is the opening event, if any."""

    kind: str
    title: str
    department: str
    first: Event | None
    id: str | None = None
    reporter: str | None = None
    requester: tuple[str, str] | None = None
    resource: str | None = None
    items: tuple[str, ...] = ()
    description: str | None = None
    evidence: tuple[str, ...] = ()
    agreed_date: dt.date | None = None
    changed_on: dt.date | None = None
    report_year: int | None = None
    source: str | None = None


def append_event(text: str, event: Event) -> str:
    """The case text with ``event`` appended to ``events`` (the key is created where it belongs)."""
    tree = load_for_edit(text)
    events = tree.get("events")
    if events is None or not len(events):
        set_key(tree, "events", [event.as_data()], key_order(Case))
    else:
        append(events, event.as_data())
    return dump_round_trip(tree)


def new_case_text(path: str, draft: NewCase) -> str:
    """The file of a new case, formatted like ``govdata fmt`` would."""
    data: dict[str, Any] = {
        "id": draft.id,
        "kind": draft.kind,
        "title": draft.title,
        "department": draft.department,
        "reporter": draft.reporter,
        "requester": {"name": draft.requester[0], "contact": draft.requester[1]} if draft.requester else None,
        "resource": quoted(draft.resource) if draft.resource else None,
        "items": list(draft.items) or None,
        "description": draft.description,
        "evidence": list(draft.evidence) or None,
        "agreed_date": quoted(draft.agreed_date) if draft.agreed_date else None,
        "changed_on": quoted(draft.changed_on) if draft.changed_on else None,
        "report_year": draft.report_year,
        "source": draft.source,
        "events": [draft.first.as_data()] if draft.first else None,
    }
    body = dump_round_trip(commented({key: value for key, value in data.items() if value is not None}))
    header = "# 办理事项：由 govdata cases 管理；办理记录只追加，请用 govdata cases event 记录，期限由工作日历计算\n"
    result = format_text(path, header + body, CASE)
    assert isinstance(result, str), result  # our own output always parses
    return result


__all__ = ["Event", "NewCase", "append_event", "new_case_text"]
