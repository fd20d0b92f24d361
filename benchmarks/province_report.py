"""The province benchmark's Markdown report: the issue's table with results, then the details.

``ratio`` is how far a result is from its target: result ÷ target for times and memory,
target ÷ result for a speed-up, so ≤ 1.00 means met (✓).
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from measure import Measurement, fingerprint, interpreter, median, revision, spread
from province_data import SCALES, DataSet
from province_floors import Floors
from province_rows import Row, Variant

HERE = Path(__file__).resolve().parent
SPEED_UP_TARGET = 50.0  # govdata at least 50× faster than check-jsonschema on the same files


@dataclass
class Outcome:
    """The runs of one row with one govdata variant."""

    row: Row
    runs: list[Measurement] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    note: str = ""
    located: tuple[bool, list[str]] | None = None

    def add(self, measured: Measurement, stderr: Path) -> None:
        self.runs.append(measured)
        if measured.exit_code not in self.row.expected:
            tail = stderr.read_text(encoding="utf-8", errors="replace")[-800:].strip()
            expected = "/".join(str(c) for c in sorted(self.row.expected))
            self.failures.append(f"exit {measured.exit_code} (expected {expected}): {tail}")

    @property
    def wall(self) -> float:
        return median([m.wall for m in self.runs])

    @property
    def peak(self) -> float:
        """The sampled sum over the process tree where sampled, else the largest process.

        Not the larger of the two: on Linux a child's ``ru_maxrss`` starts from the RSS of the
        process that forked it (``exec`` keeps the old mm's high-water mark), so ``wait4`` shows
        at least this benchmark's own peak, whatever the command used.
        """
        return max(m.tree_mib or m.peak_mib for m in self.runs)


def _seconds(value: float) -> str:
    return f"{value:.2f} s" if value < 10 else f"{value:.1f} s"


def _verdict(ratio: float) -> str:
    return f"{ratio:.2f} {'✓' if ratio <= 1.0 else '✗'}"


def _result(found: Outcome | None, speed_up: float | None) -> tuple[str, str]:
    """(result, ratio) cells for one outcome."""
    if found is None:
        return "not run", "—"
    if found.failures:
        return f"**failed**: {found.failures[0].split(':')[0]}", "—"
    if found.located is not None:
        ok, _ = found.located
        return ("all located, every spoiled file reported" if ok else "**not all located** (see below)"), (
            "✓" if ok else "✗"
        )
    if not found.runs:
        return found.note or "not run", "—"
    row = found.row
    if row.key == "check-jsonschema":
        text = f"{_seconds(found.wall)}{' (scaled)' if 'scaled' in found.note else ''}"
        if speed_up is None:
            return text, "—"
        return f"{text}; govdata {speed_up:.1f}× faster", _verdict(SPEED_UP_TARGET / speed_up)
    text = _seconds(found.wall)
    ratios = [found.wall / row.limit] if row.limit else []
    if row.memory:
        text += f", {found.peak:,.0f} MiB peak"
        ratios.append(found.peak / row.memory)
    return text, (" · ".join(_verdict(r) for r in ratios) or "—")


def _code_facts(variants: Sequence[Variant]) -> list[str]:
    now = variants[-1]
    python = interpreter(now.govdata)
    lines = []
    for variant in variants:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        if variant.pythonpath:
            env["PYTHONPATH"] = variant.pythonpath
        where = subprocess.run(
            [python, "-c", "import govdata, os; print(os.path.dirname(govdata.__file__))"],
            capture_output=True,
            text=True,
            env=env,
            cwd="/",  # not a folder holding a govdata/ of its own, which -c would put first
        ).stdout.strip()
        version = subprocess.run([*variant.govdata, "--version"], capture_output=True, text=True, env=env)
        package = Path(where) if where else None
        code = f"{revision(package)}, source fingerprint {fingerprint(package)}" if package else "not found"
        cache = "has `validate --no-cache`" if variant.has_cache else "no validation cache"
        lines.append(
            f"- {variant.name}: `{shlex.join(variant.govdata)}`"
            + (f" with PYTHONPATH={variant.pythonpath}" if variant.pythonpath else "")
            + f"; {version.stdout.strip() or '?'}; package {package}; commit {code}; {cache}."
        )
    machine = subprocess.run([python, str(HERE / "measure.py")], capture_output=True, text=True).stdout.strip()
    return [f"Machine: {machine}", "", "govdata under test:", "", *lines]


def _data_facts(sets: dict[str, DataSet]) -> list[str]:
    lines = []
    for name, found in sets.items():
        facts = {k: v for k, v in found.facts.items() if k not in ("resources", "invalid", "root")}
        if found.facts.get("invalid"):
            facts["spoiled_files"] = len(found.facts["invalid"])
        if "bytes" in facts:
            facts["bytes"] = f"{int(facts['bytes']) / 1e6:,.0f} MB of YAML"
        if "seconds" in facts:
            facts["seconds"] = f"{float(facts['seconds']):.0f} s to generate"
        shown = ", ".join(
            str(v) if k in ("bytes", "seconds") else f"{k} {v:,}" if isinstance(v, int) else f"{k} {v}"
            for k, v in facts.items()
        )
        lines.append(f"- {name}: `{found.root}`: {shown}")
    return lines


def _details(rows: Sequence[Row], variants: Sequence[Variant], outcomes: dict[tuple[str, str], Outcome]) -> list[str]:
    lines = [
        "| row | code | runs | wall s median (min–max) | CPU s | peak MiB: wait4 (≥ the benchmark's own) / tree | load at starts | exits |",
        "|---|---|---:|---|---:|---|---|---|",
    ]
    for row in rows:
        for variant in variants:
            found = outcomes.get((row.key, variant.name))
            if found is None or not found.runs:
                continue
            runs = found.runs
            walls = [m.wall for m in runs]
            tree = f"{max(m.tree_mib for m in runs):,.0f}" if any(m.tree_mib for m in runs) else ""  # "": not sampled
            lines.append(
                f"| {row.key} | {variant.name} | {len(runs)} | {median(walls):.2f} ({spread(walls)}) | "
                f"{median([m.cpu for m in runs]):.1f} | {max(m.peak_mib for m in runs):,.0f} / "
                f"{tree or '—'} | {' '.join(f'{m.load:.1f}' for m in runs)} | "
                f"{' '.join(str(c) for c in sorted({m.exit_code for m in runs}))} |"
            )
    return lines


def _notes(rows: Sequence[Row], variants: Sequence[Variant], outcomes: dict[tuple[str, str], Outcome]) -> list[str]:
    lines = []
    for row in rows:
        for variant in variants:
            found = outcomes.get((row.key, variant.name))
            if found is None:
                continue
            label = f"{row.key} ({variant.name})"
            if found.note:
                lines.append(f"- {label}: {found.note}.")
            if found.located:
                lines += [f"- {label}:", *(f"  {line}" for line in found.located[1])]
            lines += [f"- {label}: **{failure}**" for failure in found.failures]
    return lines


def _speed_up_ceiling(outcomes: dict[tuple[str, str], Outcome], floors: Floors) -> float | None:
    """The most govdata could be faster than check-jsonschema in this run: its time over the
    cold 10k row's floor (a speed-up's floor is a ceiling)."""
    cj, floor = outcomes.get(("check-jsonschema", "now")), floors.rows.get("validate-10k")
    return cj.wall / floor.seconds if cj and cj.runs and floor else None


def _floor_notes(rows: Sequence[Row], floors: Floors, outcomes: dict[tuple[str, str], Outcome]) -> list[str]:
    lines = [f"- {line}." for line in floors.how]
    for row in rows:
        if (floor := floors.rows.get(row.key)) is not None:
            lines.append(f"- {row.key} floor {_seconds(floor.seconds)}: {floor.why}.")
        elif row.key == "check-jsonschema" and (ceiling := _speed_up_ceiling(outcomes, floors)):
            lines.append(
                f"- check-jsonschema ceiling {ceiling:.1f}×: its {_seconds(outcomes[(row.key, 'now')].wall)} over "
                f"the floor of a cold `validate` of the same files ({_seconds(floors.rows['validate-10k'].seconds)}"
                ", the validate-10k row): the most govdata could be faster in this run."
            )
    return lines


def report(
    args: argparse.Namespace,
    argv: list[str],
    variants: Sequence[Variant],
    rows: Sequence[Row],
    outcomes: dict[tuple[str, str], Outcome],
    sets: dict[str, DataSet],
    loads: tuple[float, float],
    floors: Floors,
) -> str:
    scale = SCALES[args.scale]
    sizes = {
        "ten": f"{scale.files(scale.ten):,}",
        "hundred": f"{scale.files(scale.hundred):,}",
        "pr": scale.pr_files,
        "commits": scale.commits,
        "rate": scale.invalid_rate,
    }
    before = len(variants) > 1
    head = "| measure | target | " + ("before | " if before else "") + "result | ratio | floor |"
    table = [head, "|---|---|" + ("---|" if before else "") + "---|---|---:|"]
    govdata_10k = outcomes.get(("validate-10k", "now"))
    for row in rows:
        cells = []
        for variant in variants:
            speed_up = None
            cj = outcomes.get(("check-jsonschema", "now"))
            if row.key == "check-jsonschema" and cj and cj.runs and govdata_10k and govdata_10k.runs:
                speed_up = cj.wall / govdata_10k.wall
            if row.key == "check-jsonschema" and variant.name != "now":
                cells.append(("(one run for both)", "—"))
                continue
            cells.append(_result(outcomes.get((row.key, variant.name)), speed_up))
        shown = [cells[0][0], *cells[-1]] if before else list(cells[-1])
        floor = floors.rows.get(row.key)
        if row.key == "check-jsonschema":
            ceiling = _speed_up_ceiling(outcomes, floors)
            shown.append(f"≤ {ceiling:.1f}×" if ceiling else "—")
        else:
            shown.append(_seconds(floor.seconds) if floor else "—")
        table.append(f"| {row.measure.format(**sizes)} | {row.target} | " + " | ".join(shown) + " |")
    return "\n".join(
        [
            f"Command: `{shlex.join(argv)}`",
            "",
            *_code_facts(variants),
            "",
            f"1-minute load average: {loads[0]:.2f} at the start, {loads[1]:.2f} at the end (2 cores: above "
            "about 1, something besides the benchmark competed for them); each run's is in the details.",
            "",
            f"Rounds: {args.rounds} (100k rows: {args.rounds_large}); scale {args.scale}.",
            "",
            *table,
            "",
            "result: median wall time (peak RSS where the target names memory: the sampled sum over the "
            "process tree; a child's own ru_maxrss starts from the benchmark's, see `Result.peak`). "
            "ratio: result ÷ target (target ÷ result for "
            "the speed-up); ≤ 1.00 meets the target. Cold: `.govdata-cache/` deleted first (and "
            "`--no-cache` given to `validate` when the build has it); the files are in the OS page cache. "
            "floor: what the current code's command cannot go below, from parts timed in this run "
            "(`benchmarks/province_floors.py`; why, per row, in the notes); — where none is measured.",
            "",
            "Details (CPU: user + system of the process and the workers it waited for):",
            "",
            *_details(rows, variants, outcomes),
            "",
            "Data sets:",
            "",
            *_data_facts(sets),
            "",
            "Notes:",
            "",
            *(_notes(rows, variants, outcomes) + _floor_notes(rows, floors, outcomes) or ["- none"]),
        ]
    )
