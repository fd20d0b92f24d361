"""Unset options skip typer's pydantic adapter; options that are given are still converted and checked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from typer.testing import CliRunner

from govdata.cli.unset_options import install
from tests.conftest import CliResult

Run = Callable[..., CliResult]


def _app(seen: list[object]) -> typer.Typer:
    app = typer.Typer()

    @app.command()
    def run(
        count: Annotated[int | None, typer.Option(min=1)] = None,
        names: Annotated[list[str] | None, typer.Option("--name")] = None,
        level: int = 3,
    ) -> None:
        seen.append((count, names, level))

    return app


def test_unset_options_keep_their_defaults_and_given_ones_are_converted() -> None:
    install()
    install()  # once only: a second call changes nothing
    seen: list[object] = []
    app = _app(seen)
    runner = CliRunner()
    assert runner.invoke(app, []).exit_code == 0
    assert runner.invoke(app, ["--count", "2", "--name", "a", "--name", "b", "--level", "5"]).exit_code == 0
    assert seen == [(None, None, 3), (2, ["a", "b"], 5)]
    for wrong in (["--count", "0"], ["--count", "x"], ["--level", "y"]):
        result = runner.invoke(app, wrong)
        assert result.exit_code == 2, (wrong, result.output)
    assert len(seen) == 2


def test_validate_still_checks_a_given_option(govdata: Run, tmp_path: Path) -> None:
    result = govdata("validate", "--jobs", "0", cwd=tmp_path)
    assert result.exit_code == 2
    assert "--jobs" in result.stderr
