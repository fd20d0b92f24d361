"""Tables on the terminal that never lose a column: one record per row when the table cannot fit.

rich squeezes a table to the console width and crops what still does not fit; piped output is 80
columns wide, so the last columns of a wide table vanished there. When the table at the console's
width shows fewer characters than it holds, each row is printed as "header: value" lines
instead, which wrap freely.
"""

from __future__ import annotations

import io

from rich.console import Console
from rich.table import Table
from rich.text import Text


def _plain(cell: object) -> str:
    return cell.plain if isinstance(cell, Text) else str(cell)


def _characters(table: Table, width: int) -> int:
    """How many characters of content (not borders or spaces) the table shows at ``width``."""
    page = Console(file=io.StringIO(), width=width, color_system=None, highlight=False)
    page.print(table)
    shown = page.file.getvalue()  # type: ignore[attr-defined]
    return sum(1 for ch in shown if not ch.isspace() and not 0x2500 <= ord(ch) <= 0x257F)


def print_table(console: Console, table: Table) -> None:
    if _characters(table, console.width) >= _characters(table, 10_000):
        console.print(table)
        return
    headers = [_plain(column.header) for column in table.columns]
    cells = [list(column.cells) for column in table.columns]
    for row in range(table.row_count):
        for header, column in zip(headers, cells, strict=True):
            console.print(f"{header}：{_plain(column[row])}", markup=False, soft_wrap=False)
        console.print()
