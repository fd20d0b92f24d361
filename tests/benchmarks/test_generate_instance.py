"""The benchmark's instance generator writes valid instances, located mistakes, and the same bytes each time.

A correctness test of ``benchmarks/generate_instance.py``, run as a user runs it; not a timed test.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from govdata.instance import open_instance
from govdata.validation.engine import validate

REPO_ROOT = Path(__file__).resolve().parents[2]
GENERATOR = REPO_ROOT / "benchmarks" / "generate_instance.py"


def generate(target: Path, *options: str) -> Path:
    command = [
        sys.executable,
        str(GENERATOR),
        str(target),
        "--departments",
        "3",
        "--resources",
        "4",
        *options,
    ]
    subprocess.run(command, check=True, capture_output=True, cwd=REPO_ROOT)
    return target


def contents(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


def resource_files(root: Path) -> list[str]:
    return sorted(path.relative_to(root).as_posix() for path in root.glob("catalogs/*/*.yaml"))


def test_generated_instance_is_clean(tmp_path: Path) -> None:
    root = generate(tmp_path / "instance")
    assert len(resource_files(root)) == 12
    result = validate(open_instance(root))
    assert [f"{d.location} {d.rule_id} {d.message.en}" for d in result.diagnostics] == []
    assert len(result.catalog.resource_facts) == 12


def test_every_spoiled_file_has_a_located_finding(tmp_path: Path) -> None:
    root = generate(tmp_path / "instance", "--invalid-rate", "1.0")
    diagnostics = validate(open_instance(root)).diagnostics
    assert diagnostics
    assert [str(d.location) for d in diagnostics if d.location.line is None] == []
    reported = {d.location.path for d in diagnostics}
    assert [path for path in resource_files(root) if path not in reported] == []


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    first = contents(generate(tmp_path / "first", "--seed", "7", "--invalid-rate", "0.5"))
    second = contents(generate(tmp_path / "second", "--seed", "7", "--invalid-rate", "0.5"))
    assert first == second
    other = contents(generate(tmp_path / "other", "--seed", "8", "--invalid-rate", "0.5"))
    assert len(other) == len(first) and other != first


def test_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("keep me", encoding="utf-8")
    command = [
        sys.executable,
        str(GENERATOR),
        str(tmp_path),
        "--departments",
        "1",
        "--resources",
        "1",
    ]
    completed = subprocess.run(command, capture_output=True, text=True, cwd=REPO_ROOT)
    assert completed.returncode == 2
    assert "not empty" in completed.stderr
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "keep me"
