"""The ``govdata`` command: a typer app (``root.py``) with one module per command.

This package imports nothing heavy: ``main`` answers ``--version`` without typer, and the app
imports only the command that runs (``lazy_group.py``). Command modules import the heavy parts
(engine, git, jsonschema) inside their functions (issue 12, item 5).
"""

from __future__ import annotations

import os
import sys
from typing import Any

_VERSION_FLAGS = ("--version", "-V")


def _print_version_only(argv: list[str]) -> bool:
    """``govdata --version`` (with nothing else but ``--debug``) needs no parser: print it here."""
    rest = [arg for arg in argv if arg != "--debug"]
    if len(rest) != 1 or rest[0] not in _VERSION_FLAGS:
        return False
    from govdata import __version__

    print(f"govdata {__version__}")
    return True


def main() -> None:
    """Entry point: run the app; a GovdataError is one clear line and exit code 2."""
    if _print_version_only(sys.argv[1:]):
        return
    from govdata.cli.common import state
    from govdata.cli.root import app
    from govdata.errors import GovdataError

    try:
        app()
    except GovdataError as error:
        if state.debug:
            raise
        from govdata.i18n import Lang

        lang = state.lang or Lang(os.environ.get("GOVDATA_LANG", Lang.ZH.value))
        print(f"govdata: {error.text.get(lang)}", file=sys.stderr)
        sys.exit(error.exit_code)


def __getattr__(name: str) -> Any:
    # ``from govdata.cli import app`` keeps working without importing typer for ``main`` alone.
    if name == "app":
        from govdata.cli.root import app

        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
