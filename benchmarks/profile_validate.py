"""Where ``govdata validate`` spends its time: one in-process ``govdata.validation.engine.validate`` under cProfile.

    python benchmarks/profile_validate.py INSTANCE_DIR [--top 25]

Prints the top functions by cumulative and by own time, and a short table of the phases
(read, decode, parse, schema, model, each rule) taken from the same profile. The profiled run
gives the engine a plain reader, so it loads in this one process even where it would fork
workers: a profile of the parent alone would show only waiting. cProfile slows pure-Python
code more than C code, so the run is also timed once without the profiler, as the CLI runs.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from dataclasses import dataclass
from pathlib import Path

# (label, file name ending, function name): the phases of a run, as functions of the engine.
PHASES: tuple[tuple[str, str, str], ...] = (
    ("load every file (engine.load_catalog)", "govdata/validation/engine.py", "load_catalog"),
    ("  read bytes (Path.read_bytes)", "pathlib.py", "read_bytes"),
    ("  decode (io.source.decode)", "govdata/io/source.py", "decode"),
    ("  parse YAML (io.fastyaml.load_yaml)", "govdata/io/fastyaml.py", "load_yaml"),
    (
        "  JSON Schema (schema.validate.validate_document)",
        "govdata/schema/validate.py",
        "validate_document",
    ),
    ("  pydantic (BaseModel.model_validate)", "pydantic/main.py", "model_validate"),
    ("run the rules (engine.run_rules)", "govdata/validation/engine.py", "run_rules"),
    ("summary (summary.summarize)", "govdata/summary.py", "summarize"),
)


@dataclass(frozen=True)
class Profiled:
    seconds_plain: float  # one run without the profiler
    seconds_profiled: float
    files: int
    diagnostics: int
    phases: list[tuple[str, float]]
    rules: list[tuple[str, float]]
    cumulative: str
    own: str


def _stats_text(stats: pstats.Stats, key: str, top: int) -> str:
    stream = io.StringIO()
    stats.stream = stream  # type: ignore[attr-defined]
    stats.sort_stats(key).print_stats(top)
    lines = stream.getvalue().splitlines()
    start = next((i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls")), 0)
    return "\n".join(line.replace(str(Path.cwd()) + "/", "") for line in lines[start:] if line.strip())


def _cumulative(stats: pstats.Stats, ending: str, function: str) -> float | None:
    found = [
        ct
        for (path, _, name), (_, _, _, ct, _) in stats.stats.items()  # type: ignore[attr-defined]
        if name == function and path.endswith(ending)
    ]
    return sum(found) if found else None


def _rule_times(stats: pstats.Stats) -> list[tuple[str, float]]:
    """Cumulative time of each rule's ``check`` (rules live in govdata/rules/gdNNN_*.py)."""
    times = []
    for (path, _, name), (_, _, _, ct, _) in stats.stats.items():  # type: ignore[attr-defined]
        module = Path(path).stem
        if name == "check" and "govdata/rules/" in path and module.startswith("gd"):
            times.append((module.split("_", 1)[0].upper() + " " + module.split("_", 1)[1], ct))
    return sorted(times, key=lambda pair: -pair[1])


def profile(root: Path, top: int = 25) -> Profiled:
    from govdata.instance import open_instance
    from govdata.validation.engine import validate

    instance = open_instance(root)
    started = time.perf_counter()
    validate(instance)
    plain = time.perf_counter() - started

    def serial_reader(path: str) -> bytes:
        # A reader the engine cannot share with worker processes: everything runs here, in view.
        return (root / path).read_bytes()

    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    result = validate(instance, reader=serial_reader)
    profiler.disable()
    profiled = time.perf_counter() - started
    stats = pstats.Stats(profiler)
    phases = [
        (label, seconds)
        for label, ending, function in PHASES
        if (seconds := _cumulative(stats, ending, function)) is not None
    ]
    return Profiled(
        plain,
        profiled,
        result.files_checked,
        len(result.diagnostics),
        phases,
        _rule_times(stats),
        _stats_text(stats, "cumulative", top),
        _stats_text(stats, "tottime", top),
    )


def markdown(report: Profiled, top: int) -> str:
    overhead = report.seconds_profiled / report.seconds_plain
    lines = [
        f"In-process `govdata.validation.engine.validate` on {report.files:,} files ({report.diagnostics} findings): "
        f"{report.seconds_plain:.1f} s as the CLI runs it, {report.seconds_profiled:.1f} s under cProfile in one "
        f"process ({overhead:.1f}×; shares below are of the profiled run).",
        "",
        "| phase | cumulative s (profiled) | share |",
        "|---|---|---|",
    ]
    lines += [f"| {label} | {s:.2f} | {s / report.seconds_profiled:.0%} |" for label, s in report.phases]
    shown = [(name, s) for name, s in report.rules if s >= 0.005 * report.seconds_profiled]
    lines += [f"|   rule {name} | {s:.2f} | {s / report.seconds_profiled:.0%} |" for name, s in shown]
    rest = report.rules[len(shown) :]
    if rest:
        seconds = sum(s for _, s in rest)
        lines.append(f"|   {len(rest)} other rules | {seconds:.2f} | {seconds / report.seconds_profiled:.0%} |")
    lines += [
        "",
        f"Top {top} by cumulative time:",
        "",
        "```",
        report.cumulative,
        "```",
        "",
        f"Top {top} by own time (tottime):",
        "",
        "```",
        report.own,
        "```",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("instance", type=Path, help="folder with govdata.yaml")
    parser.add_argument("--top", type=int, default=25, help="functions to list (default 25)")
    args = parser.parse_args(argv)
    print(markdown(profile(args.instance.resolve(), args.top), args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
