"""An instance ready for imports (the rule-test base plus a code template) and a defaults file."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import REPO_ROOT, build_instance

TEMPLATE = '  template: "{class}{group}{dept}/{seq:06d}"\n  group_codes: {部门信息资源: "07"}\n'
DEFAULTS = """reviewed_by: 测试区政务服务和大数据管理局（样例）
sharing:
  type: 有条件共享
  condition: 仅限履行法定职责使用
  basis: [gov-info-sharing-measures-2016]
  methods: [接口]
aggregation:
  mode: 非实时汇聚
  filing: 测数备〔2026〕1号
data_subject: 事项和事件
security_level: 一般数据2级
opening:
  type: 不予开放
  basis: [gov-info-sharing-measures-2016]
"""


def corpus_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("listing_corpus", REPO_ROOT / "benchmarks" / "listing_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def import_instance(tmp_path: Path) -> Path:
    root = build_instance(tmp_path / "instance")
    config = root / "govdata.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  example: 307002/000001\n", "  example: 307002/000001\n" + TEMPLATE), "utf-8")
    (tmp_path / "defaults.yaml").write_text(DEFAULTS, encoding="utf-8")
    return root


@pytest.fixture
def listing(tmp_path: Path) -> Callable[..., Path]:
    """``listing(records, name)`` writes records as a JSON array file and returns its path."""

    def write(records: list[dict[str, Any]], name: str = "listing.json") -> Path:
        path = tmp_path / "sources" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
        return path

    return write
