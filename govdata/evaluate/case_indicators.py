"""Deadlines of cases met in time (Art. 8, 19, 23-24, 40-41, 55), read from the cases package.

Due dates, extensions, pauses and the party that owes each deadline are all computed by
:mod:`govdata.cases` (the same numbers as ``govdata cases show`` and ``stats``); this module only
picks the deadlines of one department and year and counts them.

A deadline belongs to the year it falls due; one whose due date is unknown (a year the working-day
calendar does not know) to the year its clock started, as in ``govdata cases stats``. Only
deadlines decided on the evaluation day count: met on time (passed), met late or overdue (failed).
Still open, paused, withdrawn or with an unknown due date: listed in the evidence, not counted.
"""

from __future__ import annotations

from collections.abc import Collection

from govdata.cases.deadlines import STATUS_LABELS, Deadline
from govdata.cases.stats import owed_deadlines
from govdata.cases.views import View
from govdata.evaluate.base import EvaluationContext, Evidence, Indicator, Measure
from govdata.i18n import Text
from govdata.model.registry import Department

PASSED = ("on-time",)
FAILED = ("late", "overdue")


def deadlines_of_year(
    ctx: EvaluationContext, department: Department, kinds: Collection[str] | None = None
) -> list[tuple[View, Deadline]]:
    """The deadlines the department owes that fall due in ``ctx.year`` (or started then, due unknown)."""
    authority = ctx.catalog.authority.slug if ctx.catalog.authority else None
    chosen = []
    for view in ctx.case_views:
        if kinds is not None and view.case.kind not in kinds:
            continue
        for slug, deadline in owed_deadlines(view, authority):
            anchor = deadline.due or deadline.start
            if slug == department.slug and anchor is not None and anchor.year == ctx.year:
                chosen.append((view, deadline))
    return chosen


def deadlines_met(
    ctx: EvaluationContext, department: Department, kinds: Collection[str] | None, empty: Text
) -> Measure:
    """Deadlines met on time ÷ deadlines decided (met, met late, overdue) on the evaluation day."""
    passed = failed = 0
    evidence = []
    for view, deadline in deadlines_of_year(ctx, department, kinds):
        status = deadline.status(ctx.as_of)
        passed += status in PASSED
        failed += status in FAILED
        counted = "" if status in PASSED + FAILED else "，不计 / not counted"
        due = deadline.due.isoformat() if deadline.due else "未知 / unknown"
        evidence.append(
            Evidence(
                view.document.path,
                ctx.commit,
                f"{view.case.id} {deadline.article} {deadline.title.zh} 到期 {due} "
                f"{STATUS_LABELS[status].zh} / {STATUS_LABELS[status].en}{counted}",
            )
        )
    return Measure.ratio(passed, passed + failed, evidence, empty)


class CasesOnTime(Indicator):
    id = "cases"
    title = Text("办件按时办结率", "cases answered on time")
    article = "Art. 8, 19, 23-24, 40-41, 55"
    formula = Text(
        "本部门应办的办件期限（cases/ 中由 govdata cases 计算的到期日，含依法批准的延期和中止计时）中，"
        "到期日在本年度、且在评价日已有结果的：按时办结数 ÷（按时办结 + 逾期办结 + 已逾期未办结）。"
        "到期日未知（工作日历未收录的年份）的按起算年度归属，不计入；未到期、中止计时、已撤回的不计入。",
        "deadlines the department owes in cases/ (due dates computed by govdata cases, with lawful extensions "
        "and pauses) falling due in the year and decided on the evaluation day: met on time ÷ (met on time + "
        "met late + overdue). A deadline with an unknown due date (a year the calendar does not know) belongs "
        "to the year its clock started and is not counted; open, paused and withdrawn ones are not counted.",
    )

    def measure(self, ctx: EvaluationContext, department: Department) -> Measure:
        none = Text("本年度没有到期的办件", "no case deadline fell due in the year")
        return deadlines_met(ctx, department, None, none)


def open_applications_answered(ctx: EvaluationContext, department: Department) -> Measure:
    """Conditional-opening applications (Art. 41) answered within 10 (+10 extended) working days."""
    none = Text("本年度没有到期的开放申请", "no open application fell due in the year")
    return deadlines_met(ctx, department, ("open-application",), none)
