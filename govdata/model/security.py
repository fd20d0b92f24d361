"""数据安全记录 (Art. 51-52): one department's yearly risk assessments, emergency plan, drills and incidents.

The regulation asks for periodic risk assessments of aggregation, sharing, opening and use
(Art. 51), an emergency plan that is drilled periodically, and incidents handled at once and
reported (Art. 52). govdata reads "periodic" as at least once a year (the evaluation is yearly,
Art. 54); the rules and the scorecard judge these records.
"""

from __future__ import annotations

from govdata.model.base import IsoDate, Model, NonEmptyText, Uscc, gb


class RiskAssessment(Model, title="风险评估"):
    date: IsoDate = gb("评估日期", "完成风险评估的日期，格式 YYYY-MM-DD")
    scope: NonEmptyText = gb("评估范围", "评估覆盖的环节，如 汇聚、共享、开放、应用（第五十一条）")
    assessor: NonEmptyText = gb("评估机构", "实施评估的内设机构或第三方机构")
    report: NonEmptyText | None = gb("评估报告", "评估报告的文号或存放位置（可选）", None)


class EmergencyPlan(Model, title="应急预案"):
    title: NonEmptyText = gb("预案名称", "针对政务数据安全风险制定的应急预案名称（第五十二条）")
    adopted: IsoDate = gb("印发日期", "预案印发或最近修订的日期，格式 YYYY-MM-DD")


class Drill(Model, title="应急演练"):
    date: IsoDate = gb("演练日期", "组织应急演练的日期，格式 YYYY-MM-DD")
    scenario: NonEmptyText = gb("演练场景", "演练模拟的安全事件")


class Incident(Model, title="安全事件"):
    id: str = gb("事件编号", "本记录内唯一的事件编号", pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
    occurred: IsoDate = gb("发生日期", "安全事件发生或发现的日期，格式 YYYY-MM-DD")
    summary: NonEmptyText = gb("事件概要", "事件经过、影响与采取的应急措施")
    reported: IsoDate | None = gb("报告日期", "向有关主管部门报告的日期；未报告时不填（第五十二条）", None)
    reported_to: NonEmptyText | None = gb("报告对象", "接收报告的主管部门", None)


class SecurityRecord(Model, title="数据安全工作记录"):
    """security/<dept>/<year>.yaml"""

    department: Uscc = gb("部门代码", "记录所属部门的统一社会信用代码")
    year: int = gb("年度", "记录所属年度", ge=2000, le=2100)
    risk_assessments: list[RiskAssessment] = gb("风险评估", "本年度完成的风险评估（第五十一条）", [])
    emergency_plan: EmergencyPlan | None = gb("应急预案", "现行的数据安全应急预案（第五十二条）", None)
    drills: list[Drill] = gb("应急演练", "本年度组织的应急演练（第五十二条）", [])
    incidents: list[Incident] = gb("安全事件", "本年度发生的网络安全事件及其报告情况（第五十二条）", [])


__all__ = ["Drill", "EmergencyPlan", "Incident", "RiskAssessment", "SecurityRecord"]
