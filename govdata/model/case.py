"""办理事项 (cases): one deadline obligation of the regulation, as a header and an append-only event list.

A case file is ``cases/<year>/<id>.yaml``. Its header says what the case is about (kind, the
department that must act, the requester or reporting department, the resource and items,
evidence); its ``events`` say what happened and when. Nothing else is stored: the state and
every due date are computed from the events and the working-day calendar when the file is
read (:mod:`govdata.cases.deadlines`), so they can never disagree with the record.

=================  ========  ====================================================================
kind               article   deadline
=================  ========  ====================================================================
interface          Art. 8    the agreed date; one approved extension of at most 5 working days
catalog-update     Art. 19   apply within 5 working days of the change; review within 5 of receipt
problem-data       Art. 23-24 decide within 5 working days of dispatch; correct within 10 of deciding
correction         Art. 40   answer within 10 working days; once extended by at most 10
open-application   Art. 41   answer within 10 working days; once extended by at most 10
annual-report      Art. 55   department report by 31 January, the zone's by the end of February
=================  ========  ====================================================================

Kinds and event types are written as the English keys above (they are also the command words
of ``govdata cases``); their Chinese names are in :data:`KIND_LABELS` and :data:`EVENT_LABELS`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from govdata.i18n import Text
from govdata.model.base import IsoDate, Model, NonEmptyText, gb
from govdata.model.resource import RESOURCE_CODE_PATTERN

CaseKind = Literal["interface", "catalog-update", "problem-data", "correction", "open-application", "annual-report"]
EventType = Literal[
    "received",
    "dispatched",
    "decided",
    "extended",
    "corrected",
    "re-aggregated",
    "answered",
    "withdrawn",
    "paused",
    "resumed",
]
# decided (Art. 24): 更正 / 不更正; answered (Art. 40, 41): 同意 / 不同意; submitted reports need none.
Outcome = Literal["更正", "不更正", "同意", "不同意"]

CASE_ID_PATTERN = r"^[a-z][a-z-]*-[0-9]{4}-[0-9]{3,}$"
SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]*$"

KIND_LABELS: dict[str, Text] = {
    "interface": Text("接口提供（第八条）", "interface request (Art. 8)"),
    "catalog-update": Text("目录更新（第十九条）", "catalog update (Art. 19)"),
    "problem-data": Text("问题数据（第二十三、二十四条）", "problem data (Art. 23-24)"),
    "correction": Text("开放目录更正申请（第四十条）", "open-catalog correction (Art. 40)"),
    "open-application": Text("有条件开放数据申请（第四十一条）", "conditional open-data application (Art. 41)"),
    "annual-report": Text("年度数据管理情况报告（第五十五条）", "yearly report (Art. 55)"),
}
EVENT_LABELS: dict[str, Text] = {
    "received": Text("受理", "received"),
    "dispatched": Text("分发", "dispatched"),
    "decided": Text("作出决定", "decided"),
    "extended": Text("延期", "extended"),
    "corrected": Text("已更正", "corrected"),
    "re-aggregated": Text("重新汇聚", "re-aggregated"),
    "answered": Text("答复/提交", "answered"),
    "withdrawn": Text("撤回", "withdrawn"),
    "paused": Text("中止计时", "paused"),
    "resumed": Text("恢复计时", "resumed"),
}


class Requester(Model, title="申请人"):
    name: NonEmptyText = gb("申请人名称", "提出申请的公民、法人或其他组织的名称（第四十条、第四十一条）")
    contact: NonEmptyText = gb("联系方式", "答复申请人所用的联系方式")


class CaseEvent(Model, title="办理记录"):
    date: IsoDate = gb("日期", "事件发生的日期，格式 YYYY-MM-DD")
    type: EventType = gb(
        "事件类型",
        "received 受理、dispatched 分发、decided 作出决定、extended 延期、corrected 已更正、re-aggregated 重新汇聚、"
        "answered 答复或提交、withdrawn 撤回、paused 中止计时、resumed 恢复计时",
    )
    by: NonEmptyText = gb("经办人", "记录该事件的人员或机构")
    outcome: Outcome | None = gb(
        "决定结果", "decided 时为 更正/不更正（第二十四条）；答复申请时为 同意/不同意（第四十条、第四十一条）", None
    )
    reason: NonEmptyText | None = gb(
        "理由", "延期、中止计时、撤回、不同意或不更正时的理由（第四十条、第四十一条要求说明理由）", None
    )
    basis: NonEmptyText | None = gb(
        "依据", "不同意更正或不同意开放时所依据的法律法规或文件（第四十条、第四十一条）", None
    )
    approver: NonEmptyText | None = gb(
        "批准人", "延期的批准人：第八条为数据主管部门，第四十条、第四十一条为数据生产部门主要负责人", None
    )
    days: int | None = gb("延长工作日数", "延期的工作日数（第八条至多5个，第四十条、第四十一条至多10个）", None, ge=1)
    note: NonEmptyText | None = gb("说明", "补充说明", None)
    evidence: list[NonEmptyText] = gb("佐证材料", "与该事件有关的材料链接或说明", [])


class Case(Model, title="办理事项"):
    """cases/<year>/<id>.yaml"""

    id: str = gb("事项编号", "在全区唯一的事项编号 <类型>-<年>-<序号>，也是文件名", pattern=CASE_ID_PATTERN)
    kind: CaseKind = gb(
        "事项类型",
        "interface 接口提供（第八条）、catalog-update 目录更新（第十九条）、problem-data 问题数据（第二十三、二十四条）、"
        "correction 开放目录更正（第四十条）、open-application 有条件开放申请（第四十一条）、annual-report 年度报告（第五十五条）",
    )
    title: NonEmptyText = gb("事项名称", "事项的简要说明")
    department: str = gb(
        "承办部门", "须在期限内办理的部门（目录文件夹名）；年度报告为提交报告的部门", pattern=SLUG_PATTERN
    )
    reporter: str | None = gb(
        "报告部门", "报告问题数据的数据应用部门（目录文件夹名，第二十三条）", None, pattern=SLUG_PATTERN
    )
    requester: Requester | None = gb("申请人", "提出更正或开放申请的公民、法人或其他组织（第四十条、第四十一条）", None)
    resource: str | None = gb("信息资源代码", "所涉及的信息资源代码", None, pattern=RESOURCE_CODE_PATTERN)
    items: list[NonEmptyText] = gb("信息项", "所涉及的信息项名称", [])
    description: NonEmptyText | None = gb("问题描述", "问题、更正内容或申请用途的简要准确描述（第二十三条）", None)
    evidence: list[NonEmptyText] = gb("佐证材料", "佐证材料的链接或说明（第二十三条）", [])
    agreed_date: IsoDate | None = gb("约定日期", "接口提供：双方协商确定的提供日期（第八条）", None)
    changed_on: IsoDate | None = gb(
        "变更日期", "目录更新：法律法规修改或职能变更之日，申请期限自此起算（第十九条）", None
    )
    report_year: int | None = gb("报告年度", "年度报告所报告的年度（第五十五条）", None, ge=2000, le=2100)
    source: NonEmptyText | None = gb("来源", "事项来源，如公众提交的议题链接", None)
    events: list[CaseEvent] = Field(
        [],
        title="办理记录",
        description="按时间先后追加的办理记录；只追加，不修改已有记录。期限和状态由记录和工作日历计算得出",
    )


__all__ = [
    "CASE_ID_PATTERN",
    "EVENT_LABELS",
    "KIND_LABELS",
    "Case",
    "CaseEvent",
    "CaseKind",
    "EventType",
    "Outcome",
    "Requester",
]
