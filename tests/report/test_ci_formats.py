"""The CI formats of ``govdata validate``: GitLab Code Quality (codeclimate), JUnit XML, Markdown."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.golden import assert_golden
from tests.conftest import CliResult

BROKEN = {
    # A department typed the sharing type short and forgot the basis of a restricted opening.
    "catalogs/gongan/101002-000001.yaml": (Path(__file__).parents[1] / "rules/_base/catalogs/gongan/101002-000001.yaml")
    .read_text(encoding="utf-8")
    .replace("type: 无条件共享", "type: 无条件")
}


@pytest.fixture
def broken(instance: Callable[..., Path]) -> Path:
    return instance(BROKEN)


def test_codeclimate_report(broken: Path, govdata: Callable[..., CliResult]) -> None:
    result = govdata("validate", "--format", "codeclimate", cwd=broken)
    assert result.exit_code == 1
    issues = json.loads(result.stdout)
    assert issues and {i["severity"] for i in issues} <= {"info", "minor", "major", "critical", "blocker"}
    first = issues[0]
    assert first["location"]["path"] == "catalogs/gongan/101002-000001.yaml" and first["location"]["lines"]["begin"] > 1
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    assert_golden("validate.codeclimate.json", result.stdout)


def test_fingerprint_survives_a_line_shift(broken: Path, govdata: Callable[..., CliResult]) -> None:
    before = json.loads(govdata("validate", "-f", "codeclimate", cwd=broken).stdout)
    path = broken / "catalogs/gongan/101002-000001.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("\nname:", "\n# 新增注释\nname:", 1), encoding="utf-8")
    after = json.loads(govdata("validate", "-f", "codeclimate", cwd=broken).stdout)
    assert [i["fingerprint"] for i in after] == [i["fingerprint"] for i in before]
    assert after[0]["location"]["lines"]["begin"] == before[0]["location"]["lines"]["begin"] + 1


def test_junit_report(broken: Path, govdata: Callable[..., CliResult]) -> None:
    result = govdata("validate", "--format", "junit", cwd=broken)
    root = ET.fromstring(result.stdout.split("\n", 1)[1])
    suite = root.find("testsuite")
    assert suite is not None and suite.get("failures") == "1"
    (case,) = suite.findall("testcase")
    assert case.get("file") == "catalogs/gongan/101002-000001.yaml"
    failure = case.find("failure")
    assert failure is not None and failure.get("type") == "GD002"
    assert_golden("validate.junit.xml", re.sub(r'time="[0-9.]+"', 'time="0"', result.stdout))


def test_junit_clean_instance_has_one_passing_case(
    instance: Callable[..., Path], govdata: Callable[..., CliResult]
) -> None:
    result = govdata("validate", "--format", "junit", cwd=instance())
    root = ET.fromstring(result.stdout.split("\n", 1)[1])
    assert result.exit_code == 0 and root.get("tests") == "1" and root.get("failures") == "0"


def test_markdown_report(broken: Path, govdata: Callable[..., CliResult]) -> None:
    result = govdata("validate", "--format", "markdown", cwd=broken)
    assert result.stdout.startswith("### govdata 校验结果\n")
    assert "| ❌ | `catalogs/gongan/101002-000001.yaml:" in result.stdout


def test_github_summary_in_the_chosen_language(broken: Path, govdata: Callable[..., CliResult]) -> None:
    chinese = govdata("validate", "--format", "github", cwd=broken)
    assert "govdata：" in chinese.stdout and "个问题" in chinese.stdout
    english = govdata("validate", "--format", "github", "--lang", "en", cwd=broken)
    summary = english.stdout.strip().splitlines()[-1]
    assert summary.startswith("govdata: ") and " finding" in summary
    assert "(1 error)" in summary or "errors)" in summary
