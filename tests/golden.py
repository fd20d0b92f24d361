"""Golden files: compare output with a committed file; GOVDATA_UPDATE_GOLDEN=1 rewrites it."""

from __future__ import annotations

import os
from pathlib import Path


def assert_golden(path: Path, actual: str) -> None:
    """``actual`` equals the content of ``path``; with GOVDATA_UPDATE_GOLDEN=1, write it there."""
    if os.environ.get("GOVDATA_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.is_file(), f"no golden file {path}; run with GOVDATA_UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8"), f"output differs from {path}"
