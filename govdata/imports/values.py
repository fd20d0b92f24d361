"""Normalising one source value: text, dates in their five shapes, update cycles, formats, opening."""

from __future__ import annotations

import ast
import datetime as dt
import html
import json
import re
from dataclasses import dataclass, field
from typing import Any

from govdata.imports.tables import (
    CATEGORY_ONLY_TYPES,
    CATEGORY_WORDS,
    CYCLE_KEEPS_NOTE,
    FORMAT_CATEGORIES,
    FORMAT_TYPES,
    OPENING_CONDITION_WORDS,
    UPDATE_CYCLES_FOLDED,
    folded,
    is_placeholder,
    spelling_key,
)
from govdata.model.patterns import EMAIL_PATTERN, URL_PATTERN

_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^<>]*>|<!--.*?-->", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Text:
    """Cleaned text and what the cleaning did (None: nothing)."""

    value: str
    note: str | None = None


def as_text(raw: Any) -> str:
    """A raw value as the text the report shows."""
    if raw is None:
        return ""
    if isinstance(raw, list | dict):
        return json.dumps(raw, ensure_ascii=False)
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw)


def clean_text(raw: Any, *, one_line: bool = True) -> Text:
    """``raw`` without HTML, entities, and (for one-line fields) embedded newlines and tabs."""
    original = as_text(raw)
    text, notes = original, []
    if _TAG.search(text):
        text = _TAG.sub(" ", text)
        notes.append("去除 HTML")
    unescaped = html.unescape(text)
    if unescaped != text:
        text = unescaped
        notes.append("转换 HTML 实体")
    squeezed = re.sub(r"\s+", " ", text) if one_line else re.sub(r"[ \t\u3000]+", " ", text)
    squeezed = squeezed.strip()
    if squeezed != text and not notes:
        notes.append("去除多余空白")
    return Text(squeezed, "，".join(notes) or None)


# --- dates --------------------------------------------------------------------------------------

_DATE = re.compile(
    r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[\sT]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$"
)


def parse_date(raw: Any) -> dt.date | None:
    """A date from ISO, date-time, slashed, newline-split or epoch-millisecond shapes; None if none fits."""
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        return _epoch(float(raw))
    text = as_text(raw).strip()
    if re.fullmatch(r"\d{12,13}|\d{10}", text):
        return _epoch(float(text))
    if re.fullmatch(r"\d{8}", text):
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    match = _DATE.match(text)
    if match is None:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _epoch(number: float) -> dt.date | None:
    seconds = number / 1000 if number > 1e11 else number
    if not 0 < seconds < 4.1e9:
        return None
    # China Standard Time: portals stamp local midnight, which is the previous day in UTC.
    return dt.datetime.fromtimestamp(seconds, dt.timezone(dt.timedelta(hours=8))).date()


# --- update cycles --------------------------------------------------------------------------------

_CYCLE_NOTE = re.compile(r"^(?P<cycle>[^(（]*?)\s*[(（]\s*(?:更新说明)?\s*[:：]?\s*(?P<note>.*?)\s*[)）]\s*$")


@dataclass(frozen=True, slots=True)
class Cycle:
    cycle: str | None  # None: not understood
    note: str | None = None  # the update note read from the value, if any
    note_dropped: str | None = None  # a placeholder note left out


def parse_cycle(raw: Any, overrides: dict[str, str]) -> Cycle:
    """``每月`` → 每月; ``不更新(更新说明:暂无新业务数据产生)`` → 不更新 with its note; ``小时级`` → 实时, note 小时级."""
    text = clean_text(raw).value
    note: str | None = None
    dropped: str | None = None
    match = _CYCLE_NOTE.match(text)
    if match and match.group("cycle"):
        text, note = match.group("cycle"), match.group("note") or None
        if note is not None and is_placeholder(note):
            dropped, note = note, None
    key = spelling_key(text)
    table = {**UPDATE_CYCLES_FOLDED, **folded(overrides)} if overrides else UPDATE_CYCLES_FOLDED
    cycle = table.get(key) or table.get(key.removesuffix("更新"))
    if cycle is not None and note is None and key in CYCLE_KEEPS_NOTE:
        note = text
    return Cycle(cycle, note, dropped)


