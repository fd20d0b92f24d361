"""The audit on DuckDB, embedded: Parquet read in place with its row numbers; JSON Lines and
CSV read through pyarrow (DuckDB's readers give no row number) and numbered in file order."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from govdata.audit.engines import Bounds
from govdata.audit.logfiles import LogFiles
from govdata.audit.logformat import FILE_COLUMN, ROW_COLUMN, Mapping, raw_types, staging_sql
from govdata.audit.queries import Parameters, steps
from govdata.audit.tables import Table
from govdata.errors import UsageError
from govdata.i18n import Text

ARROW_TYPES = {"text": "string", "date": "date32", "text_list": "list<string>"}


def _arrow_table(table: Table) -> Any:
    import pyarrow as pa

    types = {"text": pa.string(), "date": pa.date32(), "text_list": pa.list_(pa.string())}
    schema = pa.schema([(name, types[kind]) for name, kind in table.schema.items()])
    return pa.Table.from_pylist(table.rows, schema=schema)


def _read_text_logs(logs: LogFiles) -> Any:
    """JSON Lines or CSV files as one arrow table with file and row columns."""
    import pyarrow as pa
    import pyarrow.csv
    import pyarrow.json

    parts = []
    for path in logs.paths:
        try:
            if logs.format == "json":
                part = pyarrow.json.read_json(path)
            else:
                options = pyarrow.csv.ConvertOptions(column_types={}, strings_can_be_null=True)
                part = pyarrow.csv.read_csv(path, convert_options=options)
        except (pa.ArrowInvalid, OSError) as error:
            raise UsageError(Text(f"{path}: 无法读取日志：{error}", f"{path}: cannot read the log: {error}")) from None
        part = part.append_column(FILE_COLUMN, pa.array([path] * part.num_rows, pa.string()))
        parts.append(part.append_column(ROW_COLUMN, pa.array(range(1, part.num_rows + 1), pa.int64())))
    return pa.concat_tables(parts, promote_options="permissive")


class DuckDBEngine:
    name = "duckdb"

    def __init__(self, memory_limit: str | None = None, temp_directory: Path | None = None, threads: int | None = None):
        import duckdb

        self.con = duckdb.connect()
        self._do("SET TimeZone = 'UTC'")
        self._do("SET enable_progress_bar = false")
        if memory_limit:
            self._do(f"SET memory_limit = '{memory_limit}'")
        if temp_directory:
            self._do(f"SET temp_directory = '{temp_directory}'")
        if threads:
            self._do(f"SET threads = {int(threads)}")
        # Row-level findings are sorted afterwards; scans need not keep file order.
        self._do("SET preserve_insertion_order = false")

    def _do(self, sql: str) -> None:
        """Run a statement to its end (DuckDB refuses new work while a result is unread)."""
        self.con.execute(sql).fetchall()

    def load_logs(self, logs: LogFiles, mapping: Mapping) -> Bounds:
        import duckdb

        if logs.remote:
            raise UsageError(
                Text(
                    "DuckDB 引擎只读取本地日志；远程路径请用 --engine spark",
                    "the DuckDB engine reads local logs; use --engine spark for remote locations",
                )
            )
        try:
            if logs.format == "parquet":
                files = "[" + ", ".join("'" + p.replace("'", "''") + "'" for p in logs.paths) + "]"
                self._do(
                    f"CREATE OR REPLACE TEMP VIEW raw_logs AS SELECT * EXCLUDE (filename, file_row_number), "
                    f"filename AS {FILE_COLUMN}, file_row_number + 1 AS {ROW_COLUMN} FROM read_parquet({files}, "
                    "filename = true, file_row_number = true, union_by_name = true, hive_partitioning = false)"
                )
            else:
                self.con.register("raw_text_logs", _read_text_logs(logs))
                self._do("CREATE OR REPLACE TEMP VIEW raw_logs AS SELECT * FROM raw_text_logs")
            described = self.con.execute("DESCRIBE raw_logs").fetchall()
            source = logs.paths[0] if len(logs.paths) == 1 else f"{logs.paths[0]} …"
            staging = staging_sql(mapping, raw_types([(row[0], row[1]) for row in described]), source)
            self._do(f"CREATE OR REPLACE TEMP VIEW access_log AS {staging}")
            first, last, count = self.con.execute("SELECT MIN(day), MAX(day), COUNT(*) FROM access_log").fetchall()[0]
        except duckdb.Error as error:
            raise UsageError(Text(f"无法读取日志：{error}", f"cannot read the logs: {error}")) from None
        return Bounds(first, last, int(count))

    def run(self, tables: list[Table], parameters: Parameters) -> list[dict[str, Any]]:
        for table in tables:
            self.con.register(f"_{table.name}_arrow", _arrow_table(table))
            self._do(f"CREATE OR REPLACE TEMP TABLE {table.name} AS SELECT * FROM _{table.name}_arrow")
        for step in steps(parameters, "duckdb"):
            kind = "TABLE" if step.materialise else "VIEW"
            self._do(f"CREATE OR REPLACE TEMP {kind} {step.name} AS {step.sql}")
        cursor = self.con.execute("SELECT * FROM findings")
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def close(self) -> None:
        self.con.close()


__all__ = ["DuckDBEngine"]
