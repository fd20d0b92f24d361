"""Reading a listing into records of label → value: JSON, JSON Lines, CSV and XLSX.

JSON may be one array, an object holding the array (``{"data": [...]}``), arrays written one
after another (``[...][...]``, seen in a real export), or one object per line. CSV is UTF-8 or
GBK/GB18030 (detected); XLSX is read with openpyxl in read-only mode, every sheet whose first
non-empty row is a header. Records are numbered from 1 (JSON) or by their row (CSV, XLSX, the
header being row 1), which is how the loss report points back at them.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govdata.imports.events import FileProblem

SUFFIXES = (".json", ".jsonl", ".ndjson", ".csv", ".xlsx")


@dataclass(slots=True)
class SourceRecord:
    file: str
    record: int
    values: dict[str, Any]


@dataclass(slots=True)
class SourceFile:
    """A read file: its records, the encoding or shape noticed, and what could not be read."""

    name: str
    records: list[SourceRecord] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)


def decode_text(data: bytes) -> tuple[str, str]:
    """The text of a listing and the encoding it was in: UTF-8 (with or without BOM), else GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "UTF-8 (BOM)"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "GBK/GB18030"
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace"), "unknown (bytes replaced)"


def _records_in(value: Any) -> list[Any] | None:
    """The list of records a parsed JSON value holds: itself, or the first list of objects inside."""
    if isinstance(value, list):
        return value
    if isinstance(value, dict):
        for inner in value.values():
            if isinstance(inner, list) and inner and all(isinstance(v, dict) for v in inner):
                return inner
        for inner in value.values():
            found = _records_in(inner) if isinstance(inner, dict) else None
            if found is not None:
                return found
        return [value]
    return None


def _json_values(text: str) -> Iterator[Any]:
    """Every JSON value in ``text``, one after another (concatenated arrays, JSON Lines)."""
    decoder = json.JSONDecoder()
    position, length = 0, len(text)
    while True:
        while position < length and text[position] in " \t\r\n,":
            position += 1
        if position >= length:
            return
        value, position = decoder.raw_decode(text, position)
        yield value


def read_json(name: str, data: bytes) -> SourceFile:
    source = SourceFile(name)
    text, encoding = decode_text(data)
    if encoding != "UTF-8":
        source.notes.append(f"编码 {encoding}")
    if not text.strip():
        source.problems.append(FileProblem(name, None, "文件为空，没有记录", "the file is empty: no records"))
        return source
    try:
        values = list(_json_values(text))
    except json.JSONDecodeError as error:
        source.problems.append(
            FileProblem(
                name,
                None,
                f"JSON 语法错误（第 {error.lineno} 行第 {error.colno} 列）：{error.msg}；此后的内容未读取",
                f"JSON syntax error at line {error.lineno}, column {error.colno}: {error.msg}; the rest is not read",
            )
        )
        return source
    if len(values) > 1 and all(isinstance(v, dict) for v in values):
        source.notes.append(f"JSON Lines：{len(values)} 个对象，每行一条")
    elif len(values) > 1:
        source.notes.append(f"{len(values)} 个 JSON 数组（或值）首尾相接，已依次读取")
    number = 0
    for value in values:
        records = _records_in(value)
        if records is None:
            number += 1
            source.problems.append(FileProblem(name, number, "不是记录（对象）", "not a record (object)"))
            continue
        for record in records:
            number += 1
            if isinstance(record, dict):
                source.records.append(SourceRecord(name, number, {str(k): v for k, v in record.items()}))
            else:
                source.problems.append(
                    FileProblem(name, number, f"第 {number} 条不是对象，未读取", f"record {number} is not an object")
                )
    if not source.records and not source.problems:
        source.problems.append(FileProblem(name, None, "文件中没有记录", "the file holds no records"))
    return source


def _table(name: str, rows: Iterator[tuple[int, list[Any]]], source: SourceFile) -> None:
    """Rows with their numbers: the first non-empty row is the header, the rest records."""
    header: list[str] | None = None
    for number, row in rows:
        cells = ["" if cell is None else cell for cell in row]
        if not any(str(cell).strip() for cell in cells):
            continue
        if header is None:
            header = [str(cell).strip() for cell in cells]
            continue
        values = {label: cell for label, cell in zip(header, cells, strict=False) if label}
        extra = [cell for cell in cells[len(header) :] if str(cell).strip()]
        if extra:
            source.problems.append(
                FileProblem(
                    name,
                    number,
                    f"第 {number} 行有 {len(extra)} 个值没有列名",
                    f"row {number}: {len(extra)} values without a header",
                )
            )
        source.records.append(SourceRecord(name, number, values))
    if header is None:
        source.problems.append(FileProblem(name, None, "文件为空，没有表头和记录", "the file is empty"))


def read_csv(name: str, data: bytes) -> SourceFile:
    source = SourceFile(name)
    text, encoding = decode_text(data)
    if encoding != "UTF-8":
        source.notes.append(f"编码 {encoding}")
    reader = csv.reader(io.StringIO(text, newline=""))
    _table(name, ((number, row) for number, row in enumerate(reader, start=1)), source)
    return source


def read_xlsx(name: str, data: bytes) -> list[SourceFile]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken workbook
        source = SourceFile(name)
        source.problems.append(
            FileProblem(name, None, f"无法读取工作簿：{error}", f"cannot read the workbook: {error}")
        )
        return [source]
    sources = []
    try:
        for sheet in workbook.worksheets:
            source = SourceFile(f"{name}!{sheet.title}")
            rows = ((number, list(row)) for number, row in enumerate(sheet.iter_rows(values_only=True), start=1))
            _table(source.name, rows, source)
            sources.append(source)
    finally:
        workbook.close()
    filled = [s for s in sources if s.records]
    return filled or sources[:1]


def read_source(path: Path, name: str | None = None) -> list[SourceFile]:
    """The records of one listing file; problems instead of exceptions for bad content."""
    label = name or path.name
    data = path.read_bytes()
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return read_xlsx(label, data)
    if suffix == ".csv":
        return [read_csv(label, data)]
    return [read_json(label, data)]
