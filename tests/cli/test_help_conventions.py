"""The conventions people expect of a command line: --version, -h, help readable at 80 columns."""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable
from pathlib import Path

import pytest
import typer

from govdata.cli import app
from tests.conftest import CliResult

Run = Callable[..., CliResult]


def _command_paths() -> list[tuple[str, ...]]:
    paths: list[tuple[str, ...]] = [()]

    def walk(command: typer.core.TyperGroup | typer.core.TyperCommand, prefix: tuple[str, ...]) -> None:
        if hasattr(command, "commands"):
            for name, sub in command.commands.items():
                paths.append((*prefix, name))
                walk(sub, (*prefix, name))

    walk(typer.main.get_command(app), ())
    return paths


def test_version_and_short_help(govdata: Run, tmp_path: Path) -> None:
    version = govdata("--version", cwd=tmp_path)
    assert version.exit_code == 0 and re.fullmatch(r"govdata \d+\.\d+\.\d+\S*\n", version.stdout)
    short = govdata("excel", "-h", cwd=tmp_path)
    assert short.exit_code == 0 and "Usage:" in short.stdout and "excel" in short.stdout, short.stdout


@pytest.mark.parametrize("path", _command_paths(), ids=lambda p: " ".join(p) or "govdata")
def test_help_reads_at_80_columns(
    govdata: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, path: tuple[str, ...]
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = govdata(*path, "--help", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    # Chinese folds, it is not cut: rich's cut is an ellipsis at the end of a cell. (An author's
    # own "…" inside a sentence is fine.)
    assert not re.search(r"… *│", result.stdout), result.stdout
    assert not re.search(r"<(list\[|str>|bool>|Path>)", result.stdout), result.stdout
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_init_help_example_runs_as_printed(govdata: Run, tmp_path: Path) -> None:
    help_text = govdata("init", "--help", cwd=tmp_path).stdout
    lines = [line.strip() for line in help_text.splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith("govdata init"))
    command = lines[start].rstrip("\\").strip() + " " + lines[start + 1]
    created = govdata(*shlex.split(command)[1:], cwd=tmp_path)
    assert created.exit_code == 0, created.stderr


def test_usage_errors_are_in_chinese_with_the_english_after(govdata: Run, tmp_path: Path) -> None:
    unknown = govdata("demands", "nosuch", cwd=tmp_path)
    assert unknown.exit_code == 2 and "没有命令“nosuch” / No such command 'nosuch'." in unknown.stderr
    missing = govdata("excel", "import", cwd=tmp_path)
    assert missing.exit_code == 2 and "缺少参数 文件.xlsx" in missing.stderr and "错误 / Error" in missing.stderr


def test_new_department_help_example_runs_as_printed(govdata: Run, tmp_path: Path) -> None:
    from tests.excel.sheets import reference_instance

    root = reference_instance(tmp_path / "jiyuan")
    lines = [line.strip() for line in govdata("new", "department", "--help", cwd=root).stdout.splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith("govdata new department"))
    command = lines[start].rstrip("\\").strip() + " " + lines[start + 1]
    created = govdata(*shlex.split(command)[1:], cwd=root)
    assert created.exit_code == 0, created.stderr
    assert govdata("validate", cwd=root).exit_code == 0
