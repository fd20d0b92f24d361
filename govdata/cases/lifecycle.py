"""Opening a case and appending its events, each step validated before it is written.

A step is refused with a usage error (exit 2, nothing written) when the event is not one the
case's state allows (:mod:`govdata.cases.flow`); it is refused with the findings (exit 1,
nothing written) when the edited file would fail its schema or carry a new error from the case
rules. Writing goes through a :class:`govdata.io.transaction.Transaction`: atomic, and refused
when someone else changed the file since it was read, so a failure at any point leaves the
original file byte for byte.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from govdata.cases.checks import case_findings
from govdata.cases.edit import Event, NewCase, append_event, new_case_text
from govdata.cases.flow import next_events, replay, step
from govdata.cases.ownership import Party, owner
from govdata.cases.store import case_path, find_case, load_cases, next_case_id
from govdata.errors import UsageError
from govdata.grants.checks import errors, introduced
from govdata.grants.lifecycle import Outcome as StepOutcome
from govdata.grants.lifecycle import StepRefused, current_text
from govdata.i18n import Text
from govdata.instance import Instance
from govdata.io.transaction import Transaction
from govdata.model.case import Case, CaseEvent
from govdata.model.catalog import Catalog
from govdata.model.kinds import CASE
from govdata.validation.loading import load_file

# The same refusal as a grant step's: the findings that stop it, nothing written.
CaseRefused = StepRefused


@dataclass(frozen=True)
class Outcome(StepOutcome):
    """The grant outcome (path, state before and after, warnings) and the id of the case."""

    case_id: str = ""


def open_case(instance: Instance, draft: NewCase) -> Outcome:
    """Write a new case file, or raise without writing. Without ``draft.id`` the next free id is taken."""
    transaction = Transaction(instance.root, "cases new")
    catalog, present = load_cases(instance, (draft.resource,) if draft.resource else (), transaction=transaction)
    day = draft.first.date if draft.first else None
    year = day.year if day else (draft.report_year + 1 if draft.report_year else None)
    if year is None:
        raise UsageError(Text("须用 --date 给出受理日期", "give the date of receipt with --date"))
    case_id = draft.id or next_case_id(draft.kind, year, present)
    path = case_path(case_id)
    if (instance.root / path).exists():
        raise UsageError(Text(f"{path} 已存在，未做任何修改", f"{path} already exists; nothing changed"))
    complete = dataclasses.replace(draft, id=case_id)
    if draft.first is not None and not draft.first.by:  # by default, the name of the party that receives
        complete = dataclasses.replace(
            complete, first=dataclasses.replace(draft.first, by=_receiving_party(catalog, draft))
        )
    text = new_case_text(path, complete)
    # A new case is judged on its own first day: only its form can be wrong, nothing is late yet.
    today = day or dt.date(year, 1, 1)
    findings = case_findings(instance.root, catalog, path, text.encode("utf-8"), today=today)
    if errors(findings):
        raise CaseRefused(
            Text("未建立事项：内容不符合要求，未写入文件", "case not opened: it would be invalid; nothing written"),
            errors(findings),
        )
    transaction.saw(path, None)  # a new file: written only if still absent
    transaction.commit({path: text})
    return Outcome(path, None, _state_of(text, path), findings, case_id)


def _receiving_party(catalog: Catalog, draft: NewCase) -> str:
    """The name of the party that records receipt (ownership table): the default ``by`` of a new case."""
    party = owner(draft.kind, "received")
    if party is Party.AUTHORITY:
        return catalog.authority.name if catalog.authority else "数据主管部门"
    slug = draft.reporter if party is Party.REPORTER else draft.department
    known = catalog.department_by_slug.get(slug or "")
    return known.name if known else slug or draft.department


def _state_of(text: str, path: str) -> str:
    document = load_file(path, CASE, text.encode("utf-8")).document
    assert document is not None and isinstance(document.model, Case)
    return replay(document.model).state


def record(instance: Instance, case_id: str, event: Event) -> Outcome:
    """Append ``event`` to case ``case_id`` and write it, or raise without writing."""
    transaction = Transaction(instance.root, f"cases event {event.type}")
    catalog, present = load_cases(instance, case_id=case_id, transaction=transaction)
    document = find_case(catalog, case_id, present)
    case = document.model
    before = replay(case)
    if case.events and event.date < case.events[-1].date:
        raise UsageError(
            Text(
                f"日期 {event.date} 早于最后一条记录（{case.events[-1].date}）；办理记录只能按时间先后追加",
                f"{event.date} is earlier than the last event ({case.events[-1].date}); events are appended in order",
            )
        )
    _, problem = step(
        case.kind,
        before.state,
        CaseEvent(date=event.date, type=event.type, by=event.by, outcome=event.outcome),  # type: ignore[arg-type]
    )
    if problem is not None:
        raise UsageError(problem)
    new_text = append_event(current_text(transaction, document.path), event)
    old = case_findings(instance.root, catalog, document.path, None, today=event.date)
    new = case_findings(instance.root, catalog, document.path, new_text.encode("utf-8"), today=event.date)
    blocking = introduced(old, new)
    if blocking:
        raise CaseRefused(
            Text(
                f"未记录：追加后的事项不符合要求，文件未改动（可记录：{'、'.join(next_events(case.kind, before.state))}）",
                "not recorded: the case would be invalid; the file is unchanged",
            ),
            blocking,
        )
    transaction.commit({document.path: new_text})
    return Outcome(document.path, before.state, _state_of(new_text, document.path), new, case.id)


__all__ = ["CaseRefused", "Outcome", "open_case", "record"]
