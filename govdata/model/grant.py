"""数据共享授权 (Art. 7, 9, 33, 36): one application for another department's data, and its fate.

A grant is requested by an application department for exact items of one resource, for one
application scenario (应用场景), on a duty basis (履职依据), by one method. The data authority
decides it; later it may be suspended, resumed, renewed, terminated, or run out. Every change
of status is a dated entry in ``history``. The lifecycle, as the commands of ``govdata grant``:

=========  ====================  ========
command    from                  to
=========  ====================  ========
new        (nothing)             申请中
approve    申请中                已批准
reject     申请中                已驳回
suspend    已批准                已暂停
resume     已暂停                已批准
terminate  已批准, 已暂停        已终止
renew      已批准, 已过期        已批准
expire     已批准, 已暂停        已过期 (only after the end date)
=========  ====================  ========

已驳回 and 已终止 are final. Art. 7 gives the data authority the decision; Art. 36 lets it
suspend or terminate a grant; renewal after expiry is a new decision on the same record.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from govdata.i18n import Text
from govdata.model.base import IsoDate, Model, NonEmptyText, Uscc, gb
from govdata.model.resource import RESOURCE_CODE_PATTERN

GrantStatus = Literal["申请中", "已批准", "已驳回", "已暂停", "已终止", "已过期"]
# Art. 9 names the three services a department may apply for.
GrantMethod = Literal["接口", "核验", "批量交换"]
DecisionOutcome = Literal["批准", "驳回"]

GRANT_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]*$"


class GrantItem(Model, title="申请信息项"):
    name: NonEmptyText = gb("信息项名称", "所申请信息项的名称，须与信息资源中的信息项名称一致")
    justification: NonEmptyText | None = gb(
        "必要性说明",
        "为何履职需要该信息项；申请资源的全部信息项或超过规定比例时须逐项说明（最少够用，第七条）",
        None,
    )


class Decision(Model, title="审批决定"):
    outcome: DecisionOutcome = gb("审批结果", "数据主管部门的决定：批准或驳回（第七条）")
    decided_by: NonEmptyText = gb("决定人", "作出决定的数据主管部门人员或机构")
    date: IsoDate = gb("决定日期", "作出决定的日期，格式 YYYY-MM-DD")
    reason: NonEmptyText = gb("决定理由", "批准或驳回的理由")
    conditions: list[NonEmptyText] = gb("使用条件", "批准时附加的使用条件；申请有条件共享的信息项时必填", [])


class Transition(Model, title="状态变更记录"):
    date: IsoDate = gb("变更日期", "状态变更的日期，格式 YYYY-MM-DD")
    status: GrantStatus = gb("变更后状态", "本次变更后授权所处的状态")
    by: NonEmptyText = gb("经办人", "提出申请或作出变更的人员或机构")
    reason: NonEmptyText | None = gb("变更理由", "变更的理由；驳回、暂停、终止、恢复和续期时必填", None)
    valid_until: IsoDate | None = gb("续期后有效期止", "续期时新的有效期截止日期", None)


class Grant(Model, title="数据共享授权"):
    """grants/<applicant>/<id>.yaml"""

    id: str = gb("授权编号", "在全区唯一的授权编号，也是文件名", pattern=GRANT_ID_PATTERN)
    title: NonEmptyText = gb("申请事项", "申请事项的简要名称")
    applicant: Uscc = gb("申请部门代码", "数据应用部门的统一社会信用代码，须在部门名录中登记")
    resource: str = gb("信息资源代码", "所申请的信息资源的代码，须为目录中已登记的资源", pattern=RESOURCE_CODE_PATTERN)
    items: list[GrantItem] = gb("申请信息项", "所申请的信息项，按最少够用原则逐项列出（第七条）", min_length=1)
    scenario: NonEmptyText = gb("应用场景", "使用该数据的具体业务场景；授权以应用场景为单位（第七条）")
    duty_basis: NonEmptyText | None = gb(
        "履职依据", "需要该数据的法定职责及其依据，如某法律某条规定的职责（第五十七条第四项）", None
    )
    method: GrantMethod = gb("共享方式", "接口、核验或批量交换（第九条）")
    batch_reason: NonEmptyText | None = gb(
        "批量交换理由", "采用批量交换时，说明接口和核验为何不能满足需要（第三十三条）", None
    )
    valid_from: IsoDate = gb("有效期起", "授权生效日期，格式 YYYY-MM-DD")
    valid_until: IsoDate = gb("有效期止", "授权截止日期（含当日），格式 YYYY-MM-DD")
    demand: NonEmptyText | None = gb("需求编号", "本申请所对应的需求清单条目编号（可选）", None)
    status: GrantStatus = gb("状态", "申请中、已批准、已驳回、已暂停、已终止或已过期")
    decision: Decision | None = gb("审批决定", "数据主管部门的决定：决定人、日期、理由和使用条件", None)
    history: list[Transition] = gb("变更记录", "自申请起每一次状态变更的记录，按日期先后排列", min_length=1)

    def item_names(self) -> list[str]:
        return [item.name for item in self.items]


INITIAL: GrantStatus = "申请中"
FINAL: frozenset[str] = frozenset({"已驳回", "已终止"})
# Statuses in which the grant has been approved and has not ended: the authorisation exists.
IN_FORCE: frozenset[str] = frozenset({"已批准", "已暂停"})
# Statuses whose record still binds someone: pending, or in force. Ended grants are history.
LIVE: frozenset[str] = frozenset({"申请中"}) | IN_FORCE


@dataclass(frozen=True, slots=True)
class Action:
    """One lifecycle command: the statuses it starts from and the status it leads to."""

    name: str
    sources: frozenset[str]
    target: GrantStatus
    label: Text
    needs_reason: bool = True


ACTIONS: dict[str, Action] = {
    action.name: action
    for action in (
        Action("approve", frozenset({"申请中"}), "已批准", Text("批准", "approve")),
        Action("reject", frozenset({"申请中"}), "已驳回", Text("驳回", "reject")),
        Action("suspend", frozenset({"已批准"}), "已暂停", Text("暂停", "suspend")),
        Action("resume", frozenset({"已暂停"}), "已批准", Text("恢复", "resume")),
        Action("terminate", frozenset({"已批准", "已暂停"}), "已终止", Text("终止", "terminate")),
        Action("renew", frozenset({"已批准", "已过期"}), "已批准", Text("续期", "renew")),
        Action("expire", frozenset({"已批准", "已暂停"}), "已过期", Text("标记过期", "expire"), needs_reason=False),
    )
}


def allowed(source: str, target: str) -> bool:
    """Whether some action moves a grant from ``source`` to ``target`` (history checks use this)."""
    return any(source in action.sources and action.target == target for action in ACTIONS.values())


def actions_from(status: str) -> list[Action]:
    """The actions that can be taken on a grant in ``status``, in table order."""
    return [action for action in ACTIONS.values() if status in action.sources]


__all__ = [
    "ACTIONS",
    "FINAL",
    "INITIAL",
    "IN_FORCE",
    "LIVE",
    "Action",
    "Decision",
    "Grant",
    "GrantItem",
    "GrantMethod",
    "GrantStatus",
    "Transition",
    "actions_from",
    "allowed",
]
