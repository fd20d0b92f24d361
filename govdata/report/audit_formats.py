"""``govdata audit`` as data: JSON (summary and findings), CSV, and a Parquet table of findings
for the authority's own analysis. The columns are those of :data:`govdata.audit.findings.COLUMNS`
plus each finding's severity."""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from govdata import __version__
from govdata.audit.findings import COLUMNS, KINDS
from govdata.errors import WriteError
from govdata.i18n import Text
from govdata.report.base import write_json

if TYPE_CHECKING:
    from govdata.audit.run import Result

FIELDS = ["severity", *COLUMNS]


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def records(result: Result) -> list[dict[str, Any]]:
    return [{"severity": KINDS[f["kind"]].severity} | {k: _plain(f[k]) for k in COLUMNS} for f in result.findings]


def json_report(result: Result, stream: TextIO) -> None:
    parameters = result.parameters
    document = {
        "tool": {"name": "govdata", "version": __version__},
        "engine": result.engine,
        "period": {"from": str(parameters.from_day), "to": str(parameters.to_day)},
        "retention_from": str(parameters.retention_from),
        "volume": {
            "window_days": parameters.volume_window,
            "min_history_days": parameters.volume_min_days,
            "min_rows": parameters.volume_min_rows,
            "factor": parameters.volume_factor,
        },
        "logs": {"files": len(result.log_files), "rows": result.bounds.rows},
        "grant_history": "git" if result.reference.history_note is None else "file",
        "summary": dict(Counter(f["kind"] for f in result.findings)),
        "findings": records(result),
    }
    write_json(document, stream)


def csv_report(result: Result, stream: TextIO) -> None:
    writer = csv.DictWriter(stream, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(records(result))


def parquet_report(result: Result, path: Path) -> None:
    """The findings as one Parquet table, written next to ``path`` and then moved into place."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    text, date, number = pa.string(), pa.date32(), pa.int64()
    types = {"day": date, "day_end": date, "log_row": number, "accesses": number, "rows": number}
    types |= {"history_days": number, "history_rows": number}
    schema = pa.schema([(name, types.get(name, text)) for name in FIELDS])
    rows = [{"severity": KINDS[f["kind"]].severity} | f for f in result.findings]
    partial = path.with_name(f".{path.name}.partial")
    try:
        pq.write_table(pa.Table.from_pylist(rows, schema=schema), partial)
        partial.replace(path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise WriteError(Text(f"无法写入 {path}：{error}", f"cannot write {path}: {error}")) from error


__all__ = ["FIELDS", "csv_report", "json_report", "parquet_report", "records"]
