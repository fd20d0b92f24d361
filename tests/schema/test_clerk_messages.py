"""Schema messages a clerk can act on: allowed values, the right level, the expected shape, one
finding per mistake, a number shown as it was written."""

from __future__ import annotations

from pathlib import Path

from govdata.model.kinds import DEPARTMENTS, RESOURCE
from govdata.validation.loading import load_file

BASE = Path(__file__).parents[1] / "rules" / "_base"
RESOURCE_TEXT = (BASE / "catalogs/gongan/101002-000001.yaml").read_text(encoding="utf-8")


def _messages(text: str, kind=RESOURCE, path: str = "catalogs/gongan/101002-000001.yaml") -> list[str]:  # noqa: ANN001
    outcome = load_file(path, kind, text.encode())
    return [f"{d.location.line}: {d.message.zh}" + (f" ↳ {d.hint.zh}" if d.hint else "") for d in outcome.diagnostics]


def test_a_list_entry_is_named_by_its_list_and_lists_the_allowed_values() -> None:
    text = RESOURCE_TEXT.replace("methods: [", "methods: [数据库X, ")
    (message,) = _messages(text)
    assert (
        "“共享方式类型”第 1 项（sharing.methods[0]）的值“数据库X”不在可选范围内，可选：数据库、文件、接口、核验、批量交换"
        in message
    )


def test_a_key_one_level_too_high_belongs_under_its_mapping() -> None:
    text = RESOURCE_TEXT.replace("update_cycle:", "condition: 仅限公安内部\nupdate_cycle:")
    (message,) = _messages(text)
    assert "键“condition”放错了层级：它属于“共享属性”（sharing）下或“开放属性”（opening）下" in message
    assert "把它移到 sharing: 下面" in message


def test_a_mapping_written_as_a_value_shows_its_shape() -> None:
    text = RESOURCE_TEXT.replace("aggregation:\n  mode: 实时汇聚", "aggregation: 实时汇聚")
    (message,) = _messages(text)
    assert "“汇聚属性”（aggregation）应为映射（键: 值），实为“实时汇聚”，形如 aggregation: {mode: …}" in message


def test_a_slash_date_is_one_finding_naming_the_right_form() -> None:
    import re

    text = re.sub(r'release_date: "[0-9-]+"', "release_date: 2023/6/1", RESOURCE_TEXT)
    messages = _messages(text)
    assert len(messages) == 1
    assert "“发布日期”（release_date）“2023/6/1”不是 YYYY-MM-DD 格式的日期，应写作 2023-06-01" in messages[0]


def test_a_leading_zero_is_shown_as_written_and_told_to_quote() -> None:
    text = (
        (BASE / "registry/departments.yaml")
        .read_text(encoding="utf-8")
        .replace('catalog_code: "002"', "catalog_code: 010", 1)
    )
    (message,) = _messages(text, DEPARTMENTS, "registry/departments.yaml")
    assert "应为文本，实为“010”" in message and '请写作 "010"' in message


def test_every_unknown_key_of_a_mapping_is_a_finding_on_its_own_line() -> None:
    """The validator names a mapping's unknown keys in one error: each is reported, none is left
    for a next run."""
    text = RESOURCE_TEXT.replace("update_cycle:", "remark: 备注\nsource: 手工\nupdate_cycle:")
    lines = text.splitlines()
    messages = _messages(text)
    assert [m.split(":", 1)[0] for m in messages] == [
        str(lines.index("remark: 备注") + 1),
        str(lines.index("source: 手工") + 1),
    ]
    assert "不允许的键“remark”" in messages[0] and "不允许的键“source”" in messages[1]


def test_an_extension_key_without_its_namespace_is_told_the_form() -> None:
    text = RESOURCE_TEXT + 'extensions:\n  import:数据领域: 公安\n  数据领域: 公安\n  "portal:\\u0085key": 1\n'
    messages = _messages(text)
    assert len(messages) == 2
    for message in messages:
        assert "不允许的键" in message and "写作“命名空间:名称”" in message and "如 import:数据领域" in message


def test_every_unknown_key_inside_an_optional_mapping_is_a_finding() -> None:
    """An optional mapping (``contact``) reaches the validator as "one of: the mapping, or
    nothing": its unknown keys are each reported too."""
    text = RESOURCE_TEXT + "contact:\n  person: 张三\n  wechat: zs\n  qq: 1\n"
    messages = _messages(text)
    assert len(messages) == 2
    assert "不允许的键“wechat”" in messages[0] and "不允许的键“qq”" in messages[1]
