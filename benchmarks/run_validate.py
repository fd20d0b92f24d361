"""The validation benchmark: govdata validate against check-jsonschema on a generated instance.

    .venv/bin/python benchmarks/run_validate.py [--departments 50 --resources 200] [--repeat 3] [--keep DIR]

Generates a valid instance (10,000 resources by default) and the same instance with a fraction
of the files spoiled (``--invalid-rate``), then runs, interleaved in each round:
A ``govdata validate --format json --no-progress`` on the valid instance,
B ``check-jsonschema --schemafile schemas/resource.schema.json`` on the same resource files,
C ``govdata validate`` on the spoiled instance (the error path),
each as a whole process (wall, CPU, its own peak RSS), and reports medians. It then checks that
every finding of C has a line and every spoiled file has a finding, profiles one in-process run
(see ``profile_validate.py``) and prints everything as Markdown. Generated data goes to a
temporary folder (or ``--keep DIR``), never into the repository.
"""

from __future__ import annotations

import argparse
import json
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import asdict
from pathlib import Path

from generate_instance import Generated, add_instance_options, check_instance_options, generate
from measure import Measurement, argv_chunks, fingerprint, machine, median, revision, run, spread
from profile_validate import markdown as profile_markdown
from profile_validate import profile
from stage_times import markdown as stages_markdown
from stage_times import stage_times

REPO = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 20.0
TARGET_RESOURCES = 10_000
# check-jsonschema as its users run it (default, unicode regular expressions); since issue 12 the
# schemas pass it (tests/schema/test_check_jsonschema.py).
CHECK_JSONSCHEMA = ["check-jsonschema", "--schemafile", "schemas/resource.schema.json"]


def _tool(name: str) -> str:
    beside = Path(sys.executable).parent / name  # the venv's own copy first
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        sys.exit(f"{name} not found: run with the project's venv (.venv/bin/python)")
    return found


def _checked(name: str, measured: Measurement, expected: int, stderr: Path) -> Measurement:
    if measured.exit_code != expected:
        tail = stderr.read_text(encoding="utf-8", errors="replace")[-2000:]
        sys.exit(f"{name} exited {measured.exit_code}, expected {expected}:\n{tail}")
    return measured


def _rounds(args: argparse.Namespace, work: Path, valid: Generated, invalid: Generated) -> dict[str, list[Measurement]]:
    govdata = [_tool("govdata"), "validate", "--format", "json", "--no-progress"]
    chunks = argv_chunks([_tool(CHECK_JSONSCHEMA[0]), *CHECK_JSONSCHEMA[1:]], valid.resources)
    results: dict[str, list[Measurement]] = {
        "govdata": [],
        "check-jsonschema": [],
        "govdata-invalid": [],
    }
    for round_ in range(1, args.repeat + 1):
        print(f"round {round_}/{args.repeat}: govdata …", file=sys.stderr, flush=True)
        err = work / "stderr.txt"
        results["govdata"].append(
            _checked("govdata validate", run(govdata, valid.root, work / "valid.json", err), 0, err)
        )
        print(
            f"round {round_}/{args.repeat}: check-jsonschema ({len(chunks)} command line(s)) …",
            file=sys.stderr,
            flush=True,
        )
        parts = [
            _checked("check-jsonschema", run(chunk, valid.root, work / "cjs.txt", err), 0, err) for chunk in chunks
        ]
        results["check-jsonschema"].append(Measurement.combine(parts))
        print(f"round {round_}/{args.repeat}: govdata, error path …", file=sys.stderr, flush=True)
        measured = run(govdata, invalid.root, work / "invalid.json", err)
        results["govdata-invalid"].append(_checked("govdata validate (invalid)", measured, 1, err))
    return results


def _by_rule(counts: Counter[str]) -> str:
    return ", ".join(f"{rule} {n:,}" for rule, n in sorted(counts.items()))


