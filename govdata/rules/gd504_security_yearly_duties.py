"""GD504: a finished year's security record lacks a risk assessment, an emergency plan or a drill."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from govdata.diagnostics import Pointer
from govdata.i18n import Text
from govdata.model.security import SecurityRecord
from govdata.rules.base import Finding, Rule, RuleContext


class SecurityYearlyDuties(Rule):
    """A finished year's security record has no risk assessment, emergency plan or drill, or is misdated.

    ## What it checks
    - Every dated entry (assessment, drill, incident) falls in the record's `year`.
    - Once the year is over (the day of the run is in a later year), the record has at least
      one risk assessment, an emergency plan and at least one drill.

    ## Why
    Departments assess the risks of aggregating, sharing, opening and using government data
    periodically (Art. 51), keep an emergency plan for data security risks and drill it
    periodically (Art. 52). govdata reads "periodically" as at least once a year, the cycle of
    the evaluation (Art. 54).

    ## How to fix
    Record the assessment, plan and drill that took place, each in the file of its year; if
    they did not take place, they are due: the finding stays until the year's duty is done and
    shows on the rectification list (`govdata evaluate`).
    """

    explanation_zh = """
    已结束年度的安全记录缺少风险评估、应急预案或演练，或者日期不在该年度。

    ## 检查什么
    - 每条带日期的内容（评估、演练、事件）都落在记录的 `year` 之内。
    - 该年度结束后（运行当天已是以后的年份），记录中至少有一次风险评估、一份应急预案和至少一次演练。

    ## 为什么
    部门要定期评估政务数据汇聚、共享、开放和使用中的风险（第五十一条），制定数据安全应急预案并定期演练（第五十二条）。
    govdata 把“定期”理解为每年至少一次，与年度评估（第五十四条）的周期一致。

    ## 如何修改
    把实际开展的评估、预案和演练登记到对应年度的文件中；没有开展的，就是欠着的工作：这条问题会一直保留，
    直到当年的工作完成，并列入整改清单（`govdata evaluate`）。
    """

    id = "GD504"
    name = "security-yearly-duties"
    title = Text("年度数据安全工作未完成", "yearly security duties missing")
    article = "Art. 51, 52"
    tags = frozenset({"security", "deadline"})

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for document in ctx.catalog.security_records:
            record = document.model
            for pointer, day in _dated(record):
                if day.year != record.year:
                    yield Finding(
                        document.path,
                        pointer,
                        Text(
                            f"日期 {day} 不在记录年度 {record.year} 内",
                            f"{day} is outside the record's year {record.year}",
                        ),
                        Text("移到对应年度的记录文件", "move it to the record of its year"),
                    )
            if record.year >= ctx.today.year:
                continue
            missing = [
                text
                for text, present in (
                    (Text("风险评估", "risk assessment"), record.risk_assessments),
                    (Text("应急预案", "emergency plan"), record.emergency_plan),
                    (Text("应急演练", "drill"), record.drills),
                )
                if not present
            ]
            if missing:
                yield Finding(
                    document.path,
                    ("year",),
                    Text(
                        f"{record.year} 年度已结束，缺少：{'、'.join(t.zh for t in missing)}",
                        f"year {record.year} is over without: {', '.join(t.en for t in missing)}",
                    ),
                    Text("补记已完成的工作；未完成的须整改", "record what was done; what was not is to be rectified"),
                    at_key=True,
                )


def _dated(record: SecurityRecord) -> Iterator[tuple[Pointer, dt.date]]:
    for index, assessment in enumerate(record.risk_assessments):
        yield ("risk_assessments", index, "date"), assessment.date
    for index, drill in enumerate(record.drills):
        yield ("drills", index, "date"), drill.date
    for index, incident in enumerate(record.incidents):
        yield ("incidents", index, "occurred"), incident.occurred
