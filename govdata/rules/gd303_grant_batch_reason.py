"""GD303: a batch-exchange grant says why an interface or verification will not do."""

from __future__ import annotations

from collections.abc import Iterator

from govdata.i18n import Text
from govdata.model.grant import LIVE
from govdata.rules.base import Finding, Rule, RuleContext


class GrantBatchReason(Rule):
    """A grant asks for batch exchange without saying why.

    ## What it checks
    Every pending or in-force grant whose `method` is 批量交换 has a `batch_reason`.

    ## Why
    Art. 33: where a data service interface or cross-verification meets the need, batch
    exchange is not used. Interface (接口) and verification (核验) are the default; a batch
    copy of another department's data needs a stated reason the authority can weigh.

    ## How to fix
    Prefer `method: 接口` or `method: 核验`. If batch exchange is really needed, write in
    `batch_reason` why, e.g. that a yearly statistical analysis must join the whole data
    set offline.
    """

    explanation_zh = """
    申请批量交换却没有说明理由。

    ## 检查什么
    每个申请中或生效中、`method` 为“批量交换”的授权，都要写 `batch_reason`。

    ## 为什么
    第三十三条：数据服务接口或比对核验能满足需要的，不采用批量交换。接口和核验是默认方式；要批量复制其他部门的数据，
    必须写明理由，供主管部门权衡。

    ## 如何修改
    优先使用 `method: 接口` 或 `method: 核验`。确实需要批量交换的，在 `batch_reason` 中写明原因，
    例如年度统计分析需要离线关联全量数据。
    """

    id = "GD303"
    name = "grant-batch-reason"
    title = Text("批量交换未说明理由", "batch exchange without a reason")
    article = "Art. 33"
    tags = frozenset({"grant", "sharing"})

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for document in ctx.catalog.grants:
            grant = document.model
            if grant.status in LIVE and grant.method == "批量交换" and grant.batch_reason is None:
                yield Finding(
                    document.path,
                    ("method",),
                    Text(
                        "采用批量交换须在 batch_reason 中说明接口和核验为何不能满足需要（第三十三条）",
                        "batch exchange needs a batch_reason: why an interface or verification will not do (Art. 33)",
                    ),
                    Text("改用接口或核验，或补充 batch_reason", "use 接口 or 核验, or add batch_reason"),
                )
