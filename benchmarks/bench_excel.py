"""Measure the Excel round trip on a generated instance.

    python benchmarks/bench_excel.py DIR [--departments 10] [--resources 100] [--runs 3]

Generates the instance once (reused when DIR exists), then times, each as its own process:
``excel export`` of the whole catalog, ``excel import --dry-run`` of that unchanged workbook
(the identity check: nothing to write), and ``excel import`` of a workbook in which one
resource per department had its name changed (only those files are read for editing and
written). Wall time and peak RSS, median of ``--runs``. Never commit DIR.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from generate_instance import benchmark_instance
from measure import median, run
from openpyxl import load_workbook

GOVDATA = Path(sys.executable).parent / "govdata"


def _timed(root: Path, argv: list[str], runs: int, before: list[str] | None = None) -> tuple[float, float, int]:
    results = []
    for _ in range(runs):
        if before:
            subprocess.run(before, cwd=root, check=True, capture_output=True)
        results.append(run([str(GOVDATA), *argv], root, root / ".bench.out", root / ".bench.err"))
    return median([r.wall for r in results]), max(r.peak_mib for r in results), results[-1].exit_code


def _edited(workbook: Path, target: Path) -> int:
    """A copy of ``workbook`` with the first resource of each department renamed; how many."""
    book = load_workbook(workbook)
    sheet = book["信息资源"]
    keys = [cell.value for cell in sheet[1]]
    name, provider = keys.index("name") + 1, keys.index("provider.code") + 1
    seen: set[str] = set()
    for row in range(4, sheet.max_row + 1):
        code = sheet.cell(row, provider).value
        if code and code not in seen:
            seen.add(code)
            sheet.cell(row, name, f"{sheet.cell(row, name).value}（修订）")
    book.save(target)
    return len(seen)


def main() -> int:
    root, args = benchmark_instance(__doc__.split("\n\n")[0])
    workbook, edited = root / "bench.xlsx", root / "bench-edited.xlsx"
    rows = [("excel export", _timed(root, ["excel", "export", "-o", str(workbook)], args.runs))]
    rows.append(
        ("excel import --dry-run (unchanged)", _timed(root, ["excel", "import", str(workbook), "-n"], args.runs))
    )
    changed = _edited(workbook, edited)
    snapshot = root.parent / f"{root.name}.catalogs"
    shutil.rmtree(snapshot, ignore_errors=True)
    shutil.copytree(root / "catalogs", snapshot)
    restore = ["sh", "-c", f"rm -rf catalogs && cp -r '{snapshot}' catalogs"]
    rows.append(
        (
            f"excel import ({changed} resources changed)",
            _timed(root, ["excel", "import", str(edited)], args.runs, restore),
        )
    )
    files = sum(1 for _ in (root / "catalogs").rglob("*.yaml"))
    size = workbook.stat().st_size / 1024
    print(f"instance: {root} ({files} catalog files), workbook {size:.0f} KiB, median of {args.runs} runs")
    print("| command | wall (median) | peak RSS | exit |")
    print("|---|---:|---:|---:|")
    for title, (wall, peak, code) in rows:
        print(f"| `govdata {title}` | {wall:.2f} s | {peak:.0f} MiB | {code} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
