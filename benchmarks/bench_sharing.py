"""Measure fmt, the grant lifecycle, demands and responsibility lists on a generated instance.

    python benchmarks/bench_sharing.py DIR [--departments 10] [--resources 100] [--runs 3]

Generates the instance (once; reused when DIR exists), then times, each as its own process:
``fmt --check`` cold (no cache) and warm (cache from the previous run), ``responsibility build``
and ``build --check``, ``grant new`` and ``grant approve`` (one grant between the first two
departments), ``grant list``, and ``demands``. Wall time is the median of ``--runs``, peak
memory the largest. Never commit DIR.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

from generate_instance import benchmark_instance
from measure import median, run, timed

GOVDATA = Path(sys.executable).parent / "govdata"


def _first_resource(root: Path, slug: str) -> tuple[str, str]:
    """The code and first item name of the first resource of department ``slug``."""
    first = sorted((root / "catalogs" / slug).glob("*.yaml"))[0]
    text = first.read_text(encoding="utf-8")
    code = re.search(r'^code: "([^"]+)"', text, re.MULTILINE)
    item = re.search(r"^  - name: (\S+)", text, re.MULTILINE)
    assert code and item, first
    return code.group(1), item.group(1)


def _time(root: Path, argv: list[str], runs: int) -> tuple[float, float, int]:
    return timed(GOVDATA, root, argv, runs)


def main() -> int:
    root, args = benchmark_instance(__doc__.split("\n\n")[0])
    slugs = sorted(p.name for p in (root / "catalogs").iterdir() if p.is_dir())
    code, item = _first_resource(root, slugs[1])
    cache = root / ".govdata-cache"
    new = [
        "grant",
        "new",
        "--applicant",
        slugs[0],
        "--resource",
        code,
        "--item",
        item,
        "--id",
        "bench-0001",
        "--scenario",
        "基准测试场景：按人次核验",
        "--duty-basis",
        "基准测试：某法律某条规定的审核职责",
        "--method",
        "核验",
    ]
    rows: list[tuple[str, tuple[float, float, int]]] = []
    shutil.rmtree(cache, ignore_errors=True)
    rows.append(("fmt --check (cold, no cache)", _time(root, ["fmt", "--check", "--no-cache"], args.runs)))
    run([str(GOVDATA), "fmt", "--check"], root, root / ".bench.out", root / ".bench.err")  # fills the cache
    rows.append(("fmt --check (warm cache)", _time(root, ["fmt", "--check"], args.runs)))
    rows.append(("responsibility build", _time(root, ["responsibility", "build"], 1)))
    rows.append(("responsibility build --check", _time(root, ["responsibility", "build", "--check"], args.runs)))
    grant = root / "grants" / slugs[0] / "bench-0001.yaml"
    timings = []
    for _ in range(args.runs):
        grant.unlink(missing_ok=True)
        timings.append(run([str(GOVDATA), *new], root, root / ".bench.out", root / ".bench.err"))
    rows.append(
        ("grant new", (median([t.wall for t in timings]), max(t.peak_mib for t in timings), timings[-1].exit_code))
    )
    approve = ["grant", "approve", "bench-0001", "--by", "基准", "--reason", "基准测试", "--condition", "仅供测试"]
    timings = []
    for _ in range(args.runs):
        grant.unlink(missing_ok=True)
        run([str(GOVDATA), *new], root, root / ".bench.out", root / ".bench.err")
        timings.append(run([str(GOVDATA), *approve], root, root / ".bench.out", root / ".bench.err"))
    rows.append(
        ("grant approve", (median([t.wall for t in timings]), max(t.peak_mib for t in timings), timings[-1].exit_code))
    )
    rows.append(("grant list", _time(root, ["grant", "list"], args.runs)))
    rows.append(("demands", _time(root, ["demands"], args.runs)))
    files = sum(1 for _ in (root / "catalogs").rglob("*.yaml"))
    print(f"instance: {root} ({files} resource files), median of {args.runs} runs")
    print("| command | wall (median) | peak RSS | exit |")
    print("|---|---:|---:|---:|")
    for name, (wall, peak, code_) in rows:
        print(f"| `govdata {name}` | {wall:.2f} s | {peak:.0f} MiB | {code_} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
