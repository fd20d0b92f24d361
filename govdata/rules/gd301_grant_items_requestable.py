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
