"""GD309: a grant in force covers items the catalog has since removed or closed."""

from __future__ import annotations

from collections.abc import Iterator

from govdata.i18n import Text
from govdata.model.grant import IN_FORCE
from govdata.rules.base import Finding, Rule, RuleContext
from govdata.rules.grant_items import item_problems


class GrantCatalogDrift(Rule):
    """A grant in force covers a resource or item that the catalog no longer offers for sharing.

    ## What it checks
    For every grant in status 已批准 or 已暂停: its resource is still in the catalog, each
    granted item still exists in it, and none has become 不予共享.

    ## Why
    A provider may restrict or withdraw data after a grant was approved, e.g. when a law
    changes (Art. 19). Art. 36 makes the authority stop service that now runs beyond what
    may be shared; the grant record must follow the catalog, not the other way round.

    ## How to fix
    If the item was only renamed, correct its name in the grant. Otherwise the authority
    suspends or terminates the grant (`govdata grant terminate ID --by … --reason …`) and
    the applicant files a new request for what may still be shared.
    """

    explanation_zh = """
    生效中的授权覆盖了目录已不再提供共享的资源或信息项。

    ## 检查什么
    对每个状态为“已批准”或“已暂停”的授权：其资源仍在目录中，授权的每个信息项仍然存在，而且都没有变成“不予共享”。

    ## 为什么
    授权批准后，提供部门可能因法律修改等原因限制或撤回数据（第十九条）。第三十六条要求主管部门停止超出可共享范围的服务；
    授权记录要随目录变，而不是反过来。

    ## 如何修改
    如果信息项只是改了名，就在授权中改正名称。否则由主管部门暂停或终止授权（`govdata grant terminate ID --by … --reason …`），
    申请部门再就仍可共享的部分重新申请。
    """

    id = "GD309"
    name = "grant-catalog-drift"
    title = Text("授权范围已被目录收回", "granted items no longer shareable")
    article = "Art. 19, 36"
    tags = frozenset({"grant", "sharing"})

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for document in ctx.catalog.grants:
            if document.model.status not in IN_FORCE:
                continue
            for problem in item_problems(ctx.catalog, document.model):
                yield Finding(
                    document.path,
                    problem.pointer,
                    Text("已生效的授权：", "granted, but ") + problem.message,
                    Text(
                        "按目录调整授权，或暂停、终止授权", "amend the grant to the catalog, or suspend or terminate it"
                    ),
                )
