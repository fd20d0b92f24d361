"""Golden files for CLI output: compare, or refresh with ``GOVDATA_UPDATE_GOLDEN=1``."""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"


def assert_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("GOVDATA_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.is_file(), f"{path} missing: run with GOVDATA_UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8")
