"""Tables keep every column when piped, unknown names are "not found", a failed --check names its fix."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CliResult
from tests.excel.sheets import reference_instance

Run = Callable[..., CliResult]


@pytest.fixture(scope="module")
def jiyuan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return reference_instance(tmp_path_factory.mktemp("jiyuan") / "instance")


def test_a_wide_table_becomes_records_at_80_columns(
    govdata: Run, jiyuan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    narrow = govdata("demands", cwd=jiyuan)
    assert "说明：" in narrow.stdout and "需求编号：JT-2024-001" in narrow.stdout
    assert max(len(line) for line in narrow.stdout.splitlines()) <= 80 or "━" not in narrow.stdout
    monkeypatch.setenv("COLUMNS", "200")
    wide = govdata("demands", cwd=jiyuan)
    assert "┃ 说明" in wide.stdout  # a table when it fits


def test_unknown_applicant_or_resource_is_not_found(govdata: Run, jiyuan: Path) -> None:
    applicant = govdata("grant", "list", "--applicant", "nosuch", cwd=jiyuan)
    assert applicant.exit_code == 2 and "not found" in applicant.stderr and "minzheng" in applicant.stderr
    resource = govdata("grant", "list", "--resource", "999999/000001", cwd=jiyuan)
    assert resource.exit_code == 2 and "目录中没有信息资源 999999/000001" in resource.stderr
    grant = govdata("grant", "show", "nosuch", cwd=jiyuan)
    assert grant.exit_code == 2 and "nosuch" in grant.stderr


def test_failed_checks_name_the_command_that_fixes_them(govdata: Run, instance: Callable[..., Path]) -> None:
    root = instance()
    (root / "responsibility").mkdir()
    stale = govdata("responsibility", "build", "--check", cwd=root)
    assert stale.exit_code == 1 and "run govdata responsibility build" in stale.stdout
    path = root / "catalogs/gongan/101002-000001.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("name: 户籍人口基本信息", "name:   户籍人口基本信息"), encoding="utf-8"
    )
    untidy = govdata("fmt", "--check", cwd=root)
    assert untidy.exit_code == 1 and "✗ 共 1 个文件需要格式化：请运行 govdata fmt" in untidy.stdout
