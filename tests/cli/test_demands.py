"""``govdata demands``: the match report, the gap list, and drafting a grant from a met demand."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from govdata.io.fastyaml import load_yaml
from tests.conftest import CliResult
from tests.demands.test_demand_match import DEMANDS, FAMILY

OVERLAY = {
    "catalogs/minzheng/demands.yaml": DEMANDS,
    "catalogs/gongan/307002-000002.yaml": FAMILY.read_text(encoding="utf-8"),
}


def test_report_and_gap_list(instance: Callable[..., Path], govdata: Callable[..., CliResult]) -> None:
    root = instance(OVERLAY)
    report = govdata("demands", "--format", "json", cwd=root)
    assert report.exit_code == 1  # there are gaps
    records = {r["id"]: r for r in json.loads(report.stdout)}
    assert records["MZ-02"]["state"] == "可满足" and records["MZ-02"]["resource"] == "101002/000001"
    assert records["MZ-03"]["not_shared"] == ["迁入原因"]
    text = govdata("demands", "gaps", cwd=root)
    assert text.exit_code == 1
    assert "测试区公安局（11419001MB03847296）" in text.stdout
    assert "minzheng MZ-04 户籍人口婚姻状况 [未满足]" in text.stdout
    english = govdata("demands", "gaps", "--lang", "en", cwd=root)
    assert "missing: 婚姻状况" in english.stdout
    assert govdata("demands", "--department", "nowhere", cwd=root).exit_code == 2


def test_no_gaps_exits_zero(instance: Callable[..., Path], govdata: Callable[..., CliResult]) -> None:
    demands = DEMANDS.split("  - id: MZ-02")[0]
    root = instance({"catalogs/minzheng/demands.yaml": demands})
    assert govdata("demands", cwd=root).exit_code == 0
    gaps = govdata("demands", "gaps", cwd=root)
    assert gaps.exit_code == 0 and "✓" in gaps.stdout


def test_draft_grant_from_a_met_demand(instance: Callable[..., Path], govdata: Callable[..., CliResult]) -> None:
    root = instance(OVERLAY)
    refused = govdata("demands", "draft-grant", "minzheng", "MZ-02", "--date", "2026-11-02", cwd=root)
    assert refused.exit_code == 1 and "GD305" in refused.stderr  # 2 of 3 items: each needs a justification
    assert not (root / "grants").exists()
    drafted = govdata(
        "demands",
        "draft-grant",
        "minzheng",
        "MZ-02",
        "--method",
        "核验",
        "--date",
        "2026-11-02",
        "--justify",
        "公民身份号码=核验申请人身份",
        "--justify",
        "出生日期=判断是否达到特困供养年龄",
        cwd=root,
    )
    assert drafted.exit_code == 0, drafted.stderr
    file = root / "grants" / "minzheng" / "minzheng-2026-001.yaml"
    loaded = load_yaml(file.read_text(encoding="utf-8"))
    assert isinstance(loaded, tuple)
    grant = loaded[0]
    assert grant["status"] == "申请中" and grant["demand"] == "MZ-02" and grant["resource"] == "101002/000001"
    assert [item["name"] for item in grant["items"]] == ["公民身份号码", "出生日期"]
    assert grant["valid_until"] == "2027-11-01"
    assert govdata("validate", "grants", cwd=root).exit_code == 0


def test_draft_grant_refuses_unmet_demands(instance: Callable[..., Path], govdata: Callable[..., CliResult]) -> None:
    root = instance(OVERLAY)
    result = govdata("demands", "draft-grant", "minzheng", "MZ-03", cwd=root)
    assert result.exit_code == 2
    assert "不予共享 迁入原因" in result.stderr
    assert govdata("demands", "draft-grant", "minzheng", "MZ-99", cwd=root).exit_code == 2
    assert not (root / "grants").exists()
