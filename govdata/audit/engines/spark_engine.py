"""The audit on Apache Spark: the same steps, transpiled from DuckDB's dialect by sqlglot, over
Parquet logs on any Hadoop-compatible path. Row numbers come from ``_metadata.row_index``."""

from __future__ import annotations

import os
from typing import Any

from govdata.audit.engines import Bounds, normalise_path
from govdata.audit.logfiles import LogFiles
from govdata.audit.logformat import FILE_COLUMN, ROW_COLUMN, Mapping, raw_types, staging_sql
from govdata.audit.queries import Parameters, steps, transpile
from govdata.audit.tables import Table
from govdata.errors import UsageError
from govdata.i18n import Text


def spark_session(master: str | None = None) -> Any:
    """The active session (spark-submit made one), else a new one on ``master`` (default local[2])."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise UsageError(
            Text(
                "--engine spark 需要 pyspark：pip install 'govdata[spark]'，并安装 Java 17",
                "--engine spark needs pyspark: pip install 'govdata[spark]', and Java 17",
            )
        ) from None
    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    builder = SparkSession.builder.appName("govdata-audit").config("spark.ui.showConsoleProgress", "false")
    # Under spark-submit the JVM started this process and holds the cluster's settings; take them.
    if master is not None or not os.environ.get("PYSPARK_GATEWAY_PORT"):
        # A local session is small: a few shuffle partitions instead of 200 keep the many small steps fast.
        builder = builder.master(master or "local[2]").config("spark.ui.enabled", "false")
        builder = builder.config("spark.sql.shuffle.partitions", "4")
    return builder.config("spark.sql.session.timeZone", "UTC").getOrCreate()


def _schema(table: Table) -> Any:
    from pyspark.sql.types import ArrayType, DateType, StringType, StructField, StructType

    types = {"text": StringType(), "date": DateType(), "text_list": ArrayType(StringType())}
    return StructType([StructField(name, types[kind]) for name, kind in table.schema.items()])


class SparkEngine:
    name = "spark"

    def __init__(self, session: Any = None, master: str | None = None) -> None:
        self.spark = session or spark_session(master)
        self.spark.conf.set("spark.sql.session.timeZone", "UTC")

    def load_logs(self, logs: LogFiles, mapping: Mapping) -> Bounds:
        if logs.format != "parquet":
            raise UsageError(
                Text(
                    f"--engine spark 只读取 Parquet 日志，而这里是 {logs.format}；请先转为 Parquet 或使用 DuckDB 引擎",
                    f"--engine spark reads Parquet logs, not {logs.format}; convert them or use the DuckDB engine",
                )
            )
        from pyspark.errors import PySparkException

        try:
            raw = self.spark.read.option("recursiveFileLookup", "true").parquet(*logs.paths)
            raw = raw.selectExpr(
                "*", f"_metadata.file_path AS {FILE_COLUMN}", f"_metadata.row_index + 1 AS {ROW_COLUMN}"
            )
            raw.createOrReplaceTempView("raw_logs")
            source = logs.paths[0] if len(logs.paths) == 1 else f"{logs.paths[0]} …"
            types = raw_types([(f.name, f.dataType.simpleString()) for f in raw.schema.fields])
            staging = transpile(staging_sql(mapping, types, source), "spark")
            self.spark.sql(staging).createOrReplaceTempView("access_log")
            row = self.spark.sql("SELECT MIN(day), MAX(day), COUNT(*) FROM access_log").collect()[0]
        except PySparkException as error:
            raise UsageError(Text(f"无法读取日志：{error}", f"cannot read the logs: {error}")) from None
        return Bounds(row[0], row[1], int(row[2]))

    def run(self, tables: list[Table], parameters: Parameters) -> list[dict[str, Any]]:
        for table in tables:
            frame = self.spark.createDataFrame(table.rows, schema=_schema(table))
            frame.createOrReplaceTempView(table.name)
        for step in steps(parameters, "spark"):
            frame = self.spark.sql(step.sql)
            if step.materialise:
                frame = frame.cache()
            frame.createOrReplaceTempView(step.name)
        rows = [row.asDict() for row in self.spark.sql("SELECT * FROM findings").collect()]
        for row in rows:
            if row["log_file"] is not None:
                row["log_file"] = normalise_path(row["log_file"])
        return rows

    def close(self) -> None:
        """The session is left running: spark-submit or the caller owns it."""
        for name in ("suspicious", "daily"):
            self.spark.catalog.dropTempView(name)


__all__ = ["SparkEngine", "spark_session"]
