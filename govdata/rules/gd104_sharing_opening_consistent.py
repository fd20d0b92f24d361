"""GD104: sharing and opening attributes agree with each other, and items with their resource."""

from __future__ import annotations

from collections.abc import Iterator

from govdata.i18n import Text
from govdata.model.catalog import Document
from govdata.model.resource import Resource
from govdata.rules.attributes import OPENING_RANK, SHARING_RANK, effective_opening, effective_sharing
from govdata.rules.base import Finding, Rule, RuleContext, Scope

# (model field of the resource, field of an item, rank scale, zh name, en name)
_ASPECTS = (
    ("sharing", "sharing_type", SHARING_RANK, "共享", "sharing"),
    ("opening", "opening_type", OPENING_RANK, "开放", "opening"),
)


class SharingOpeningConsistent(Rule):
    """Sharing and opening attributes contradict each other.

    ## What it checks
    Both attributes are ordered from loose to strict: 无条件 < 有条件 < 不予. An item's
    effective attribute is its own `sharing_type` / `opening_type`, or else its resource's.

    1. An item is never looser than its resource: its own `sharing_type` (`opening_type`)
       is as strict as the resource's `sharing.type` (`opening.type`) or stricter.
    2. The resource level is the loosest level of its items: when a resource lists items and
       every one of them sets a stricter value, the resource level must be raised to the
       loosest of them.
    3. Opening is never looser than sharing, for the resource and for every item:
       不予共享 allows only 不予开放, 有条件共享 allows 有条件开放 or 不予开放, and 无条件共享
       allows any opening type.

    ## Why
    The catalog states both attributes (Art. 14). Data not shared with other departments
    cannot be handed to the public (Art. 32, 38), and data the public may take freely
    cannot be withheld from departments. A resource that claims a looser level than every
    one of its items misleads whoever searches the published share or open catalog.

    ## How to fix
    Make the item at least as strict as the resource (or loosen the resource and restrict
    the other items), raise the resource level to what its items say, or restrict the
    opening to match the sharing type.
    """

    explanation_zh = """
    共享属性与开放属性互相矛盾。

    ## 检查什么
    两种属性都从宽到严排列：无条件 < 有条件 < 不予。信息项的实际属性是它自己的 `sharing_type` / `opening_type`，
    没有设就取所属资源的。

    1. 信息项不能比资源更宽：它自己的 `sharing_type`（`opening_type`）要与资源的 `sharing.type`（`opening.type`）
       一样严或更严。
    2. 资源的属性等于其信息项中最宽的那个：资源列出了信息项、且每个信息项都设了更严的值时，资源的属性要提高到其中最宽的一个。
    3. 开放不能比共享更宽，资源和每个信息项都是如此：不予共享只能不予开放；有条件共享只能有条件开放或不予开放；
       无条件共享可以是任何开放类型。

    ## 为什么
    目录要同时写明这两种属性（第十四条）。不向其他部门共享的数据，不能交给社会公众（第三十二条、第三十八条）；
    公众都能自由获取的数据，也不能不给部门。资源标称的属性比它所有信息项都宽，会误导在共享目录或开放目录中查找的人。

    ## 如何修改
    让信息项至少和资源一样严（或者放宽资源、再限制其他信息项），把资源的属性提高到信息项所要求的程度，或者把开放属性收紧到与共享属性相符。
    """

    id = "GD104"
    name = "sharing-opening-consistent"
    title = Text("共享属性与开放属性不一致", "sharing and opening attributes disagree")
    article = "Art. 14, 38"
    tags = frozenset({"sharing", "opening"})

    scope = Scope.FILE

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for document in ctx.catalog.resources:
            yield from _items_within_resource(document)
            yield from _opening_within_sharing(document)


def _items_within_resource(document: Document[Resource]) -> Iterator[Finding]:
    resource = document.model
    for section, field, rank, zh, en in _ASPECTS:
        level: str = getattr(resource, section).type
        values = [getattr(item, field) for item in resource.items]
        for index, value in enumerate(values):
            if value is not None and rank[value] < rank[level]:
                yield Finding(
                    document.path,
                    ("items", index, field),
                    Text(
                        f"信息项“{resource.items[index].name}”的{zh}类型“{value}”比资源的“{level}”更宽松",
                        f"item '{resource.items[index].name}' is {value}, looser than the resource's {level} {en} type",
                    ),
                    Text(
                        f"信息项只能与资源相同或更严格：删除该项的 {field}，或放宽资源的 {section}.type 并限制其他信息项",
                        f"an item may only be as strict or stricter: drop its {field}, or loosen {section}.type "
                        "and restrict the other items",
                    ),
                )
        if values and None not in values and min(rank[v] for v in values) > rank[level]:
            loosest = min(values, key=lambda v: rank[v])
            yield Finding(
                document.path,
                (section, "type"),
                Text(
                    f"资源{zh}类型为“{level}”，但每个信息项都更严格，最宽松的是“{loosest}”",
                    f"the resource {en} type is {level}, but every item is stricter; the loosest is {loosest}",
                ),
                Text(
                    f"将 {section}.type 改为“{loosest}”，并删除与之相同的信息项 {field}",
                    f"set {section}.type to {loosest} and drop the item {field} values equal to it",
                ),
            )


def _opening_within_sharing(document: Document[Resource]) -> Iterator[Finding]:
    resource = document.model
    sharing, opening = resource.sharing.type, resource.opening.type
    if OPENING_RANK[opening] < SHARING_RANK[sharing]:
        yield _contradiction(document.path, ("opening", "type"), Text("资源", "the resource"), sharing, opening)
    for index, item in enumerate(resource.items):
        if item.sharing_type is None and item.opening_type is None:
            continue
        item_sharing, item_opening = effective_sharing(resource, item), effective_opening(resource, item)
        if (item_sharing, item_opening) == (sharing, opening):
            continue  # the same pair as the resource's, reported there
        if OPENING_RANK[item_opening] < SHARING_RANK[item_sharing]:
            field = "opening_type" if item.opening_type is not None else "sharing_type"
            who = Text(f"信息项“{item.name}”", f"item '{item.name}'")
            yield _contradiction(document.path, ("items", index, field), who, item_sharing, item_opening)


def _contradiction(path: str, pointer: tuple[str | int, ...], who: Text, sharing: str, opening: str) -> Finding:
    return Finding(
        path,
        pointer,
        who
        + Text(
            f"为“{sharing}”却“{opening}”：开放不能比共享更宽松",
            f" is {sharing} yet {opening}: opening may not be looser than sharing",
        ),
        Text(
            "不予共享的数据只能不予开放；有条件共享的数据最多有条件开放",
            "不予共享 data is 不予开放; 有条件共享 data is at most 有条件开放",
        ),
    )