def _error_path(work: Path, invalid: Generated) -> tuple[list[str], bool]:
    return error_path(work / "valid.json", work / "invalid.json", invalid)


def error_path(valid_json: Path, invalid_json: Path, invalid: Generated) -> tuple[list[str], bool]:
    """Facts about the findings (two ``validate --format json`` outputs: the valid and the spoiled
    instance), and whether all are located to a line with every spoiled file reported."""
    clean = json.loads(valid_json.read_text(encoding="utf-8"))["diagnostics"]
    found = json.loads(invalid_json.read_text(encoding="utf-8"))["diagnostics"]
    without_line = [d for d in found if not isinstance(d.get("line"), int)]
    reported = {d["path"] for d in found}
    missed = sorted(set(invalid.invalid) - reported)
    kinds = Counter(invalid.invalid.values())
    rules = Counter(d["rule"] for d in found)
    # e.g. GD011 also reports the untouched file whose code a spoiled file now repeats
    follow_on = Counter(d["rule"] for d in found if d["path"] not in invalid.invalid)
    lines = [
        f"- Valid instance: {len(clean)} findings" + (" (expected none!)" if clean else " (clean, as generated)."),
        f"- Spoiled instance: {len(invalid.invalid):,} of {len(invalid.resources):,} resource files spoiled "
        f"({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))}).",
        f"- Findings: {len(found):,} in {len(reported):,} files, by rule: " + _by_rule(rules) + ".",
        f"- **Findings without a line number: {len(without_line)}** of {len(found):,}.",
        f"- Spoiled files without a finding: {len(missed)}" + (f" (e.g. {', '.join(missed[:5])})." if missed else "."),
        f"- Files reported that were not spoiled: {len(reported - set(invalid.invalid)):,}"
        + (f" (follow-on findings about a spoiled file, by rule: {_by_rule(follow_on)})." if follow_on else "."),
    ]
    return lines, not without_line and not missed


def _row(label: str, values: list[Measurement], files: int) -> str:
    wall = [m.wall for m in values]
    return (
        f"| {label} | {median(wall):.1f} ({spread(wall)}) | {files / median(wall):,.0f} | "
        f"{median([m.cpu for m in values]):.1f} | {median([m.peak_mib for m in values]):,.0f} | "
        f"{' '.join(f'{m.load:.1f}' for m in values)} |"
    )


