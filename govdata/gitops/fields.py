"""Field-by-field comparison of two models, with each field's YAML key, GB title and text value."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from govdata.diagnostics import Pointer


@dataclass(frozen=True, slots=True)
class FieldDifference:
    key: str  # dotted YAML keys, e.g. ``classification.group``
    label: str  # the GB title of the innermost field, e.g. 项
    pointer: Pointer
    old: str | None
    new: str | None


def render(value: Any) -> str | None:
    """A value as short text: lists joined with 、, models as compact JSON, None stays None."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, BaseModel):
        return json.dumps(value.model_dump(mode="json", by_alias=True, exclude_defaults=True), ensure_ascii=False)
    if isinstance(value, list | tuple):
        return "、".join(render(v) or "" for v in value) or None
    if isinstance(value, dict):
        dumped = {
            k: v.model_dump(mode="json", exclude_defaults=True) if isinstance(v, BaseModel) else v
            for k, v in value.items()
        }
        return json.dumps(dumped, ensure_ascii=False) if dumped else None
    return str(value)


def differences(
    old: BaseModel, new: BaseModel, pointer: Pointer = (), *, skip: frozenset[str] = frozenset(), prefix: str = ""
) -> Iterator[FieldDifference]:
    """Every field that differs, descending into sub-models; ``skip`` holds dotted keys handled elsewhere."""
    for name, info in type(new).model_fields.items():
        key = info.alias or name
        dotted = f"{prefix}{key}"
        if dotted in skip:
            continue
        before, after = getattr(old, name), getattr(new, name)
        if before == after:
            continue
        if isinstance(before, BaseModel) and isinstance(after, BaseModel) and type(before) is type(after):
            yield from differences(before, after, (*pointer, key), skip=skip, prefix=f"{dotted}.")
            continue
        yield FieldDifference(dotted, info.title or key, (*pointer, key), render(before), render(after))
