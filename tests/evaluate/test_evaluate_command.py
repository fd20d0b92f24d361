"""``govdata evaluate`` as a user runs it: formats, the rectification list as findings, bad input."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

from tests.conftest import REPO_ROOT, CliResult
from tests.evaluate.instances import GONGAN, SMALL


def test_json_records_methodology_commit_day_and_evidence(
    instance: Callable[..., Path], govdata: Callable[..., CliResult]
) -> None:
    root = instance(SMALL)
    result = govdata("evaluate", "--year", "2025", "--today", "2026-03-01", "--format", "json", cwd=root)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["year"], data["as_of"], data["day"]) == (2025, "2025-12-31", "2026-03-01")
    assert data["methodology"]["version"] == "2026.1" and data["commit"] is None
    card = next(c for c in data["scorecards"] if c["department"]["code"] == GONGAN)
    assert card["score"] == 73.5
    cases = next(i for i in card["indicators"] if i["id"] == "cases")
    assert cases["value"] is None and cases["available"] is False and cases["note"]
    opening = next(i for i in card["indicators"] if i["id"] == "opening")
    assert opening["article"] and opening["formula"]
    assert opening["evidence"] == [{"path": "catalogs/gongan/101002-000002.yaml", "commit": None, "note": None}]
    assert {item["due"] for item in data["rectification"]} == {"2026-03-27"}


def test_csv_has_one_row_per_department_and_indicator(
    instance: Callable[..., Path], govdata: Callable[..., CliResult]
) -> None:
    root = instance(SMALL)
    result = govdata("evaluate", "--year", "2025", "--today", "2026-03-01", "--format", "csv", cwd=root)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 4 * 11  # four departments, eleven indicators
    row = next(r for r in rows if r["department_code"] == GONGAN and r["indicator"] == "opening")
    assert (row["value"], row["numerator"], row["denominator"], row["score"]) == ("0.5000", "1", "2", "73.5")


def test_text_and_rectification(instance: Callable[..., Path], govdata: Callable[..., CliResult]) -> None:
    root = instance(SMALL)
    text = govdata("evaluate", "--year", "2025", "--today", "2026-03-01", cwd=root)
    assert text.exit_code == 0
    assert "2025 年度政务数据管理评价" in text.stdout and "73.5" in text.stdout and "无数据" in text.stdout
    listing = govdata(
        "evaluate", "--year", "2025", "--today", "2026-03-01", "--rectification", "--lang", "en", cwd=root
    )
    assert "Rectification list (Art. 60): 4 items" in listing.stdout
    assert "security/gongan/2025.yaml" in listing.stdout and "2026-03-27" in listing.stdout


def test_rectification_as_github_findings(instance: Callable[..., Path], govdata: Callable[..., CliResult]) -> None:
    root = instance(SMALL)
    result = govdata("evaluate", "--year", "2025", "--today", "2026-03-01", "--findings", "github", cwd=root)
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if line.startswith("::error")]
    assert len(lines) == 4 and all("GD504" in line for line in lines)
    assert "2026-03-27" in result.stdout


def test_bad_input_is_a_clear_usage_error(instance: Callable[..., Path], govdata: Callable[..., CliResult]) -> None:
    root = instance(SMALL)
    future = govdata("evaluate", "--year", "2030", "--today", "2026-03-01", cwd=root)
    assert future.exit_code == 2 and "2030" in future.stderr and "Traceback" not in future.stderr
    unknown = govdata("evaluate", "--year", "2025", "--findings", "pdf", cwd=root)
    assert unknown.exit_code == 2 and "pdf" in unknown.stderr


def test_reference_instance_evaluates(govdata: Callable[..., CliResult]) -> None:
    result = govdata("evaluate", "--year", "2026", "--today", "2026-11-30", "--format", "json", cwd=REPO_ROOT)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["scorecards"]) >= 15
    assert all(card["score"] is not None for card in data["scorecards"])
    security = {
        c["department"]["slug"]: next(i for i in c["indicators"] if i["id"] == "security")["value"]
        for c in data["scorecards"]
    }
    assert security["shichang-jianguan"] == 0.8  # its 2026 record has no drill yet
    indicators = {
        (c["department"]["slug"], i["id"]): i
        for c in data["scorecards"]
        for i in c["indicators"]
        if i["id"] in ("cases", "opening")
    }
    # cases/: ziran-ziyuan answered its one open application (due 2026-11-19) late
    late = indicators[("ziran-ziyuan", "cases")]
    assert (late["value"], late["numerator"], late["denominator"]) == (0.0, 0, 1)
    assert late["evidence"] == [
        {
            "path": "cases/2026/open-application-2026-002.yaml",
            "commit": data["commit"],
            "note": "open-application-2026-002 Art. 41 答复申请人 到期 2026-11-19 逾期办结 / met late",
        }
    ]
    # jiaotong: all 5 resources open and its open application answered in time → (1 + 1) / 2
    opening = indicators[("jiaotong", "opening")]
    assert (opening["value"], opening["denominator"]) == (1.0, 2)
    assert "cases/2026/open-application-2026-001.yaml" in {e["path"] for e in opening["evidence"]}
    # an interface due in 2027, a year the calendar does not know: listed, not counted
    unknown = indicators[("jiaotong", "cases")]
    assert (unknown["numerator"], unknown["denominator"]) == (1, 1)
    assert any("期限未知" in e["note"] for e in unknown["evidence"])
    assert indicators[("fayuan", "cases")]["value"] is None  # no case: 无数据, never a number
