"""GD311: a grant's status, history and decision tell one consistent story."""

from __future__ import annotations

from collections.abc import Iterator

from govdata.diagnostics import Pointer
from govdata.i18n import Text
from govdata.model.grant import INITIAL, Grant, allowed
from govdata.rules.base import Finding, Rule, RuleContext

# Statuses a grant can only reach through an approval, and the outcome its decision must carry.
_APPROVED_STATUSES = frozenset({"已批准", "已暂停", "已终止", "已过期"})


def _history_problems(grant: Grant) -> Iterator[tuple[Pointer, Text]]:
    history = grant.history
    if history[0].status != INITIAL:
        yield (
            ("history", 0, "status"),
            Text(
                f"第一条记录应为“{INITIAL}”（提出申请），实为“{history[0].status}”",
                f"the first entry must be {INITIAL} (the application), not {history[0].status}",
            ),
        )
    for index in range(1, len(history)):
        before, after = history[index - 1], history[index]
        if not allowed(before.status, after.status):
            yield (
                ("history", index, "status"),
                Text(
                    f"状态不能从“{before.status}”变为“{after.status}”",
                    f"a grant cannot go from {before.status} to {after.status}",
                ),
            )
        if after.date < before.date:
            yield (
                ("history", index, "date"),
                Text(
                    f"记录日期 {after.date} 早于上一条的 {before.date}",
                    f"entry dated {after.date} comes after one dated {before.date}",
                ),
            )
        if after.reason is None and after.status != "已过期":
            yield (
                ("history", index),
                Text(f"变更为“{after.status}”的记录缺少理由 reason", f"the change to {after.status} gives no reason"),
            )
    if history[-1].status != grant.status:
        yield (
            ("status",),
            Text(
                f"状态“{grant.status}”与最后一条变更记录“{history[-1].status}”不一致",
                f"status {grant.status} disagrees with the last history entry {history[-1].status}",
            ),
        )


def _decision_problems(grant: Grant) -> Iterator[tuple[Pointer, Text]]:
    reached = {entry.status for entry in grant.history} | {grant.status}
    decision = grant.decision
    expected = "批准" if reached & _APPROVED_STATUSES else "驳回" if "已驳回" in reached else None
    if expected is None and decision is not None:
        yield ("decision",), Text("尚未审批的申请不应有审批决定", "a request not yet decided has no decision")
    elif expected is not None and decision is None:
        yield (
            ("status",),
            Text(
                f"状态为“{grant.status}”，但缺少数据主管部门的审批决定 decision",
                f"status {grant.status} needs the authority's decision",
            ),
        )
    elif decision is not None and expected is not None and decision.outcome != expected:
        yield (
            ("decision", "outcome"),
            Text(
                f"审批结果应为“{expected}”，实为“{decision.outcome}”",
                f"the decision's outcome should be {expected}, not {decision.outcome}",
            ),
        )


class GrantHistory(Rule):
    """A grant's status, history and decision do not agree.

    ## What it checks
    The history starts with 申请中; every next entry is a transition the lifecycle allows
    (see `govdata grant --help`), dated no earlier than the one before, and gives a reason
    (except 已过期); the last entry's status is the grant's `status`. A grant that was ever
    approved has a decision with outcome 批准, a rejected one 驳回, a pending one none.

    ## Why
    Art. 7 makes the data authority decide each request and Art. 36 lets it suspend or end
    service; the record of who decided what, when and why is what the annual evaluation
    (Art. 53) and any dispute go back to. Hand edits that skip a step break that record.

    ## How to fix
    Change grants through `govdata grant approve | reject | suspend | resume | terminate |
    renew | expire`, which write consistent records. To mend a file, restore the missing
    history entry or decision from the authority's paperwork.
    """

    explanation_zh = """
    授权的状态、变更记录和审批决定互相不一致。

    ## 检查什么
    变更记录从“申请中”开始；之后每一条都是生命周期允许的状态变化（见 `govdata grant --help`），日期不早于前一条，
    并写明理由（“已过期”除外）；最后一条的状态就是授权的 `status`。批准过的授权要有结论为“批准”的决定，
    被驳回的要有“驳回”的决定，申请中的不能有决定。

    ## 为什么
    第七条规定由数据主管部门审批每一件申请，第三十六条允许它暂停或终止服务；谁在何时、因何作出了什么决定，
    是年度评估（第五十三条）和任何争议追溯的依据。手工修改跳过了某一步，这份记录就断了。

    ## 如何修改
    通过 `govdata grant approve | reject | suspend | resume | terminate | renew | expire` 修改授权，它们会写出一致的记录。
    要修补文件，请按主管部门的纸质材料补上缺失的变更记录或决定。
    """

    id = "GD311"
    name = "grant-history"
    title = Text("授权状态与变更记录不一致", "grant status and history disagree")
    article = "Art. 7, 36"
    tags = frozenset({"grant", "integrity"})

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for document in ctx.catalog.grants:
            for pointer, message in (*_history_problems(document.model), *_decision_problems(document.model)):
                yield Finding(document.path, pointer, message, at_key=len(pointer) == 1)
