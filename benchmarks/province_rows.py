"""The rows of issue 12's table: what each runs, where, what it expects, and its target.

A row prepares its data set (untimed: delete the cache for a cold run, warm it, stage an
edit), runs one timed command as its own process, and cleans up. ``bench_province.py`` runs
the rows interleaved over rounds; the special rows (check-jsonschema, the spoiled copy, the
pull request) are timed there with the help of the functions here.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bench_log import edit, git
from measure import use_code

VALIDATE_JSON = ("validate", "--format", "json", "--no-progress")
HOOK = ("validate", "--no-progress", "--format", "text")  # the entry of .pre-commit-hooks.yaml
CACHE = ".govdata-cache"


@dataclass(frozen=True)
class Variant:
    """One govdata under test: its command, and the older package tree put first on PYTHONPATH."""

    name: str
    govdata: list[str]
    pythonpath: str | None
    has_cache: bool  # ``validate --no-cache`` exists: the engine's cache has landed


@dataclass(frozen=True)
class Row:
    key: str  # for --only
    measure: str  # table label; {ten}, {hundred}, {pr}, {commits} are filled with the scale's sizes
    target: str
    data: str  # "ten", "spoiled", "hundred", "log", "empty"
    argv: tuple[str, ...] = ()
    limit: float | None = None  # seconds; None: no target to compare with
    memory: float | None = None  # MiB
    expected: frozenset[int] = frozenset({0})
    cold: bool = False  # delete .govdata-cache/ first, and pass --no-cache to validate when it exists
    large: bool = False  # runs --rounds-large times instead of --rounds
    once: bool = False  # a check more than a timing: first round only
    short: bool = False  # a start-up row: short and noisy, so run Scale.short_repeat times per round
    prepare: Callable[[Path, Variant, int], None] | None = field(default=None, compare=False)
    cleanup: Callable[[Path], None] | None = field(default=None, compare=False)


def untimed(variant: Variant, argv: tuple[str, ...], cwd: Path) -> None:
    """A warm-up run; its verdict is not measured, but it must not have stopped (exit 2) or crashed."""
    use_code(variant.pythonpath)
    done = subprocess.run([*variant.govdata, *argv], cwd=cwd, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        raise RuntimeError(f"govdata {' '.join(argv)} exited {done.returncode}: {done.stderr[-1000:]}")


def drop_cache(root: Path) -> None:
    shutil.rmtree(root / CACHE, ignore_errors=True)


def pristine(root: Path) -> None:
    """Back to the committed ``main`` (ignored files such as the cache stay)."""
    git(root, "checkout", "-q", "-f", "main")
    git(root, "reset", "-q", "--hard")


def _warm(argv: tuple[str, ...]) -> Callable[[Path, Variant, int], None]:
    def prepare(root: Path, variant: Variant, round_: int) -> None:
        pristine(root)
        untimed(variant, argv, root)

    return prepare


def _stage_one_edit(root: Path, variant: Variant, round_: int) -> None:
    """Warm run, then one resource edited as a department would, and ``git add``ed."""
    pristine(root)
    untimed(variant, HOOK, root)
    rng = random.Random(f"pre-commit/{round_}")
    files = sorted(git(root, "ls-files", "catalogs/*/*.yaml").split())
    path = rng.choice([f for f in files if not f.endswith("demands.yaml")])
    text, _ = edit((root / path).read_text(encoding="utf-8"), rng, round_)
    (root / path).write_text(text, encoding="utf-8")
    git(root, "add", "--", path)


def _check_out_pull_request(root: Path, variant: Variant, round_: int) -> None:
    """The cache warmed on ``main``, then the branch checked out, as a CI job restoring the cache.

    The recent results are dropped after the warm run: they hold the branch's files, checked by
    the previous round, which main's own cache would not have (the rounds after the first
    re-checked nothing until 2026-12-02)."""
    pristine(root)
    untimed(variant, VALIDATE_JSON, root)
    for recent in (root / CACHE).glob("validate-*.recent.marshal"):
        recent.unlink()
    git(root, "checkout", "-q", "pr")


ROWS: tuple[Row, ...] = (
    Row("validate-10k", "`validate`, {ten} resources, cold", "≤ 5 s", "ten", VALIDATE_JSON, 5.0, cold=True),
    Row(
        "check-jsonschema",
        "check-jsonschema on the same {ten} files",
        "govdata ≥ 50× faster",
        "ten",
    ),
    Row(
        "located",
        "every finding located (spoiled copy of {ten}, `--invalid-rate {rate}`)",
        "0 findings without a line",
        "spoiled",
        VALIDATE_JSON,
        expected=frozenset({1}),
        cold=True,
        once=True,
    ),
    Row(
        "validate-100k",
        "`validate`, {hundred} resources, cold",
        "≤ 60 s, ≤ 1 GB peak",
        "hundred",
        VALIDATE_JSON,
        60.0,
        memory=1024.0,
        cold=True,
        large=True,
    ),
    Row(
        "pr-recheck",
        "re-check after a pull request changing {pr} of {hundred} files (cache warmed on main)",
        "≤ 2 s",
        "hundred",
        VALIDATE_JSON,
        2.0,
        # The edits are realistic, so some are mistakes a run must report (a sharing type changed
        # without its opening type gives GD104): exit 1 is a verdict here, not a failure.
        expected=frozenset({0, 1}),
        large=True,
        prepare=_check_out_pull_request,
        cleanup=pristine,
    ),
    Row(
        "pre-commit",
        "pre-commit on one staged file in {ten} (`validate --no-progress --format text`, warm)",
        "≤ 1 s",
        "ten",
        HOOK,
        1.0,
        prepare=_stage_one_edit,
        cleanup=pristine,
    ),
    Row("version", "`govdata --version`", "≤ 0.10 s", "empty", ("--version",), 0.10, short=True),
    Row("help", "`govdata --help`", "≤ 0.10 s", "empty", ("--help",), 0.10, short=True),
    Row("rules", "`govdata rules`", "≤ 0.10 s", "empty", ("rules",), 0.10, short=True),
    Row(
        "validate-empty",
        "`govdata validate` on an empty instance",
        "≤ 0.10 s",
        "empty",
        ("validate",),
        0.10,
        short=True,
    ),
    Row(
        "fmt-cold",
        "`fmt --check --no-cache`, {ten} files, cold",
        "≤ 30 s",
        "ten",
        ("fmt", "--check", "--no-cache"),
        30.0,
    ),
    Row(
        "fmt-warm",
        "`fmt --check`, {ten} files, warm",
        "— (0.5 s in the issue)",
        "ten",
        ("fmt", "--check"),
        prepare=_warm(("fmt", "--check")),
    ),
    Row(
        "log",
        "`log --format json`, whole history: {ten}-file import + {commits} commits",
        "≤ 10 s",
        "log",
        ("log", "--format", "json"),
        10.0,
    ),
)

KEYS = tuple(row.key for row in ROWS)


def command(row: Row, variant: Variant) -> list[str]:
    argv = list(row.argv)
    if row.cold and argv[:1] == ["validate"] and variant.has_cache:
        argv.insert(1, "--no-cache")
    return [*variant.govdata, *argv]


def has_cache(govdata: list[str], pythonpath: str | None) -> bool:
    """Whether this build's ``validate`` takes ``--no-cache`` (the engine's cache has landed)."""
    use_code(pythonpath)
    env = {**os.environ, "COLUMNS": "300"}  # rich wraps the help text, never an option's name
    done = subprocess.run([*govdata, "validate", "--help"], capture_output=True, text=True, env=env)
    return re.search(r"--no-cache\b", done.stdout) is not None
