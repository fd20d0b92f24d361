"""The ``govdata`` command: a typer app with one module per command.

Command modules import the heavy parts (engine, git, jsonschema) inside their functions so
that ``govdata --help`` and pre-commit runs start fast.
"""

from __future__ import annotations

import os
import sys

import typer

from govdata.cli import audit as audit_command
from govdata.cli import authorship as authorship_command
from govdata.cli import cases as cases_command
from govdata.cli import ci as ci_command
from govdata.cli import demands as demands_command
from govdata.cli import diff as diff_command
from govdata.cli import evaluate as evaluate_command
from govdata.cli import excel as excel_command
from govdata.cli import fmt as fmt_command
from govdata.cli import gate as gate_command
from govdata.cli import grant as grant_command
from govdata.cli import imports as import_command
from govdata.cli import init as init_command
from govdata.cli import log as log_command
from govdata.cli import new as new_command
from govdata.cli import owners as owners_command
from govdata.cli import publish as publish_command
from govdata.cli import responsibility as responsibility_command
from govdata.cli import rules as rules_command
from govdata.cli import schemas as schemas_command
from govdata.cli import validate as validate_command
from govdata.cli.common import state
from govdata.cli.help_format import install as install_help_format
from govdata.errors import GovdataError
from govdata.i18n import Lang

install_help_format()

app = typer.Typer(
    name="govdata",
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


app.command("validate")(validate_command.validate)
app.command("init")(init_command.init)
app.command("schemas")(schemas_command.schemas)
app.command("diff")(diff_command.diff)
app.command("owners")(owners_command.owners)
app.command("check-authorship")(authorship_command.check_authorship)
app.command("gate")(gate_command.gate)
app.command("log")(log_command.log)
app.command("fmt")(fmt_command.fmt)
app.command("publish")(publish_command.publish)
app.command("evaluate")(evaluate_command.evaluate)
app.add_typer(evaluate_command.report_app, name="report")
app.command("audit")(audit_command.audit)
app.command("import")(import_command.import_listings)
app.add_typer(rules_command.app, name="rules")
app.add_typer(grant_command.app, name="grant")
app.add_typer(demands_command.app, name="demands")
app.add_typer(responsibility_command.app, name="responsibility")
app.add_typer(ci_command.app, name="ci")
app.add_typer(cases_command.app, name="cases")
app.add_typer(excel_command.app, name="excel")
app.add_typer(new_command.app, name="new")


def main() -> None:
    """Entry point: run the app; a GovdataError is one clear line and exit code 2."""
    try:
        app()
    except GovdataError as error:
        if state.debug:
            raise
        lang = state.lang or Lang(os.environ.get("GOVDATA_LANG", Lang.ZH.value))
        print(f"govdata: {error.text.get(lang)}", file=sys.stderr)
        sys.exit(error.exit_code)
