"""Imported files read back as written and are already in ``govdata fmt``'s canonical form."""

from __future__ import annotations

import pytest

from govdata.fmt.canonical import format_text
from govdata.imports.write import resource_text
from govdata.io.fastyaml import load_yaml

PATH = "catalogs/gongan/307002-000001.yaml"


def resource(abstract: str, extension: object) -> dict[str, object]:
    return {
        "code": "307002/000001",
        "name": "yes",
        "provider": {"code": "11419001MB03847296", "name": "测试区公安局"},
        "classification": {"class": "部门信息资源", "group": "测试区公安局政务数据目录"},
        "abstract": abstract,
        "keywords": ["null", "123", "a: b", "- x", "#tag"],
        "format": {"category": "电子表格", "type": "xls"},
        "other_formats": [{"category": "电子文件", "type": "json"}],
        "sharing": {"type": "有条件共享", "condition": "仅限履职", "basis": ["x"], "methods": ["接口"]},
        "opening": {"type": "不予开放", "basis": ["x"]},
        "update_cycle": "不更新",
        "update_note": "暂无新业务数据产生",
        "release_date": "2023-06-16",
        "aggregation": {"mode": "非实时汇聚"},
        "data_subject": "事项和事件",
        "security_level": "一般数据2级",
        "data_volume": {"records": 12000},
        "extensions": {"import:浏览量": extension, "sh:标签": "'quoted' \"both\""},
    }


@pytest.mark.parametrize(
    ("abstract", "extension"),
    [
        ("第一行\n第二行\t制表", "35"),
        ("  前后空格  ", "true"),
        ("冒号: 后有空格 # 井号", "2023-06-16"),
        ("@at `tick`", "~"),
    ],
)
def test_written_text_loads_back_and_is_canonical(abstract: str, extension: str) -> None:
    data = resource(abstract, extension)
    text = resource_text(PATH, data, "x.json 第 1 条")
    loaded = load_yaml(text)
    assert not hasattr(loaded, "message"), text
    assert loaded[0] == data  # type: ignore[index]
    assert format_text(PATH, text) == text
