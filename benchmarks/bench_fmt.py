"""Cold ``govdata fmt --check`` on an instance: every file checked (``--no-cache``), wall and peak RSS.

    python benchmarks/bench_fmt.py INSTANCE [--runs 2] [--before DIR]

INSTANCE is a generated instance (``generate_instance.py``, or the working tree that
``bench_log.py`` builds). With ``--before DIR`` (an older ``govdata/`` package tree, e.g.
``git archive main govdata | tar -x -C DIR``) that code runs too, interleaved with the current
one, and both medians are printed. The exit codes must agree: same verdict.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from measure import code_versions, median, run, use_code


def once(instance: Path, pythonpath: str | None) -> tuple[float, float, int]:
    use_code(pythonpath)
    argv = [sys.executable, "-m", "govdata", "fmt", "--check", "--no-cache"]
    measured = run(argv, instance, Path("/tmp/bench-fmt.out"), Path("/tmp/bench-fmt.err"))
    return measured.wall, measured.peak_mib, measured.exit_code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("instance", type=Path)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--before", type=Path, help="folder holding an older govdata/ package")
    options = parser.parse_args()
    variants = code_versions(options.before)
    files = len(list(options.instance.rglob("*.yaml")))
    print(f"instance {options.instance} ({files} YAML files), load average {os.getloadavg()[0]:.1f}")
    results: dict[str, list[tuple[float, float, int]]] = {name: [] for name in variants}
    for _ in range(options.runs):
        for name, pythonpath in variants.items():
            results[name].append(once(options.instance, pythonpath))
    for name, runs in results.items():
        codes = sorted({code for _, _, code in runs})
        wall = median([w for w, _, _ in runs])
        peak = max(p for _, p, _ in runs)
        print(f"{name:7} fmt --check --no-cache: {wall:.2f} s (median of {len(runs)}), {peak:.0f} MiB, exit {codes}")


if __name__ == "__main__":
    main()
