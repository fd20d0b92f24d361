"""GD015: every cited legal basis id exists in the legal-basis registry."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from govdata.i18n import Text
from govdata.model.catalog import Catalog
from govdata.rules.base import Finding, Rule, RuleContext, Scope

_CITING_FIELDS = (("sharing", "basis"), ("opening", "basis"), ("aggregation", "exemption_basis"))


class LegalBasisResolves(Rule):
    """A resource cites a legal basis that is not in the registry.

    ## What it checks
    Every id under `sharing.basis`, `opening.basis` and `aggregation.exemption_basis` is
    the `id` of an entry in `registry/legal-bases.yaml`.

    ## Why
    A restriction of sharing (Art. 14, 32(1)) or opening (Art. 39), or an exemption from
    aggregation (Art. 8), stands only on a lawful basis. The registry records each basis
    with its level, which later rules judge; an unknown id cannot be judged at all.

    ## How to fix
    Use the id of an existing registry entry (the message suggests close matches), or ask
    the data authority to add the law or policy to the registry.
    """

    explanation_zh = """
    资源引用了名录中不存在的法律依据。

    ## 检查什么
    `sharing.basis`、`opening.basis` 和 `aggregation.exemption_basis` 下的每个编号，都必须是
    `registry/legal-bases.yaml` 中某一条目的 `id`。

    ## 为什么
    限制共享（第十四条、第三十二条第（一）项）、限制开放（第三十九条）或免于汇聚（第八条）都必须有合法依据。
    名录记录了每条依据的效力层级，后面的规则据此判断；不认识的编号根本无法判断。

    ## 如何修改
    使用名录中已有条目的编号（提示信息会给出相近的编号）；或者请数据主管部门把这部法律或政策加入名录。
    """

    id = "GD015"
    name = "legal-basis-resolves"
    title = Text("引用的法律依据不存在", "cited legal basis does not exist")
    article = "Art. 32(1)"
    tags = frozenset({"integrity", "legal-basis"})

    scope = Scope.FILE

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        catalog: Catalog = ctx.catalog
        if catalog.legal_bases_doc is None:
            return
        known = catalog.basis_by_id
        for document in catalog.resources:
            resource = document.model
            for section, field in _CITING_FIELDS:
                ids: list[str] = getattr(getattr(resource, section), field)
                for index, basis_id in enumerate(ids):
                    if basis_id not in known:
                        guess = difflib.get_close_matches(basis_id, list(known), n=1)
                        yield Finding(
                            document.path,
                            (section, field, index),
                            Text(
                                f"法律依据“{basis_id}”不在 registry/legal-bases.yaml 中",
                                f"legal basis {basis_id!r} is not in registry/legal-bases.yaml",
                            ),
                            Text(f"是否应为“{guess[0]}”？", f"did you mean {guess[0]!r}?") if guess else None,
                        )
