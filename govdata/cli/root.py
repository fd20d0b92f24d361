"""The ``govdata`` typer app: global options here, commands from the table in ``commands.py``.

Its group is :class:`~govdata.cli.lazy_group.LazyGroup`, so a run imports and converts only the
command it invokes.
"""

from __future__ import annotations

import os

import typer

from govdata.cli.common import state
from govdata.cli.help_format import install as install_help_format
from govdata.cli.lazy_group import LazyGroup
from govdata.cli.unset_options import install as skip_coercion_of_unset_options

install_help_format()
skip_coercion_of_unset_options()

app = typer.Typer(
    name="govdata",
    cls=LazyGroup,
    no_args_is_help=True,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
    help=(
        "政务数据目录工具：以 git 管理政务数据目录，按国家标准和《济源示范区政务数据共享管理暂行办法》校验。\n\n"
        "Keep a government data catalog in git and check it against GB-style schemas and the "
        "data-sharing regulation. Start with [bold]govdata validate[/] inside an instance."
    ),
)


def _show_version(value: bool) -> None:
    if value:
        from govdata import __version__  # the one place the version is kept (the distribution's name may differ)

        typer.echo(f"govdata {__version__}")
        raise typer.Exit()


@app.callback()
def _global(
    debug: bool = typer.Option(False, "--debug", help="出错时显示完整回溯 / show tracebacks on errors"),
    show_version: bool = typer.Option(
        False, "--version", "-V", callback=_show_version, is_eager=True, help="显示版本 / show the version"
    ),
) -> None:
    state.debug = debug or bool(os.environ.get("GOVDATA_DEBUG"))
