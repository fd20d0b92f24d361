"""The small tables the audit joins the logs with, as plain rows with a neutral schema that
each engine turns into its own types (text, date, list of text)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from govdata.audit.grant_periods import PERIOD_COLUMNS
from govdata.audit.reference import Reference

SCHEMAS: dict[str, dict[str, str]] = {
    "grant_periods": {
        name: "date" if name.startswith(("period_", "valid_")) else "text_list" if name == "items" else "text"
        for name in PERIOD_COLUMNS
    },
    "departments": {"code": "text", "slug": "text"},
    "providers": {"resource": "text", "provider": "text"},
    "calendar": {"day": "date"},
}


@dataclass(frozen=True)
class Table:
    name: str
    schema: dict[str, str]
    rows: list[dict[str, Any]]


def reference_tables(reference: Reference, first: dt.date, last: dt.date) -> list[Table]:
    days = [{"day": first + dt.timedelta(days=n)} for n in range((last - first).days + 1)]
    rows = {
        "grant_periods": [period.row() for period in reference.periods],
        "departments": reference.departments,
        "providers": reference.providers,
        "calendar": days,
    }
    return [Table(name, SCHEMAS[name], rows[name]) for name in SCHEMAS]


__all__ = ["SCHEMAS", "Table", "reference_tables"]
