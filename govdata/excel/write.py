"""Writing the catalog workbook: the template (an example row) or an export (the catalog's rows).

The workbook is always generated here, never edited in place: openpyxl drops data validations
it cannot read, so a user's workbook is read for values only.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from govdata.excel.cells import NO, YES, write_cell
from govdata.excel.columns import ITEMS_KEY, Column, item_columns, resource_columns
from govdata.excel.instructions import instruction_lines
from govdata.excel.layout import (
    DESCRIPTION_ROW,
    FIRST_ROW,
    HEADER_ROW,
    INSTRUCTIONS_SHEET,
    ITEM_RESOURCE_KEY,
    ITEMS_SHEET,
    KEY_ROW,
    LISTS_SHEET,
    META_EXAMPLE,
    META_SHEET,
    META_VERSION,
    RESOURCES_SHEET,
    TEMPLATE_VERSION,
)
from govdata.excel.tree import value_at
from govdata.model.vocab import KNOWN_THEMES, BaseLibrary

SPARE_ROWS = 500  # rows below the data that still carry drop-downs
_REQUIRED = PatternFill("solid", fgColor="FCE4D6")
_OPTIONAL = PatternFill("solid", fgColor="DDEBF7")
_EXAMPLE = Font(italic=True, color="808080")


@dataclass(frozen=True)
class Registries:
    """What the drop-downs offer beside the model's vocabularies."""

    department_codes: tuple[str, ...]
    department_names: tuple[str, ...]
    basis_ids: tuple[str, ...]
    basis_titles: tuple[str, ...]


def item_sheet_columns() -> tuple[Column, ...]:
    """The 信息项 sheet: the code of the resource an item belongs to, then the item's columns."""
    key = Column((ITEM_RESOURCE_KEY,), "信息资源代码", "本行信息项所属信息资源的代码", True, "text")
    return (key, *item_columns())


class _Lists:
    """The 代码表 sheet: one column per list, referenced by the drop-downs."""

    def __init__(self, sheet: Worksheet) -> None:
        self.sheet = sheet
        self.ranges: dict[str, str] = {}

    def add(self, title: str, values: Sequence[str]) -> str:
        if title in self.ranges:
            return self.ranges[title]
        column = len(self.ranges) + 1
        letter = get_column_letter(column)
        self.sheet.cell(1, column, title).font = Font(bold=True)
        for row, value in enumerate(values, start=2):
            self.sheet.cell(row, column, value)
        self.sheet.column_dimensions[letter].width = max(12, min(40, max((len(v) for v in values), default=4) * 2))
        last = max(len(values), 1) + 1
        self.ranges[title] = f"{quote_sheetname(LISTS_SHEET)}!${letter}$2:${letter}${last}"
        return self.ranges[title]


def _drop_down(column: Column, lists: _Lists, registries: Registries) -> tuple[str, bool] | None:
    """The list range a column's drop-down offers, and whether other values are refused."""
    last = column.path[-1]
    if column.choices:
        return lists.add(column.title, column.choices), not column.is_list
    if column.kind == "bool":
        return lists.add("是/否", (YES, NO)), True
    if column.path == ("provider", "code"):
        return lists.add("部门统一社会信用代码", registries.department_codes), True
    if column.path == ("provider", "name"):
        return lists.add("部门名称", registries.department_names), True
    if last in ("basis", "exemption_basis"):
        return lists.add("法律依据编号", registries.basis_ids), False
    if column.path == ("classification", "group"):
        return lists.add("基础库和主题", (*get_args(BaseLibrary), *KNOWN_THEMES)), False
    return None


