"""Every common mistake of a hand-filled workbook is one located, Chinese finding; nothing is written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from tests.conftest import CliResult
from tests.excel.sheets import column, last_row, snapshot

Run = Callable[..., CliResult]
GONGAN = "catalogs/gongan/101002-000001.yaml"


@pytest.fixture
def exported(govdata: Run, instance: Callable[..., Path], tmp_path: Path) -> tuple[Path, Path]:
    root = instance()
    workbook = tmp_path / "gongan.xlsx"
    assert govdata("excel", "export", "gongan", "-o", str(workbook), cwd=root).exit_code == 0
    return root, workbook


def _copy_row(workbook: Path, sheet_name: str, changes: list[dict[str, Any]]) -> list[int]:
    """Append copies of the first data row with ``changes``; returns the new rows' numbers."""
    book = load_workbook(workbook)
    sheet = book[sheet_name]
    first = [cell.value for cell in sheet[4]]
    rows = []
    for change in changes:
        row = last_row(sheet) + 1
        for index, value in enumerate(first, start=1):
            sheet.cell(row, index, value)
        for key, value in change.items():
            sheet.cell(row, column(sheet, key), value)
        rows.append(row)
    book.save(workbook)
    return rows


def _letter(workbook: Path, sheet: str, key: str) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(column(load_workbook(workbook)[sheet], key))


def _import_fails(govdata: Run, root: Path, workbook: Path) -> str:
    before = snapshot(root)
    result = govdata("excel", "import", str(workbook), cwd=root)
    assert result.exit_code == 1, result.stdout
    assert snapshot(root) == before
    assert "未写入任何文件" in result.stdout
    return result.stdout


def test_cell_values_are_located_with_the_columns_chinese_name(govdata: Run, exported: tuple[Path, Path]) -> None:
    root, workbook = exported
    book = load_workbook(workbook)
    items = book["信息项"]
    items.cell(5, column(items, "data_type"), "字符")
    items.cell(6, column(items, "length"), "五十")
    items.cell(7, column(items, "name"), 123)
    items.cell(8, column(items, "basic"), "对")
    resources = book["信息资源"]
    resources.cell(4, column(resources, "release_date"), "2023/6/1")
    resources.cell(4, column(resources, "sharing.type"), "有条件")
    book.save(workbook)
    out = _import_fails(govdata, root, workbook)
    letter = lambda sheet, key: _letter(workbook, sheet, key)  # noqa: E731
    assert f"信息项!{letter('信息项', 'data_type')}5: 错误 “数据类型”：“字符”不是可选值；可选：C、N、Y、D、T" in out
    assert f"信息项!{letter('信息项', 'length')}6: 错误 “数据长度”：应填写整数，而不是“五十”" in out
    assert f"信息项!{letter('信息项', 'name')}7: 警告 “信息项名称”：文本列中填写了数字 123" in out
    assert f"信息项!{letter('信息项', 'basic')}8: 错误 “基础信息项”：应填写“是”或“否”" in out
    date_cell = f"信息资源!{letter('信息资源', 'release_date')}4"
    assert f"{date_cell}: 错误 “发布日期”：日期“2023/6/1”格式不对，应写作 2023-06-01" in out
    assert out.count(date_cell) == 1  # one finding per mistake
    assert "“共享类型”：“有条件”不是可选值；可选：无条件共享、有条件共享、不予共享" in out


def test_spreadsheet_cell_types_are_read_without_a_finding(govdata: Run, exported: tuple[Path, Path]) -> None:
    root, workbook = exported
    book = load_workbook(workbook)
    resources = book["信息资源"]
    release = resources.cell(4, column(resources, "release_date"))
    release.value = dt.datetime.fromisoformat(str(release.value))  # Excel turned the text into a date
    items = book["信息项"]
    length = items.cell(4, column(items, "length"))
    length.value = float(length.value)  # and the number into a float
    book.save(workbook)
    before = snapshot(root)
    result = govdata("excel", "import", str(workbook), cwd=root)
    assert result.exit_code == 0 and "已写入 0 个文件" in result.stdout, result.stdout
    assert snapshot(root) == before


