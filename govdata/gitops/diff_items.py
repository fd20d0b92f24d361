"""Information items (信息项) of one resource, old against new.

Items are matched by name, their identity within a resource. An item that disappeared and
one that appeared are taken as one item **renamed** when
  1. both carry the same ``element_id`` (数据元标识符), or else
  2. the new one stands at the same position in the list and has the same data type.
Each item is paired at most once; whatever stays unpaired is removed or added.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from govdata.gitops.changes import Change, ChangeKind, Side
from govdata.gitops.fields import differences
from govdata.model.catalog import Document
from govdata.model.resource import Item, Resource

SHARING_ORDER = ("无条件共享", "有条件共享", "不予共享")  # later is tighter
OPENING_ORDER = ("无条件开放", "有条件开放", "不予开放")
# Fields compared on their own below; the rest are plain item changes.
_SPECIAL = frozenset({"name", "data_type", "length", "sharing_type", "opening_type"})


@dataclass(frozen=True)
class _Context:
    old: Document[Resource]
    new: Document[Resource]

    @property
    def code(self) -> str:
        return self.new.model.code

    @property
    def department(self) -> str:
        return self.new.model.provider.code


def type_text(item: Item) -> str:
    return f"{item.data_type}({item.length})" if item.length is not None else item.data_type


def pair_renamed(old_items: list[Item], new_items: list[Item]) -> dict[str, str]:
    """``{old name: new name}`` for items taken as renamed (see the module docstring)."""
    new_names = {item.name for item in new_items}
    old_names = {item.name for item in old_items}
    gone = [(index, item) for index, item in enumerate(old_items) if item.name not in new_names]
    arrived = {index: item for index, item in enumerate(new_items) if item.name not in old_names}
    pairs: dict[str, str] = {}
    for _, item in gone:
        match = next(
            (i for i, a in arrived.items() if item.element_id is not None and a.element_id == item.element_id), None
        )
        if match is not None:
            pairs[item.name] = arrived.pop(match).name
    for index, item in gone:
        if item.name in pairs:
            continue
        candidate = arrived.get(index)
        if candidate is not None and candidate.data_type == item.data_type:
            pairs[item.name] = arrived.pop(index).name
    return pairs


def _change(
    ctx: _Context,
    kind: ChangeKind,
    index: int,
    *,
    item: str,
    side: Side = Side.NEW,
    tail: tuple[str | int, ...] = (),
    field: str | None = None,
    label: str | None = None,
    old: str | None = None,
    new: str | None = None,
    restricts: bool = False,
) -> Change:
    document = ctx.new if side is Side.NEW else ctx.old
    return Change(
        kind,
        ctx.code,
        document.path,
        ("items", index, *tail),
        side,
        ctx.department,
        item=item,
        field=field,
        label=label,
        old=old,
        new=new,
        restricts=restricts,
    )


def _level_change(
    ctx: _Context,
    index: int,
    item: str,
    order: tuple[str, ...],
    kinds: tuple[ChangeKind, ChangeKind],
    key: str,
    old: str,
    new: str,
) -> Change:
    tighter = order.index(new) > order.index(old)
    kind = kinds[1] if tighter else kinds[0]
    return _change(ctx, kind, index, item=item, field=key, old=old, new=new, restricts=tighter, tail=(key,))


def _pair_changes(ctx: _Context, old_item: Item, new_item: Item, index: int) -> Iterator[Change]:
    if old_item.name != new_item.name:
        # A rename takes the old name away from whoever relied on it.
        yield _change(
            ctx,
            ChangeKind.ITEM_RENAMED,
            index,
            item=new_item.name,
            field="name",
            old=old_item.name,
            new=new_item.name,
            restricts=True,
            tail=("name",),
        )
    if (old_item.data_type, old_item.length) != (new_item.data_type, new_item.length):
        yield _change(
            ctx,
            ChangeKind.ITEM_RETYPED,
            index,
            item=new_item.name,
            field="data_type",
            old=type_text(old_item),
            new=type_text(new_item),
            restricts=True,
            tail=("data_type",),
        )
    old_res, new_res = ctx.old.model, ctx.new.model
    checks = (
        (
            "sharing_type",
            SHARING_ORDER,
            (ChangeKind.SHARING_LOOSENED, ChangeKind.SHARING_TIGHTENED),
            old_item.sharing_type,
            new_item.sharing_type,
            old_res.sharing.type,
            new_res.sharing.type,
        ),
        (
            "opening_type",
            OPENING_ORDER,
            (ChangeKind.OPENING_LOOSENED, ChangeKind.OPENING_TIGHTENED),
            old_item.opening_type,
            new_item.opening_type,
            old_res.opening.type,
            new_res.opening.type,
        ),
    )
    for key, order, kinds, old_own, new_own, old_default, new_default in checks:
        # Only an item's own setting is reported here; a resource-wide change is reported once.
        if old_own is None and new_own is None:
            continue
        old_eff, new_eff = old_own or old_default, new_own or new_default
        if old_eff != new_eff:
            yield _level_change(ctx, index, new_item.name, order, kinds, key, old_eff, new_eff)
    for difference in differences(old_item, new_item, skip=_SPECIAL):
        yield _change(
            ctx,
            ChangeKind.ITEM_CHANGED,
            index,
            item=new_item.name,
            field=difference.key,
            label=difference.label,
            old=difference.old,
            new=difference.new,
            tail=difference.pointer,
        )


def item_changes(old: Document[Resource], new: Document[Resource]) -> Iterator[Change]:
    """Changes of the information items of one resource present on both sides."""
    ctx = _Context(old, new)
    old_items, new_items = old.model.items, new.model.items
    renamed = pair_renamed(old_items, new_items)
    new_index = {item.name: index for index, item in enumerate(new_items)}
    old_names = {item.name for item in old_items}
    for old_index, old_item in enumerate(old_items):
        new_name = renamed.get(old_item.name, old_item.name)
        if new_name in new_index:
            index = new_index[new_name]
            if old_item != new_items[index]:  # equal models: every check below finds nothing
                yield from _pair_changes(ctx, old_item, new_items[index], index)
        else:
            yield _change(
                ctx,
                ChangeKind.ITEM_REMOVED,
                old_index,
                side=Side.OLD,
                item=old_item.name,
                old=old_item.name,
                restricts=True,
            )
    paired_new = set(renamed.values())
    for index, item in enumerate(new_items):
        if item.name not in old_names and item.name not in paired_new:
            yield _change(ctx, ChangeKind.ITEM_ADDED, index, item=item.name, new=item.name)
