"""GD101: restricted sharing (有条件共享, 不予共享) stands on a law, regulation or central policy."""

from __future__ import annotations

from collections.abc import Iterator

from govdata.i18n import Text
from govdata.model.catalog import Document
from govdata.model.resource import Resource
from govdata.model.vocab import LegalLevel
from govdata.rules.base import Finding, Rule, RuleContext, RuleOptions, Scope
from govdata.rules.legal_levels import SHARING_LEVELS, basis_shortfall, levels_text

UNRESTRICTED = "无条件共享"
CONDITIONAL = "有条件共享"


class RestrictedSharingBasisOptions(RuleOptions):
    levels: tuple[LegalLevel, ...] = SHARING_LEVELS
    """Levels of a legal basis that can carry a sharing restriction on their own."""


class RestrictedSharingBasis(Rule):
    """Restricted sharing lacks a lawful basis or its conditions.

    ## What it checks
    A resource whose `sharing.type` is 有条件共享 or 不予共享 cites, under `sharing.basis`,
    at least one registry entry whose level is 法律, 行政法规 or 党中央国务院政策. A local
    regulation, a department rule or a normative document alone is not enough; the message
    names each cited basis and its level. 有条件共享 also states its conditions and scope in
    `sharing.condition`.

    An item may be stricter than its resource (`items[].sharing_type`). When the resource
    itself is 无条件共享, the resource's `sharing.basis` must carry such an item restriction,
    and `sharing.condition` (or the item's own `items[].sharing_condition`) must state the
    conditions of an item that is 有条件共享.

    A basis id that is not in the registry is reported by GD015; a list holding one is
    judged here only once it resolves.

    ## Why
    Sharing is the rule and not sharing the exception (Art. 32). Art. 32(1) admits a
    restriction only on a law, an administrative regulation or a Party Central Committee /
    State Council policy, and Art. 14 requires the catalog to state the sharing attributes.
    A department's own rule cannot withhold data from other departments.

    ## How to fix
    Add the id of the law or policy that requires the restriction to `sharing.basis` (ask
    the data authority to register it in `registry/legal-bases.yaml` if it is missing), and
    write the conditions in `sharing.condition`. If no such basis exists, the data must be
    无条件共享.

    ## Options
    `levels`: the levels of a basis that suffice (default 法律, 行政法规, 党中央国务院政策).
    """

    explanation_zh = """
    限制共享缺少法定依据或共享条件。

    ## 检查什么
    `sharing.type` 为“有条件共享”或“不予共享”的资源，必须在 `sharing.basis` 下引用至少一条层级为法律、行政法规或
    党中央国务院政策的名录条目。只有地方性法规、部门规章或规范性文件是不够的；提示信息会列出引用的每条依据及其层级。
    “有条件共享”还要在 `sharing.condition` 中写明共享条件和范围。

    信息项可以比所属资源更严格（`items[].sharing_type`）。资源本身是“无条件共享”时，资源的 `sharing.basis`
    必须包含限制该信息项的依据；对“有条件共享”的信息项，要在 `sharing.condition`（或该信息项自己的
    `items[].sharing_condition`）中写明条件。

    依据编号不在名录中的，由 GD015 报告；含有这种编号的列表，要等编号能找到后才在这里判断。

    ## 为什么
    共享是原则，不共享是例外（第三十二条）。第三十二条第（一）项只允许依据法律、行政法规或党中央、国务院政策限制共享，
    第十四条要求目录写明共享属性。部门自己的规定不能把数据挡在其他部门之外。

    ## 如何修改
    把要求限制共享的法律或政策的编号加到 `sharing.basis`（名录中没有的，请数据主管部门在 `registry/legal-bases.yaml`
    中登记），并在 `sharing.condition` 中写明条件。找不到这样的依据，数据就应当无条件共享。

    ## 选项
    `levels`：足以作为依据的层级（默认：法律、行政法规、党中央国务院政策）。
    """

    id = "GD101"
    name = "restricted-sharing-basis"
    title = Text("限制共享缺少法定依据或条件", "restricted sharing lacks a lawful basis")
    article = "Art. 14, 32(1)"
    tags = frozenset({"sharing", "legal-basis"})
    Options = RestrictedSharingBasisOptions

    scope = Scope.FILE

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        assert isinstance(ctx.options, RestrictedSharingBasisOptions)
        for document in ctx.catalog.resources:
            if document.model.sharing.type == UNRESTRICTED:
                yield from self._item_restrictions(ctx, document)
            else:
                yield from self._resource_restriction(ctx, document)

    def _resource_restriction(self, ctx: RuleContext, document: Document[Resource]) -> Iterator[Finding]:
        assert isinstance(ctx.options, RestrictedSharingBasisOptions)
        sharing = document.model.sharing
        shortfall = basis_shortfall(ctx.catalog, sharing.basis, ctx.options.levels)
        if shortfall is not None:
            yield Finding(
                document.path,
                ("sharing", "basis") if sharing.basis else ("sharing", "type"),
                Text(f"共享类型为“{sharing.type}”，但", f"sharing type is {sharing.type}, but ") + shortfall,
                levels_text(ctx.options.levels)
                + Text("；没有这样的依据则应无条件共享", "; without one, share unconditionally"),
                at_key=True,
            )
        if sharing.type == CONDITIONAL and sharing.condition is None:
            yield Finding(
                document.path,
                ("sharing", "type"),
                Text(
                    "有条件共享未写明共享条件（sharing.condition）",
                    "有条件共享 without its conditions (sharing.condition)",
                ),
                Text(
                    "在 sharing.condition 中写明可共享的对象、用途和范围",
                    "state who may use it, for what, in sharing.condition",
                ),
            )

    def _item_restrictions(self, ctx: RuleContext, document: Document[Resource]) -> Iterator[Finding]:
        assert isinstance(ctx.options, RestrictedSharingBasisOptions)
        sharing = document.model.sharing
        shortfall = basis_shortfall(ctx.catalog, sharing.basis, ctx.options.levels)
        for index, item in enumerate(document.model.items):
            if item.sharing_type is None or item.sharing_type == UNRESTRICTED:
                continue
            pointer = ("items", index, "sharing_type")
            if shortfall is not None:
                yield Finding(
                    document.path,
                    pointer,
                    Text(
                        f"信息项“{item.name}”为“{item.sharing_type}”，其依据取自资源的 sharing.basis，但",
                        f"item '{item.name}' is {item.sharing_type}; its basis is the resource's sharing.basis, but ",
                    )
                    + shortfall,
                    levels_text(ctx.options.levels)
                    + Text("，写在资源的 sharing.basis 中", " in the resource's sharing.basis"),
                )
            if item.sharing_type == CONDITIONAL and sharing.condition is None and item.sharing_condition is None:
                yield Finding(
                    document.path,
                    pointer,
                    Text(
                        f"信息项“{item.name}”为有条件共享，但资源未写明共享条件（sharing.condition）",
                        f"item '{item.name}' is 有条件共享, but the resource states no sharing.condition",
                    ),
                    Text(
                        "在资源的 sharing.condition 中写明该信息项的共享条件",
                        "state the item's conditions in sharing.condition",
                    ),
                )
