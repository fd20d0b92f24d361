"""The Spark engine runs the same SQL (transpiled by sqlglot) and finds exactly what DuckDB finds,
row for row, on the planted logs; local[2], one session for the whole test run."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from govdata.audit.engines.spark_engine import SparkEngine
from govdata.audit.logformat import Mapping
from govdata.audit.queries import Parameters, steps
from govdata.audit.reference import Reference
from govdata.audit.run import Request, run_audit
from govdata.errors import UsageError
from tests.audit import planted as logs
from tests.conftest import REPO_ROOT, CliResult


def test_spark_and_duckdb_agree_row_for_row(
    govdata: Callable[..., CliResult], spark: Any, reference: Reference, tmp_path: Path
) -> None:
    made = logs.planted()
    folder = str(logs.write_parquet(made, tmp_path / "lake", by="month"))
    period = ("--from", str(logs.FROM), "--to", str(logs.TO), "-f", "json")
    # The CLI takes the session the fixture made (as it would take spark-submit's).
    on_spark = govdata("audit", folder, *period, "--engine", "spark", "-o", str(tmp_path / "s.json"), cwd=REPO_ROOT)
    on_duckdb = govdata("audit", folder, *period, "-o", str(tmp_path / "d.json"), cwd=REPO_ROOT)
    assert on_spark.exit_code == on_duckdb.exit_code == 1, on_spark.stderr
    spark_doc = json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))
    duckdb_doc = json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))
    assert (spark_doc["engine"], duckdb_doc["engine"]) == ("spark", "duckdb")
    found = {(f["kind"], f["reason"], f["request_id"]) for f in spark_doc["findings"] if f["log_file"]}
    assert found == made.expected_rows
    assert len(spark_doc["findings"]) == len(made.expected_rows) + len(logs.EXPECTED_AGGREGATES)
    assert spark_doc["findings"] == duckdb_doc["findings"]
    assert spark.catalog.tableExists("suspicious") is False  # the engine left no view behind


def test_every_step_is_transpiled_for_spark() -> None:
    parameters = Parameters(logs.FROM, logs.TO, logs.START, logs.START)
    duck, lake = steps(parameters, "duckdb"), steps(parameters, "spark")
    assert [s.name for s in duck] == [s.name for s in lake]
    assert all("lambda" not in s.sql and "LIST_" not in s.sql.upper() for s in lake)
    assert any("FILTER(" in s.sql for s in lake)


def test_spark_reads_only_parquet(reference: Reference, spark: Any, tmp_path: Path) -> None:
    log = logs.write_jsonl(logs.planted(), tmp_path / "hub.jsonl")
    with pytest.raises(UsageError, match="reads Parquet"):
        run_audit(SparkEngine(spark), reference, Request([str(log)]), Mapping())
