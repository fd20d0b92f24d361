"""The progress bar appears on a terminal for long runs, and never in pipes or CI logs."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

from tests.conftest import BASE_INSTANCE, build_instance

RESOURCE = (BASE_INSTANCE / "catalogs" / "gongan" / "101002-000001.yaml").read_text(encoding="utf-8")


def _long_instance(root: Path, count: int = 260) -> Path:
    files = {}
    for number in range(2, count + 2):
        code = f"101002/{number:06d}"
        files[f"catalogs/gongan/{code.replace('/', '-')}.yaml"] = RESOURCE.replace(
            'code: "101002/000001"', f'code: "{code}"'
        )
    return build_instance(root, files)


def _run_with_stderr_on_a_terminal(root: Path) -> tuple[int, str]:
    return run_on_a_terminal([sys.executable, "-m", "govdata", "validate", "--format", "json"], root)


def run_on_a_terminal(argv: list[str], cwd: Path) -> tuple[int, str]:
    """Run ``argv`` with its stderr on a pseudo-terminal; its exit code and what the terminal showed."""
    primary, secondary = pty.openpty()
    process = subprocess.Popen(
        argv,
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=secondary,
        env={**os.environ, "COLUMNS": "120", "TERM": "xterm"},
    )
    os.close(secondary)
    chunks = []
    while True:
        try:
            data = os.read(primary, 65536)
        except OSError:  # the terminal closes when the process exits
            break
        if not data:
            break
        chunks.append(data)
    os.close(primary)
    return process.wait(timeout=120), b"".join(chunks).decode("utf-8", errors="replace")


def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    code, terminal = _run_with_stderr_on_a_terminal(_long_instance(tmp_path / "instance"))
    assert code in (0, 1)
    assert "validating" in terminal


def test_no_progress_bar_when_stderr_is_a_pipe(tmp_path: Path) -> None:
    root = _long_instance(tmp_path / "instance")
    result = subprocess.run(
        [sys.executable, "-m", "govdata", "validate", "--format", "json"], cwd=root, capture_output=True, text=True
    )
    assert "validating" not in result.stderr
