"""GD302: an approved grant of 有条件共享 items states the conditions of use."""

from __future__ import annotations

from collections.abc import Iterator

from govdata.i18n import Text
from govdata.model.grant import IN_FORCE
from govdata.rules.base import Finding, Rule, RuleContext
from govdata.rules.grant_items import effective_sharing


class GrantConditions(Rule):
    """An approved grant includes 有条件共享 items but its decision sets no conditions.

    ## What it checks
    For every grant in force (已批准 or 已暂停) whose requested items include one that is
    有条件共享 in the catalog: `decision.conditions` lists at least one condition of use.
    The check uses the catalog as it is now, so it also fires when a resource has been
    restricted to 有条件共享 after the grant was approved.

    ## Why
    Conditional data may be provided only within the conditions and scope its catalog
    entry sets (Art. 14, 32); Art. 7 makes the data authority decide whether and how data
    is shared, and the conditions are the "how". A grant without them authorises more
    than the catalog allows.

    ## How to fix
    Record the conditions of use with the decision, e.g.
    `govdata grant approve ID --condition "仅用于低保审核，不得留存"`, or for a grant
    already in force have the authority add them under `decision.conditions`.
    """

    explanation_zh = """
    已批准的授权包含有条件共享的信息项，但审批决定没有写使用条件。

    ## 检查什么
    对每个生效中（已批准或已暂停）的授权，只要申请的信息项中有在目录里是“有条件共享”的，`decision.conditions`
    中就要至少写一条使用条件。检查按目录的当前内容进行，所以授权批准后资源才改为有条件共享的，也会报告。

    ## 为什么
    有条件共享的数据，只能在目录写明的条件和范围内提供（第十四条、第三十二条）；第七条规定由数据主管部门决定是否共享、
    怎样共享，使用条件就是“怎样共享”。没有条件的授权，给出的比目录允许的多。

    ## 如何修改
    审批时记录使用条件，例如 `govdata grant approve ID --condition "仅用于低保审核，不得留存"`；已经生效的授权，
    请主管部门在 `decision.conditions` 下补上。
    """

    id = "GD302"
    name = "grant-conditions"
    title = Text("有条件共享的授权未写明使用条件", "conditional items granted without conditions")
    article = "Art. 7, 32(1)"
    tags = frozenset({"grant", "sharing"})

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for document in ctx.catalog.grants:
            grant = document.model
            resource = ctx.catalog.resource(grant.resource)
            if grant.status not in IN_FORCE or resource is None:
                continue
            conditional = [
                item.name
                for requested in grant.items
                if (item := resource.item_named(requested.name)) is not None
                and effective_sharing(resource, item) == "有条件共享"
            ]
            if not conditional or (grant.decision is not None and grant.decision.conditions):
                continue
            yield Finding(
                document.path,
                ("decision",) if grant.decision is not None else ("status",),
                Text(
                    f"信息项“{'、'.join(conditional)}”为有条件共享，批准决定须写明使用条件",
                    f"items {', '.join(conditional)} are 有条件共享 (conditional); the approval must state conditions of use",
                ),
                Text("在 decision.conditions 中列出使用条件", "list them under decision.conditions"),
                at_key=True,
            )
