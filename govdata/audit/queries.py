"""The audit's SQL (``sql/audit.sql``): split into named steps, parameters filled in, and for
Spark transpiled from DuckDB's dialect by sqlglot, so both engines run the same queries."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

STEP = re.compile(r"^-- step: (\w+)( table)?\s*$", re.MULTILINE)


@dataclass(frozen=True)
class Step:
    name: str
    sql: str
    materialise: bool  # DuckDB keeps the result as a table (read more than once)


@dataclass(frozen=True)
class Parameters:
    from_day: dt.date
    to_day: dt.date
    scan_from: dt.date  # earliest day read: volume history and retention window need days before from_day
    retention_from: dt.date
    volume_window: int = 28
    volume_min_days: int = 7
    volume_min_rows: int = 100
    volume_factor: int = 10

    def values(self) -> dict[str, str]:
        return {name: str(value) for name, value in vars(self).items()}


@cache
def _source() -> str:
    return (resources.files("govdata.audit") / "sql" / "audit.sql").read_text(encoding="utf-8")


def steps(parameters: Parameters, dialect: str = "duckdb") -> list[Step]:
    """The steps in order, parameters filled in, in ``dialect`` (duckdb or spark)."""
    text = _source()
    marks = list(STEP.finditer(text))
    found = []
    for index, mark in enumerate(marks):
        end = marks[index + 1].start() if index + 1 < len(marks) else len(text)
        body = "\n".join(line for line in text[mark.end() : end].splitlines() if not line.lstrip().startswith("--"))
        found.append(Step(mark.group(1), body.strip().format(**parameters.values()), bool(mark.group(2))))
    if dialect == "duckdb":
        return found
    return [Step(step.name, transpile(step.sql, dialect), step.materialise) for step in found]


def transpile(sql: str, dialect: str) -> str:
    import sqlglot

    return str(sqlglot.transpile(sql, read="duckdb", write=dialect)[0])


__all__ = ["Parameters", "Step", "steps", "transpile"]
