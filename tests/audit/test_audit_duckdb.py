"""The audit on DuckDB against the reference grants: every planted violation found at its row,
nothing found in the clean control, the same findings from Parquet, JSON Lines and CSV."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from govdata.audit.engines.duckdb_engine import DuckDBEngine
from govdata.audit.logformat import Mapping, load_mapping
from govdata.audit.reference import Reference
from govdata.audit.run import Request, Result, run_audit
from govdata.errors import UsageError
from tests.audit import planted as logs
from tests.conftest import REPO_ROOT

ROW_KINDS = {"no_grant", "method_mismatch", "items_beyond"}


def audit(reference: Reference, paths: list[Path], mapping: Mapping | None = None, **options: Any) -> Result:
    request = Request([str(p) for p in paths], logs.FROM, logs.TO, **options)
    return run_audit(DuckDBEngine(), reference, request, mapping or Mapping())


def row_findings(result: Result) -> set[tuple[str, str | None, str]]:
    return {(f["kind"], f["reason"], f["request_id"]) for f in result.findings if f["kind"] in ROW_KINDS}


def aggregates(result: Result) -> set[tuple[str, str | None, dt.date | None]]:
    found = set()
    for f in result.findings:
        if f["kind"] == "own_data":
            found.add((f["kind"], f["resource"], None))
        elif f["kind"] == "unused_grant":
            found.add((f["kind"], f["grant_id"], None))
        elif f["kind"] not in ROW_KINDS:
            found.add((f["kind"], f["grant_id"], f["day"]))
    return found


def test_every_planted_violation_is_found_at_its_row(
    reference: Reference, planted_logs: tuple[logs.Planted, Path]
) -> None:
    made, folder = planted_logs
    result = audit(reference, [folder])
    assert row_findings(result) == made.expected_rows
    assert aggregates(result) == logs.EXPECTED_AGGREGATES
    for finding in result.findings:
        if finding["kind"] in ROW_KINDS:
            # The named file and row hold the access the finding is about.
            table = pq.read_table(finding["log_file"]).to_pylist()
            assert table[finding["log_row"] - 1]["request_id"] == finding["request_id"]
            assert f"day={finding['day']}" in finding["log_file"]
    gap = next(f for f in result.findings if f["kind"] == "retention_gap")
    assert (gap["day"], gap["day_end"], gap["accesses"]) == (dt.date(2026, 7, 10), dt.date(2026, 7, 12), 3)
    items = next(f for f in result.findings if f["kind"] == "items_beyond")
    assert items["items"] == "民族;籍贯"
    volume = next(f for f in result.findings if f["kind"] == "volume_anomaly")
    assert (volume["rows"], volume["history_days"], volume["history_rows"]) == (5000, 28, 28 * 42)


def test_findings_name_the_grant_file_and_the_commit_that_decided(
    reference: Reference, planted_logs: tuple[logs.Planted, Path]
) -> None:
    result = audit(reference, [planted_logs[1]])
    suspended = next(f for f in result.findings if f["reason"] == "suspended")
    assert suspended["grant_path"] == "grants/renshe/renshe-2025-001.yaml"
    assert suspended["grant_status"] == "已暂停" and suspended["grant_source"] == "git"
    shown = subprocess.run(
        ["git", "show", f"{suspended['grant_commit']}:grants/renshe/renshe-2025-001.yaml"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "status: 已暂停" in shown and '"2026-09-14"' in shown
    never = next(f for f in result.findings if f["reason"] == "never_granted")
    assert never["grant_path"] is None and never["grant_commit"] is None


def test_clean_control_has_no_finding_but_own_data(reference: Reference, clean_logs: tuple[logs.Planted, Path]) -> None:
    result = audit(reference, [clean_logs[1]])
    assert [(f["kind"], f["resource"], f["accesses"]) for f in result.findings] == [
        ("own_data", "101002/000001", (logs.TO - logs.FROM).days + 1)
    ]


def test_the_period_limits_row_findings(reference: Reference, planted_logs: tuple[logs.Planted, Path]) -> None:
    request = Request([str(planted_logs[1])])  # the whole of the logs: the May access counts too
    result = run_audit(DuckDBEngine(), reference, request, Mapping())
    assert ("no_grant", "never_granted", "before-period") in row_findings(result)
    assert result.parameters.from_day == logs.START


def test_json_lines_and_csv_give_the_same_findings(
    reference: Reference, planted_logs: tuple[logs.Planted, Path], tmp_path: Path
) -> None:
    made = planted_logs[0]
    jsonl = audit(reference, [logs.write_jsonl(made, tmp_path / "hub.jsonl")])
    assert row_findings(jsonl) == made.expected_rows
    # CSV under the hub's own column names and codes, adapted by the reference instance's sample mapping.
    mapping = load_mapping(REPO_ROOT / "audit" / "hub-columns.yaml")
    methods = {"接口": "API", "核验": "VERIFY", "批量": "BULK"}
    results = {"allowed": "SUCCESS", "denied": "REFUSED"}
    recoded = logs.Planted(
        [row | {"method": methods[row["method"]], "result": results[row["result"]]} for row in made.rows],
        made.expected_rows,
    )
    hub_csv = logs.write_csv(recoded, tmp_path / "hub.csv", mapping.columns, separator="|")
    csv_result = audit(reference, [hub_csv], mapping)
    assert row_findings(csv_result) == made.expected_rows
    # Rows count from the first data row, in file order.
    for finding in csv_result.findings:
        if finding["kind"] in ROW_KINDS:
            assert made.rows[finding["log_row"] - 1]["request_id"] == finding["request_id"]


def test_missing_columns_and_bad_mapping_are_located(reference: Reference, tmp_path: Path) -> None:
    log = tmp_path / "hub.csv"
    log.write_text("time,consumer\n2026-06-01 10:00:00,minzheng\n", encoding="utf-8")
    with pytest.raises(UsageError) as missing:
        audit(reference, [log])
    assert "resource ← resource" in missing.value.text.en and str(log) in missing.value.text.en
    mapping = tmp_path / "map.yaml"
    mapping.write_text("columns:\n  when: t\n", encoding="utf-8")
    with pytest.raises(UsageError) as unknown:
        load_mapping(mapping)
    assert f"{mapping}:2:3" in unknown.value.text.zh and "when" in unknown.value.text.zh
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    (mixed / "a.csv").write_text("x\n", encoding="utf-8")
    (mixed / "b.jsonl").write_text("{}\n", encoding="utf-8")
    with pytest.raises(UsageError, match="one log format"):
        audit(reference, [mixed])
