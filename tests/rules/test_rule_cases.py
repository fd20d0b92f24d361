"""Rule cases as data: every folder under tests/rules/<ID>/{pass,fail}/ is one test.

A case is a folder laid over the base instance in ``tests/rules/_base``. A pass case must
validate with no finding at all. A fail case must produce exactly the findings its files
mark with ``# expect: ID[, ID…]`` at the end of the offending line: same files, same lines,
same rules, nothing more.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from govdata.instance import open_instance
from govdata.rules import RULES
from govdata.validation.engine import validate
from tests.conftest import build_instance

CASES_ROOT = Path(__file__).parent
EXPECT = re.compile(r"#\s*expect:\s*([A-Z0-9, ]+)\s*$")
TODAY = dt.date(2026, 11, 25)


def _cases() -> list[pytest.param]:
    found = []
    for rule_dir in sorted(p for p in CASES_ROOT.iterdir() if p.is_dir() and re.fullmatch(r"GD\d{3}", p.name)):
        for outcome in ("pass", "fail"):
            for case in sorted((rule_dir / outcome).glob("*/")):
                found.append(pytest.param(rule_dir.name, outcome, case, id=f"{rule_dir.name}-{outcome}-{case.name}"))
    return found


def expected_findings(case: Path) -> set[tuple[str, int, str]]:
    expected = set()
    for file in case.rglob("*"):
        if not file.is_file():
            continue
        relative = file.relative_to(case).as_posix()
        for number, line in enumerate(file.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
            match = EXPECT.search(line)
            if match:
                expected.update((relative, number, rule.strip()) for rule in match.group(1).split(","))
    return expected


@pytest.mark.parametrize(("rule_id", "outcome", "case"), _cases())
def test_rule_case(rule_id: str, outcome: str, case: Path, tmp_path: Path) -> None:
    root = build_instance(tmp_path / "instance", case)
    result = validate(open_instance(root), today=TODAY)
    found = {(d.location.path, d.location.line, d.rule_id) for d in result.diagnostics}
    assert outcome == "pass" or found, "a fail case found nothing"
    if outcome == "pass":
        assert found == set(), [str(d.location) + " " + d.message.en for d in result.diagnostics]
    else:
        expected = expected_findings(case)
        assert any(rule == rule_id for _, _, rule in expected), f"{case} marks no {rule_id} line"
        assert found == expected, [str(d.location) + " " + d.rule_id + " " + d.message.en for d in result.diagnostics]
        for diagnostic in result.diagnostics:
            assert diagnostic.message.zh and diagnostic.message.en


def test_every_rule_has_pass_and_fail_cases() -> None:
    for rule in RULES:
        for outcome in ("pass", "fail"):
            folder = CASES_ROOT / rule.id / outcome
            assert folder.is_dir() and any(p.is_dir() for p in folder.iterdir()), f"{rule.id} has no {outcome} case"