def report(
    args: argparse.Namespace,
    valid: Generated,
    invalid: Generated,
    results: dict[str, list[Measurement]],
    error_path: tuple[list[str], bool],
    profiled: str | None,
    revision: str,
) -> str:
    govdata, cjs, bad = results["govdata"], results["check-jsonschema"], results["govdata-invalid"]
    ratios = [g.wall / c.wall for g, c in zip(govdata, cjs, strict=True)]
    files, resources = valid.files, len(valid.resources)
    wall = median([m.wall for m in govdata])
    facts, located = error_path
    lines = [
        f"Machine: {machine()}",
        "",
        f"govdata revision: {revision}",
        "",
        f"Instance: {args.departments} departments × {args.resources} resources = {resources:,} resource files "
        f"+ 3 config/registry files, {valid.bytes / 1e6:.1f} MB of YAML ({valid.bytes / resources / 1024:.1f} KiB "
        f"per resource file on average), seed {args.seed}; generated in {valid.seconds:.1f} s. Error-path copy: "
        f"`--invalid-rate {args.invalid_rate}`.",
        "",
        "Command:",
        "",
        "```",
        shlex.join([sys.executable, *sys.argv]),
        "```",
        "",
        "Measured commands (each run in the instance folder; A, B, C interleaved in each of "
        f"{args.repeat} rounds; median with min–max):",
        "",
        "```",
        "A: govdata validate --format json --no-progress                      # valid instance",
        "B: check-jsonschema --schemafile schemas/resource.schema.json catalogs/*/*.yaml",
        "C: govdata validate --format json --no-progress                      # spoiled instance",
        "```",
        "",
        "| run | wall s | files/s | CPU s | peak MiB | load at start |",
        "|---|---|---|---|---|---|",
        _row(f"A govdata validate, valid ({files:,} files)", govdata, files),
        _row(f"B check-jsonschema, same {resources:,} resource files", cjs, resources),
        _row(f"C govdata validate, {len(invalid.invalid):,} files spoiled", bad, invalid.files),
        "",
        "CPU s includes the worker processes a run waited for; peak MiB is the largest single process; "
        "load at start is the machine's 1-minute load average as each run began (2 cores: above about 1, "
        "something else competed for them).",
        "",
        f"Ratio of wall times govdata : check-jsonschema = 1 : {1 / median(ratios):.1f} "
        f"(median of the {len(ratios)} paired rounds: {', '.join(f'{r:.3f}' for r in ratios)}).",
        "",
        "Error path:",
        "",
        *facts,
        "",
    ]
    if resources == TARGET_RESOURCES:
        met = wall < TARGET_SECONDS and located
        lines.append(
            f"Target ({TARGET_RESOURCES:,} resources in under {TARGET_SECONDS:.0f} s wall, every finding with "
            f"its line): **{'met' if met else 'not met'}**: {wall:.1f} s median wall; findings "
            f"{'all' if located else 'not all'} located."
        )
    if profiled:
        lines += ["", "Profile:", "", profiled]
    return "\n".join(lines) + "\n"


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_instance_options(parser, invalid_rate=0.1)
    parser.add_argument("--repeat", type=int, default=3, help="rounds of A/B/C (default 3)")
    parser.add_argument("--keep", type=Path, help="generate into this folder (empty or absent) and keep it")
    parser.add_argument(
        "--top", type=int, default=25, help="profile rows (default 25; 0 skips the profile and the stage times)"
    )
    parser.add_argument("--report", type=Path, help="also write the Markdown report to this file")
    args = parser.parse_args(argv)
    check_instance_options(parser, args, args.keep)
    if args.repeat < 1 or args.invalid_rate <= 0:
        parser.error("--repeat must be at least 1 and --invalid-rate above 0 (the error path needs mistakes)")
    return args


def _analysis(root: Path, top: int) -> str:
    """Stage times and profile; a failure here (the engine's API moved) must not lose the timings."""
    try:
        print("timing each stage without the profiler …", file=sys.stderr, flush=True)
        stages, files = stage_times(root, repeat=2)
        print("profiling one in-process run …", file=sys.stderr, flush=True)
        return stages_markdown(stages, files, 2) + "\n\n" + profile_markdown(profile(root, top), top)
    except Exception as error:  # noqa: BLE001 - reported in the output instead
        return f"(stage times and profile failed: {type(error).__name__}: {error})"


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    work = args.keep.resolve() if args.keep else Path(tempfile.mkdtemp(prefix="govdata-bench-"))
    try:
        print(f"generating into {work} …", file=sys.stderr, flush=True)
        revision_, before = revision(REPO / "govdata"), fingerprint(REPO / "govdata")
        valid = generate(work / "valid", args.departments, args.resources, args.seed)
        invalid = generate(work / "invalid", args.departments, args.resources, args.seed, args.invalid_rate)
        subprocess.run([_tool("govdata"), "schemas"], cwd=valid.root, check=True, capture_output=True)
        results = _rounds(args, work, valid, invalid)
        facts = _error_path(work, invalid)
        (work / "measurements.json").write_text(json.dumps({k: [asdict(m) for m in v] for k, v in results.items()}))
        profiled = _analysis(valid.root, args.top) if args.top else None
        after = fingerprint(REPO / "govdata")
        revision_ += f", source fingerprint {before}" + (
            "" if after == before else f" → {after} (govdata/ changed during the run: rounds may mix versions)"
        )
        text = report(args, valid, invalid, results, facts, profiled, revision_)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print(text)
    if args.report:
        args.report.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
