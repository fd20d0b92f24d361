"""Normalisation of each shape and spelling in variants.md: dates, formats, update cycles, opening texts."""

from __future__ import annotations

import datetime as dt

import pytest

from govdata.imports.values import (
    clean_text,
    opening_from_condition,
    parse_count,
    parse_cycle,
    parse_date,
    parse_formats,
)

DAY = dt.date(2023, 6, 16)


@pytest.mark.parametrize(
    "raw",
    ["2023-06-16", "2023-06-16 10:22:33", "2023/06/16 17:33:10", "2023-06-16\n16:11", 1686844800000, "1686844800000"],
    ids=["iso", "datetime", "slashed", "embedded-newline", "epoch-ms", "epoch-ms-text"],
)
def test_the_five_date_shapes(raw: object) -> None:
    assert parse_date(raw) == DAY


def test_dates_not_understood() -> None:
    assert [parse_date(v) for v in ("", "暂无", "2023-13-45", "下月")] == [None, None, None, None]
    assert parse_date(dt.datetime(2023, 6, 16, 23, 59)) == DAY


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('["csv","xls"]', [("电子表格", "csv"), ("电子表格", "xls")]),
        (["csv", "json"], [("电子表格", "csv"), ("电子文件", "json")]),
        ("['xls', 'xml', 'json', 'csv', 'rdf']", [("电子表格", "xls"), ("电子文件", "xml"), ("电子文件", "json"), ("电子表格", "csv"), ("电子文件", "rdf")]),
        ("xls,xml,json,csv", [("电子表格", "xls"), ("电子文件", "xml"), ("电子文件", "json"), ("电子表格", "csv")]),
        ("数据库-oracle", [("数据库", "oracle")]),
        ("电子表格:xls", [("电子表格", "xls")]),
        ("电子表格/xls", [("电子表格", "xls")]),
        ("03,0310", [("数据库", None)]),
        ("api", [("服务接口", "api")]),
        ("data", [("数据库", None)]),
        ("file", [("电子文件", None)]),
        ("table", [("电子表格", None)]),
        ("mysql", [("数据库", "mysql")]),
        ("WP,WT,WL,MPJ", [("自描述格式", "wp"), ("自描述格式", "wt"), ("自描述格式", "wl"), ("自描述格式", "mpj")]),
    ],
    ids=["json-list", "list", "python-repr", "comma-text", "dash", "colon", "slash", "numeric-codes", "api", "data",
         "file", "table", "mysql", "gis"],
)  # fmt: skip
def test_every_format_shape(raw: object, expected: list[tuple[str, str | None]]) -> None:
    parsed = parse_formats(raw, {})
    assert (parsed.found, parsed.unknown) == (expected, [])


def test_unknown_format_tokens_are_listed_and_overrides_apply() -> None:
    parsed = parse_formats("xls,神秘格式", {})
    assert (parsed.found, parsed.unknown) == ([("电子表格", "xls")], ["神秘格式"])
    assert parse_formats("神秘格式", {"神秘格式": "数据库-dm"}).found == [("数据库", "dm")]


CYCLES = {
    "每年": "每年", "年": "每年", "实时": "实时", "即时": "实时", "不定期": "不定期", "不定时": "不定期",
    "不定期更新": "不定期", "每月": "每月", "每日": "每日", "每天": "每日", "其他": "其他", "其它": "其他",
    "自定义": "其他", "每季度": "每季度", "季度": "每季度", "每半年": "每半年", "半年": "每半年", "不更新": "不更新",
    "静态数据": "不更新", "每周": "每周", "小时级": "实时", "分钟级": "实时", "每半月": "每半月",
}  # fmt: skip


@pytest.mark.parametrize(("spelling", "cycle"), CYCLES.items())
def test_every_update_cycle_spelling(spelling: str, cycle: str) -> None:
    assert parse_cycle(spelling, {}).cycle == cycle


def test_update_notes_appended_by_one_province() -> None:
    assert parse_cycle("不更新(更新说明:暂无新业务数据产生)", {}) == parse_cycle(
        "不更新（更新说明：暂无新业务数据产生）", {}
    )
    note = parse_cycle("不更新(更新说明:暂无新业务数据产生)", {})
    assert (note.cycle, note.note) == ("不更新", "暂无新业务数据产生")
    assert parse_cycle("每月(更新说明:每月10日前)", {}).note == "每月10日前"
    placeholder = parse_cycle("不定期(更新说明:暂无)", {})
    assert (placeholder.cycle, placeholder.note, placeholder.note_dropped) == ("不定期", None, "暂无")
    assert parse_cycle("小时级", {}).note == "小时级"  # finer than 实时: the spelling is kept as the note
    assert parse_cycle("每两年", {}).cycle is None
    assert parse_cycle("每两年", {"每两年": "其他"}).cycle == "其他"


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        ("开放网站", "无条件开放"),
        ("开放数据平台", "无条件开放"),
        ("依托于开放网站", "无条件开放"),
        ("需提交申请并经审核", "有条件开放"),
        ("签订数据使用协议后提供", "有条件开放"),
        ("不予开放", "不予开放"),
        ("用于数据校验", None),
    ],
)
def test_opening_type_read_from_free_text_conditions(text: str, opening: str | None) -> None:
    assert opening_from_condition(text) == opening


def test_html_entities_whitespace_and_counts() -> None:
    assert clean_text("<p>人口&amp;户籍</p>\n<br/>信息").value == "人口&户籍 信息"
    assert clean_text("人口\n户籍\t").value == "人口 户籍"
    assert [parse_count(v) for v in ("12,345", "1.2万", "300条", 7, "很多")] == [12345, 12000, 300, 7, None]