def test_hand_fill_mistakes_across_rows(govdata: Run, exported: tuple[Path, Path]) -> None:
    root, workbook = exported
    rows = _copy_row(
        workbook,
        "信息资源",
        [
            {"code": "101002/000002", "name": "户籍人口基本信息1"},
            {"code": "101002/000003", "name": "户籍人口基本信息2"},
            {"code": "10100/000004", "name": "户籍人口 基本信息。"},
            {"code": "101002/000005", "name": "流动人口信息", "classification.group": "社会保障"},
            {"code": "101002/000006", "name": "人口照片", "format.category": "图形图像", "sharing.methods": "数据库"},
            {"code": "101002/000007", "name": "暂住信息", "provider.code": "11419001MB0384729X"},
        ],
    )
    out = _import_fails(govdata, root, workbook)
    name, code = _letter(workbook, "信息资源", "name"), _letter(workbook, "信息资源", "code")
    group, methods = (
        _letter(workbook, "信息资源", "classification.group"),
        _letter(workbook, "信息资源", "sharing.methods"),
    )
    provider = _letter(workbook, "信息资源", "provider.code")
    assert (
        f"信息资源!{name}{rows[1]}: 警告 “信息资源名称”“户籍人口基本信息2”与 信息资源!{name}{rows[0]} 只差末尾序号"
        in out
    )
    assert (
        f"信息资源!{name}{rows[2]}: 错误 “信息资源名称”“户籍人口 基本信息。”与 信息资源!{name}4 “户籍人口基本信息”只差空格或标点"
        in out
    )
    assert f"信息资源!{code}{rows[2]}: 错误 “信息资源代码”“10100/000004”前段码应为 6 位，实为 5 位" in out
    assert f"信息资源!{group}{rows[3]}: 错误 “项”“社会保障”属于“主题信息资源”，与“类”“基础信息资源”" in out
    assert f"信息资源!{methods}{rows[4]}: 错误 “格式分类”为“图形图像”的资源不能以“数据库”方式共享" in out
    assert f"信息资源!{provider}{rows[5]}: 错误 “信息资源提供方代码”“11419001MB0384729X”：" in out
    assert "校验码" in out


def test_item_rows_of_an_unknown_resource_are_reported(govdata: Run, exported: tuple[Path, Path]) -> None:
    root, workbook = exported
    rows = _copy_row(workbook, "信息项", [{"resource": "101002/999999", "name": "孤立信息项"}])
    out = _import_fails(govdata, root, workbook)
    assert f"信息项!A{rows[0]}: 错误 信息项所属的信息资源代码“101002/999999”不在“信息资源”表中" in out


def test_an_unreadable_file_or_unknown_department_exits_2(
    govdata: Run, instance: Callable[..., Path], tmp_path: Path
) -> None:
    root = instance()
    (tmp_path / "notes.xlsx").write_text("not a workbook", encoding="utf-8")
    result = govdata("excel", "import", str(tmp_path / "notes.xlsx"), cwd=root)
    assert result.exit_code == 2 and "不是 .xlsx 工作簿" in result.stderr
    missing = govdata("excel", "export", "nosuch", "-o", str(tmp_path / "x.xlsx"), cwd=root)
    assert missing.exit_code == 2 and "部门名录中没有这些部门：nosuch" in missing.stderr
    assert not (tmp_path / "x.xlsx").exists()


def test_english_summary_counts_with_plurals(govdata: Run, exported: tuple[Path, Path]) -> None:
    root, workbook = exported
    result = govdata("excel", "import", str(workbook), "--dry-run", "--lang", "en", cwd=root)
    assert result.exit_code == 0
    assert (
        "checked 1 resource and" in result.stdout and "would change 0 files (--dry-run), 1 unchanged" in result.stdout
    )


def test_a_file_that_does_not_load_is_never_overwritten(govdata: Run, exported: tuple[Path, Path]) -> None:
    root, workbook = exported
    path = root / GONGAN
    path.write_text(path.read_text(encoding="utf-8") + "\tbroken: [\n", encoding="utf-8")
    out = _import_fails(govdata, root, workbook)
    assert "catalogs/gongan/101002-000001.yaml 已存在但无法按代码 101002/000001 读取，未覆盖" in out
