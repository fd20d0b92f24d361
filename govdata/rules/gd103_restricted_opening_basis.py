"""GD103: restricted opening has a basis; personal, commercial and state secrets are not opened as they are."""

from __future__ import annotations

from collections.abc import Iterator

from govdata.i18n import Text
from govdata.model.catalog import Document
from govdata.model.resource import Item, Resource
from govdata.model.vocab import LegalLevel
from govdata.rules.attributes import effective_opening
from govdata.rules.base import Finding, Rule, RuleContext, RuleOptions, Scope
from govdata.rules.legal_levels import OPENING_LEVELS, basis_shortfall, levels_text

OPEN = "无条件开放"
CONDITIONAL = "有条件开放"
CLOSED = "不予开放"
STATE_SECRET = "国家秘密"


class RestrictedOpeningBasisOptions(RuleOptions):
    levels: tuple[LegalLevel, ...] = OPENING_LEVELS
    """Levels of a legal basis that can carry an opening restriction on their own."""


def _sensitivity(item: Item) -> str | None:
    """What makes an item unfit to open as it is, short of a state secret."""
    if item.personal_info != "无":
        return item.personal_info
    return item.secret if item.secret == "商业秘密" else None


class RestrictedOpeningBasis(Rule):
    """Restricted opening lacks a basis, or sensitive items are opened unconditionally.

    ## What it checks
    - A resource whose `opening.type` is 有条件开放 or 不予开放 cites, under `opening.basis`,
      at least one registry entry of level 法律, 行政法规, 地方性法规, 党中央国务院政策,
      部门规章 or 国家规范性文件. A 地方政府规章 or 地方规范性文件 alone is not enough.
      When the resource is 无条件开放, its `opening.basis` carries any item whose own
      `opening_type` is stricter.
    - 有条件开放 (of the resource, or of an item) states its conditions in `opening.condition`
      (an item may state its own in `items[].opening_condition`).
    - An item holding 个人信息 or 敏感个人信息, or flagged `secret: 商业秘密`, is not
      effectively 无条件开放 unless the resource states `opening.desensitisation`.
    - An item flagged `secret: 国家秘密` is effectively 不予开放, desensitised or not.

    A basis id that is not in the registry is reported by GD015; a list holding one is
    judged here only once it resolves.

    ## Why
    Opening has three types (Art. 38); a restricted type needs a law, regulation or national
    document as its basis (Art. 39). State secrets, commercial secrets and personal privacy
    belong to 不予开放 (Art. 38, and Art. 12 requires keeping them); only data that is not
    secret may be opened after desensitisation (Art. 39).

    ## How to fix
    Cite the law or national document under `opening.basis`, state the conditions in
    `opening.condition`, and either state how the data is desensitised in
    `opening.desensitisation` or restrict the sensitive items with `opening_type`.
    Items that hold state secrets get `opening_type: 不予开放`.

    ## Options
    `levels`: the levels of a basis that suffice (default: the six listed above).
    """

    explanation_zh = """
    限制开放缺少依据，或敏感信息项被无条件开放。

    ## 检查什么
    - `opening.type` 为“有条件开放”或“不予开放”的资源，必须在 `opening.basis` 下引用至少一条层级为法律、行政法规、
      地方性法规、党中央国务院政策、部门规章或国家规范性文件的名录条目。只有地方政府规章或地方规范性文件是不够的。
      资源为“无条件开放”时，其 `opening.basis` 要包含自身 `opening_type` 更严格的信息项的依据。
    - “有条件开放”（资源或信息项）要在 `opening.condition` 中写明条件（信息项也可在 `items[].opening_condition` 中写自己的条件）。
    - 含有个人信息、敏感个人信息，或标记为 `secret: 商业秘密` 的信息项，除非资源写明了 `opening.desensitisation`
      （脱敏方式），实际上不能是无条件开放。
    - 标记为 `secret: 国家秘密` 的信息项，无论是否脱敏，实际上都必须不予开放。

    依据编号不在名录中的，由 GD015 报告；含有这种编号的列表，要等编号能找到后才在这里判断。

    ## 为什么
    开放分为三类（第三十八条）；限制开放需要以法律、法规或国家层面的文件为依据（第三十九条）。国家秘密、商业秘密和个人隐私
    属于不予开放（第三十八条，第十二条也要求予以保护）；只有不涉密的数据才可以脱敏后开放（第三十九条）。

    ## 如何修改
    在 `opening.basis` 下引用法律或国家文件，在 `opening.condition` 中写明条件；并在 `opening.desensitisation`
    中说明如何脱敏，或用 `opening_type` 限制敏感信息项。涉及国家秘密的信息项写 `opening_type: 不予开放`。

    ## 选项
    `levels`：足以作为依据的层级（默认：上面列出的六种）。
    """

    id = "GD103"
    name = "restricted-opening-basis"
    title = Text("限制开放缺少依据或开放了敏感信息", "restricted opening lacks a basis")
    article = "Art. 38, 39"
    tags = frozenset({"opening", "legal-basis", "security"})
    Options = RestrictedOpeningBasisOptions

    scope = Scope.FILE

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        assert isinstance(ctx.options, RestrictedOpeningBasisOptions)
        for document in ctx.catalog.resources:
            yield from self._basis_and_condition(ctx, document)
            yield from _sensitive_items(document)

    def _basis_and_condition(self, ctx: RuleContext, document: Document[Resource]) -> Iterator[Finding]:
        assert isinstance(ctx.options, RestrictedOpeningBasisOptions)
        resource = document.model
        opening = resource.opening
        shortfall = basis_shortfall(ctx.catalog, opening.basis, ctx.options.levels)
        hint = levels_text(ctx.options.levels) + Text("，写在 opening.basis 中", " in opening.basis")
        if opening.type != OPEN and shortfall is not None:
            yield Finding(
                document.path,
                ("opening", "basis") if opening.basis else ("opening", "type"),
                Text(f"开放类型为“{opening.type}”，但", f"opening type is {opening.type}, but ") + shortfall,
                hint,
                at_key=True,
            )
        if opening.type == CONDITIONAL and opening.condition is None:
            yield _missing_condition(document.path, ("opening", "type"), Text("资源", "the resource"))
        for index, item in enumerate(resource.items):
            if item.opening_type is None or item.opening_type == OPEN:
                continue
            pointer = ("items", index, "opening_type")
            if opening.type == OPEN and shortfall is not None:
                yield Finding(
                    document.path,
                    pointer,
                    Text(
                        f"信息项“{item.name}”为“{item.opening_type}”，其依据取自资源的 opening.basis，但",
                        f"item '{item.name}' is {item.opening_type}; its basis is the resource's opening.basis, but ",
                    )
                    + shortfall,
                    hint,
                )
            if item.opening_type == CONDITIONAL and opening.condition is None and item.opening_condition is None:
                yield _missing_condition(document.path, pointer, Text(f"信息项“{item.name}”", f"item '{item.name}'"))


