"""The import shows a progress bar on a terminal, and none in pipes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.cli.test_progress import run_on_a_terminal
from tests.imports.conftest import corpus_module


def test_progress_bar_on_a_terminal_only(import_instance: Path, tmp_path: Path) -> None:
    corpus_module().write_corpus(tmp_path / "corpus", sources=2, records=400, seed=5)
    argv = [sys.executable, "-m", "govdata", "import", str(tmp_path / "corpus"), "--dry-run"]
    code, terminal = run_on_a_terminal(argv, import_instance)
    assert code == 0 and "导入 / importing" in terminal
    piped = subprocess.run(argv, cwd=import_instance, capture_output=True, text=True)
    assert piped.returncode == 0 and "importing" not in piped.stderr
