"""Provider forms: registered names, aliases, place prefixes, districts, new departments, places, accounts."""

from __future__ import annotations

from pathlib import Path

import pytest

from govdata.imports.providers import ProviderResolver
from govdata.instance import discover, open_instance
from govdata.validation.engine import load_catalog

POLICE = "11419001MB03847296"


def resolver(root: Path) -> ProviderResolver:
    instance = open_instance(root)
    catalog, _ = load_catalog(instance.config, discover(root), lambda p: (root / p).read_bytes())
    return ProviderResolver(catalog)


@pytest.mark.parametrize(
    ("text", "how"),
    [
        ("测试区公安局", "登记名称"),
        ("公安局", "补全地名"),
        ("区公安局", "补全地名"),
        ("【测试区】公安局", "补全地名"),
        ("测试区-公安局", "补全地名"),
        ("<b>测试区公安局</b>", "登记名称"),
    ],
)
def test_forms_of_a_registered_department(import_instance: Path, text: str, how: str) -> None:
    found = resolver(import_instance).resolve(text, None, "x.json:1")
    assert (found.code, found.name, found.how) == (POLICE, "测试区公安局", how)


def test_aliases_from_the_registry(import_instance: Path) -> None:
    registry = import_instance / "registry" / "departments.yaml"
    text = registry.read_text(encoding="utf-8")
    registry.write_text(
        text.replace("    name: 测试区公安局\n", "    name: 测试区公安局\n    aliases: [区警察局]\n"), "utf-8"
    )
    found = resolver(import_instance).resolve("区警察局", None, "x.json:1")
    assert (found.code, found.how) == (POLICE, "别名")


def test_unknown_departments_are_registered_once_with_their_place(import_instance: Path) -> None:
    providers = resolver(import_instance)
    first = providers.resolve("市统计局", None, "x.json:1")
    again = providers.resolve("测试区统计局", None, "x.json:2")
    elsewhere = providers.resolve("【台州市】统计局", None, "x.json:3")
    district = providers.resolve("县市场监管局", "汶川县", "x.json:4")
    assert (first.name, first.how, again.code) == ("测试区统计局", "新部门", first.code)
    assert elsewhere.name == "台州市统计局" and district.name == "汶川县市场监管局"
    assert [(d.name, d.slug, d.catalog_code, d.first_seen) for d in providers.new.values()] == [
        ("测试区统计局", "import-001", "005", "x.json:1"),
        ("台州市统计局", "import-002", "006", "x.json:3"),
        ("汶川县市场监管局", "import-003", "007", "x.json:4"),
    ]


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("大竹县", "“大竹县”是地名，不是部门"),
        ("高新区", "“高新区”是地名，不是部门"),
        ("地区管理员", "“地区管理员”是平台账号名，不是部门"),
    ],
)
def test_places_and_accounts_are_flagged_never_registered(import_instance: Path, text: str, flag: str) -> None:
    providers = resolver(import_instance)
    found = providers.resolve(text, None, "x.json:1")
    assert (found.code, found.flag) == (None, flag)
    assert providers.new == {}
