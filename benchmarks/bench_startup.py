"""Start-up of ``govdata --version``, ``--help``, ``rules`` and ``validate`` on an empty instance.

    python benchmarks/bench_startup.py [--runs 20] [--before DIR] [--floor]

Runs ``python -m govdata ARGS`` ``--runs`` times per command, hyperfine-style, in the empty
instance ``govdata init`` makes. With ``--before DIR`` (a copy of an older ``govdata/`` package
tree, e.g. ``git archive main govdata | tar -x -C DIR``) it runs that code too, and with
``--floor`` it times what no change to govdata's own start-up removes: Python itself, ``import
typer``, typer's help renderer (``--help``), rich's table (``rules``) and the validation machinery
(``validate``), each as ``python -c "import …"``. Everything runs interleaved in the same rounds,
so a busy machine slows all alike; medians are printed.

Compile the bytecode of both trees first (``python -m compileall -q govdata DIR``): an installed
package has it, and with ``PYTHONDONTWRITEBYTECODE`` set a checkout never gets it, so every run
would compile each imported module from source.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from floors import FLOORS
from measure import code_versions, median, run, use_code

COMMANDS = (["--version"], ["--help"], ["rules"], ["validate"])
INIT = ["--region", "某市", "--division-code", "410100", "--authority-name", "某市大数据管理局"]
INIT += ["--authority-code", "11410100MB00000005"]


def once(argv: list[str], folder: Path, pythonpath: str | None) -> float:
    use_code(pythonpath)
    measured = run([sys.executable, *argv], folder, folder / "out", folder / "err")
    if measured.exit_code != 0:
        raise SystemExit(f"{' '.join(argv)} exited {measured.exit_code}: {(folder / 'err').read_text()[-500:]}")
    return measured.wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--before", type=Path, help="folder holding an older govdata/ package")
    parser.add_argument("--floor", action="store_true", help="also time the imports no start-up change removes")
    options = parser.parse_args()
    variants = code_versions(options.before)
    # label → (argv after the interpreter, PYTHONPATH)
    timed: dict[str, tuple[list[str], str | None]] = {
        f"govdata {' '.join(argv)} ({name})": (["-m", "govdata", *argv], pythonpath)
        for argv in COMMANDS
        for name, pythonpath in variants.items()
    }
    if options.floor:
        timed |= {f"{label}: python -c {code!r}": (["-c", code], None) for label, code in FLOORS}
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "empty"
        use_code(None)
        subprocess.run([sys.executable, "-m", "govdata", "init", str(folder), *INIT], check=True, capture_output=True)
        for argv, pythonpath in timed.values():
            once(argv, folder, pythonpath)  # warm the page cache (and a validation cache) for each
        walls: dict[str, list[float]] = {label: [] for label in timed}
        for _ in range(options.runs):
            for label, (argv, pythonpath) in timed.items():
                walls[label].append(once(argv, folder, pythonpath))
    for label, values in walls.items():
        print(f"{median(values) * 1000:5.0f} ms  {label}")
    print(f"median of {options.runs} runs each; load average at start: {load:.1f}")


if __name__ == "__main__":
    main()
