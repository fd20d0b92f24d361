"""Grant files as text: a new request, and one lifecycle step applied in place.

Steps edit the round-trip tree, so comments, key order and the formatting of everything the
step does not touch are kept; new keys go where the model declares them. Whether the result
is a valid grant is :mod:`govdata.grants.checks`' question, not this module's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from govdata.fmt.canonical import format_text, key_order
from govdata.io.edit import append, commented, load_for_edit, quoted, set_key
from govdata.io.roundtrip import dump_round_trip
from govdata.model.grant import Action, Grant
from govdata.model.kinds import GRANT


@dataclass(frozen=True)
class Step:
    """One lifecycle command as the user gave it."""

    action: Action
    date: dt.date
    by: str
    reason: str | None = None
    conditions: tuple[str, ...] = ()
    until: dt.date | None = None


@dataclass(frozen=True)
class Request:
    """What ``govdata grant new`` (or ``demands draft-grant``) asks for.

    ``applicant`` is the applicant's credit code by the time the text is written.
    """

    title: str
    applicant: str
    resource: str
    items: tuple[str, ...]
    scenario: str
    duty_basis: str | None
    method: str
    valid_from: dt.date
    valid_until: dt.date
    by: str
    date: dt.date
    id: str | None = None
    batch_reason: str | None = None
    justifications: tuple[tuple[str, str], ...] = ()
    demand: str | None = None


def apply_step(text: str, step: Step) -> str:
    """The grant text after ``step``: status, decision, validity and a new history entry."""
    tree = load_for_edit(text)
    order = key_order(Grant)
    action = step.action
    set_key(tree, "status", action.target, order)
    if action.name in ("approve", "reject"):
        decision: dict[str, Any] = {
            "outcome": "批准" if action.name == "approve" else "驳回",
            "decided_by": step.by,
            "date": quoted(step.date),
            "reason": step.reason,
        }
        if step.conditions:
            decision["conditions"] = list(step.conditions)
        set_key(tree, "decision", decision, order)
    if step.until is not None:
        set_key(tree, "valid_until", quoted(step.until), order)
    entry: dict[str, Any] = {"date": quoted(step.date), "status": action.target, "by": step.by}
    if step.reason:
        entry["reason"] = step.reason
    if action.name == "renew" and step.until is not None:
        entry["valid_until"] = quoted(step.until)
    append(tree["history"], entry)
    return dump_round_trip(tree)


def request_text(path: str, request: Request) -> str:
    """The file of a new grant request, in status 申请中, formatted like ``govdata fmt`` would."""
    justifications = dict(request.justifications)
    items: list[dict[str, str]] = []
    for name in request.items:
        item = {"name": name}
        if name in justifications:
            item["justification"] = justifications[name]
        items.append(item)
    data: dict[str, Any] = {
        "id": request.id,
        "title": request.title,
        "applicant": request.applicant,
        "resource": quoted(request.resource),
        "items": items,
        "scenario": request.scenario,
        "duty_basis": request.duty_basis,
        "method": request.method,
        "batch_reason": request.batch_reason,
        "valid_from": quoted(request.valid_from),
        "valid_until": quoted(request.valid_until),
        "demand": request.demand,
        "status": "申请中",
        "history": [{"date": quoted(request.date), "status": "申请中", "by": request.by}],
    }
    body = dump_round_trip(commented({key: value for key, value in data.items() if value is not None}))
    header = "# 数据共享授权申请（第七条、第九条）：由 govdata grant 管理，状态变更请使用 govdata grant 命令\n"
    result = format_text(path, header + body, GRANT)
    assert isinstance(result, str), result  # our own output always parses
    return result


__all__ = ["Request", "Step", "apply_step", "request_text"]