def _missing_condition(path: str, pointer: tuple[str | int, ...], who: Text) -> Finding:
    return Finding(
        path,
        pointer,
        who
        + Text(
            "为有条件开放，但未写明开放条件（opening.condition）",
            " is 有条件开放 without its conditions (opening.condition)",
        ),
        Text("在 opening.condition 中写明申请条件和使用范围", "state who may apply and for what in opening.condition"),
    )


def _sensitive_items(document: Document[Resource]) -> Iterator[Finding]:
    resource = document.model
    inheriting: list[tuple[str, str]] = []  # (item name, what it holds)
    for index, item in enumerate(resource.items):
        if item.secret is None and item.personal_info == "无":
            continue  # nothing sensitive: most items
        opening = effective_opening(resource, item)
        if item.secret == STATE_SECRET:
            if opening != CLOSED:
                yield Finding(
                    document.path,
                    ("items", index, "opening_type" if item.opening_type else "secret"),
                    Text(
                        f"信息项“{item.name}”涉及国家秘密，不得开放（实际为“{opening}”），脱敏也不例外",
                        f"item '{item.name}' holds state secrets and may not be opened ({opening}), "
                        "desensitised or not",
                    ),
                    Text("为该信息项设置 opening_type: 不予开放", "set opening_type: 不予开放 on the item"),
                )
            continue
        kind = _sensitivity(item)
        if kind is None or opening != OPEN or resource.opening.desensitisation is not None:
            continue
        if item.opening_type is None:
            inheriting.append((item.name, kind))
            continue
        yield Finding(
            document.path,
            ("items", index, "opening_type"),
            Text(
                f"信息项“{item.name}”含{kind}，无条件开放前须脱敏，但资源未写明脱敏方式（opening.desensitisation）",
                f"item '{item.name}' holds {kind}; opening it unconditionally needs opening.desensitisation",
            ),
            _HINT,
        )
    if inheriting:
        named_zh = "、".join(f"“{name}”（{kind}）" for name, kind in inheriting)
        named_en = ", ".join(f"{name} ({kind})" for name, kind in inheriting)
        yield Finding(
            document.path,
            ("opening", "type"),
            Text(
                f"资源无条件开放，但信息项{named_zh}未写明脱敏方式（opening.desensitisation）",
                f"the resource is 无条件开放, but items {named_en} are sensitive "
                "and no opening.desensitisation is stated",
            ),
            _HINT,
        )


_HINT = Text(
    "在 opening.desensitisation 中写明脱敏方法，或为这些信息项设置 opening_type: 不予开放",
    "state the method in opening.desensitisation, or set opening_type: 不予开放 on these items",
)