# --- formats --------------------------------------------------------------------------------------


@dataclass(slots=True)
class Formats:
    found: list[tuple[str, str | None]] = field(default_factory=list)  # (category, type), primary first
    unknown: list[str] = field(default_factory=list)


def _tokens(raw: Any) -> list[str]:
    if isinstance(raw, list):
        return [as_text(v) for v in raw]
    text = as_text(raw).strip()
    if text.startswith("[") and text.endswith("]"):
        for parse in (json.loads, ast.literal_eval):
            try:
                value = parse(text)
            except (ValueError, SyntaxError, json.JSONDecodeError):
                continue
            if isinstance(value, list):
                return [as_text(v) for v in value]
    return [t for t in re.split(r"[,，、;；|\s]+", text) if t]


def _one_format(token: str, overrides: dict[str, str]) -> tuple[str, str | None] | None:
    token = token.strip().strip("'\"")
    key = spelling_key(token)
    if key in overrides:
        return _one_format(overrides[key], {})
    if re.fullmatch(r"0[1-7]", key):
        return FORMAT_CATEGORIES[key], None
    if re.fullmatch(r"0[1-7]\d{2}", key):
        return FORMAT_CATEGORIES[key[:2]], None
    for separator in ("-", ":", "：", "/"):
        if separator in token:
            head, _, tail = token.partition(separator)
            category = CATEGORY_WORDS.get(head.strip())
            if category is not None:
                inner = _one_format(tail, {}) if tail.strip() else None
                return category, (inner[1] if inner else tail.strip() or None)
    if token in CATEGORY_WORDS:
        return CATEGORY_WORDS[token], None
    category = FORMAT_TYPES.get(key.lstrip("."))
    if category is None:
        return None
    name = key.lstrip(".")
    return category, None if name in CATEGORY_ONLY_TYPES else name


def parse_formats(raw: Any, overrides: dict[str, str]) -> Formats:
    """Every format a value lists, in its order, whatever the shape (list, repr, comma text, codes)."""
    result = Formats()
    table = {spelling_key(k): v for k, v in overrides.items()}
    tokens = _tokens(raw)
    # 03,0310: a category code followed by its own type code names one format.
    for token in tokens:
        found = _one_format(token, table)
        if found is None:
            result.unknown.append(token)
            continue
        same_category = [i for i, (c, t) in enumerate(result.found) if c == found[0]]
        if found in result.found:
            continue
        if same_category and found[1] is None:
            continue
        if same_category and result.found[same_category[0]][1] is None:
            result.found[same_category[0]] = found
            continue
        result.found.append(found)
    return result


# --- opening --------------------------------------------------------------------------------------


def opening_from_condition(text: str) -> str | None:
    """The opening type a free-text condition states, when it states one."""
    for pattern, opening in OPENING_CONDITION_WORDS:
        if re.search(pattern, text):
            return opening
    return None


# --- numbers, contact -----------------------------------------------------------------------------

_UNITS = {"": 1, "b": 1, "kb": 1024, "k": 1024, "mb": 1024**2, "m": 1024**2, "gb": 1024**3, "g": 1024**3, "tb": 1024**4}


def parse_count(raw: Any) -> int | None:
    """A record count: 12,345 / 1.2万 / 12345条."""
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw if raw >= 0 else None
    if isinstance(raw, float) and raw.is_integer() and raw >= 0:
        return int(raw)
    text = as_text(raw).replace(",", "").replace("，", "").strip()
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(万|亿)?\s*(条|行|个|条记录)?", text)
    if match is None:
        return None
    factor = {"万": 10_000, "亿": 100_000_000}.get(match.group(2) or "", 1)
    return int(float(match.group(1)) * factor)


def parse_bytes(raw: Any) -> int | None:
    text = as_text(raw).replace(",", "").strip().lower()
    match = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([kmgt]?b?)", text)
    if match is None:
        return None
    return int(float(match.group(1)) * _UNITS[match.group(2)])


EMAIL = re.compile(EMAIL_PATTERN)
URL = re.compile(URL_PATTERN)
