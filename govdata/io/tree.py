"""Reading instance files from the working tree."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class WorkingTree:
    """A reader of instance-relative paths under ``root``; safe to use from worker processes."""

    root: Path
    parallel_safe = True

    def __call__(self, path: str) -> bytes:
        return (self.root / path).read_bytes()
