"""Measure ``govdata publish --site`` on a generated instance, and where its time goes.

    python benchmarks/bench_publish.py DIR [--departments 10] [--resources 100] [--runs 3]

Generates the instance (once; reused when DIR exists), times ``govdata publish --site`` as its
own process (median wall of ``--runs``, largest peak memory), then times each stage in this
process once: load, records, JSON/CSV, XLSX, DCAT graph, SHACL check, Turtle/JSON-LD, site.
Never commit DIR.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generate_instance import benchmark_instance
from measure import Measurement, median, run

GOVDATA = Path(sys.executable).parent / "govdata"


def _stage(name: str, action: Callable[[], Any], times: dict[str, tuple[float, float]]) -> Any:
    """Run one stage; record (wall, CPU) seconds. On a shared machine CPU time is the steadier figure."""
    wall, cpu = time.perf_counter(), time.process_time()
    value = action()
    times[name] = (time.perf_counter() - wall, time.process_time() - cpu)
    return value


def stages(root: Path) -> tuple[dict[str, tuple[float, float]], int, int]:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from govdata.instance import discover, open_instance
    from govdata.publish import records, shacl, tables, workbook
    from govdata.publish.dcat import dcat_graph, jsonld_bytes, turtle_bytes
    from govdata.publish.site import SiteOptions, site_files
    from govdata.validation.engine import load_catalog

    times: dict[str, tuple[float, float]] = {}
    instance = open_instance(root)
    catalog, _ = _stage(
        "load", lambda: load_catalog(instance.config, discover(root), lambda p: (root / p).read_bytes()), times
    )
    shared = _stage("share records", lambda: records.share_records(catalog), times)
    opened = _stage("open records", lambda: records.open_records(catalog), times)
    _stage(
        "JSON + CSV",
        lambda: [
            tables.json_bytes(tables.envelope("open", catalog, opened)),
            tables.csv_bytes(tables.SHARE_COLUMNS, shared),
        ],
        times,
    )
    _stage(
        "XLSX (share + open)",
        lambda: [
            workbook.xlsx_bytes(tables.SHARE_COLUMNS, shared, "sharing_type", _day()),
            workbook.xlsx_bytes(tables.OPEN_COLUMNS, opened, "opening_type", _day()),
        ],
        times,
    )
    graph = _stage("DCAT graph", lambda: dcat_graph(catalog, "https://example.org/"), times)
    _stage("SHACL (own shapes)", lambda: shacl.check(graph, shacl.own_shapes()), times)
    _stage("Turtle + JSON-LD", lambda: [turtle_bytes(graph), jsonld_bytes(graph)], times)
    _stage("site", lambda: site_files(catalog, opened, SiteOptions("https://example.org/", None)), times)
    return times, len(shared), len(opened)


def _day() -> Any:
    import datetime as dt

    return dt.date(2026, 1, 1)


def main() -> None:
    root, args = benchmark_instance(__doc__)
    out = root.parent / (root.name + "-published")
    results: list[Measurement] = [
        run([str(GOVDATA), "publish", "--site", "--out", str(out)], root, root / ".bench.out", root / ".bench.err")
        for _ in range(args.runs)
    ]
    assert all(r.exit_code == 0 for r in results), (root / ".bench.err").read_text(encoding="utf-8")
    times, shared, opened = stages(root)
    print(f"instance: {root} — {shared} resources, {opened} open; load average {results[0].load:.1f}")
    print(
        f"govdata publish --site: {median([r.wall for r in results]):.2f} s wall, "
        f"{median([r.cpu for r in results]):.2f} s CPU (medians of {args.runs}), "
        f"peak {max(r.peak_mib for r in results):.0f} MiB"
    )
    print(f"  {'stage':<22} {'wall':>7}   {'CPU':>7}")
    for name, (wall, cpu) in times.items():
        print(f"  {name:<22} {wall:7.2f} s {cpu:7.2f} s")


if __name__ == "__main__":
    main()