def _header(sheet: Worksheet, columns: Sequence[Column], lists: _Lists, registries: Registries, rows: int) -> None:
    for index, column in enumerate(columns, start=1):
        letter = get_column_letter(index)
        sheet.cell(KEY_ROW, index, column.key)
        header = sheet.cell(HEADER_ROW, index, column.header)
        header.font = Font(bold=True)
        header.fill = _REQUIRED if column.required else _OPTIONAL
        header.comment = Comment(
            f"{column.description}\n（必填）" if column.required else column.description, "govdata"
        )
        description = sheet.cell(DESCRIPTION_ROW, index, column.description)
        description.alignment = Alignment(wrap_text=True, vertical="top")
        description.font = Font(color="595959", size=9)
        sheet.column_dimensions[letter].width = 24 if column.kind == "text" else 12
        cells = f"{letter}{FIRST_ROW}:{letter}{FIRST_ROW + rows + SPARE_ROWS}"
        if column.kind == "text":  # typed 010 stays 010, not the number 10 (a column style: no cell per row)
            sheet.column_dimensions[letter].number_format = "@"
        drop = _drop_down(column, lists, registries)
        if drop is not None:
            source, strict = drop
            validation = DataValidation(type="list", formula1=f"={source}", allow_blank=True)
            validation.showErrorMessage = strict
            validation.error = f"请从下拉列表中选择“{column.title}”的值"
            validation.errorTitle = "取值不在可选范围内"
            validation.prompt = "多个值用“；”分隔" if column.is_list else column.description[:250]
            validation.showInputMessage = True
            sheet.add_data_validation(validation)
            validation.add(cells)
    sheet.row_dimensions[KEY_ROW].hidden = True
    sheet.row_dimensions[DESCRIPTION_ROW].height = 45
    sheet.freeze_panes = sheet.cell(FIRST_ROW, 3)


def _fill(sheet: Worksheet, columns: Sequence[Column], rows: Iterable[dict[str, Any]], italic: bool) -> int:
    count = 0
    for count, values in enumerate(rows, start=1):
        row = FIRST_ROW + count - 1
        for index, column in enumerate(columns, start=1):
            cell = sheet.cell(row, index, write_cell(column, values.get(column.key)))
            if italic:
                cell.font = _EXAMPLE
    return count


def flatten(resource: dict[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The resource row and its item rows, keyed by column key."""
    row = {c.key: value_at(resource, c.path) for c in resource_columns()}
    items = resource.get(ITEMS_KEY)
    item_rows = []
    for item in items if isinstance(items, list) else []:
        values = {c.key: value_at(item, c.path) for c in item_columns()} if isinstance(item, dict) else {}
        item_rows.append({ITEM_RESOURCE_KEY: row.get("code"), **values})
    return row, item_rows


def build_workbook(
    resources: Sequence[dict[str, Any]], registries: Registries, example: bool, lang_note: str = ""
) -> Workbook:
    """The workbook for ``resources``; with ``example``, their rows are marked as the example."""
    book = Workbook()
    instructions = book.active
    assert instructions is not None
    instructions.title = INSTRUCTIONS_SHEET
    resources_sheet = book.create_sheet(RESOURCES_SHEET)
    items_sheet = book.create_sheet(ITEMS_SHEET)
    lists = _Lists(book.create_sheet(LISTS_SHEET))
    meta = book.create_sheet(META_SHEET)
    meta.sheet_state = "hidden"
    flat = [flatten(resource) for resource in resources]
    resource_rows = [row for row, _ in flat]
    item_rows = [item for _, items in flat for item in items]
    _header(resources_sheet, resource_columns(), lists, registries, len(resource_rows))
    _header(items_sheet, item_sheet_columns(), lists, registries, len(item_rows))
    _fill(resources_sheet, resource_columns(), resource_rows, example)
    _fill(items_sheet, item_sheet_columns(), item_rows, example)
    lists.add("法律依据名称（与编号对应）", registries.basis_titles)
    meta["A1"], meta["B1"] = META_VERSION, TEMPLATE_VERSION
    meta["A2"], meta["B2"] = META_EXAMPLE, f"{len(resource_rows)},{len(item_rows)}" if example else "0,0"
    for row, line in enumerate(instruction_lines(), start=1):
        instructions.cell(row, 1, line).alignment = Alignment(wrap_text=True)
    instructions.column_dimensions["A"].width = 110
    if lang_note:
        instructions.cell(instructions.max_row + 2, 1, lang_note)
    return book


def save_workbook(book: Workbook, path: Path) -> None:
    """Save through a temporary file and a rename (govdata.io), so a failed save leaves no half file."""
    import io

    from govdata.io.atomic import atomic_write

    buffer = io.BytesIO()
    book.save(buffer)
    atomic_write(path, buffer.getvalue())


__all__ = ["Registries", "build_workbook", "flatten", "item_sheet_columns", "save_workbook"]
