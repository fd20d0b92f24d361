"""What every file model shares: closed to unknown keys, immutable, documented in Chinese."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

# Characters of a 统一社会信用代码 (GB 32100): digits and capitals without I, O, Z, S, V.
USCC_PATTERN = r"^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$"
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


class Model(BaseModel):
    """Base of all file models. Unknown keys are errors: a typo must not pass silently."""

    # strict: "true" is not a boolean and "5" is not a number, exactly as in the JSON Schema.
    # defer_build: a model's validator is built when first used, not at import. A run uses a
    # few of the 49 model classes (a pull request's re-check: the resource, the config, the
    # registries); building all of them cost every command 0.05-0.08 s of start-up (issue 12).
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, strict=True, defer_build=True)


# Python functions, not ``list`` and ``dict``: building a model, pydantic asks each factory's
# signature, and for a builtin ``inspect`` parses it from text (0.18 ms, against 0.01 ms).
def _empty_list() -> list[Any]:
    return []


def _empty_dict() -> dict[str, Any]:
    return {}


def gb(title: str, description: str, default: Any = ..., **constraints: Any) -> Any:
    """A field with its GB element name as ``title`` and a Chinese ``description``.

    Every schema property needs both: editors show them on hover, and schema errors name the
    property by its title.
    """
    if isinstance(default, list | dict) and not default:
        # An empty list or mapping as a factory: pydantic deep-copies a mutable default at every
        # validation (6 per resource, 0.1 of its 1.5 ms); the schema still shows the default.
        empty = _empty_list if isinstance(default, list) else _empty_dict
        constraints.setdefault("json_schema_extra", {})["default"] = empty()
        return Field(default_factory=empty, title=title, description=description, **constraints)
    return Field(default, title=title, description=description, **constraints)


def _parse_text_date(value: Any) -> Any:
    # YAML gives dates as text (io.scalars). Accept exactly what the schema's pattern and
    # format accept: no numbers (Unix timestamps to pydantic), no 20230501 (ISO to Python).
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not re.fullmatch(DATE_PATTERN, value):
        raise ValueError("date must be written as YYYY-MM-DD")
    return dt.date.fromisoformat(value)


IsoDate = Annotated[
    dt.date,
    BeforeValidator(_parse_text_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": DATE_PATTERN}),
]
Uscc = Annotated[str, Field(pattern=USCC_PATTERN)]
NonEmptyText = Annotated[str, Field(min_length=1)]
