"""The Spark engine runs the same SQL (transpiled by sqlglot) and finds exactly what DuckDB finds,
row for row, on the planted logs; local[2], one session for the whole test run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from govdata.audit.engines.duckdb_engine import DuckDBEngine
from govdata.audit.engines.spark_engine import SparkEngine
from govdata.audit.logformat import Mapping
from govdata.audit.queries import Parameters, steps
from govdata.audit.reference import Reference
from govdata.audit.run import Request, run_audit
from govdata.errors import UsageError
from tests.audit import planted as logs


def test_spark_and_duckdb_agree_row_for_row(reference: Reference, spark: Any, tmp_path: Path) -> None:
    made = logs.planted()
    folder = logs.write_parquet(made, tmp_path / "lake", by="month")
    request = Request([str(folder)], logs.FROM, logs.TO)
    on_duckdb = run_audit(DuckDBEngine(), reference, request, Mapping()).findings
    on_spark = run_audit(SparkEngine(spark), reference, request, Mapping()).findings
    assert {(f["kind"], f["reason"], f["request_id"]) for f in on_spark if f["log_file"]} == made.expected_rows
    assert on_spark == on_duckdb


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
