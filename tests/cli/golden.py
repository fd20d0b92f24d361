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


def without_commit_ids(text: str, repo: Path) -> str:
    """``text`` with the repository's commit ids (full and 10-digit) as ``<commit N>``, oldest first.

    Commit ids change whenever a fixture file changes; the golden files should not.
    """
    import subprocess

    listed = subprocess.run(
        ["git", "rev-list", "--all", "--reverse"], cwd=repo, capture_output=True, text=True, check=True
    )
    for number, sha in enumerate(listed.stdout.split(), start=1):
        text = text.replace(sha, f"<commit {number}>").replace(sha[:10], f"<commit {number}>")
    return text
