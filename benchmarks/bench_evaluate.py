"""Measure the yearly evaluation and the annual report on a generated instance with two years of history.

    python benchmarks/bench_evaluate.py DIR [--departments 10] [--resources 100] [--commits 50] [--runs 3]

Generates the instance (once; reused when DIR exists) and makes it a git repository: the whole
catalog committed at the start of 2024, then ``--commits`` commits through 2025 that each touch
one resource file, merged with --no-ff on a later day (so the Art. 19 indicator has landings to
count). Then times, each as its own process: ``evaluate --year 2025 --format json``, ``report
annual --no-pdf`` (HTML with the trend from year-end commits) and ``report annual`` (HTML and
PDF). Wall time is the median of ``--runs``, peak memory the largest. Never commit DIR.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from generate_instance import benchmark_instance
from measure import timed

GOVDATA = Path(sys.executable).parent / "govdata"


def _git(root: Path, *args: str, day: str | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.invalid"}
    env |= {"GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.invalid"}
    if day is not None:
        env |= {"GIT_AUTHOR_DATE": f"{day}T10:00:00+08:00", "GIT_COMMITTER_DATE": f"{day}T10:00:00+08:00"}
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, env=env)


def make_history(root: Path, commits: int) -> None:
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "initial catalog", day="2024-01-15")
    files = sorted((root / "catalogs").rglob("*.yaml"))
    for index in range(commits):
        month, day = 1 + index * 11 // max(1, commits), 1 + index % 20
        target = files[index * 7 % len(files)]
        _git(root, "switch", "-q", "-c", f"change-{index}")
        target.write_text(target.read_text(encoding="utf-8") + f"# bench change {index}\n", encoding="utf-8")
        _git(root, "commit", "-q", "-am", f"change {index}", day=f"2025-{month:02d}-{day:02d}")
        _git(root, "switch", "-q", "main")
        _git(
            root,
            "merge",
            "-q",
            "--no-ff",
            "-m",
            f"merge {index}",
            f"change-{index}",
            day=f"2025-{month:02d}-{day + 3:02d}",
        )


def _time(root: Path, argv: list[str], runs: int) -> tuple[float, float, int]:
    return timed(GOVDATA, root, argv, runs)


def main() -> int:
    def prepare(root: Path, args: argparse.Namespace) -> None:
        (root / ".gitignore").write_text(".bench.*\nreports/\n", encoding="utf-8")
        make_history(root, args.commits)

    root, args = benchmark_instance(__doc__.split("\n\n")[0], options={"commits": 50}, prepare=prepare)
    today = ["--today", "2026-02-01"]
    rows = [
        (
            "evaluate --year 2025 --format json",
            _time(root, ["evaluate", "--year", "2025", "--format", "json", *today], args.runs),
        ),
        ("report annual --no-pdf", _time(root, ["report", "annual", "--year", "2025", "--no-pdf", *today], args.runs)),
        ("report annual (HTML + PDF)", _time(root, ["report", "annual", "--year", "2025", *today], args.runs)),
    ]
    files = sum(1 for _ in (root / "catalogs").rglob("*.yaml"))
    print(
        f"instance: {root} ({files} catalog files, {args.commits} merged changes in 2025), median of {args.runs} runs"
    )
    print("| command | wall (median) | peak RSS | exit |")
    print("|---|---:|---:|---:|")
    for name, (wall, peak, code) in rows:
        print(f"| `govdata {name}` | {wall:.2f} s | {peak:.0f} MiB | {code} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
