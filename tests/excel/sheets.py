"""Filling workbooks the way a clerk does: by column header key, with openpyxl."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from tests.conftest import REPO_ROOT


def reference_instance(target: Path) -> Path:
    """A copy of the repository's reference instance (Jiyuan) to import into."""
    for name in ("catalogs", "registry", "schemas", "grants", "responsibility"):
        shutil.copytree(REPO_ROOT / name, target / name)
    shutil.copy(REPO_ROOT / "govdata.yaml", target / "govdata.yaml")
    return target


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def column(sheet: Worksheet, key: str) -> int:
    return next(cell.column for cell in sheet[1] if cell.value == key)


def last_row(sheet: Worksheet) -> int:
    return max((row for row in range(4, sheet.max_row + 1) if sheet.cell(row, 1).value is not None), default=3)


def edit(path: Path, changes: dict[str, dict[tuple[int, str], Any]], output: Path | None = None) -> Path:
    """Set cells ``{sheet: {(row, key): value}}`` and save (to ``output``, or in place)."""
    book = load_workbook(path)
    for sheet_name, cells in changes.items():
        sheet = book[sheet_name]
        for (row, key), value in cells.items():
            sheet.cell(row, column(sheet, key), value)
    target = output or path
    book.save(target)
    return target


def libreoffice_resave(path: Path, folder: Path) -> Path:
    """``path`` opened and saved by LibreOffice Calc (headless, a fresh profile)."""
    profile = folder / "profile"
    out = folder / "out"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return out / path.name
