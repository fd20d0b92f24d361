"""Canonical formatting of instance files (``govdata fmt``): keys in the order the model
declares them, 2-space indentation, the schema modeline as the first line, UTF-8 with ``\\n``.

Comments, quoting and flow or block style are kept (ruamel round trip). Formatting never changes
meaning: :func:`format_text` re-reads its output with the validation reader and refuses to
return anything that loads differently from the input.
"""

from __future__ import annotations

import re
import types
from dataclasses import dataclass
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel

from govdata.i18n import Text
from govdata.io.edit import KeyOrder, load_for_edit, reorder
from govdata.io.fastyaml import YamlProblem, load_yaml
from govdata.io.roundtrip import dump_round_trip
from govdata.io.source import DecodeProblem, decode
from govdata.model.kinds import FileKind, kind_of
from govdata.rules.gd005_schema_modeline import modeline_for

_MODELINE = re.compile(r"#\s*yaml-language-server:\s*\$schema=")


@dataclass(frozen=True, slots=True)
class FormatProblem:
    """Why a file was left as it is."""

    message: Text
    line: int | None = None
    column: int | None = None


def _models_in(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    """The model an annotation holds (through Optional, list, Annotated), and whether as dict values."""
    origin = get_origin(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    if origin is dict:
        inner, _ = _models_in(get_args(annotation)[1])
        return inner, True
    if origin in (list, tuple, Union, types.UnionType) or (origin is not None and get_args(annotation)):
        for argument in get_args(annotation):
            inner, as_values = _models_in(argument)
            if inner is not None:
                return inner, as_values
    return None, False


_ORDERS: dict[type[BaseModel], KeyOrder] = {}


def key_order(model: type[BaseModel]) -> KeyOrder:
    """The declared key order of ``model`` and of every model nested in it.

    A recursive model (a classification node holds nodes) gets a cyclic order: the order is
    registered before its children are filled in, so a nested use finds it.
    """
    if model in _ORDERS:
        return _ORDERS[model]
    fields = [(info.alias or name, info) for name, info in model.model_fields.items()]
    children: dict[str, KeyOrder] = {}
    order = _ORDERS[model] = KeyOrder(tuple(key for key, _ in fields), children)
    for key, info in fields:
        inner, as_values = _models_in(info.annotation)
        if inner is not None:
            children[key] = KeyOrder(values=key_order(inner)) if as_values else key_order(inner)
    return order


def _with_modeline(text: str, modeline: str) -> str:
    """``text`` with ``modeline`` as its first line and no other modeline in its header comments."""
    lines = text.split("\n")
    header = 0
    while header < len(lines) and (lines[header].startswith("#") or not lines[header].strip()):
        header += 1
    kept = [line for line in lines[:header] if not _MODELINE.match(line)] + lines[header:]
    return modeline + "\n" + "\n".join(kept).lstrip("\n")


def _problem(problem: YamlProblem | DecodeProblem) -> FormatProblem:
    return FormatProblem(problem.message, problem.line, problem.column)


def format_text(path: str, text: str, kind: FileKind | None = None) -> str | FormatProblem:
    """The canonical text of the instance file at ``path``; a problem when it cannot be read."""
    kind = kind or kind_of(path)
    before = load_yaml(text)
    if isinstance(before, YamlProblem):
        return _problem(before)
    try:
        tree = load_for_edit(text)
        if kind is not None:  # a file of no known kind is only re-indented
            reorder(tree, key_order(kind.model))
        result = dump_round_trip(tree)
    except Exception as error:  # noqa: BLE001 - the round-trip library refused what the reader took
        return FormatProblem(
            Text(
                f"无法格式化此文件（{type(error).__name__}），已跳过，文件未改动",
                f"cannot format this file ({type(error).__name__}); left as it is",
            ),
            1,
            1,
        )
    if kind is not None:
        result = _with_modeline(result, modeline_for(path))
    after = load_yaml(result)
    if isinstance(after, YamlProblem) or after[0] != before[0]:
        return FormatProblem(
            Text(
                "格式化会改变文件内容，已跳过；请报告此问题",
                "formatting would change the data; file skipped, please report this",
            )
        )
    return result


def format_bytes(path: str, data: bytes) -> str | FormatProblem:
    """:func:`format_text` of raw file bytes (BOM removed, UTF-8 required)."""
    text = decode(data)
    if isinstance(text, DecodeProblem):
        return _problem(text)
    return format_text(path, text)


__all__ = ["FormatProblem", "format_bytes", "format_text", "key_order"]
