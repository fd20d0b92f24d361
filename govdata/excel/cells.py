"""One cell to one YAML value, the way Excel, WPS and LibreOffice leave cells.

Spreadsheets turn typed text into numbers and dates, and a clerk types dates as 2023/6/1.
What can be read without guessing is read (a date cell is the date, a whole number is the
number); what needs a guess is a finding naming the form the column wants.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from govdata.diagnostics import Severity
from govdata.excel.columns import Column
from govdata.excel.findings import BAD_VALUE, CELL_TYPE, Findings, column_text
from govdata.i18n import Text

YES, NO = "是", "否"
LIST_SEPARATOR = "；"
# Free-text lists split on semicolons and line breaks only; lists of codes also on commas and 、.
_TEXT_SPLIT = re.compile(r"[；;\n]+")
_CODE_SPLIT = re.compile(r"[；;\n,，、\s]+")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_LOOSE_DATE = re.compile(r"\s*([0-9]{4})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})\s*日?\s*")


@dataclass(frozen=True, slots=True)
class Cell:
    """A cell's value and where it is (``信息项!D12``)."""

    value: Any
    where: str


def _report(
    findings: Findings,
    rule: str,
    cell: Cell,
    column: Column,
    message: Text,
    severity: Severity = Severity.ERROR,
    hint: Text | None = None,
) -> None:
    """A finding at ``cell`` that starts with the column's Chinese name."""
    findings.add(rule, cell.where, column_text(column.title, message), severity, hint)


def _number_text(value: int | float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _text(column: Column, cell: Cell, findings: Findings) -> str | None:
    value = cell.value
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, int | float):
        shown = _number_text(value)
        _report(
            findings,
            CELL_TYPE,
            cell,
            column,
            Text(
                f"文本列中填写了数字 {shown}，已按文本“{shown}”读取",
                f"a number {shown} in a text column; read as the text {shown!r}",
            ),
            Severity.WARNING,
            Text(
                "如代码有前导零（如 010），请把单元格设为“文本”后重新输入",
                "if the code has leading zeros (010), format the cell as Text and type it again",
            ),
        )
        return shown
    if isinstance(value, dt.datetime | dt.date):
        return (value.date() if isinstance(value, dt.datetime) else value).isoformat()
    text = str(value).strip()
    return text or None


def _choice(column: Column, text: str, cell: Cell, findings: Findings) -> str | None:
    if not column.choices or text in column.choices:
        return text
    _report(
        findings,
        BAD_VALUE,
        cell,
        column,
        Text(
            f"“{text}”不是可选值；可选：{'、'.join(column.choices)}",
            f"{text!r} is not allowed; choose one of: {', '.join(column.choices)}",
        ),
    )
    return None


def _integer(column: Column, cell: Cell, findings: Findings) -> int | None:
    value = cell.value
    if isinstance(value, bool):
        value = None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = str(cell.value).strip()
    if text.isdigit():
        _report(
            findings,
            CELL_TYPE,
            cell,
            column,
            Text(
                f"数字列中填写了文本“{text}”，已按数字 {int(text)} 读取",
                f"text {text!r} in a number column; read as {int(text)}",
            ),
            Severity.WARNING,
        )
        return int(text)
    _report(
        findings, BAD_VALUE, cell, column, Text(f"应填写整数，而不是“{text}”", f"expects a whole number, not {text!r}")
    )
    return None


def _boolean(column: Column, cell: Cell, findings: Findings) -> bool | None:
    value = cell.value
    if isinstance(value, bool):
        return value
    text = str(value).strip()
    if text in (YES, NO):
        return text == YES
    _report(
        findings,
        BAD_VALUE,
        cell,
        column,
        Text(f"应填写“是”或“否”，而不是“{text}”", f"expects 是 (yes) or 否 (no), not {text!r}"),
    )
    return None


def _date(column: Column, cell: Cell, findings: Findings) -> str | None:
    value = cell.value
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if _ISO_DATE.fullmatch(text):
        try:
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            pass
    loose = _LOOSE_DATE.fullmatch(text)
    right = None
    if loose:
        try:
            right = dt.date(*(int(part) for part in loose.groups())).isoformat()
        except ValueError:
            right = None
    wanted = (
        Text(f"，应写作 {right}", f"; write it as {right}")
        if right
        else Text("，应写作 YYYY-MM-DD，如 2023-06-01", "; write it as YYYY-MM-DD, e.g. 2023-06-01")
    )
    _report(
        findings,
        BAD_VALUE,
        cell,
        column,
        Text(f"日期“{text}”格式不对", f"date {text!r} is not in the expected form") + wanted,
    )
    return None


def read_cell(column: Column, cell: Cell, findings: Findings) -> Any:
    """The YAML value of ``cell`` in ``column``; None for an empty cell or a value in error."""
    if cell.value is None or (isinstance(cell.value, str) and not cell.value.strip()):
        return None
    if column.kind == "int":
        return _integer(column, cell, findings)
    if column.kind == "bool":
        return _boolean(column, cell, findings)
    if column.kind == "date":
        return _date(column, cell, findings)
    text = _text(column, cell, findings)
    if text is None:
        return None
    if not column.is_list:
        return _choice(column, text, cell, findings)
    splitter = (
        _CODE_SPLIT
        if column.choices or column.path[-1] in ("basis", "exemption_basis", "related_codes")
        else _TEXT_SPLIT
    )
    parts = [part.strip() for part in splitter.split(text) if part.strip()]
    chosen = [_choice(column, part, cell, findings) for part in parts]
    return None if any(c is None for c in chosen) else chosen


def write_cell(column: Column, value: Any) -> Any:
    """The cell value that shows a YAML value (the inverse of :func:`read_cell`)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(v) for v in value) if value else None
    if isinstance(value, dict):  # a mapping where the model wants a value: leave it to the YAML
        return None
    return value


__all__ = ["Cell", "read_cell", "write_cell"]
