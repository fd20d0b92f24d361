"""Start-up import budget (issue 12, item 5): what `--version`, `--help` and `rules` import.

Counted with ``python -X importtime`` in a fresh process: a set of modules, never a time, so
the test is stable on a busy machine and fails the day a command module imports a reporter,
the engine or a heavy library at module level again.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from govdata.cli.commands import COMMANDS

# Never needed to print the version, the help or the rule list.
FORBIDDEN = (
    "govdata.validation.engine",
    "govdata.validation.loading",
    "govdata.instance",
    "govdata.schema",
    "jsonschema",
    "jsonschema_rs",
    "ruamel.yaml",
    "duckdb",
    "rdflib",
    "openpyxl",
    "pyspark",
    "git",
)
# Reporters are chosen at run time; only the format enums' modules may load.
ALLOWED_REPORT = {"govdata.report", "govdata.report.diff_base"}


def imported(argv: list[str], cwd: Path) -> dict[str, str | None]:
    """Module → the module that imported it (None at top level), from ``-X importtime``."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "govdata", *argv],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    rows: list[tuple[int, str]] = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line or "cumulative" in line:
            continue
        name_column = line.split("|")[2]
        depth = (len(name_column) - len(name_column.lstrip())) // 2
        rows.append((depth, name_column.strip()))
    # importtime prints a module after everything it imported, so a module's parent is the next row
    # printed at a smaller depth.
    parents: dict[str, str | None] = {}
    for index, (depth, name) in enumerate(rows):
        parent = next((other for d, other in rows[index + 1 :] if d < depth), None)
        parents.setdefault(name, parent)
    return parents


def top_package(name: str) -> str:
    return name.split(".")[0]


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["rules"]], ids=["version", "help", "rules"])
def test_startup_imports_no_engine_reporter_or_heavy_library(argv: list[str], tmp_path: Path) -> None:
    modules = imported(argv, tmp_path)
    heavy = sorted(name for name in modules if any(name == f or name.startswith(f + ".") for f in FORBIDDEN))
    assert heavy == []
    reporters = sorted(name for name in modules if name.startswith("govdata.report") and name not in ALLOWED_REPORT)
    assert reporters == []
    # rich.markdown only ever comes in through typer rendering help (typer.rich_utils imports it at its top).
    if "rich.markdown" in modules:
        assert argv == ["--help"]
        assert modules["rich.markdown"] == "typer.rich_utils"


def test_version_is_answered_before_typer(tmp_path: Path) -> None:
    modules = imported(["--version"], tmp_path)
    assert not [name for name in modules if top_package(name) in {"typer", "click", "rich", "pydantic"}]
    own = [name for name in modules if top_package(name) == "govdata"]
    # 59 govdata modules and 490 in all before issue 12; 38 and about 200 after item 5's first
    # step; 2 and 56 once ``main`` answers it without a parser.
    assert sorted(own) == ["govdata", "govdata.cli"]
    assert len(modules) <= 70, len(modules)


def test_help_and_rules_import_only_the_command_that_runs(tmp_path: Path) -> None:
    command_modules = {entry.module for entry in COMMANDS}
    listed = imported(["--help"], tmp_path)
    assert command_modules.isdisjoint(listed), sorted(command_modules & set(listed))
    assert "typer.rich_utils" in listed  # typer renders the help itself, stand-ins and all
    # 492 modules before issue 12, 376 after its first step, 342 with lazy commands.
    assert len(listed) <= 360, len(listed)
    assert len([name for name in listed if top_package(name) == "govdata"]) <= 12
    rules = imported(["rules"], tmp_path)
    assert command_modules & set(rules) == {"govdata.cli.rules"}
    assert len(rules) <= 250, len(rules)  # 553 before issue 12, 428 after its first step, 231 now
    # The list comes from rule_index.json, and an unset --lang needs no pydantic adapter.
    heavy = [name for name in rules if top_package(name) in {"pydantic", "pydantic_core"}]
    heavy += [name for name in rules if name.startswith(("govdata.rules", "govdata.model", "govdata.generate"))]
    assert heavy == []


def test_help_and_rules_polish_still_applies(tmp_path: Path) -> None:
    """The help polish is installed lazily; an unknown command still reads in Chinese first."""
    done = subprocess.run(
        [sys.executable, "-m", "govdata", "no-such-command"], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 2
    assert "没有命令“no-such-command”" in done.stderr
    assert "错误 / Error" in done.stderr


def test_a_machine_format_imports_neither_the_text_reporter_nor_rich(instance: Callable[..., Path]) -> None:
    """A pull request's re-check in CI writes JSON: the text reporter and rich's console (40 ms
    of start-up) are the follow-up hints' business, which only the text format shows."""
    modules = imported(["validate", "--format", "json", "--no-progress"], instance())
    assert "govdata.validation.engine" in modules and "govdata.report.base" in modules
    assert "govdata.report.text" not in modules
    assert [name for name in modules if top_package(name) == "rich"] == []


def test_validate_can_start_git_before_it_imports_the_models() -> None:
    """``validate`` finds the instance and starts git's listing of it (``instance.start_listing``)
    before it imports the engine, so git stats the files while Python imports: that module
    imports no model, no loader, no pydantic."""
    done = subprocess.run(
        [sys.executable, "-c", "import sys, govdata.instance; print(*sorted(sys.modules))"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    modules = done.stdout.split()
    assert "govdata.validation.blobs" in modules
    heavy = [name for name in modules if top_package(name) in {"pydantic", "pydantic_core", "ruamel", "typer"}]
    heavy += [
        name for name in modules if name.startswith(("govdata.model", "govdata.validation.loading", "govdata.rules"))
    ]
    assert heavy == []
