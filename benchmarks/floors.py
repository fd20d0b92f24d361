"""Floors: the parts of a run that no change to govdata's own code removes, each timed alone.

Shared by ``bench_startup.py --floor`` (the imports each command needs), ``bench_recheck.py``
(beside the phases of a cached re-check) and the province benchmark (``province_floors``).

    python benchmarks/floors.py unmarshal FILE

prints the seconds of reading the validation cache's main FILE as a run reads it (``marshal.loads``
of its first part, the columns, ``main_file.read_main``), timed in that fresh process: a caller that
must stay small (the province benchmark, whose own peak memory every child's ``ru_maxrss``
starts from) reads a 100 MB cache there rather than in itself.
"""

from __future__ import annotations

import argparse
import gc
import subprocess
import sys
import time
from pathlib import Path

# What each start-up command needs whatever govdata does at start-up (issue 12, item 5):
# (label, code run as ``python -c CODE``).
FLOORS = (
    ("python", "pass"),
    ("import typer", "import typer"),
    ("--help floor", "import typer.rich_utils"),
    ("rules floor", "import typer, rich.console, rich.table"),
    ("validate floor", "import typer, govdata.instance, govdata.validation.engine, govdata.report.text"),
)
# What a new ``validate`` process imports before it reads a file (the engine and its command).
ENGINE_IMPORTS = "import govdata.validation.engine, govdata.cli.validate"
CACHE_FOLDER = ".govdata-cache"  # govdata.validation.cache.FOLDER, without importing govdata here


def new_interpreter(code: str, python: str = sys.executable, cwd: Path | None = None) -> float:
    """Wall seconds of a new interpreter running ``python -c CODE``, start to exit.

    ``-c`` puts ``cwd`` first on ``sys.path``: give a folder without a ``govdata/`` of its own
    to time the installed package.
    """
    started = time.perf_counter()
    subprocess.run([python, "-c", code], check=True, cwd=cwd, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def cache_file(root: Path) -> Path | None:
    """The validation cache's main file in the instance at ``root`` (not the recent results), if any."""
    found = [p for p in (root / CACHE_FOLDER).glob("validate-*.marshal") if ".recent." not in p.name]
    return max(found, key=lambda p: p.stat().st_mtime) if found else None


def unmarshal(path: Path) -> float:
    """Seconds of reading the cache's main file as a run reads it (``main_file.read_main``: its
    first part, the columns every run needs; the item facts are read when asked for), the
    collector paused as the engine pauses it."""
    from govdata.validation.main_file import read_main

    if not read_main(path).paths:  # once untimed: the file in the page cache, as after the run that wrote it
        raise ValueError(f"{path}: not a main file this govdata reads")
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        started = time.perf_counter()
        read_main(path)
        return time.perf_counter() - started
    finally:
        if was_enabled:
            gc.enable()


def unmarshal_in_child(path: Path, python: str = sys.executable) -> float:
    """:func:`unmarshal`, timed in a fresh process running this file."""
    done = subprocess.run(
        [python, str(Path(__file__).resolve()), "unmarshal", str(path)], check=True, capture_output=True, text=True
    )
    return float(done.stdout)


def listings(root: Path) -> float:
    """Seconds of git's two listings the engine asks for (``blobs.LISTINGS`` of ``instance.LISTED``),
    run side by side as it runs them."""
    from govdata.instance import LISTED  # light: validate imports it before the engine
    from govdata.validation.blobs import LISTINGS

    started = time.perf_counter()
    running = [
        subprocess.Popen(["git", "-C", str(root), *args, *LISTED], stdout=subprocess.DEVNULL) for args in LISTINGS
    ]
    for listing in running:
        listing.wait()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["unmarshal"])
    parser.add_argument("file", type=Path)
    args = parser.parse_args()
    print(f"{unmarshal(args.file):.6f}")


if __name__ == "__main__":
    main()
