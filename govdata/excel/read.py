"""Reading a filled workbook into rows of YAML values, with a finding for every cell it cannot read."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from govdata.diagnostics import Severity
from govdata.errors import UsageError
from govdata.excel.cells import Cell, read_cell
from govdata.excel.columns import Column, resource_columns
from govdata.excel.findings import UNPLACED, Findings
from govdata.excel.layout import (
    FIRST_ROW,
    HEADER_ROW,
    ITEM_RESOURCE_KEY,
    ITEMS_SHEET,
    KEY_ROW,
    META_EXAMPLE,
    META_SHEET,
    META_VERSION,
    RESOURCES_SHEET,
    TEMPLATE_VERSION,
)
from govdata.excel.write import item_sheet_columns
from govdata.i18n import Text


@dataclass
class Row:
    """One data row: its number, and for each column the cell and the value read from it."""

    sheet: str
    number: int
    cells: dict[str, Cell] = field(default_factory=dict)
    values: dict[str, Any] = field(default_factory=dict)

    def where(self, key: str) -> str:
        cell = self.cells.get(key)
        return cell.where if cell else f"{self.sheet}!{self.number}"


@dataclass
class WorkbookRows:
    resources: list[Row]
    items: list[Row]
    columns: dict[str, dict[str, Column]]  # sheet -> key -> column


def _refuse(path: Path, zh: str, en: str) -> UsageError:
    return UsageError(Text(f"{path}：{zh}", f"{path}: {en}"))


def _open(path: Path) -> Any:
    if not path.is_file():
        raise _refuse(path, "文件不存在", "no such file")
    if not zipfile.is_zipfile(path):
        raise _refuse(
            path,
            "不是 .xlsx 工作簿；WPS/Excel 中请“另存为” Excel 工作簿（*.xlsx）",
            "not an .xlsx workbook; save it as Excel Workbook (*.xlsx)",
        )
    try:
        return load_workbook(path, data_only=True, read_only=True)
    except Exception as error:  # openpyxl raises many kinds for damaged files
        raise _refuse(path, f"无法读取工作簿：{error}", f"cannot read the workbook: {error}") from error


def _check_meta(path: Path, book: Any) -> tuple[int, int]:
    """The template version must be ours; returns how many example rows each sheet starts with."""
    for name in (RESOURCES_SHEET, ITEMS_SHEET, META_SHEET):
        if name not in book.sheetnames:
            raise _refuse(
                path,
                f"缺少工作表“{name}”；请用 govdata excel template 或 export 生成的工作簿填写",
                f"sheet {name!r} is missing; fill a workbook made by govdata excel template or export",
            )
    meta = [list(row) + [None, None] for row in book[META_SHEET].iter_rows(min_row=1, max_row=2, values_only=True)]
    meta += [[None, None]] * (2 - len(meta))
    version = str(meta[0][1] or "")
    if meta[0][0] != META_VERSION or version != TEMPLATE_VERSION:
        raise _refuse(
            path,
            f"模板版本为“{version}”，本程序读取版本 {TEMPLATE_VERSION}；请重新导出模板后填写",
            f"template version {version!r}; this govdata reads version {TEMPLATE_VERSION}, export a new workbook",
        )
    examples = str(meta[1][1] or "0,0") if meta[1][0] == META_EXAMPLE else "0,0"
    try:
        resource_examples, item_examples = (int(part) for part in examples.split(","))
    except ValueError:
        resource_examples, item_examples = 0, 0
    return resource_examples, item_examples


def _columns_of(sheet: Worksheet, known: tuple[Column, ...], findings: Findings) -> dict[int, Column]:
    by_key = {column.key: column for column in known}
    placed: dict[int, Column] = {}
    keys, headers = (list(row) for row in sheet.iter_rows(min_row=KEY_ROW, max_row=HEADER_ROW, values_only=True))
    for index, key in enumerate(keys, start=1):
        if key is None:
            continue
        column = by_key.get(str(key))
        if column is None:
            header = headers[index - 1] if index <= len(headers) else None
            header = header or key
            findings.add(
                UNPLACED,
                f"{sheet.title}!{get_column_letter(index)}{HEADER_ROW}",
                Text(
                    f"列“{header}”不在当前数据规范中，该列的内容不会导入",
                    f"column {header!r} is not in the current schema; its cells are not imported",
                ),
                Severity.WARNING,
            )
            continue
        placed[index] = column
    missing = [c.title for c in known if c not in placed.values() and c.required]
    if missing:
        findings.add(
            UNPLACED,
            f"{sheet.title}!{HEADER_ROW}",
            Text(f"缺少必填列：{'、'.join(missing)}", f"required columns are missing: {', '.join(missing)}"),
        )
    return placed


def _rows(sheet: Worksheet, columns: dict[int, Column], skip: int, findings: Findings) -> list[Row]:
    rows = []
    for number, values in enumerate(
        sheet.iter_rows(min_row=FIRST_ROW + skip, values_only=True), start=FIRST_ROW + skip
    ):
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        row = Row(sheet.title, number)
        for index, column in columns.items():
            cell = Cell(
                values[index - 1] if index <= len(values) else None, f"{sheet.title}!{get_column_letter(index)}{number}"
            )
            row.cells[column.key] = cell
            row.values[column.key] = read_cell(column, cell, findings)
        rows.append(row)
    return rows


def read_workbook(path: Path, findings: Findings) -> WorkbookRows:
    book = _open(path)
    try:  # a read-only workbook keeps its file open until closed
        resource_examples, item_examples = _check_meta(path, book)
        resource_sheet, item_sheet = book[RESOURCES_SHEET], book[ITEMS_SHEET]
        resource_placed = _columns_of(resource_sheet, resource_columns(), findings)
        item_placed = _columns_of(item_sheet, item_sheet_columns(), findings)
        return WorkbookRows(
            _rows(resource_sheet, resource_placed, resource_examples, findings),
            _rows(item_sheet, item_placed, item_examples, findings),
            {
                RESOURCES_SHEET: {c.key: c for c in resource_placed.values()},
                ITEMS_SHEET: {c.key: c for c in item_placed.values() if c.key != ITEM_RESOURCE_KEY},
            },
        )
    finally:
        book.close()


__all__ = ["Row", "WorkbookRows", "read_workbook"]
