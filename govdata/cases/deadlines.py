"""Every due date of a case, computed from its events and the working-day calendar at read time.

Nothing here is stored: the same file read on another day, or with a calendar that has since
learnt a year, gives the answer of that day. A deadline whose count reaches a year the calendar
does not know is *unknown* (never guessed); one whose clock a pause stopped is *paused*.

Extensions count only when they name an approver, and never beyond what the article allows
(Art. 8: 5 working days; Art. 40, 41: once, 10 working days): an extension the law does not
grant cannot move a due date. GD402 reports such extensions.
"""

from __future__ import annotations

import calendar as month_calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from govdata.cases.counting import Count, Pause, count_working_days, explain_count, working_days_between
from govdata.i18n import Text
from govdata.model.case import Case, CaseEvent
from govdata.workdays import WorkCalendar


@dataclass(frozen=True)
class ExtensionLimit:
    days: int
    times: int
    approver: Text


# Art. 8: the authority approves a written request, at most 5 working days; Art. 40, 41: the
# producer's principal head approves, once, at most 10 working days. Other kinds have none.
EXTENSION_LIMITS: dict[str, ExtensionLimit] = {
    "interface": ExtensionLimit(5, 1, Text("数据主管部门", "the data authority")),
    "correction": ExtensionLimit(10, 1, Text("数据生产部门主要负责人", "the producer's principal head")),
    "open-application": ExtensionLimit(10, 1, Text("数据生产部门主要负责人", "the producer's principal head")),
}

# The event that meets each deadline (its owner, in :mod:`govdata.cases.ownership`, owes it).
MEETS = {
    "provide": "answered",
    "apply": "received",
    "review": "answered",
    "decide": "decided",
    "correct": "re-aggregated",
    "answer": "answered",
    "report": "answered",
}

STATUS_LABELS: dict[str, Text] = {
    "on-time": Text("按期办结", "met on time"),
    "late": Text("逾期办结", "met late"),
    "open": Text("未到期", "open"),
    "overdue": Text("已逾期", "overdue"),
    "unknown": Text("期限未知", "due date unknown"),
    "paused": Text("中止计时", "paused"),
    "withdrawn": Text("已撤回", "withdrawn"),
    "not-started": Text("未起算", "not started"),
}


@dataclass(frozen=True)
class Deadline:
    """One obligation of a case: when it is due, why, and whether and when it was met."""

    key: str
    title: Text
    article: str
    due: dt.date | None
    explanation: Text
    met_on: dt.date | None = None
    started: bool = True
    withdrawn: bool = False
    paused: bool = False
    unknown_year: int | None = None
    start: dt.date | None = None
    # A day by which meeting the deadline is on time whatever the calendar says (N working days
    # are never fewer than N calendar days): lets a quick answer count as on time in an unknown year.
    surely_by: dt.date | None = None

    @property
    def meets(self) -> str:
        """The event type that meets this deadline."""
        return MEETS[self.key]

    def status(self, today: dt.date) -> str:
        if self.met_on is not None and self.started:
            if self.due is None:
                return "on-time" if self.surely_by is not None and self.met_on <= self.surely_by else "unknown"
            return "on-time" if self.met_on <= self.due else "late"
        if self.withdrawn:
            return "withdrawn"
        if not self.started:
            return "not-started"
        if self.paused:
            return "paused"
        if self.due is None:
            return "unknown"
        return "overdue" if today > self.due else "open"


def _first(case: Case, event_type: str) -> CaseEvent | None:
    return next((event for event in case.events if event.type == event_type), None)


def pauses_of(case: Case) -> list[Pause]:
    """(paused, resumed) pairs in order; the last has no end while the case is still paused."""
    pairs: list[Pause] = []
    for event in case.events:
        if event.type == "paused":
            pairs.append((event.date, None))
        elif event.type == "resumed" and pairs and pairs[-1][1] is None:
            pairs[-1] = (pairs[-1][0], event.date)
    return pairs


def granted_extension(case: Case) -> tuple[int, list[CaseEvent]]:
    """Working days of extension the law lets count, and the extension events that count."""
    limit = EXTENSION_LIMITS.get(case.kind)
    extensions = [e for e in case.events if e.type == "extended"]
    if limit is None:
        return 0, []
    counted = [e for e in extensions[: limit.times] if e.approver and e.days]
    total = min(sum(e.days or 0 for e in counted), limit.days)
    return total, counted


def _by_count(
    key: str,
    title: Text,
    article: str,
    calendar: WorkCalendar,
    start_event: CaseEvent | None,
    start_label: Text,
    days: int,
    met: CaseEvent | None,
    withdrawn: CaseEvent | None,
    pauses: Sequence[Pause] = (),
    extension: int = 0,
) -> Deadline:
    if start_event is None:
        return Deadline(
            key,
            title,
            article,
            None,
            Text(f"{start_label.zh}后起算 {days} 个工作日", f"{days} working days from {start_label.en}"),
            started=False,
            withdrawn=withdrawn is not None,
        )
    count: Count = count_working_days(calendar, start_event.date, days + extension, pauses)
    explanation = explain_count(count, start_label)
    if extension:
        explanation = Text(
            explanation.zh.replace(f"起 {days + extension} 个工作日", f"起 {days}+{extension}（延期）个工作日"),
            explanation.en.replace(
                f"; {days + extension} working days", f"; {days}+{extension} (extended) working days"
            ),
        )
    return Deadline(
        key,
        title,
        article,
        count.due,
        explanation,
        met_on=met.date if met else None,
        withdrawn=withdrawn is not None,
        paused=count.paused_open is not None,
        unknown_year=count.unknown_year,
        start=start_event.date,
        surely_by=start_event.date + dt.timedelta(days=days + extension),
    )


