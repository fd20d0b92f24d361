"""GD408: a pending deadline cannot be computed because the calendar lacks a year."""

from __future__ import annotations

from collections.abc import Iterator

from govdata.diagnostics import Severity
from govdata.i18n import Text
from govdata.rules.base import Finding, Rule, RuleContext
from govdata.rules.case_deadlines import case_deadlines


class CaseCalendarUnknown(Rule):
    """A pending deadline runs into a year whose working-day schedule nobody has entered.

    ## What it checks
    Every deadline not yet met whose count of working days reaches a year that neither
    chinese-calendar nor `calendar` in `govdata.yaml` knows. Its due date is reported as
    unknown (never guessed as Monday to Friday), so GD401 cannot tell when it is overdue.

    ## Why
    The regulation counts in working days (工作日), which the State Council's yearly holiday
    schedule defines; a guess would be wrong around every holiday, the Spring Festival above
    all. The schedule for the next year is published each November: entering it in time keeps
    January's deadlines known.

    ## How to fix
    Add the year's holidays and make-up working days to `calendar.holidays` and
    `calendar.workdays` in `govdata.yaml` (see docs/cases.md), or update chinese-calendar.
    """

    explanation_zh = """
    期限跨入的年份没有录入工作日安排。

    ## 检查什么
    每个尚未满足、按工作日计算会跨入某一年份的期限，而 chinese-calendar 和 `govdata.yaml` 中的 `calendar` 都不知道这一年的安排。
    其到期日报告为“未知”（绝不按周一到周五猜测），因此 GD401 无法判断是否逾期。

    ## 为什么
    管理办法（第八条、第十九条、第二十四条、第四十条、第四十一条）按工作日计算期限，工作日由国务院每年的节假日安排确定；猜测会在每个节假日前后出错，春节尤其如此。
    下一年的安排每年 11 月前后公布，及时录入，1 月的期限就能算准。

    ## 如何修改
    把当年的节假日和调休上班日加到 `govdata.yaml` 的 `calendar.holidays` 和 `calendar.workdays` 中（见 docs/cases.md），
    或者升级 chinese-calendar。
    """

    id = "GD408"
    name = "case-calendar-unknown"
    title = Text("期限所需年份的工作日历未知", "deadline needs a calendar year nobody entered")
    article = "Art. 8, 19, 24, 40, 41"
    severity = Severity.WARNING
    tags = frozenset({"case", "deadline"})

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for document, found in case_deadlines(ctx.catalog):
            for deadline in found:
                if deadline.unknown_year is None or deadline.status(ctx.today) != "unknown":
                    continue
                year = deadline.unknown_year
                yield Finding(
                    document.path,
                    ("events",),
                    Text(
                        f"{deadline.title.zh}的截止日期未知：{year} 年的工作日历未收录；{deadline.explanation.zh}",
                        f"the due date of {deadline.title.en} is unknown: no working-day calendar for {year}; "
                        f"{deadline.explanation.en}",
                    ),
                    Text(
                        f"在 govdata.yaml 的 calendar.holidays 和 calendar.workdays 中补充国务院公布的 {year} 年安排",
                        f"add the State Council's {year} schedule to calendar.holidays and calendar.workdays in govdata.yaml",
                    ),
                    at_key=True,
                )
