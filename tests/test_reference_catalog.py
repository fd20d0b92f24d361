"""The bundled Jiyuan catalog is the reference instance: it must validate clean and cover the domain."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import get_args

from govdata.model.vocab import KNOWN_THEMES, BaseLibrary, OpeningType, SharingType
from tests.conftest import REPO_ROOT, CliResult


def test_reference_catalog_is_clean_and_complete(govdata: Callable[..., CliResult]) -> None:
    # Overdue cases (GD401, GD403) and one due in 2027 (GD408) are kept on purpose:
    # tests/cases/test_reference_cases.py checks them.
    result = govdata(
        "validate", "--format", "json", "--fail-on", "info", "--today", "2026-11-25",
        "--ignore", "GD401", "--ignore", "GD403", "--ignore", "GD408", cwd=REPO_ROOT,
    )  # fmt: skip
    data = json.loads(result.stdout)
    assert result.exit_code == 0, data["diagnostics"][:5]
    catalog = data["summary"]["catalog"]
    assert catalog["sample_data"] is True
    assert catalog["departments"] >= 15 and catalog["resources"] >= 80
    assert set(catalog["base_libraries"]) == set(get_args(BaseLibrary))
    assert len(set(catalog["themes"]) & set(KNOWN_THEMES)) >= 6
    assert set(catalog["by_sharing"]) == set(get_args(SharingType))
    assert set(catalog["by_opening"]) == set(get_args(OpeningType))


def test_reference_registry_has_the_required_departments() -> None:
    registry = (REPO_ROOT / "registry" / "departments.yaml").read_text(encoding="utf-8")
    for name in (
        "政务服务和大数据管理局",
        "公安局",
        "市场监督管理局",
        "自然资源和规划局",
        "人力资源和社会保障局",
        "民政局",
        "卫生健康委员会",
        "税务局",
        "生态环境局",
        "住房和城乡建设局",
        "教育局",
        "应急管理局",
        "发展和改革委员会",
        "财政局",
        "公用事业运营单位",
    ):
        assert name in registry, name
