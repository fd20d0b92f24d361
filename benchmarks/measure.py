"""Measure a command as a whole process: wall time, CPU time and its own peak memory.

``os.wait4`` gives the rusage of exactly the child waited for: its peak RSS is the largest of
that process and the workers it reaped (one process, never their sum), not the running maximum
over every child that ``RUSAGE_CHILDREN`` would report. ``run(..., tree=True)`` also samples the
summed RSS of the whole process tree (see :mod:`tree_rss`), which is what workers cost together.
"""

from __future__ import annotations

import hashlib
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from tree_rss import TreeSampler

PACKAGES = (
    "PyYAML",
    "jsonschema-rs",
    "pydantic",
    "jsonschema",
    "check-jsonschema",
    "ruamel.yaml",
    "typer",
    "rich",
)


@dataclass(frozen=True)
class Measurement:
    wall: float  # seconds
    cpu: float  # user + system seconds
    peak_mib: float  # peak resident set size of the process
    exit_code: int
    load: float = 0.0  # 1-minute load average when it started: how busy the shared machine was
    tree_mib: float = 0.0  # peak summed RSS of the process and its descendants, sampled (0: not sampled)

    @staticmethod
    def combine(parts: Sequence[Measurement]) -> Measurement:
        """Several processes run one after another (chunks of one file list)."""
        return Measurement(
            sum(p.wall for p in parts),
            sum(p.cpu for p in parts),
            max(p.peak_mib for p in parts),
            max(p.exit_code for p in parts),
            parts[0].load,
            max(p.tree_mib for p in parts),
        )


def run(argv: Sequence[str], cwd: Path, stdout: Path, stderr: Path, tree: bool = False) -> Measurement:
    """Run ``argv`` in ``cwd`` with its output in files, and measure it (``tree``: sample the tree's RSS too)."""
    load = os.getloadavg()[0]
    with stdout.open("wb") as out, stderr.open("wb") as err:
        started = time.perf_counter()
        process = subprocess.Popen(list(argv), cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        sampler = TreeSampler(process.pid) if tree else None
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)  # already reaped: tell Popen
    tree_mib = sampler.stop() if sampler else 0.0
    # ru_maxrss is in KiB on Linux.
    cpu = usage.ru_utime + usage.ru_stime  # includes the worker processes it waited for
    return Measurement(wall, cpu, usage.ru_maxrss / 1024, process.returncode, load, tree_mib)


def timed(govdata: Path, root: Path, argv: Sequence[str], runs: int) -> tuple[float, float, int]:
    """``govdata ARGV`` run ``runs`` times in ``root``: median wall seconds, largest peak MiB, last exit code."""
    results = [run([str(govdata), *argv], root, root / ".bench.out", root / ".bench.err") for _ in range(runs)]
    return median([r.wall for r in results]), max(r.peak_mib for r in results), results[-1].exit_code


def argv_chunks(head: Sequence[str], args: Sequence[str], budget: int | None = None) -> list[list[str]]:
    """``head + args`` split into as few command lines as the system's ARG_MAX allows."""
    limit = budget or (os.sysconf("SC_ARG_MAX") - sum(len(k) + len(v) + 2 for k, v in os.environ.items())) // 2
    fixed = sum(len(part) + 1 for part in head)
    chunks: list[list[str]] = []
    current: list[str] = []
    size = fixed
    for arg in args:
        if current and size + len(arg) + 1 > limit:
            chunks.append([*head, *current])
            current, size = [], fixed
        current.append(arg)
        size += len(arg) + 1
    if current:
        chunks.append([*head, *current])
    return chunks


def code_versions(before: Path | None) -> dict[str, str | None]:
    """Name → PYTHONPATH of each govdata to time: the current one, and an older package tree."""
    return {"now": None} if before is None else {"before": str(before.resolve()), "now": None}


def use_code(pythonpath: str | None) -> None:
    """Make the next child process import govdata from ``pythonpath`` (None: the installed one)."""
    if pythonpath is None:
        os.environ.pop("PYTHONPATH", None)
    else:
        os.environ["PYTHONPATH"] = pythonpath


def interpreter(govdata: list[str]) -> str:
    """The Python that runs the govdata under test: the command itself, or its script's shebang."""
    if Path(govdata[0]).name.startswith("python"):
        return govdata[0]
    script = shutil.which(govdata[0])
    if script:
        first = Path(script).read_bytes()[:200].split(b"\n", 1)[0]
        if first.startswith(b"#!") and b"python" in first:
            return first[2:].decode().strip().split()[0]
    return sys.executable


def revision(tree: Path) -> str:
    """The commit of the git checkout holding ``tree``, and whether ``tree`` has uncommitted changes."""

    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(tree), *args], capture_output=True, text=True).stdout.strip()

    dirty = f" + uncommitted changes in {tree.name}/" if git("status", "--porcelain", "--", ".") else ""
    return (git("rev-parse", "--short", "HEAD") or "unknown (not a git checkout)") + dirty


def fingerprint(package: Path) -> str:
    """A hash of a package's Python source: others edit the tree, and a run must say what it measured."""
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def spread(values: Sequence[float]) -> str:
    """min-max, for the table: the machine is shared and noisy."""
    return f"{min(values):.1f}–{max(values):.1f}"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _memory_gib() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB"
    except OSError:
        pass
    return "unknown memory"


def machine() -> str:
    """One line about the machine, and one about the packages that matter for validation."""
    versions = []
    for name in PACKAGES:
        try:
            versions.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            continue
    return (
        f"{os.cpu_count()} × {_cpu_model()}, {_memory_gib()} RAM, Linux {platform.release()}, "
        f"CPython {platform.python_version()}\n\nPackages: {', '.join(versions)}"
    )


if __name__ == "__main__":
    # ``python measure.py`` with another interpreter: the facts of the environment under test.
    print(machine(), file=sys.stdout)
