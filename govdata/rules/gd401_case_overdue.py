"""GD401: a case is past its due date and the event that meets it has not been recorded."""

from __future__ import annotations

from collections.abc import Iterator

from govdata.diagnostics import Severity
from govdata.i18n import Text
from govdata.rules.base import Finding, Rule, RuleContext
from govdata.rules.case_deadlines import case_deadlines, event_pointer

# The event whose date starts each deadline, to point the finding at.
_STARTS = {
    "provide": "received",
    "apply": "received",
    "review": "received",
    "decide": "dispatched",
    "answer": "received",
}


class CaseOverdue(Rule):
    """A case is past its due date with no answering event.

    ## What it checks
    For every case, each deadline computed from its events and the working-day calendar
    (see `govdata cases show`): when the day of the run (`validate --today`, default the
    real date) is after the due date and the event that meets the deadline (answered,
    decided, received for a catalog-update application, …) is not recorded, and the case
    was not withdrawn or paused. The correction period of a problem-data case is GD403's.

    A warning by default: the file is a true record of a late department, not a broken
    file, so `govdata validate` stays green while the finding is listed; an instance that
    wants overdue cases to fail its daily job sets `rules: {GD401: {severity: error}}` or
    runs `govdata validate --select case --fail-on warning`.

    ## Why
    Art. 8, 19, 24, 40, 41 and 55 bind departments and the authority to answer within a
    number of working days; Art. 57 lists overdue updates among prohibited conduct and
    Art. 60 leads to rectification notices.

    ## How to fix
    Do what is due and record it with `govdata cases event <ID> answered|decided|…`;
    where the law allows, record an approved extension first (`extended`).
    """

    explanation_zh = """
    事项已过办理期限，仍没有办结记录。

    ## 检查什么
    对每个事项，根据其办理记录和工作日历算出的每个期限（见 `govdata cases show`）：运行当天（`validate --today`，
    默认为实际日期）已过到期日，而满足该期限的记录（已答复、已决定、目录更新申请已受理等）还没有登记，
    且事项没有撤回或中止，就会报告。问题数据的更正期限由 GD403 检查。

    默认为警告：这个文件如实记录了一个逾期的部门，文件本身没有错，所以 `govdata validate` 仍然通过，只是列出这条问题。
    想让逾期事项导致每日任务失败的实例，可以设置 `rules: {GD401: {severity: error}}`，或者运行
    `govdata validate --select case --fail-on warning`。

    ## 为什么
    第八条、第十九条、第二十四条、第四十条、第四十一条和第五十五条要求部门和主管部门在规定的工作日内答复；
    第五十七条把逾期不更新列为禁止行为，第六十条规定可以据此下发整改通知。

    ## 如何修改
    办理到期的事项，并用 `govdata cases event <编号> answered|decided|…` 登记；法律允许延期的，先登记经批准的延期（`extended`）。
    """

    id = "GD401"
    name = "case-overdue"
    title = Text("事项已超过办理期限仍未办结", "case past its due date")
    article = "Art. 8, 19, 24, 40, 41, 55"
    severity = Severity.WARNING
    tags = frozenset({"case", "deadline"})

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for document, found in case_deadlines(ctx.catalog):
            case = document.model
            for deadline in found:
                if deadline.key == "correct" or deadline.status(ctx.today) != "overdue":
                    continue
                assert deadline.due is not None
                late = (ctx.today - deadline.due).days
                yield Finding(
                    document.path,
                    event_pointer(case, _STARTS.get(deadline.key, "received")),
                    Text(
                        f"{deadline.title.zh}已逾期 {late} 天：应于 {deadline.due} 前办结（{deadline.article}）；{deadline.explanation.zh}",
                        f"{deadline.title.en} is {late} days overdue: due {deadline.due} ({deadline.article}); "
                        f"{deadline.explanation.en}",
                    ),
                    Text(
                        f"办结后用 govdata cases event {case.id} … 记录",
                        f"record it with govdata cases event {case.id} … once done",
                    ),
                )
