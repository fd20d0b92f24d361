"""Where a cached re-check spends its time: the phases of ``engine.validate`` after a pull request.

    .venv/bin/python benchmarks/bench_recheck.py REPOSITORY [--base main] [--branch pr] [--rounds 3]

The repository is a govdata instance in git with a branch changing some files (the province
benchmark's 100k data set has ``main`` and ``pr``). The cache is warmed once on ``--base`` with
this code (a full run), then ``--branch`` is checked out and re-checked ``--rounds`` times in this
process, the recent-results file removed before each, so every round re-checks the same changed
files as a CI job restoring the base branch's cache would. Each phase of the engine is timed by
wrapping its function; the floors beside them are timed alone: importing the engine in a new
interpreter, ``marshal.loads`` of the cache file, and git's two listings of the files. Medians of the
rounds; the base branch is checked out again at the end. Issue 12's "≤ 2 s" row is this run plus
the CLI around it (``bench_province.py --only pr-recheck``).
"""

from __future__ import annotations

import argparse
import functools
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import floors

from govdata.instance import open_instance
from govdata.validation import engine
from govdata.validation.cache import FOLDER

PHASES = (
    ("open_cache", "read the cache's main file (git lists the files meanwhile)"),
    ("list_files", "git's listings waited for and told against the cache's (else parsed whole): the files"),
    ("kinds_of", "the kind of each file that may need a job"),
    ("load_catalog", "load the registries"),
    ("usable", "content ids"),
    ("_results", "cache hits decoded, changed files checked"),
    ("_assemble", "catalog of facts"),
    ("_item_loader", "item facts by path"),
    ("_remember", "departments' sums brought up to date, cache saved"),
    ("leftover_diagnostics", "leftovers of interrupted writes"),
    ("_catalog_rules", "cross-file rules"),
    ("summarize", "summary"),
)


def _git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True).stdout


def _owner(name: str) -> tuple[Any, str]:
    """The object holding a phase's function (the engine module, or a class it uses) and its name there."""
    *path, attribute = name.split(".")
    owner: Any = engine
    for part in path:
        owner = getattr(owner, part)
    return owner, attribute


def _timed(spent: dict[str, float], name: str) -> None:
    owner, attribute = _owner(name)
    original: Callable[..., Any] = getattr(owner, attribute)

    @functools.wraps(original)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent[name] += time.perf_counter() - started

    setattr(owner, attribute, wrapper)


def _drop_recent(root: Path) -> None:
    for recent in (root / FOLDER).glob("validate-*.recent.marshal"):
        recent.unlink()


def _floors(root: Path) -> dict[str, float]:
    main_file = floors.cache_file(root)
    assert main_file is not None, f"no validation cache in {root}"
    imports = floors.new_interpreter(floors.ENGINE_IMPORTS)
    return {
        "a new interpreter importing the engine and the validate command": imports,
        f"marshal.loads of the cache ({main_file.stat().st_size / 1e6:.0f} MB)": floors.unmarshal(main_file),
        "git's two listings of the files, side by side": floors.listings(root),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("repository", type=Path)
    parser.add_argument("--base", default="main")
    parser.add_argument("--branch", default="pr")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    root = args.repository.resolve()
    _git(root, "checkout", "-q", args.base)
    print(f"warming the cache on {args.base} …", file=sys.stderr)
    engine.validate(open_instance(root))
    _git(root, "checkout", "-q", args.branch)
    rounds: list[dict[str, float]] = []
    try:
        for number in range(1, args.rounds + 1):
            print(f"round {number} …", file=sys.stderr)
            _drop_recent(root)
            spent: dict[str, float] = defaultdict(float)
            for name, _ in PHASES:
                _timed(spent, name)
            started = time.perf_counter()
            result = engine.validate(open_instance(root))
            spent["total"] = time.perf_counter() - started
            spent["checked"] = result.files_checked - result.files_from_cache
            rounds.append(spent)
            for name, _ in PHASES:  # unwrap for the next round
                owner, attribute = _owner(name)
                setattr(owner, attribute, getattr(owner, attribute).__wrapped__)
        floors = _floors(root)
    finally:
        _drop_recent(root)
        _git(root, "checkout", "-q", args.base)
    print(f"| phase of `engine.validate` ({args.rounds} rounds, median) | seconds |")
    print("|---|---:|")
    for name, label in PHASES:
        print(f"| {label} | {statistics.median(r[name] for r in rounds):.2f} |")
    again = int(rounds[0]["checked"])
    total = statistics.median(r["total"] for r in rounds)
    print(f"| **whole `engine.validate`** (files read again: {again}) | **{total:.2f}** |")
    print()
    print("| floor, timed alone | seconds |")
    print("|---|---:|")
    for label, seconds in floors.items():
        print(f"| {label} | {seconds:.2f} |")


if __name__ == "__main__":
    main()
