"""GD403: a decision to correct problem data with no correction within its period."""

from __future__ import annotations

from collections.abc import Iterator

from govdata.diagnostics import Severity
from govdata.i18n import Text
from govdata.rules.base import Finding, Rule, RuleContext
from govdata.rules.case_deadlines import case_deadlines, event_pointer


class CaseCorrectionPeriod(Rule):
    """A producer decided to correct problem data and did not correct and re-aggregate within 10 working days.

    ## What it checks
    Problem-data cases whose `decided` event says `更正`: the `re-aggregated` event (the
    corrected data aggregated again) is recorded within 10 working days of the decision,
    or, while it is missing, the period has not yet run out on the day of the run.

    A warning by default, like GD401: the record is true, the department is late.

    ## Why
    Art. 24 gives the producer 5 working days to decide and, once it decides to correct,
    10 working days from the decision to correct the data at its source and aggregate it
    again to the hub. A decision without the correction leaves every user of the data with
    the error the application department reported (Art. 23).

    ## How to fix
    Correct the data at source, re-aggregate, and record `corrected` and `re-aggregated`
    with `govdata cases event`.
    """

    explanation_zh = """
    数据产生部门决定更正问题数据后，没有在期限内更正并重新汇聚。

    ## 检查什么
    `decided`（已决定）记录写明“更正”的问题数据事项：要在决定之日起 10 个工作日内登记 `re-aggregated`
    （更正后的数据已重新汇聚）；还没有登记的，运行当天期限不能已经届满。

    默认为警告，和 GD401 一样：记录是真实的，只是部门逾期了。

    ## 为什么
    第二十四条给数据产生部门 5 个工作日作出决定；决定更正的，自决定之日起 10 个工作日内要从源头更正数据，
    并重新汇聚到共享平台。只有决定、没有更正，所有使用这份数据的人都还在用申请部门报告的错误数据（第二十三条）。

    ## 如何修改
    从源头更正数据并重新汇聚，然后用 `govdata cases event` 登记 `corrected`（已更正）和 `re-aggregated`（已重新汇聚）。
    """

    id = "GD403"
    name = "case-correction-period"
    title = Text("决定更正后未在期限内更正并重新汇聚", "decided correction not done in time")
    article = "Art. 24"
    severity = Severity.WARNING
    tags = frozenset({"case", "deadline"})

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for document, found in case_deadlines(ctx.catalog):
            for deadline in found:
                status = deadline.status(ctx.today)
                if deadline.key != "correct" or status not in ("overdue", "late"):
                    continue
                done = (
                    Text(f"{deadline.met_on} 才重新汇聚", f"re-aggregated only on {deadline.met_on}")
                    if status == "late"
                    else Text(f"至 {ctx.today} 仍未重新汇聚", f"not re-aggregated by {ctx.today}")
                )
                yield Finding(
                    document.path,
                    event_pointer(document.model, "decided"),
                    Text(
                        f"已决定更正，应于 {deadline.due} 前从源头更正并重新汇聚，{done.zh}；{deadline.explanation.zh}",
                        f"correction decided; due {deadline.due}, {done.en}; {deadline.explanation.en}",
                    ),
                )
