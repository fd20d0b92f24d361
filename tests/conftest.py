"""Shared fixtures: real instances in temporary folders and an in-process CLI runner."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Property tests check what is generated, never how fast: on a shared CI machine a timing check
# (the deadline, the "generation is slow" health check) fails at random, a timed test in disguise.
settings.register_profile("govdata", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("govdata")

# The git fixtures serve the CLI tests too.
pytest_plugins = ["tests.gitops.conftest"]

REPO_ROOT = Path(__file__).resolve().parent.parent
BASE_INSTANCE = REPO_ROOT / "tests" / "rules" / "_base"


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """No test reads the developer's config, git identity or CI variables."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for name in ("GOVDATA_CONFIG", "GOVDATA_LANG", "GOVDATA_DEBUG", "GITHUB_ACTIONS", "GIT_DIR", "GIT_WORK_TREE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Test")
    monkeypatch.setenv("GIT_AUTHOR_EMAIL", "test@example.invalid")
    monkeypatch.setenv("GIT_COMMITTER_NAME", "Test")
    monkeypatch.setenv("GIT_COMMITTER_EMAIL", "test@example.invalid")
    monkeypatch.setenv("COLUMNS", "200")


def build_instance(target: Path, overlay: dict[str, str] | Path | None = None) -> Path:
    """Copy the minimal base instance to ``target`` and lay ``overlay`` (files or a folder) over it."""
    shutil.copytree(BASE_INSTANCE, target, dirs_exist_ok=True)
    if isinstance(overlay, Path):
        shutil.copytree(overlay, target, dirs_exist_ok=True)
    elif overlay:
        for name, content in overlay.items():
            path = target / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")
    return target


@pytest.fixture
def instance(tmp_path: Path) -> Callable[..., Path]:
    """``instance(overlay)`` builds a real instance folder and returns its root."""

    def make(overlay: dict[str, str] | Path | None = None) -> Path:
        return build_instance(tmp_path / "instance", overlay)

    return make


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def govdata(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Iterator[Callable[..., CliResult]]:
    """Run ``govdata ARGS`` in-process from folder ``cwd``, as a user would from a shell."""
    from govdata.cli import main

    def run(*args: str, cwd: Path) -> CliResult:
        monkeypatch.chdir(cwd)
        monkeypatch.setattr(sys, "argv", ["govdata", *args])
        capsys.readouterr()
        try:
            main()
            code = 0
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
        out, err = capsys.readouterr()
        return CliResult(code, out, err)

    yield run
