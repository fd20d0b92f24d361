"""Issue 12's province benchmark: every row of its table in one run, against check-jsonschema.

    .venv/bin/python benchmarks/bench_province.py DIR [--rounds 3] [--rounds-large 1] [--cj-sample N]
        [--only ROW,ROW] [--scale full|small] [--govdata CMD] [--before OLD] [--report FILE]
        [--floor-sample N]

Builds into DIR (once; reused when there with the same sizes and seed, see ``province_data``)
a 10k instance (50 departments × 200 resources of ≈ 10 KB) as a git repository, a spoiled copy
(``--invalid-rate 0.1``), a 100k instance (100 × 1,000) with a branch ``pr`` changing 100
resource files, a 10k import commit followed by 200 commits for ``log``, and an empty instance
(``govdata init``). Then runs the rows of ``province_rows.ROWS``, each command as its own
process, interleaved: in every round each row once (per govdata variant), the 100k rows only in
the first ``--rounds-large`` rounds. Medians of wall and CPU (user + sys, workers included),
peak RSS (the largest process, from wait4, and the summed process tree, sampled), and the
1-minute load average as each run starts. Beside each row, its floor (``province_floors``): what
the command cannot go below, its parts timed after every round's rows. ``--before OLD`` (an older ``govdata/`` package tree,
``git archive REV govdata | tar -x -C OLD``) is put first on PYTHONPATH and run interleaved with
the current code. Prints a Markdown report (``--report FILE`` also writes it, and the raw
measurements and the floors to FILE.json: ``{"runs": {"ROW/VARIANT": [...]}, "floors": {"ROW":
{...}}}``); exits 1 when a command gave an exit code other than its row's.
The 100k data set is ≈ 1.2 GB on disk: delete DIR afterwards. Never commit DIR.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shlex
import sys
from dataclasses import asdict
from pathlib import Path

import province_data as data
from generate_instance import Generated
from measure import Measurement, argv_chunks, interpreter, run, use_code
from province_floors import FloorTimer
from province_report import Outcome, report
from province_rows import KEYS, ROWS, Row, Variant, command, drop_cache, has_cache
from run_validate import CHECK_JSONSCHEMA, error_path

HERE = Path(__file__).resolve().parent


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("directory", type=Path, help="where the data sets are built and reused")
    parser.add_argument("--scale", choices=sorted(data.SCALES), default="full", help="small: a smoke test")
    parser.add_argument("--rounds", type=int, default=3, help="rounds of every row (default 3)")
    parser.add_argument("--rounds-large", type=int, default=1, help="rounds of the 100k rows (default 1)")
    parser.add_argument(
        "--cj-sample",
        type=int,
        help="time check-jsonschema on N of the files (and on 1) and scale per file; default: all files",
    )
    parser.add_argument("--only", help=f"comma-separated rows: {', '.join(KEYS)}")
    parser.add_argument("--govdata", help="the govdata command to time (default: this venv's govdata)")
    parser.add_argument("--before", type=Path, help="an older govdata/ package tree, run interleaved")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--report", type=Path, help="also write the Markdown report here (and FILE.json)")
    parser.add_argument(
        "--floor-sample", type=int, default=500, help="resource files the per-file floors are timed on (default 500)"
    )
    args = parser.parse_args(argv)
    unknown = set((args.only or "").split(",")) - set(KEYS) - {""}
    if unknown:
        parser.error(f"unknown rows {', '.join(sorted(unknown))}; rows are {', '.join(KEYS)}")
    if args.cj_sample is not None and args.cj_sample < 2:
        parser.error("--cj-sample must be at least 2 (the per-file cost is fitted between 1 and N files)")
    if args.rounds < 1 or args.rounds_large < 0:
        parser.error("--rounds must be at least 1, --rounds-large at least 0")
    if args.floor_sample < 1:
        parser.error("--floor-sample must be at least 1")
    return args


def _govdata_command(option: str | None) -> list[str]:
    if option:
        return shlex.split(option)
    beside = Path(sys.executable).parent / "govdata"
    return [str(beside)] if beside.exists() else [sys.executable, "-m", "govdata"]


def _compiled(trees: list[Path]) -> None:
    """Write the bytecode of the govdata trees timed: an installed package has it, and with
    ``PYTHONDONTWRITEBYTECODE`` set (as on the CI machines) a checkout never gets it, so every
    run would compile ≈ 300 modules from source (≈ 0.1 s of each short row)."""
    for tree in trees:
        compileall.compile_dir(tree, quiet=1)


def _variants(args: argparse.Namespace) -> list[Variant]:
    govdata = _govdata_command(args.govdata)
    _compiled([Path(__file__).resolve().parents[1] / "govdata", *([args.before / "govdata"] if args.before else [])])
    paths = ([("before", str(args.before.resolve()))] if args.before else []) + [("now", None)]
    return [Variant(name, govdata, path, has_cache(govdata, path)) for name, path in paths]


def _data_sets(rows: list[Row], args: argparse.Namespace, govdata: list[str]) -> dict[str, data.DataSet]:
    scale, folder, seed = data.SCALES[args.scale], args.directory.resolve(), args.seed
    folder.mkdir(parents=True, exist_ok=True)
    builders = {
        "ten": lambda: data.instance(folder, scale.ten, seed, govdata),
        "spoiled": lambda: data.spoiled(folder, scale.ten, seed, scale.invalid_rate),
        "hundred": lambda: data.pull_request(folder, scale.hundred, seed, scale.pr_files, govdata),
        "log": lambda: data.history(folder, scale.ten, seed, scale.commits),
        "empty": lambda: data.empty(folder, govdata),
    }
    needed = {row.data for row in rows} | ({"ten"} if any(r.key == "located" for r in rows) else set())
    print(f"data sets in {folder} …", file=sys.stderr, flush=True)
    return {name: build() for name, build in builders.items() if name in needed}


class Bench:
    """The rounds: every selected row, per variant, interleaved; outcomes by row key and variant."""

    def __init__(self, args: argparse.Namespace, rows: list[Row], sets: dict[str, data.DataSet]) -> None:
        self.args, self.rows, self.sets = args, rows, sets
        self.variants = _variants(args)
        self.out = args.directory.resolve() / "out"
        self.out.mkdir(exist_ok=True)
        self.outcomes: dict[tuple[str, str], Outcome] = {}
        python = interpreter(self.variants[-1].govdata)  # the floors are the current code's
        self.floors = FloorTimer(sets, data.SCALES[args.scale], python, self.out, args.floor_sample)

    def outcome(self, row: Row, variant: str) -> Outcome:
        return self.outcomes.setdefault((row.key, variant), Outcome(row))

    def rounds(self) -> None:
        for round_ in range(1, self.args.rounds + 1):
            ran: set[str] = set()
            for row in self.rows:
                if (row.large and round_ > self.args.rounds_large) or (row.once and round_ > 1):
                    continue
                ran.add(row.key)
                if row.key == "check-jsonschema":
                    self._check_jsonschema(row)
                    continue
                for variant in self.variants:
                    print(f"round {round_}: {row.key} ({variant.name}) …", file=sys.stderr, flush=True)
                    self._timed(row, variant, round_)
            print(f"round {round_}: floors …", file=sys.stderr, flush=True)
            use_code(None)
            self.floors.measure(ran)

    def _timed(self, row: Row, variant: Variant, round_: int) -> None:
        found = self.outcome(row, variant.name)
        if row.key == "pr-recheck" and not variant.has_cache:
            found.note = "no cache in this build (`validate --no-cache` absent): a re-check is a full run"
            return
        root = self.sets[row.data].root
        stdout, stderr = self.out / f"{row.key}.{variant.name}.out", self.out / f"{row.key}.{variant.name}.err"
        for _ in range(data.SCALES[self.args.scale].short_repeat if row.short else 1):
            if row.cold:
                drop_cache(root)
            if row.prepare:
                row.prepare(root, variant, round_)
            use_code(variant.pythonpath)
            found.add(run(command(row, variant), root, stdout, stderr, tree=True), stderr)
            if row.cleanup:
                row.cleanup(root)

    def _check_jsonschema(self, row: Row) -> None:
        """All files (in as few command lines as ARG_MAX allows), or N files and 1, scaled per file."""
        print("check-jsonschema …", file=sys.stderr, flush=True)
        use_code(None)
        tool = [str(Path(sys.executable).parent / CHECK_JSONSCHEMA[0]), *CHECK_JSONSCHEMA[1:]]
        ten = self.sets["ten"]
        files = sorted(ten.facts["resources"])
        found = self.outcome(row, "now")
        stdout, stderr = self.out / "cj.out", self.out / "cj.err"
        sample = self.args.cj_sample
        if sample is None or sample >= len(files):
            parts = [run(chunk, ten.root, stdout, stderr) for chunk in argv_chunks(tool, files)]
            found.add(Measurement.combine(parts), stderr)
            return
        picked = files[:: len(files) // sample][:sample]  # spread over every department
        one, many = (run([*tool, *picked[:k]], ten.root, stdout, stderr) for k in (1, sample))
        per_file = len(files) - 1
        scale = per_file / (sample - 1)
        # On a busy machine N small files can finish faster than 1: never a negative per-file cost.
        found.add(
            Measurement(
                one.wall + max(0.0, many.wall - one.wall) * scale,
                one.cpu + max(0.0, many.cpu - one.cpu) * scale,
                max(one.peak_mib, many.peak_mib),
                max(one.exit_code, many.exit_code),
                one.load,
            ),
            stderr,
        )
        found.note = (
            f"**scaled**: timed on {sample} of {len(files):,} files and on 1 file; "
            f"wall = t(1) + (t({sample}) − t(1)) × {per_file:,}/{sample - 1}"
        )

    def located(self) -> None:
        """The spoiled copy's findings: each with a line, every spoiled file reported."""
        row = next((r for r in self.rows if r.key == "located"), None)
        if row is None:
            return
        valid_json = self.out / "validate-10k.now.out"
        if not valid_json.exists():
            use_code(None)
            validate_10k = next(r for r in ROWS if r.key == "validate-10k")
            run(command(validate_10k, self.variants[-1]), self.sets["ten"].root, valid_json, self.out / "scratch.err")
        facts = self.sets["spoiled"].facts
        spoiled = Generated(self.sets["spoiled"].root, facts["files"], facts["resources"], facts["invalid"])
        for variant in self.variants:
            lines, located = error_path(valid_json, self.out / f"located.{variant.name}.out", spoiled)
            self.outcome(row, variant.name).located = (located, lines)

    def log_shown(self) -> None:
        for variant in self.variants:
            path = self.out / f"log.{variant.name}.out"
            if path.exists() and ("log", variant.name) in self.outcomes:
                shown = path.read_text(encoding="utf-8").count('"sha":')
                self.outcomes["log", variant.name].note = f"{shown} commits shown"


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    chosen = set(args.only.split(",")) if args.only else set(KEYS)
    rows = [row for row in ROWS if row.key in chosen]
    sets = _data_sets(rows, args, _govdata_command(args.govdata))  # only those the chosen rows need
    bench = Bench(args, rows, sets)
    started = os.getloadavg()[0]
    bench.rounds()
    bench.located()
    bench.log_shown()
    loads = (started, os.getloadavg()[0])
    floors = bench.floors.result()
    text = report(args, [sys.executable, *sys.argv], bench.variants, rows, bench.outcomes, sets, loads, floors)
    print(text)
    if args.report:
        args.report.write_text(text, encoding="utf-8")
        runs = {f"{key}/{variant}": [asdict(m) for m in o.runs] for (key, variant), o in bench.outcomes.items()}
        raw = {"runs": runs, "floors": {key: asdict(floor) for key, floor in floors.rows.items()}}
        args.report.with_suffix(args.report.suffix + ".json").write_text(json.dumps(raw, indent=1), encoding="utf-8")
    failed = [o for o in bench.outcomes.values() if o.failures]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
