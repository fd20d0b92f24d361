"""SQL engines the audit runs on: DuckDB embedded (default) and Spark (optional extra ``spark``).

Both take the same inputs (log files, reference tables, the steps of ``sql/audit.sql``) and
return findings as plain rows, so that the reports and the tests cannot tell them apart.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Protocol

from govdata.audit.logfiles import LogFiles
from govdata.audit.logformat import Mapping
from govdata.audit.queries import Parameters
from govdata.audit.tables import Table


@dataclass(frozen=True)
class Bounds:
    first: dt.date | None
    last: dt.date | None
    rows: int


class Engine(Protocol):
    name: str

    def load_logs(self, logs: LogFiles, mapping: Mapping) -> Bounds: ...

    def run(self, tables: list[Table], parameters: Parameters) -> list[dict[str, Any]]: ...

    def close(self) -> None: ...


def normalise_path(path: str) -> str:
    """A log file as both engines name it: Spark says ``file:/a/b``, DuckDB ``/a/b``."""
    if path.startswith("file:"):
        return "/" + path.removeprefix("file:").lstrip("/")
    return path


__all__ = ["Bounds", "Engine", "normalise_path"]
