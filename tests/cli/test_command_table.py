"""The command table (``govdata/cli/commands.py``) matches the real commands, so it cannot drift.

``govdata --help`` lists commands from the table without importing them; these tests build
every real command and compare, and check that the listing reads exactly as it does with every
command built.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest
import typer

import govdata.cli
from govdata.cli import app
from govdata.cli.commands import COMMANDS, Entry
from govdata.cli.lazy_group import LazyGroup


def _root() -> LazyGroup:
    root = typer.main.get_command(app)
    assert isinstance(root, LazyGroup)
    return root


def _listed_help(command: typer.core.TyperCommand | typer.core.TyperGroup) -> str:
    # What typer's help shows for a command in its group's list: the first paragraph.
    return inspect.cleandoc(command.short_help or command.help or "").split("\n\n")[0]


@pytest.mark.parametrize("entry", COMMANDS, ids=lambda entry: entry.name)
def test_table_entry_matches_the_real_command(entry: Entry) -> None:
    real = _root().commands[entry.name]
    assert real.name == entry.name
    assert _listed_help(real) == entry.help
    assert not real.hidden and not real.deprecated
    assert not getattr(real, "rich_help_panel", None)  # stand-ins sit in the default panel too
    assert isinstance(real, typer.core.TyperGroup) is entry.group


def test_table_names_are_unique_and_every_command_module_is_listed() -> None:
    names = [entry.name for entry in COMMANDS]
    assert len(names) == len(set(names))
    # Every ``govdata/cli`` module that declares a sub-app is reachable from the table.
    folder = Path(govdata.cli.__file__).parent
    declaring = {
        f"govdata.cli.{path.stem}"
        for path in folder.glob("*.py")
        if re.search(r"^\w+ = typer\.Typer\(", path.read_text(encoding="utf-8"), re.M) and path.stem != "root"
    }
    assert "govdata.cli.rules" in declaring
    assert declaring <= {entry.module for entry in COMMANDS}


def test_help_lists_the_same_with_stand_ins_as_with_every_command_built(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")

    def rendered(root: LazyGroup) -> str:
        context = root.make_context("govdata", ["--debug"])
        capsys.readouterr()
        root.get_help(context)  # typer's rich help prints rather than returns
        return capsys.readouterr().out

    lazy = _root()
    listed = rendered(lazy)
    assert lazy.lazy.built() == set()  # listing built nothing
    eager = _root()
    for name in list(eager.commands):
        eager.commands[name]
    assert eager.lazy.built() == {entry.name for entry in COMMANDS}
    assert listed == rendered(eager)
    for entry in COMMANDS:
        assert entry.name in listed


def test_running_one_command_builds_only_that_one() -> None:
    root = _root()
    with pytest.raises(SystemExit) as done:
        root.main(["rules", "--help"], prog_name="govdata")
    assert done.value.code == 0
    assert root.lazy.built() == {"rules"}
