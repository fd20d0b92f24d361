"""Setting workbook values into a round-trip YAML tree: only what differs, where the model puts it."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from govdata.excel.columns import Column
from govdata.io.edit import KeyOrder, quoted, set_key

# House style quotes codes and dates: "203005/000002", "2020-08-20".
_QUOTED = re.compile(r"^[0-9A-Z]+/[0-9A-Za-z]+$|^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def plain(value: Any) -> Any:
    """A YAML value as plain data: dates as text, sequences as lists."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, str):
        return str(value)  # quoted or folded scalars are still text
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):
        return int(value)
    return value


def same(current: Any, new: Any, column: Column) -> bool:
    """Whether the YAML value and the cell's value mean the same (``10`` is not ``"10"``)."""
    current = plain(current)
    if column.same_as_absent(current) and column.same_as_absent(new):
        return True
    if isinstance(current, bool) or isinstance(new, bool):
        return isinstance(current, bool) and isinstance(new, bool) and current == new
    if isinstance(current, list) and isinstance(new, list):
        return len(current) == len(new) and all(
            type(a) is type(b) and a == b for a, b in zip(current, new, strict=True)
        )
    return type(current) is type(new) and current == new


def value_at(mapping: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        if not isinstance(mapping, dict):
            return None
        mapping = mapping.get(key)
    return mapping


def _yaml_value(value: Any, was: Any) -> Any:
    if isinstance(value, str) and _QUOTED.match(value):
        return quoted(value)
    if isinstance(value, list):
        sequence = CommentedSeq(_yaml_value(v, None) for v in value)
        # Short lists are written [a, b] in the house style; keep a block list a block list.
        if not (isinstance(was, CommentedSeq) and not was.fa.flow_style()):
            sequence.fa.set_flow_style()
        return sequence
    return value


def _order_at(order: KeyOrder, path: tuple[str, ...]) -> KeyOrder:
    for key in path:
        order = order.children.get(key, KeyOrder())
    return order


def put(tree: CommentedMap, column: Column, value: Any, order: KeyOrder) -> None:
    """Set (or, for None, remove) the value of ``column`` in ``tree``; empty parents go too."""
    parents = [tree]
    for depth, key in enumerate(column.path[:-1]):
        child = parents[-1].get(key)
        if not isinstance(child, CommentedMap):
            if value is None:
                return
            set_key(parents[-1], key, CommentedMap(), _order_at(order, column.path[:depth]))
            child = parents[-1][key]
        parents.append(child)
    last = column.path[-1]
    if value is None:
        parents[-1].pop(last, None)
        for depth in range(len(parents) - 1, 0, -1):  # a mapping left empty means nothing
            if not parents[depth]:
                parents[depth - 1].pop(column.path[depth - 1], None)
        return
    set_key(parents[-1], last, _yaml_value(value, parents[-1].get(last)), _order_at(order, column.path[:-1]))


__all__ = ["plain", "put", "same", "value_at"]
