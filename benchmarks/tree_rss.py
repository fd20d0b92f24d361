"""Peak resident memory of a whole process tree, sampled from /proc while it runs.

``wait4`` reports the largest single process; workers that run side by side cost their sum.
A daemon thread sums the RSS of the process and all its descendants every ``interval`` seconds
(Linux /proc; elsewhere it reports 0). Sampling can miss a peak shorter than the interval.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            found += [int(c) for c in (task / "children").read_text().split()]
    except OSError:
        pass  # gone already
    return found


def _rss_bytes(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def tree_rss(pid: int) -> int:
    """Summed RSS in bytes of ``pid`` and every descendant, now."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += _rss_bytes(current)
        todo += _children(current)
    return total


class TreeSampler:
    """Start sampling on construction; ``stop()`` returns the peak in MiB."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        self._pid, self._interval = pid, interval
        self._peak = 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        while not self._done.is_set():
            self._peak = max(self._peak, tree_rss(self._pid))
            self._done.wait(self._interval)

    def stop(self) -> float:
        self._done.set()
        self._thread.join()
        return self._peak / 1024 / 1024
