"""Plain-scalar resolution by the YAML 1.2 rules that ruamel.yaml's round-trip writer uses.

The fast reader (libyaml) must give every plain scalar the same type that ``govdata fmt`` and
the lifecycle commands (ruamel, round trip) give it, or ``validate`` and ``fmt`` would disagree
about the same file. The patterns are ruamel's own, as its resolver table has them for YAML 1.2
(``tests/io/test_scalars.py`` holds them to that table, so the two cannot drift), and values
are converted the way ruamel's constructor does. Timestamps stay text: a date is a
string in every schema (the same choice check-jsonschema makes).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

# Written out, not read from ``ruamel.yaml.resolver.implicit_resolvers`` at import: that import
# loads the whole of ruamel.yaml (0.02-0.04 s), which ``validate`` needs for nothing else. Compiled
# here once, also because ruamel wraps its patterns in a lazy proxy that costs an attribute
# lookup per match.
_BOOL = re.compile(r"""^(?:true|True|TRUE|false|False|FALSE)$""", re.X)
_INT = re.compile(
    r"""^(?:[-+]?0b[0-1_]+
        |[-+]?0o?[0-7_]+
        |[-+]?[0-9_]+
        |[-+]?0x[0-9a-fA-F_]+)$""",
    re.X,
)
_FLOAT = re.compile(
    r"""^(?:
         [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?
        |[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)
        |[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?
        |[-+]?\.(?:inf|Inf|INF)
        |\.(?:nan|NaN|NAN))$""",
    re.X,
)
_NULL = re.compile(
    r"""^(?: ~
        |null|Null|NULL
        | )$""",
    re.X,
)
_MERGE = re.compile(r"^(?:<<)$")

# Only plain scalars starting with one of these can resolve to something other than text.
SPECIAL_FIRST = frozenset("0123456789+-.~nNtTfF<")


class MergeKeyError(ValueError):
    """``<<`` merge keys are refused: catalog files must say every value where it applies."""


def _to_int(text: str) -> int:
    digits = text.replace("_", "")
    sign = -1 if digits.startswith("-") else 1
    digits = digits.lstrip("+-")
    if digits.startswith("0b"):
        return sign * int(digits[2:], 2)
    if digits.startswith("0x"):
        return sign * int(digits[2:], 16)
    if digits.startswith("0o"):
        return sign * int(digits[2:], 8)
    # YAML 1.2 has no leading-zero octal: ruamel reads 0755 as 755.
    return sign * int(digits, 10)


def _to_float(text: str) -> float:
    lowered = text.replace("_", "").lower()
    if lowered.endswith(".inf"):
        return float("-inf") if lowered.startswith("-") else float("inf")
    if lowered == ".nan":
        return float("nan")
    return float(lowered)


_CONVERTERS: tuple[tuple[re.Pattern[str], Callable[[str], Any]], ...] = (
    (_NULL, lambda _text: None),
    (_BOOL, lambda text: text.lower() == "true"),
    (_INT, _to_int),
    (_FLOAT, _to_float),
)


# YAML 1.2 core schema (spec 1.2.2, 10.3.2), which editors' language servers follow: no ``_``
# in numbers, no ``0b``, no sign before ``0x``/``0o``. ruamel's resolver is more lenient.
_CORE: tuple[tuple[re.Pattern[str], Callable[[str], Any]], ...] = (
    (re.compile(r"^(?:~|null|Null|NULL|)$"), lambda _text: None),
    (re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), lambda text: text.lower() == "true"),
    (re.compile(r"^[-+]?[0-9]+$"), lambda text: int(text, 10)),
    (re.compile(r"^0o[0-7]+$"), lambda text: int(text[2:], 8)),
    (re.compile(r"^0x[0-9a-fA-F]+$"), lambda text: int(text[2:], 16)),
    (re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$"), float),
    (re.compile(r"^[-+]?\.(?:inf|Inf|INF)$"), _to_float),
    (re.compile(r"^\.(?:nan|NaN|NAN)$"), _to_float),
)


def core_value(text: str) -> Any:
    """The value of a plain scalar under the YAML 1.2 core schema (what editors read)."""
    for pattern, convert in _CORE:
        if pattern.match(text):
            return convert(text)
    return text


def _same(left: Any, right: Any) -> bool:
    if type(left) is not type(right):
        return False
    return left == right or (isinstance(left, float) and left != left and right != right)


_READINGS: dict[str, tuple[Any] | None] = {}
_READINGS_KEPT = 65536


def core_disagreement(text: str, value: Any) -> tuple[Any] | None:
    """What an editor reads for the plain scalar ``text`` if that differs from ``value``
    (ruamel's reading); None when both agree. Remembered per text: a catalog repeats the same
    few keys and values (``name``, ``false``) hundreds of thousands of times."""
    try:
        return _READINGS[text]
    except KeyError:
        pass
    core = core_value(text)
    reading = None if _same(core, value) else (core,)
    if len(_READINGS) >= _READINGS_KEPT:
        _READINGS.clear()
    _READINGS[text] = reading
    return reading


def plain_form(value: Any) -> str:
    """How to write ``value`` so that every YAML 1.2 reader agrees on it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    return str(value)


def resolve_plain(text: str) -> Any:
    """The value of a plain (unquoted) scalar under YAML 1.2 as ruamel reads it."""
    if text and text[0] not in SPECIAL_FIRST:
        return text
    if _MERGE.match(text):
        raise MergeKeyError(text)
    for pattern, convert in _CONVERTERS:
        if pattern.match(text):
            return convert(text)
    return text
