"""Reading listings: JSON shapes, JSON Lines, CSV encodings, XLSX, and malformed files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from openpyxl import Workbook

from govdata.imports.sources import read_source


def test_json_array_and_object_holding_the_array(tmp_path: Path) -> None:
    array = tmp_path / "a.json"
    array.write_text(json.dumps([{"标题": "甲"}, {"标题": "乙"}], ensure_ascii=False), "utf-8")
    wrapped = tmp_path / "b.json"
    wrapped.write_text(json.dumps({"code": 200, "data": [{"标题": "丙"}]}, ensure_ascii=False), "utf-8")
    (first,) = read_source(array)
    (second,) = read_source(wrapped)
    assert [(r.record, r.values) for r in first.records] == [(1, {"标题": "甲"}), (2, {"标题": "乙"})]
    assert [r.values for r in second.records] == [{"标题": "丙"}]


def test_two_arrays_written_one_after_another_are_both_read_and_noted(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('[{"标题": "甲"}, {"标题": "乙"}]\n[{"标题": "丙"}]', "utf-8")
    (source,) = read_source(path)
    assert [r.record for r in source.records] == [1, 2, 3]
    assert source.records[2].values == {"标题": "丙"}
    assert source.notes == ["2 个 JSON 数组（或值）首尾相接，已依次读取"]


def test_json_lines(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"标题": "甲"}\n\n{"标题": "乙"}\n', "utf-8")
    (source,) = read_source(path)
    assert [r.values["标题"] for r in source.records] == ["甲", "乙"]
    assert source.problems == []


def test_empty_and_broken_json_are_problems_not_crashes(tmp_path: Path) -> None:
    empty = tmp_path / "empty.json"
    empty.write_bytes(b"")
    broken = tmp_path / "broken.json"
    broken.write_text('[{"标题": "甲"}, {"标题": ]', "utf-8")
    (first,) = read_source(empty)
    (second,) = read_source(broken)
    assert first.records == [] and first.problems[0].message_zh == "文件为空，没有记录"
    assert second.records == [] and "JSON 语法错误（第 1 行第 22 列）" in second.problems[0].message_zh


def test_records_that_are_not_objects_are_reported_with_their_index(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('[{"标题": "甲"}, "乙", {"标题": "丙"}]', "utf-8")
    (source,) = read_source(path)
    assert [r.record for r in source.records] == [1, 3]
    assert [(p.record, p.message_en) for p in source.problems] == [(2, "record 2 is not an object")]


def test_csv_in_gbk_is_detected_and_rows_are_numbered_as_in_a_spreadsheet(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes("目录名称,更新频率\n\n营业执照信息,每年\n食品许可,不定期\n".encode("gbk"))
    (source,) = read_source(path)
    assert source.notes == ["编码 GBK/GB18030"]
    assert [(r.record, r.values) for r in source.records] == [
        (3, {"目录名称": "营业执照信息", "更新频率": "每年"}),
        (4, {"目录名称": "食品许可", "更新频率": "不定期"}),
    ]


def test_csv_in_utf8_with_bom_and_a_value_without_header(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes("\ufeff目录名称,更新频率\n营业执照信息,每年,多余\n".encode())
    (source,) = read_source(path)
    assert source.records[0].values == {"目录名称": "营业执照信息", "更新频率": "每年"}
    assert [(p.record, p.message_zh) for p in source.problems] == [(2, "第 2 行有 1 个值没有列名")]


def test_xlsx_with_date_cells_read_only(tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "目录"
    sheet.append(["信息资源名称", "发布日期"])
    sheet.append(["婚姻登记信息", dt.datetime(2023, 6, 16, 10, 22)])
    workbook.save(path)
    (source,) = read_source(path)
    assert source.name == "x.xlsx!目录"
    assert [(r.record, r.values) for r in source.records] == [
        (2, {"信息资源名称": "婚姻登记信息", "发布日期": dt.datetime(2023, 6, 16, 10, 22)})
    ]


def test_a_broken_workbook_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    path.write_bytes(b"not a zip")
    (source,) = read_source(path)
    assert source.records == [] and source.problems[0].message_zh.startswith("无法读取工作簿")
