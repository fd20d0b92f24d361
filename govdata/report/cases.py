"""Case listings, due lists and statistics as JSON or CSV (``govdata cases list|due|stats --format``)."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from typing import Any, TextIO


def write_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str], stream: TextIO) -> None:
    """One header line of ``columns``, then a line per row; lists joined by "；", None empty.

    A UTF-8 BOM first, so that spreadsheet programs used in offices read the Chinese text.
    """
    stream.write("\ufeff")
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(_cell(row.get(column)) for column in columns)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "；".join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


__all__ = ["write_csv"]
