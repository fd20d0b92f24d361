"""``govdata validate`` end to end on real instance folders."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import CliResult

Run = Callable[..., CliResult]
BAD_RESOURCE = {
    "catalogs/gongan/101002-000002.yaml": (
        Path(__file__).parents[1] / "rules" / "_base" / "catalogs" / "gongan" / "101002-000001.yaml"
    )
    .read_text(encoding="utf-8")
    .replace('code: "101002/000001"', 'code: "101002/000002"')
    .replace("  type: 无条件共享", "  type: 有条件")
}


def _snapshot(root: Path) -> dict[str, bytes]:
    # .govdata-cache/ is git-ignored derived data (the validation cache); nothing else may change.
    files = (p for p in sorted(root.rglob("*")) if p.is_file() and ".govdata-cache" not in p.parts)
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in files}


def test_clean_instance_exits_0_with_summary(instance: Callable[..., Path], govdata: Run) -> None:
    result = govdata("validate", cwd=instance())
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "检查通过" in result.stdout and "信息资源 1 项" in result.stdout


def test_findings_exit_1_located_and_files_unchanged(instance: Callable[..., Path], govdata: Run) -> None:
    root = instance(BAD_RESOURCE)
    before = _snapshot(root)
    result = govdata("validate", cwd=root)
    assert result.exit_code == 1
    assert "catalogs/gongan/101002-000002.yaml" in result.stdout
    assert "“共享类型”（sharing.type）的值“有条件”不在可选范围内" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert _snapshot(root) == before


def test_runs_from_a_subfolder_and_with_config_option(
    instance: Callable[..., Path], govdata: Run, tmp_path: Path
) -> None:
    root = instance(BAD_RESOURCE)
    assert govdata("validate", cwd=root / "catalogs" / "gongan").exit_code == 1
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert govdata("validate", "--config", str(root / "govdata.yaml"), cwd=elsewhere).exit_code == 1


def test_json_envelope_is_versioned_and_complete(instance: Callable[..., Path], govdata: Run) -> None:
    result = govdata("validate", "--format", "json", cwd=instance(BAD_RESOURCE))
    data = json.loads(result.stdout)
    assert data["version"] == 1 and data["tool"]["name"] == "govdata"
    assert data["summary"]["errors"] == 1 and data["summary"]["files"] == 5
    (finding,) = data["diagnostics"]
    assert finding["rule"] == "GD002" and finding["line"] == 32 and finding["column"] == 9
    assert finding["pointer"] == "/sharing/type" and finding["message_en"]


def test_github_format_is_chosen_inside_actions(
    instance: Callable[..., Path], govdata: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = govdata("validate", cwd=instance(BAD_RESOURCE))
    assert result.stdout.startswith("::error file=catalogs/gongan/101002-000002.yaml,line=32,col=9,title=GD002::")


def test_english_messages_on_request(instance: Callable[..., Path], govdata: Run) -> None:
    result = govdata("validate", "--lang", "en", cwd=instance(BAD_RESOURCE))
    assert "sharing.type (共享类型): '有条件' is not one of" in result.stdout


def test_paths_limit_the_report_not_the_checks(instance: Callable[..., Path], govdata: Run) -> None:
    root = instance(BAD_RESOURCE)
    assert govdata("validate", "registry", cwd=root).exit_code == 0
    assert govdata("validate", "catalogs/gongan", cwd=root).exit_code == 1
    missing = govdata("validate", "catalogs/nowhere", cwd=root)
    assert missing.exit_code == 2 and "路径不存在" in missing.stderr


def test_the_instance_root_as_a_path_reports_everything(instance: Callable[..., Path], govdata: Run) -> None:
    # "." once matched no file's path, and the run reported nothing: a pass that checked nothing.
    root = instance(BAD_RESOURCE)
    whole = json.loads(govdata("validate", "--format", "json", cwd=root).stdout)["diagnostics"]
    assert whole
    for path in (".", "./", str(root)):
        result = govdata("validate", "--format", "json", path, cwd=root)
        assert result.exit_code == 1 and json.loads(result.stdout)["diagnostics"] == whole
    nested = govdata("validate", "--format", "json", "..", cwd=root / "catalogs")
    assert json.loads(nested.stdout)["diagnostics"] == whole


def test_select_and_ignore(instance: Callable[..., Path], govdata: Run) -> None:
    root = instance(BAD_RESOURCE)
    assert govdata("validate", "--ignore", "schema", cwd=root).exit_code == 0
    assert govdata("validate", "--select", "GD01", cwd=root).exit_code == 0
    assert govdata("validate", "--select", "GD002", cwd=root).exit_code == 1
    unknown = govdata("validate", "--select", "XX9", cwd=root)
    assert unknown.exit_code == 2 and "XX9" in unknown.stderr


def test_severity_override_and_fail_on(instance: Callable[..., Path], govdata: Run) -> None:
    base = (Path(__file__).parents[1] / "rules" / "_base" / "govdata.yaml").read_text(encoding="utf-8")
    config = base.replace("rules: {}", "rules:\n  schema-violation:\n    severity: warning")
    root = instance({**BAD_RESOURCE, "govdata.yaml": config})
    warned = govdata("validate", cwd=root)
    assert warned.exit_code == 0
    assert "⚠ 没有错误，仅有" in warned.stdout and "✗" not in warned.stdout  # a warnings-only run says so
    english = govdata("validate", "--lang", "en", cwd=root)
    assert "⚠ no errors, only" in english.stdout and "1 file" in english.stdout
    assert govdata("validate", "--fail-on", "warning", cwd=root).exit_code == 1


def test_summary_counts_the_files_of_the_paths_asked_about(instance: Callable[..., Path], govdata: Run) -> None:
    root = instance()
    result = govdata("validate", "catalogs/gongan", cwd=root)
    assert result.exit_code == 0 and "所指路径中 1 个文件，规则检查了整个实例的" in result.stdout


@pytest.mark.parametrize(
    ("config_edit", "words"),
    [
        (("rules: {}", "rules:\n  GD999: {severity: off}"), "GD999"),
        (("rules: {}", "rules:\n  GD004:\n    options: {tody: 2026-01-01}"), "GD004"),
        (("language: zh-CN", "language: fr"), "govdata.yaml:7:11"),
        (("resource_code:\n  pattern: '^(?P<class>", "resource_code:\n  pattern: '^((?P<class>"), "正则表达式"),
        (("authority: 11419001MB1957349M\n", "authority: 11419001MB1957349M\nauthority: x\n"), "重复"),
    ],
)
def test_config_problems_exit_2_with_one_clear_message(
    instance: Callable[..., Path], govdata: Run, config_edit: tuple[str, str], words: str
) -> None:
    base = (Path(__file__).parents[1] / "rules" / "_base" / "govdata.yaml").read_text(encoding="utf-8")
    assert config_edit[0] in base
    root = instance({"govdata.yaml": base.replace(*config_edit)})
    result = govdata("validate", cwd=root)
    assert result.exit_code == 2
    assert words in result.stderr and "Traceback" not in result.stderr


def test_no_instance_found(govdata: Run, tmp_path: Path) -> None:
    result = govdata("validate", cwd=tmp_path)
    assert result.exit_code == 2 and "govdata init" in result.stderr


@pytest.mark.parametrize("option", [("--format", "xml"), ("--fail-on", "fatal"), ("--lang", "fr")])
def test_bad_options_exit_2(instance: Callable[..., Path], govdata: Run, option: tuple[str, str]) -> None:
    result = govdata("validate", *option, cwd=instance())
    assert result.exit_code == 2 and option[1] in result.stderr


def test_today_judges_waiver_expiry(instance: Callable[..., Path], govdata: Run) -> None:
    base = (Path(__file__).parents[1] / "rules" / "_base" / "govdata.yaml").read_text(encoding="utf-8")
    waiver = 'waivers:\n  - rule: GD002\n    reason: 迁移期间的临时豁免\n    expires: "2027-01-31"'
    root = instance({**BAD_RESOURCE, "govdata.yaml": base.replace("waivers: []", waiver)})
    assert govdata("validate", "--today", "2027-01-15", cwd=root).exit_code == 0
    expired = govdata("validate", "--today", "2027-02-01", "--format", "json", cwd=root)
    assert expired.exit_code == 1
    assert {d["rule"] for d in json.loads(expired.stdout)["diagnostics"]} == {"GD002", "GD004"}
    bad = govdata("validate", "--today", "2027-2-1", cwd=root)
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.stderr


def test_a_second_run_says_what_came_from_the_cache(instance: Callable[..., Path], govdata: Run) -> None:
    root = instance()
    first = govdata("validate", cwd=root)
    assert first.exit_code == 0 and "未改动" not in first.stdout
    second = govdata("validate", cwd=root)
    assert second.exit_code == 0 and "未改动，沿用缓存的单文件检查结果" in second.stdout
    uncached = govdata("validate", "--no-cache", "--lang", "en", cwd=root)
    assert uncached.exit_code == 0 and "from the cache" not in uncached.stdout
