"""Fixtures of the audit tests: the reference instance's grant periods, planted and clean logs
written once per session, and one Spark session shared by every Spark test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from govdata.audit.reference import Reference, read_reference
from govdata.instance import open_instance
from tests.audit import planted as logs
from tests.conftest import REPO_ROOT


@pytest.fixture(scope="session")
def reference() -> Reference:
    return read_reference(open_instance(REPO_ROOT))


@pytest.fixture(scope="session")
def planted_logs(tmp_path_factory: pytest.TempPathFactory) -> tuple[logs.Planted, Path]:
    made = logs.planted()
    return made, logs.write_parquet(made, tmp_path_factory.mktemp("planted") / "logs")


@pytest.fixture(scope="session")
def clean_logs(tmp_path_factory: pytest.TempPathFactory) -> tuple[logs.Planted, Path]:
    made = logs.clean()
    return made, logs.write_parquet(made, tmp_path_factory.mktemp("clean") / "logs")


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    """One local[2] session for the whole run: starting Spark costs tens of seconds."""
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("govdata-audit-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
