"""Measure ``govdata cases`` on many case files: list, due, stats, show, event and the case rules.

    python benchmarks/bench_cases.py DIR [--departments 10] [--resources 20] [--cases 5000] [--runs 3]

Generates the instance (once; reused when DIR exists) and ``--cases`` case files of every kind,
spread over 2026, written directly as text (the CLI would take a process per case). Then times,
each as its own process: ``cases list``, ``cases due --within 3``, ``cases stats --year 2026``,
``cases show``, ``cases event`` (one appended event, restored afterwards) and ``validate
--select case``. Wall time is the median of ``--runs``, peak memory the largest. Never commit DIR.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import sys
from pathlib import Path

from generate_instance import benchmark_instance
from measure import Measurement, median, run

GOVDATA = Path(sys.executable).parent / "govdata"
MODELINE = "# yaml-language-server: $schema=../../schemas/case.schema.json\n"


def _resources(root: Path) -> list[tuple[str, str, str]]:
    """(department slug, resource code, first item) of every generated resource."""
    found = []
    for path in sorted((root / "catalogs").glob("*/*.yaml")):
        if path.name == "demands.yaml":
            continue
        text = path.read_text(encoding="utf-8")
        code = re.search(r'^code: "([^"]+)"', text, re.MULTILINE)
        item = re.search(r"^  - name: (\S+)", text, re.MULTILINE)
        if code and item:
            found.append((path.parent.name, code.group(1), item.group(1)))
    return found


def _event(day: dt.date, kind: str, extra: str = "") -> str:
    return f'  - date: "{day.isoformat()}"\n    type: {kind}\n    by: 经办人\n{extra}'


def _case(number: int, rng: random.Random, resources: list[tuple[str, str, str]], slugs: list[str]) -> tuple[str, str]:
    kind = rng.choice(["problem-data", "correction", "open-application", "interface", "catalog-update"])
    slug, code, item = rng.choice(resources)
    start = dt.date(2026, 1, 5) + dt.timedelta(days=rng.randrange(320))
    case_id = f"{kind}-2026-{number:05d}"
    head = f"{MODELINE}id: {case_id}\nkind: {kind}\ntitle: 基准事项 {number}\ndepartment: {slug}\n"
    events = [_event(start, "received")]
    later = start + dt.timedelta(days=rng.randrange(1, 20))
    if kind == "problem-data":
        reporter = rng.choice([s for s in slugs if s != slug])
        head += f'reporter: {reporter}\nresource: "{code}"\nitems:\n  - {item}\ndescription: 数据不一致\nevidence:\n  - 比对清单\n'
        events.append(_event(start + dt.timedelta(days=1), "dispatched"))
        if rng.random() < 0.7:
            events.append(_event(later, "decided", "    outcome: 更正\n"))
    elif kind in ("correction", "open-application"):
        head += f'requester:\n  name: 某公司\n  contact: "0391-6000000"\nresource: "{code}"\ndescription: 申请内容\n'
        if rng.random() < 0.7:
            events.append(_event(later, "answered", "    outcome: 同意\n"))
    elif kind == "interface":
        head += f'resource: "{code}"\nagreed_date: "{(start + dt.timedelta(days=20)).isoformat()}"\n'
        if rng.random() < 0.7:
            events.append(_event(later, "answered"))
    else:
        head += f'changed_on: "{(start - dt.timedelta(days=2)).isoformat()}"\n'
        if rng.random() < 0.7:
            events.append(_event(later, "answered"))
    return f"cases/2026/{case_id}.yaml", head + "events:\n" + "".join(events)


def write_cases(root: Path, count: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    resources = _resources(root)
    slugs = sorted({slug for slug, _, _ in resources})
    (root / "cases" / "2026").mkdir(parents=True, exist_ok=True)
    for number in range(1, count + 1):
        path, text = _case(number, rng, resources, slugs)
        (root / path).write_text(text, encoding="utf-8")


def _time(root: Path, argv: list[str], runs: int) -> list[Measurement]:
    return [run([str(GOVDATA), *argv], root, root / ".bench.out", root / ".bench.err") for _ in range(runs)]


def _row(label: str, results: list[Measurement]) -> str:
    """Wall and CPU medians: on a shared machine the CPU time is the steadier figure."""
    wall, cpu = median([r.wall for r in results]), median([r.cpu for r in results])
    load = median([r.load for r in results])
    peak = max(r.peak_mib for r in results)
    return f"| `govdata {label}` | {wall:.2f} s | {cpu:.2f} s | {peak:.0f} MiB | {load:.1f} | {results[-1].exit_code} |"


def main() -> int:
    root, args = benchmark_instance(
        __doc__.split("\n\n")[0], 20, {"cases": 5000}, lambda root, args: write_cases(root, args.cases)
    )
    open_ones = (
        p for p in sorted((root / "cases" / "2026").glob("correction-*.yaml")) if "answered" not in p.read_text()
    )
    first = next(open_ones)  # an unanswered request, so that withdrawing it is allowed
    case_id = first.stem
    original = first.read_bytes()
    today = ("--today", "2026-12-01")
    commands = {
        "cases list --format json": ["cases", "list", *today, "--format", "json"],
        "cases list --overdue": ["cases", "list", "--overdue", *today, "--format", "json"],
        "cases due --within 3": ["cases", "due", "--within", "3", *today, "--format", "json"],
        "cases stats --year 2026": ["cases", "stats", "--year", "2026", *today, "--format", "csv"],
        "cases show": ["cases", "show", case_id, *today],
        "validate --select case": ["validate", "--select", "case", *today, "--format", "json", "--no-progress"],
    }
    print(f"| command | wall (median of {args.runs}) | CPU | peak RSS | load | exit |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, argv in commands.items():
        print(_row(label, _time(root, argv, args.runs)), flush=True)
    walls = []
    for _ in range(args.runs):
        first.write_bytes(original)
        event = ["cases", "event", case_id, "withdrawn", "--by", "基准", "--reason", "基准测试", "--date", "2026-12-31"]
        walls.append(run([str(GOVDATA), *event], root, root / ".bench.out", root / ".bench.err"))
    first.write_bytes(original)
    print(_row("cases event", walls))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
