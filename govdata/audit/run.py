"""One audit: read the logs and the instance, fill in the period, run the SQL, sort the findings."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from govdata.audit.engines import Bounds, Engine
from govdata.audit.findings import COLUMNS, sort_key
from govdata.audit.logfiles import find_logs
from govdata.audit.logformat import Mapping
from govdata.audit.queries import Parameters
from govdata.audit.reference import Reference
from govdata.audit.tables import reference_tables
from govdata.errors import UsageError
from govdata.i18n import Text

RETENTION_MONTHS = 6  # Art. 28


@dataclass(frozen=True)
class Request:
    logs: list[str]
    from_day: dt.date | None = None
    to_day: dt.date | None = None
    volume_factor: int = 10
    volume_window: int = 28
    volume_min_days: int = 7
    volume_min_rows: int = 100


@dataclass
class Result:
    findings: list[dict[str, Any]]
    parameters: Parameters
    bounds: Bounds
    engine: str
    reference: Reference
    log_files: list[str] = field(default_factory=list)


def _parameters(request: Request, bounds: Bounds) -> Parameters:
    from govdata.rules.gd307_grant_validity_period import add_months

    to_day = request.to_day or bounds.last
    from_day = request.from_day or bounds.first
    if to_day is None or from_day is None:
        raise UsageError(
            Text("日志中没有任何记录；请用 --from 和 --to 给出审计期间", "the logs hold no row; give --from and --to")
        )
    if from_day > to_day:
        raise UsageError(Text(f"--from {from_day} 晚于 --to {to_day}", f"--from {from_day} is after --to {to_day}"))
    retention_from = add_months(to_day, -RETENTION_MONTHS) + dt.timedelta(days=1)
    scan_from = min(from_day - dt.timedelta(days=2 * request.volume_window), retention_from)
    return Parameters(
        from_day=from_day,
        to_day=to_day,
        scan_from=scan_from,
        retention_from=retention_from,
        volume_window=request.volume_window,
        volume_min_days=request.volume_min_days,
        volume_min_rows=request.volume_min_rows,
        volume_factor=request.volume_factor,
    )


def run_audit(engine: Engine, reference: Reference, request: Request, mapping: Mapping) -> Result:
    logs = find_logs(request.logs)
    bounds = engine.load_logs(logs, mapping)
    parameters = _parameters(request, bounds)
    tables = reference_tables(reference, parameters.scan_from, parameters.to_day)
    rows = engine.run(tables, parameters)
    findings = sorted(({name: row.get(name) for name in COLUMNS} for row in rows), key=sort_key)
    return Result(findings, parameters, bounds, engine.name, reference, logs.paths)


__all__ = ["RETENTION_MONTHS", "Request", "Result", "run_audit"]
