"""``govdata evaluate`` and ``govdata report annual``: yearly scorecards, rectification list, annual report (Art. 53-55, 60)."""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from govdata.cli import grant_steps as steps
from govdata.cli.common import ConfigOption, LangOption
from govdata.errors import UsageError
from govdata.i18n import Text


class EvaluationFormat(StrEnum):
    TEXT = "text"
    JSON = "json"
    CSV = "csv"


YearOption = Annotated[
    int | None,
    typer.Option("--year", help="评价年度（默认上一年度，第五十五条）/ the year evaluated (default: last year)"),
]
TodayOption = Annotated[
    str | None, typer.Option("--today", help="计算日期（默认今天），用于可复现的结果 / the day of the run")
]
AtOption = Annotated[
    str | None,
    typer.Option(
        "--at",
        help="评价哪个版本：提交、分支或 worktree（默认：已结束年度取年底最后一次提交，本年度取工作区）"
        " / revision to evaluate, or worktree",
    ),
]


def _run(year: int | None, today: str | None, at: str | None, config: Path | None, lang: str | None):  # type: ignore[no-untyped-def]
    from govdata.evaluate.run import evaluate as evaluate_year

    instance, chosen = steps.open_instance(config, lang)
    day = steps.parse_date(today, "--today") or dt.date.today()
    return instance, evaluate_year(instance, year or day.year - 1, day, at), chosen


def evaluate(
    year: YearOption = None,
    output_format: Annotated[
        EvaluationFormat, typer.Option("--format", "-f", help="text、json 或 csv / output format")
    ] = EvaluationFormat.TEXT,
    rectification: Annotated[
        bool, typer.Option("--rectification", help="只列整改清单 / only the rectification list")
    ] = False,
    findings: Annotated[
        str | None,
        typer.Option(
            "--findings",
            help="把整改清单按 validate 的格式输出为问题（text、json、github、markdown、junit、codeclimate）"
            " / write the rectification list as findings in a validate format",
        ),
    ] = None,
    today: TodayOption = None,
    at: AtOption = None,
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """年度评价：各部门评分卡与整改清单（第五十三条至第五十五条、第六十条）。/ Yearly scorecards and rectification list.

    Per department, each indicator of the methodology in govdata.yaml (evaluation: version, weights, bands) with its formula, article and evidence (files and commits): metadata quality, catalog updates in time (Art. 19, from git), update cycles, sharing, restricted sharing basis, opening, grants, demand lists, responsibility lists, security records, cases. An indicator without data is shown as n/a and left out of the score, never guessed. Each result records the methodology version, the commit and the day.

    The rectification list (Art. 60) is every error and warning of the evaluated state plus missing yearly security duties, each with its rule, article and due day (evaluation.rectification_days working days after --today).

    Exit 0; 1 with --findings when the list is not empty.

    [bold]Examples[/]

      govdata evaluate --year 2025                      评分卡 / scorecards
      govdata evaluate --year 2025 --format csv > s.csv 表格 / spreadsheet
      govdata evaluate --year 2025 --rectification      整改清单 / rectification list
      govdata evaluate --year 2025 --findings github    CI 注释 / as CI annotations
    """
    from govdata.report.evaluation_csv import EvaluationCsvReporter
    from govdata.report.evaluation_json import EvaluationJsonReporter
    from govdata.report.evaluation_text import EvaluationTextReporter

    _, run, chosen = _run(year, today, at, config, lang)
    if findings is not None:
        _write_findings(run, findings, chosen)
        return
    reporters: dict[EvaluationFormat, EvaluationTextReporter | EvaluationJsonReporter | EvaluationCsvReporter] = {
        EvaluationFormat.TEXT: EvaluationTextReporter(rectification_only=rectification),
        EvaluationFormat.JSON: EvaluationJsonReporter(),
        EvaluationFormat.CSV: EvaluationCsvReporter(),
    }
    reporters[output_format].report(run, chosen, sys.stdout)


def _write_findings(run, name: str, lang) -> None:  # type: ignore[no-untyped-def]
    from govdata.evaluate.rectification import as_diagnostics
    from govdata.report import OutputFormat, reporter_for
    from govdata.validation.engine import RunResult
    from govdata.validation.summary import summarize

    try:
        chosen = OutputFormat(name)
    except ValueError:
        raise UsageError(Text(f"--findings 不支持“{name}”", f"--findings does not know {name!r}")) from None
    diagnostics = as_diagnostics(run.items)
    result = RunResult(diagnostics, 0, summarize(run.context.catalog), 0.0, run.context.catalog)
    reporter_for(chosen).report(result, lang, sys.stdout)
    if diagnostics:
        raise typer.Exit(1)


report_app = typer.Typer(
    no_args_is_help=True,
    rich_markup_mode="rich",
    help="报告：年度政务数据管理情况报告（第五十三条至第五十五条）。/ Reports.",
)


@report_app.command("annual")
def annual(
    year: YearOption = None,
    dept: Annotated[
        str | None, typer.Option("--dept", help="只为一个部门出报告（第五十五条）/ one department's own report")
    ] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="输出目录 / output folder")] = Path("reports"),
    pdf: Annotated[bool, typer.Option("--pdf/--no-pdf", help="同时生成 PDF / also write the PDF")] = True,
    today: TodayOption = None,
    at: AtOption = None,
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """年度报告：全区概况、各部门评分卡、历年趋势、整改清单和评价办法，HTML 与 PDF。/ The annual report as HTML and PDF.

    Trends come from git history: the catalog as it was at each earlier year's last commit (and,
    when the history is shorter than three points, at evenly spaced commits of the report year).
    Writes OUTPUT/annual-YEAR[-DEPT].html and .pdf; the PDF needs WeasyPrint and a CJK font
    (Debian: fonts-noto-cjk).

    [bold]Examples[/]

      govdata report annual --year 2025                 全区报告 / the zone's report
      govdata report annual --year 2025 --dept gongan  部门报告 / one department's report
    """
    from govdata.report.annual import write_annual

    instance, run, chosen = _run(year, today, at, config, lang)
    if dept is not None and dept not in run.context.catalog.department_by_slug:
        raise UsageError(Text(f"没有目录文件夹为“{dept}”的部门", f"no department with folder {dept!r}"))
    written = write_annual(instance, run, dept, output, pdf)
    for path in written:
        typer.echo(path)
