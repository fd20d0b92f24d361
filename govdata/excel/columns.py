"""The columns of the catalog workbook, read off the resource model.

Every scalar field of :class:`~govdata.model.resource.Resource` (and of the models nested in
it) is one column of the 信息资源 sheet; every scalar field of an information item is one column
of the 信息项 sheet. A field added to the model becomes a column without a change here. Fields
the sheet cannot hold (mappings of free keys, lists of models other than ``items``) stay out of
the workbook, and import leaves them as they are in the YAML.
"""

from __future__ import annotations

import datetime as dt
import types
from dataclasses import dataclass, replace
from functools import cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from govdata.model.resource import Item, Resource

ITEMS_KEY = "items"


@dataclass(frozen=True, slots=True)
class Column:
    """One workbook column: where its value lives in the YAML, and what the cell may hold."""

    path: tuple[str, ...]  # keys from the resource (or item) mapping down to the value
    title: str  # the GB element name, the column header
    description: str
    required: bool
    kind: Literal["text", "int", "bool", "date"]
    choices: tuple[str, ...] = ()  # a controlled vocabulary, when the model has one
    is_list: bool = False
    default: Any = None  # the model's default: a cell left empty means this

    def same_as_absent(self, value: Any) -> bool:
        """Whether ``value`` is what leaving the key out of the YAML means."""
        return value is None or value == [] or (value == self.default and type(value) is type(self.default))

    @property
    def key(self) -> str:
        return ".".join(self.path)

    @property
    def header(self) -> str:
        return f"{self.title}*" if self.required else self.title


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """``annotation`` without ``Optional``/``Annotated``; and whether ``None`` was allowed."""
    optional = False
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            options = [a for a in get_args(annotation) if a is not type(None)]
            optional = optional or len(options) < len(get_args(annotation))
            if len(options) != 1:
                return annotation, optional
            annotation = options[0]
        else:
            return annotation, optional


def _scalar_kind(annotation: Any) -> tuple[str, tuple[str, ...]] | None:
    if get_origin(annotation) is Literal:
        return "text", tuple(str(a) for a in get_args(annotation))
    if annotation is bool:
        return "bool", ()
    if annotation is int:
        return "int", ()
    if annotation is dt.date:
        return "date", ()
    if annotation is str:
        return "text", ()
    return None


def _columns(model: type[BaseModel], prefix: tuple[str, ...], required: bool, skip: str | None) -> list[Column]:
    found: list[Column] = []
    for name, info in model.model_fields.items():
        key = info.alias or name
        if key == skip:
            continue
        found.extend(_field_columns(info, (*prefix, key), required))
    return found


def _field_columns(info: FieldInfo, path: tuple[str, ...], parent_required: bool) -> list[Column]:
    annotation, optional = _unwrap(info.annotation)
    required = parent_required and info.is_required() and not optional
    title, description = info.title or path[-1], info.description or ""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _columns(annotation, path, required, None)
    is_list = get_origin(annotation) is list
    if is_list:
        annotation, _ = _unwrap(get_args(annotation)[0])
    scalar = _scalar_kind(annotation)
    if scalar is None:  # not a cell: left to the YAML
        return []
    kind, choices = scalar
    default = None if info.is_required() else info.get_default(call_default_factory=True)
    return [Column(path, title, description, required, kind, choices, is_list, default)]  # type: ignore[arg-type]


def _disambiguate(columns: list[Column]) -> list[Column]:
    """Headers must be unique to be read back; a repeated title gets its parent's title in front."""
    titles = [c.title for c in columns]
    result = []
    for column in columns:
        if titles.count(column.title) > 1 and len(column.path) > 1:
            parent = Resource.model_fields.get(column.path[0])
            prefix = parent.title if parent is not None and parent.title else column.path[0]
            column = replace(column, title=f"{prefix}·{column.title}")
        result.append(column)
    return result


@cache
def resource_columns() -> tuple[Column, ...]:
    """The 信息资源 sheet's columns, in model order; the resource code comes first."""
    return tuple(_disambiguate(_columns(Resource, (), True, ITEMS_KEY)))


@cache
def item_columns() -> tuple[Column, ...]:
    """The 信息项 sheet's columns (after the resource code that keys each row)."""
    return tuple(_disambiguate(_columns(Item, (), True, None)))


__all__ = ["ITEMS_KEY", "Column", "item_columns", "resource_columns"]
