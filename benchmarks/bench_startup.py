"""Start-up of ``govdata --version``, ``--help`` and ``rules``: wall time, interleaved, medians.

    python benchmarks/bench_startup.py [--runs 20] [--before DIR]

Runs ``python -m govdata ARGS`` ``--runs`` times per command, hyperfine-style, in an empty
folder. With ``--before DIR`` (a copy of an older ``govdata/`` package tree, e.g.
``git archive main govdata | tar -x -C DIR``) it runs that code too, interleaved with the
current one so that a busy machine slows both alike, and prints both medians.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from measure import code_versions, median, run, use_code

COMMANDS = (["--version"], ["--help"], ["rules"])


def once(argv: list[str], folder: Path, pythonpath: str | None) -> float:
    use_code(pythonpath)
    measured = run([sys.executable, "-m", "govdata", *argv], folder, folder / "out", folder / "err")
    if measured.exit_code != 0:
        raise SystemExit(f"govdata {' '.join(argv)} exited {measured.exit_code}: {(folder / 'err').read_text()[-500:]}")
    return measured.wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--before", type=Path, help="folder holding an older govdata/ package")
    options = parser.parse_args()
    variants = code_versions(options.before)
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for argv in COMMANDS:
            once(argv, folder, None)  # warm the page cache for both
            walls: dict[str, list[float]] = {name: [] for name in variants}
            for _ in range(options.runs):
                for name, pythonpath in variants.items():
                    walls[name].append(once(argv, folder, pythonpath))
            shown = ", ".join(f"{name} {median(values) * 1000:.0f} ms" for name, values in walls.items())
            print(f"govdata {' '.join(argv):10} median of {options.runs}: {shown}")
    print(f"load average at start: {load:.1f}")


if __name__ == "__main__":
    main()
