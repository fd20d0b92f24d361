"""``govdata import`` as a user runs it: dry run, writing, validation after, reports, bad input."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path

from tests.conftest import CliResult
from tests.imports.test_convert import FIXTURE


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_dry_run_writes_nothing_and_reports(
    import_instance: Path, listing: Callable[..., Path], govdata: Callable[..., CliResult]
) -> None:
    source = listing(FIXTURE)
    before = snapshot(import_instance)
    result = govdata("import", str(source), "-d", "../defaults.yaml", "--dry-run", cwd=import_instance)
    assert result.exit_code == 0, result.stderr
    assert snapshot(import_instance) == before
    assert "记录 4 条，将写入 / would write 2，跳过 / skipped 2（完全重复 / exact duplicates 1）" in result.stdout
    assert "未能识别 / unknown: 更新频度 = 每两年（1 条）" in result.stdout
    assert "新部门 / new department: 测试区统计局 → catalogs/import-001/" in result.stdout


def test_import_writes_files_registers_departments_and_validates(
    import_instance: Path, listing: Callable[..., Path], govdata: Callable[..., CliResult], tmp_path: Path
) -> None:
    source = listing(FIXTURE)
    report = tmp_path / "loss.json"
    result = govdata("import", str(source), "-d", "../defaults.yaml", "-o", str(report), cwd=import_instance)
    # The new department's placeholder code is an error until the authority enters the real one.
    assert result.exit_code == 1, result.stderr
    # Spreadsheets without items (no listing carries typed items) are reported, located, by GD109.
    assert "按规则 / by rule：GD109 2、GD104 1、GD014 1" in result.stdout
    assert (
        "catalogs/gongan/307002-000001.yaml:13:13: 格式为“电子表格”的结构化资源须列出信息项（items） [GD109]"
        in result.stdout
    )
    written = import_instance / "catalogs" / "gongan" / "307002-000001.yaml"
    text = written.read_text(encoding="utf-8")
    assert text.startswith(
        "# yaml-language-server: $schema=../../schemas/resource.schema.json\n# 由 govdata import 导入：listing.json 第 1 条\n"
    )
    assert "update_cycle: 不更新\nupdate_note: 暂无新业务数据产生\n" in text
    assert "extensions:\n  import:浏览量: '35'\n" in text
    assert (written.stat().st_mode & 0o777) != 0o600
    registry = (import_instance / "registry" / "departments.yaml").read_text(encoding="utf-8")
    assert "name: 测试区统计局\n    slug: import-001\n" in registry and "needs_uscc: true" in registry
    data = json.loads(report.read_text(encoding="utf-8"))
    assert (data["records"], data["written"], data["skipped"]) == (4, 2, 2)
    assert data["validation"]["by_rule"] == {"GD109": 2, "GD104": 1, "GD014": 1}
    assert govdata("fmt", "--check", cwd=import_instance).exit_code == 0
    again = govdata("import", str(source), "-d", "../defaults.yaml", "-f", "json", cwd=import_instance)
    codes = [r["code"] for r in json.loads(again.stdout)["resources"]]
    assert codes == ["307002/000002", "307005/000002"]  # never a code already used


def test_csv_report_has_one_row_per_value(
    import_instance: Path, listing: Callable[..., Path], govdata: Callable[..., CliResult], tmp_path: Path
) -> None:
    report = tmp_path / "loss.csv"
    result = govdata(
        "import", str(listing(FIXTURE)), "-d", "../defaults.yaml", "--dry-run", "-o", str(report), cwd=import_instance
    )
    assert result.exit_code == 0
    rows = list(csv.reader(report.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == ["file", "record", "label", "value", "field", "action", "to", "note"]
    assert len(rows) == 1 + 8 + 13 + 17 + 11 + 3
    assert [
        "listing.json",
        "3",
        "更新频度",
        "每两年",
        "extensions.import:更新频度",
        "unknown",
        "",
        "无法识别的更新周期",
    ] in rows


def test_bad_input_is_a_located_message_and_exit_2(
    import_instance: Path, listing: Callable[..., Path], govdata: Callable[..., CliResult], tmp_path: Path
) -> None:
    missing = govdata("import", "nowhere.json", "--dry-run", cwd=import_instance)
    assert missing.exit_code == 2 and "来源不存在：nowhere.json" in missing.stderr
    mapping = tmp_path / "bad.mapping.yaml"
    mapping.write_text("labels:\n  标题: 名字\n", encoding="utf-8")
    bad = govdata("import", str(listing(FIXTURE)), "-m", str(mapping), "--dry-run", cwd=import_instance)
    assert bad.exit_code == 2 and "labels 中的字段 名字 不存在" in bad.stderr
    broken = tmp_path / "broken.yaml"
    broken.write_text("sharing: [", encoding="utf-8")
    located = govdata("import", str(listing(FIXTURE)), "-d", str(broken), "--dry-run", cwd=import_instance)
    assert located.exit_code == 2 and f"{broken}:1:11: YAML 语法错误" in located.stderr


def test_no_template_refuses_to_write_and_changes_nothing(
    import_instance: Path, listing: Callable[..., Path], govdata: Callable[..., CliResult]
) -> None:
    config = import_instance / "govdata.yaml"
    config.write_text(
        config.read_text(encoding="utf-8").replace('  template: "{class}{group}{dept}/{seq:06d}"\n', ""), "utf-8"
    )
    before = snapshot(import_instance)
    result = govdata("import", str(listing(FIXTURE)), "-d", "../defaults.yaml", cwd=import_instance)
    assert result.exit_code == 2 and "缺少 template" in result.stderr
    assert snapshot(import_instance) == before