def _interface(case: Case, calendar: WorkCalendar, withdrawn: CaseEvent | None) -> Deadline:
    title = Text("提供服务接口", "provide the interface")
    received, answered = _first(case, "received"), _first(case, "answered")
    if case.agreed_date is None:
        return Deadline(
            "provide",
            title,
            "Art. 8",
            None,
            Text("缺少双方协商的约定日期 agreed_date，期限未知", "no agreed_date: the due date is unknown"),
            met_on=answered.date if answered else None,
            started=received is not None,
            withdrawn=withdrawn is not None,
        )
    extension, counted = granted_extension(case)
    due: dt.date | None = case.agreed_date
    explanation = Text(f"约定日期 {case.agreed_date.isoformat()}", f"agreed date {case.agreed_date.isoformat()}")
    unknown = None
    if extension:
        count = count_working_days(calendar, case.agreed_date, extension)
        due, unknown = count.due, count.unknown_year
        approver = "、".join(e.approver or "" for e in counted)
        more = explain_count(count, Text("约定日期", "agreed date"))
        explanation = Text(f"经{approver}批准延期：{more.zh}", f"extension approved by {approver}: {more.en}")
    return Deadline(
        "provide",
        title,
        "Art. 8",
        due,
        explanation,
        met_on=answered.date if answered else None,
        started=received is not None,
        withdrawn=withdrawn is not None,
        unknown_year=unknown,
        start=received.date if received else None,
        surely_by=case.agreed_date,
    )


def _annual(case: Case, authority_slug: str | None, withdrawn: CaseEvent | None) -> Deadline:
    answered = _first(case, "answered")
    title = Text("提交年度报告", "submit the yearly report")
    if case.report_year is None:
        return Deadline(
            "report", title, "Art. 55", None, Text("缺少报告年度 report_year", "no report_year: due date unknown")
        )
    year = case.report_year + 1
    zone = case.department == authority_slug
    due = (
        dt.date(year, 2, month_calendar.monthrange(year, 2)[1]) if zone else dt.date(year, 1, 31)
    )  # 1月底前 / 2月底前: calendar days, not moved off a weekend
    explanation = Text(
        f"{case.report_year} 年度{'全区年度报告 2 月底前' if zone else '部门报告 1 月底前'}提交：{due.isoformat()}（日历日，不顺延）",
        f"{case.report_year} {'zone report by the end of February' if zone else 'department report by the end of January'}: "
        f"{due.isoformat()} (a calendar date, not moved)",
    )
    return Deadline(
        "report", title, "Art. 55", due, explanation, met_on=answered.date if answered else None, withdrawn=False
    )


def deadlines(case: Case, calendar: WorkCalendar, authority_slug: str | None = None) -> list[Deadline]:
    """The deadlines of ``case`` in the order they arise."""
    withdrawn = _first(case, "withdrawn")
    received = _first(case, "received")
    if case.kind == "interface":
        return [_interface(case, calendar, withdrawn)]
    if case.kind == "annual-report":
        return [_annual(case, authority_slug, withdrawn)]
    if case.kind == "catalog-update":
        changed = (
            CaseEvent(date=case.changed_on, type="received", by="—") if case.changed_on is not None else None
        )  # the change itself starts the department's clock
        return [
            _by_count(
                "apply",
                Text("申请更新目录", "apply to update the catalog"),
                "Art. 19",
                calendar,
                changed,
                Text("法律法规或职能变更", "law or duty changed"),
                5,
                received,
                withdrawn,
            ),
            _by_count(
                "review",
                Text("审核并更新目录和责任清单", "review and update catalog and responsibility list"),
                "Art. 19",
                calendar,
                received,
                Text("收到申请", "received"),
                5,
                _first(case, "answered"),
                withdrawn,
            ),
        ]
    if case.kind == "problem-data":
        decided = _first(case, "decided")
        found = [
            _by_count(
                "decide",
                Text("核实并作出是否更正的决定", "decide whether to correct"),
                "Art. 24",
                calendar,
                _first(case, "dispatched"),
                Text("分发", "dispatched"),
                5,
                decided,
                withdrawn,
            )
        ]
        if decided is None or decided.outcome == "更正":
            found.append(
                _by_count(
                    "correct",
                    Text("从源头更正并重新汇聚", "correct at source and re-aggregate"),
                    "Art. 24",
                    calendar,
                    decided,
                    Text("作出更正决定", "decided to correct"),
                    10,
                    _first(case, "re-aggregated"),
                    withdrawn,
                )
            )
        return found
    extension, _ = granted_extension(case)
    return [
        _by_count(
            "answer",
            Text("答复申请人", "answer the requester"),
            "Art. 40" if case.kind == "correction" else "Art. 41",
            calendar,
            received,
            Text("收到申请", "received"),
            10,
            _first(case, "answered"),
            withdrawn,
            pauses_of(case),
            extension,
        )
    ]


def days_to_meet(case: Case, deadline: Deadline, calendar: WorkCalendar) -> int | None:
    """Working days from the start of ``deadline`` to the day it was met (pauses left out)."""
    if deadline.start is None or deadline.met_on is None:
        return None
    return working_days_between(calendar, deadline.start, deadline.met_on, pauses_of(case))


def remaining(deadline: Deadline, today: dt.date, calendar: WorkCalendar) -> int | None:
    """Working days from ``today`` to the due date (0 on the day; None when not computable)."""
    if deadline.due is None or deadline.due < today:
        return None
    return working_days_between(calendar, today, deadline.due)


__all__ = [
    "EXTENSION_LIMITS",
    "STATUS_LABELS",
    "Deadline",
    "ExtensionLimit",
    "days_to_meet",
    "deadlines",
    "granted_extension",
    "pauses_of",
    "remaining",
]
