"""GD107's name matching, and references to resources whose file is broken or mis-coded."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdata.instance import open_instance
from govdata.model.facts import citation, cited
from govdata.rules.gd107_one_data_one_source import normalise
from govdata.validation.engine import validate
from tests.conftest import BASE_INSTANCE

BASE_RESOURCE = (BASE_INSTANCE / "catalogs/gongan/101002-000001.yaml").read_text(encoding="utf-8")

MINZHENG = """\
# yaml-language-server: $schema=../../schemas/resource.schema.json
code: "307004/000001"
name: 婚姻登记信息
provider:
  code: 11419001MB0539268D
  name: 测试区民政局
classification:
  class: 部门信息资源
  group: 测试区民政局政务数据目录
abstract: 结婚登记、离婚登记的当事人和登记日期。
format:
  category: 数据库
  type: mysql
items:
  - name: 公民身份号码
    data_type: C
    length: 18
    identifier: 公民身份号码
    personal_info: 个人信息
    obtained_from: {resource: "101002/000001", item: 公民身份号码}
sharing:
  type: 无条件共享
  methods: [接口]
opening:
  type: 不予开放
  basis: [pipl]
update_cycle: 每日
release_date: "2024-03-15"
aggregation:
  mode: 实时汇聚
data_subject: 自然人
security_level: 一般数据2级
"""


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("姓名", "姓名"),
        ("姓　名", "姓名"),  # full-width space from a spreadsheet
        (" 公民身份号码（GB 11643） ", "公民身份号码gb11643"),  # full-width brackets and letters
        ("ＥＭＡＩＬ", "email"),
        ("联系-电话", "联系电话"),
    ],
)
def test_names_are_compared_without_width_case_spaces_or_punctuation(written: str, expected: str) -> None:
    assert normalise(written) == expected


def _rules_found(root: Path) -> set[tuple[str, str]]:
    result = validate(open_instance(root), today=dt.date(2026, 11, 25))
    return {(d.location.path, d.rule_id) for d in result.diagnostics}


def test_a_broken_source_file_is_reported_once_not_as_a_missing_source(instance: Callable[..., Path]) -> None:
    broken = BASE_RESOURCE.replace('release_date: "2023-05-01"', 'release_date: "2023/05/01"')
    root = instance({"catalogs/gongan/101002-000001.yaml": broken, "catalogs/minzheng/307004-000001.yaml": MINZHENG})
    assert _rules_found(root) == {("catalogs/gongan/101002-000001.yaml", "GD002")}


def test_a_mis_coded_source_file_is_reported_by_its_own_rules(instance: Callable[..., Path]) -> None:
    recoded = BASE_RESOURCE.replace('code: "101002/000001"', 'code: "101002/000009"')
    root = instance({"catalogs/gongan/101002-000001.yaml": recoded, "catalogs/minzheng/307004-000001.yaml": MINZHENG})
    assert ("catalogs/minzheng/307004-000001.yaml", "GD107") not in _rules_found(root)
    assert ("catalogs/gongan/101002-000001.yaml", "GD012") in _rules_found(root)


def test_a_source_with_no_file_at_all_is_reported(instance: Callable[..., Path]) -> None:
    root = instance({"catalogs/minzheng/307004-000001.yaml": MINZHENG.replace("101002/000001", "101002/000007")})
    assert ("catalogs/minzheng/307004-000001.yaml", "GD107") in _rules_found(root)


@given(st.text(), st.text())
def test_a_citation_gives_back_its_code_and_item_whatever_they_hold(code: str, item: str) -> None:
    assert cited(citation(code, item)) == (code, item)


def test_a_source_code_holding_the_separator_is_named_whole(instance: Callable[..., Path]) -> None:
    """``obtained_from`` is free text: a code written with a control character is reported as written."""
    odd = MINZHENG.replace('resource: "101002/000001"', 'resource: "101002\\x1f9/000001"')
    root = instance({"catalogs/minzheng/307004-000001.yaml": odd})
    result = validate(open_instance(root), today=dt.date(2026, 11, 25))
    (message,) = [d.message.en for d in result.diagnostics if d.rule_id == "GD107"]
    assert "'101002\x1f9/000001'" in message
