"""``excel template`` and ``excel export``: the workbook, empty with an example or filled from the catalog."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from govdata.excel.catalog import departments, legal_bases, registries, resource_files
from govdata.excel.instructions import example_resource
from govdata.excel.write import build_workbook


def template_workbook(root: Path, authority: str, code_example: str) -> Workbook:
    depts = departments(root)
    chosen = next((d for d in depts if d.get("code") == authority), depts[0] if depts else {})
    # The example restricts sharing and opening, which needs a law or an administrative regulation.
    laws = [b for b in legal_bases(root) if b.get("level") in ("法律", "行政法规")] or legal_bases(root)
    bases = [str(b.get("id")) for b in laws][:1]
    example = example_resource(code_example, str(chosen.get("code", "")), str(chosen.get("name", "")), bases)
    return build_workbook([example], registries(root), example=True)


def export_workbook(root: Path, slugs: list[str]) -> tuple[Workbook, int]:
    files = resource_files(root, slugs or None)
    return build_workbook([f.data for f in files], registries(root), example=False), len(files)
