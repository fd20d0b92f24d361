"""GD301: a pending grant asks only for items that exist and may be shared."""

from __future__ import annotations

from collections.abc import Iterator

from govdata.i18n import Text
from govdata.rules.base import Finding, Rule, RuleContext
from govdata.rules.grant_items import item_problems


class GrantItemsRequestable(Rule):
    """A grant request names a resource or item the catalog does not have, or one that is not shared.

    ## What it checks
    For every grant in status 申请中: `resource` is a resource code in the catalog, every
    entry of `items` names an information item of that resource, and no requested item is
    不予共享 (by its own `sharing_type` or, when it has none, its resource's).

    ## Why
    Art. 9 lets a department apply only for data that the catalog offers; Art. 32(1) puts
    不予共享 data outside sharing altogether. A request for a misspelt item cannot be
    decided, and one for a 不予共享 item can only be refused.

    ## How to fix
    Copy the item names exactly from the resource file (the message suggests the nearest
    name), or drop the item. If a 不予共享 item is truly needed for a duty, talk to the
    provider and the data authority: the catalog entry has to change first.
    """

    explanation_zh = """
    共享申请中的资源或信息项在目录中不存在，或者不予共享。

    ## 检查什么
    对每个状态为“申请中”的授权：`resource` 是目录中已有的资源代码，`items` 中每一项都是该资源的信息项，
    而且申请的信息项都不是“不予共享”（看信息项自己的 `sharing_type`，没有就看所属资源的）。

    ## 为什么
    第九条规定部门只能申请目录中提供的数据；第三十二条第（一）项把不予共享的数据完全排除在共享之外。
    信息项名称写错的申请无法审批，申请不予共享的信息项只能被驳回。

    ## 如何修改
    从资源文件中原样复制信息项名称（提示信息会给出最接近的名称），或者去掉这一项。如果履职确实需要某个不予共享的信息项，
    请与提供部门和数据主管部门沟通：要先修改目录。
    """

    id = "GD301"
    name = "grant-items-requestable"
    title = Text("申请的资源或信息项不可申请", "requested resource or item cannot be requested")
    article = "Art. 9, 32(1)"
    tags = frozenset({"grant", "integrity"})

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for document in ctx.catalog.grants:
            if document.model.status != "申请中":
                continue
            for problem in item_problems(ctx.catalog, document.model):
                yield Finding(document.path, problem.pointer, problem.message, problem.hint)
