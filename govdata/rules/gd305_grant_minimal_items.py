"""GD305: a request for all or most items of a resource justifies each one (最少够用)."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from govdata.i18n import Text
from govdata.model.grant import LIVE
from govdata.rules.base import Finding, Rule, RuleContext, RuleOptions


class GrantMinimalItemsOptions(RuleOptions):
    max_share: float = Field(0.5, gt=0, le=1)
    """Above this share of a resource's items, every requested item needs a justification."""


class GrantMinimalItems(Rule):
    """A grant asks for all items of a resource, or more than the configured share, without justifying each.

    ## What it checks
    For every pending or in-force grant of a resource with at least two items: when the
    grant requests all of them, or more than `max_share` of them, every requested item
    has a `justification`.

    ## Why
    Art. 7 makes sharing authorisation scenario-based and minimal (最少够用): a department
    gets the items its scenario needs, not the whole resource because it is easier to ask
    for. A request for everything is sometimes right, and then each item's need is stated.

    ## How to fix
    Drop the items the scenario does not use. For each remaining item, add
    `justification:` saying what the scenario does with it.

    ## Options
    `max_share`: the share of a resource's items (0–1, default 0.5) above which each item
    must be justified. A request for all items always needs justifications.
    """

    explanation_zh = """
    授权申请了资源的全部信息项，或超过配置的比例，却没有逐项说明理由。

    ## 检查什么
    对每个申请中或生效中、所申请资源至少有两个信息项的授权：申请了全部信息项，或超过 `max_share` 比例的信息项时，
    每个申请的信息项都要写 `justification`。

    ## 为什么
    第七条要求共享授权按场景、最少够用：部门拿到的是场景需要的信息项，而不是因为省事就要整个资源。
    有时确实需要全部信息项，那就要逐项说明为什么需要。

    ## 如何修改
    去掉场景用不到的信息项。对留下的每一项，加上 `justification:`，说明场景中用它做什么。

    ## 选项
    `max_share`：信息项占资源全部信息项的比例（0–1，默认 0.5），超过时要逐项说明理由。申请全部信息项时总是需要说明。
    """

    id = "GD305"
    name = "grant-minimal-items"
    title = Text("申请信息项超出最少够用范围且未逐项说明", "broad request without per-item justification")
    article = "Art. 7"
    tags = frozenset({"grant", "sharing"})
    Options = GrantMinimalItemsOptions

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        assert isinstance(ctx.options, GrantMinimalItemsOptions)
        for document in ctx.catalog.grants:
            grant = document.model
            resource = ctx.catalog.resource(grant.resource)
            if grant.status not in LIVE or resource is None or len(resource.items) < 2:
                continue
            available = {item.name for item in resource.items}
            requested = {item.name for item in grant.items} & available
            share = len(requested) / len(available)
            if requested != available and share <= ctx.options.max_share:
                continue
            missing = [item.name for item in grant.items if item.name in available and item.justification is None]
            if not missing:
                continue
            scope = (
                Text("全部", "all")
                if requested == available
                else Text(f"{len(requested)}/{len(available)} 个", f"{len(requested)} of {len(available)}")
            )
            yield Finding(
                document.path,
                ("items",),
                Text(
                    f"申请了信息资源“{resource.name}”{scope.zh}信息项，须逐项说明必要性；未说明的：{'、'.join(missing)}",
                    f"the grant requests {scope.en} items of {resource.code}; each needs a justification, "
                    f"missing for: {', '.join(missing)}",
                ),
                Text("删去场景不需要的信息项，其余逐项填写 justification", "drop unneeded items; justify the rest"),
                at_key=True,
            )
