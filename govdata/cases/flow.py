"""Which event may follow which: the state of a case replayed from its events.

The state is never stored. :func:`replay` walks the events in file order and returns the state
they lead to, with every problem found on the way (an event the kind does not have, one that
the state does not allow, a date earlier than the one before, a missing outcome). ``govdata
cases event`` refuses a step that :func:`next_events` does not offer; rule GD405 reports the
problems of files edited by hand.

=================  ===========================================================================
kind               events in order (``→`` one after another; ``|`` alternatives)
=================  ===========================================================================
interface          received → extended? → answered | withdrawn
catalog-update     received → answered | withdrawn
problem-data       received → dispatched → decided 更正 → corrected → re-aggregated
                   (decided 不更正 ends the case; withdrawn before the decision)
correction         received → (paused → resumed)* → extended? → answered 同意 → corrected?
                   (answered 不同意 ends it; withdrawn until answered)
open-application   as correction, without corrected
annual-report      answered (the report is submitted)
=================  ===========================================================================

Pauses exist only where a requester must supplement an application (Art. 40, 41): the time the
requester takes is not the department's; the regulation gives no other reason to stop a clock.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from govdata.diagnostics import Pointer
from govdata.i18n import Text
from govdata.model.case import EVENT_LABELS, Case, CaseEvent

NEW = "待受理"
DUE = "待提交"  # an annual report not yet submitted
OPEN = "办理中"
DISPATCHED = "已分发"
TO_CORRECT = "待更正"
CORRECTED = "已更正"
CLOSED = "已办结"
ANSWERED = "已答复"
WITHDRAWN = "已撤回"
PAUSED = "已中止计时"

STATES = (NEW, DUE, OPEN, DISPATCHED, TO_CORRECT, CORRECTED, PAUSED, ANSWERED, CLOSED, WITHDRAWN)
# No deadline runs any more in these states.
FINISHED = frozenset({ANSWERED, CLOSED, WITHDRAWN})

_APPLICATION = {
    "received": ({NEW}, OPEN),
    "paused": ({OPEN}, PAUSED),
    "resumed": ({PAUSED}, OPEN),
    "extended": ({OPEN}, OPEN),
    "answered": ({OPEN}, ANSWERED),
    "withdrawn": ({OPEN, PAUSED}, WITHDRAWN),
}
# kind -> event type -> (states it may follow, state it leads to)
TRANSITIONS: dict[str, dict[str, tuple[set[str], str]]] = {
    "interface": {
        "received": ({NEW}, OPEN),
        "extended": ({OPEN}, OPEN),
        "answered": ({OPEN}, ANSWERED),
        "withdrawn": ({OPEN}, WITHDRAWN),
    },
    "catalog-update": {
        "received": ({NEW}, OPEN),
        "answered": ({OPEN}, ANSWERED),
        "withdrawn": ({OPEN}, WITHDRAWN),
    },
    "problem-data": {
        "received": ({NEW}, OPEN),
        "dispatched": ({OPEN}, DISPATCHED),
        "decided": ({DISPATCHED}, TO_CORRECT),  # 不更正 leads to CLOSED instead
        "corrected": ({TO_CORRECT}, CORRECTED),
        "re-aggregated": ({CORRECTED}, CLOSED),
        "withdrawn": ({OPEN, DISPATCHED}, WITHDRAWN),
    },
    "correction": {**_APPLICATION, "corrected": ({ANSWERED}, CORRECTED)},
    "open-application": dict(_APPLICATION),
    "annual-report": {"answered": ({DUE}, ANSWERED)},
}
# Events that must carry an outcome, and the outcomes they may carry, per kind.
OUTCOMES: dict[tuple[str, str], frozenset[str]] = {
    ("problem-data", "decided"): frozenset({"更正", "不更正"}),
    ("correction", "answered"): frozenset({"同意", "不同意"}),
    ("open-application", "answered"): frozenset({"同意", "不同意"}),
}
REFUSALS = frozenset({"不更正", "不同意"})


def initial_state(case: Case) -> str:
    return DUE if case.kind == "annual-report" else NEW


@dataclass
class Replay:
    """Where the events of a case lead, and what was wrong on the way."""

    state: str
    problems: list[tuple[Pointer, Text]] = field(default_factory=list)


def _label(event_type: str) -> str:
    return f"{EVENT_LABELS[event_type].zh}（{event_type}）"


def step(kind: str, state: str, event: CaseEvent) -> tuple[str, Text | None]:
    """The state after ``event`` and, when the event is not allowed there, why (state unchanged)."""
    table = TRANSITIONS[kind]
    if event.type not in table:
        possible = "、".join(table)
        return state, Text(
            f"此类事项没有“{_label(event.type)}”事件；可用：{possible}",
            f"a {kind} case has no {event.type} event; possible: {possible.replace('、', ', ')}",
        )
    sources, target = table[event.type]
    if state not in sources:
        possible = "、".join(next_events(kind, state)) or "无"
        return state, Text(
            f"状态为“{state}”时不能记录“{_label(event.type)}”；可记录：{possible}",
            f"{event.type} cannot follow state {state}; possible: {possible.replace('、', ', ')}",
        )
    allowed = OUTCOMES.get((kind, event.type))
    if allowed is not None and event.outcome not in allowed:
        return state, Text(
            f"“{_label(event.type)}”须写明结果 outcome：{' 或 '.join(sorted(allowed))}",
            f"{event.type} needs an outcome: {' or '.join(sorted(allowed))}",
        )
    if allowed is None and event.outcome is not None:
        return state, Text(
            f"“{_label(event.type)}”不应有结果 outcome", f"{event.type} takes no outcome in a {kind} case"
        )
    if event.type == "decided" and event.outcome == "不更正":
        return CLOSED, None
    return target, None


def next_events(kind: str, state: str) -> list[str]:
    """The event types that may be recorded on a case of ``kind`` in ``state``, in table order."""
    return [name for name, (sources, _) in TRANSITIONS[kind].items() if state in sources]


def _agreed(case: Case, upto: int) -> bool:
    answers = [e for e in case.events[:upto] if e.type == "answered"]
    return bool(answers) and answers[-1].outcome == "同意"


def _problems(case: Case) -> Iterator[tuple[int, Pointer, Text]]:
    state = initial_state(case)
    for index, event in enumerate(case.events):
        if index and event.date < case.events[index - 1].date:
            yield (
                index,
                ("events", index, "date"),
                Text(
                    f"记录日期 {event.date} 早于上一条的 {case.events[index - 1].date}；办理记录应按时间先后追加",
                    f"event dated {event.date} follows one dated {case.events[index - 1].date}; events are appended in order",
                ),
            )
        if event.type == "corrected" and case.kind == "correction" and state == ANSWERED and not _agreed(case, index):
            yield (
                index,
                ("events", index, "type"),
                Text("答复为不同意更正，不应再记录更正", "the answer refused the correction; nothing to correct"),
            )
            continue
        state, problem = step(case.kind, state, event)
        if problem is not None:
            yield index, ("events", index, "type"), problem
        if event.type in ("paused", "withdrawn", "extended") and event.reason is None:
            yield (
                index,
                ("events", index),
                Text(f"“{_label(event.type)}”须写明理由 reason", f"{event.type} needs a reason"),
            )


def replay(case: Case) -> Replay:
    """The state the events lead to (skipping events that were not allowed) and the problems."""
    state = initial_state(case)
    problems: list[tuple[Pointer, Text]] = []
    bad = set()
    for index, pointer, text in _problems(case):
        problems.append((pointer, text))
        if pointer[-1] == "type":
            bad.add(index)
    for index, event in enumerate(case.events):
        if index not in bad:
            state, _ = step(case.kind, state, event)
    return Replay(state, problems)


__all__ = [
    "FINISHED",
    "OUTCOMES",
    "REFUSALS",
    "STATES",
    "TRANSITIONS",
    "Replay",
    "initial_state",
    "next_events",
    "replay",
    "step",
]
