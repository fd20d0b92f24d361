"""``govdata cases``: open cases, record their events, list, show, what falls due, yearly statistics."""

from __future__ import annotations

import datetime as dt
import sys
from enum import StrEnum
from typing import Annotated

import typer

from govdata.cli import cases_output as output
from govdata.cli import grant_steps as steps
from govdata.cli.cases_intake import from_issue
from govdata.cli.cases_output import Format
from govdata.cli.common import ConfigOption, LangOption
from govdata.i18n import Text


class Kind(StrEnum):
    INTERFACE = "interface"
    CATALOG_UPDATE = "catalog-update"
    PROBLEM_DATA = "problem-data"
    CORRECTION = "correction"
    OPEN_APPLICATION = "open-application"
    ANNUAL_REPORT = "annual-report"


class Outcome(StrEnum):
    CORRECT = "更正"
    KEEP = "不更正"
    AGREE = "同意"
    REFUSE = "不同意"


class EventKind(StrEnum):
    RECEIVED = "received"
    DISPATCHED = "dispatched"
    DECIDED = "decided"
    EXTENDED = "extended"
    CORRECTED = "corrected"
    RE_AGGREGATED = "re-aggregated"
    ANSWERED = "answered"
    WITHDRAWN = "withdrawn"
    PAUSED = "paused"
    RESUMED = "resumed"


app = typer.Typer(
    no_args_is_help=True,
    rich_markup_mode="rich",
    help="""办理事项：有办理期限的事项及其办理记录，期限按工作日历计算。/ Cases with deadlines in working days.

每个事项是 cases/<年>/<编号>.yaml：事项头和只追加的办理记录。状态和截止日期在读取时由办理记录和工作日历计算，不写入文件；工作日历未收录的年份显示为期限未知，绝不推测。每条记录先按状态和规则 GD401-GD408 校验，再原子写入；被拒绝的记录不改动文件。

Each case is cases/<年>/<编号>.yaml: a short header and an append-only list of events. The state and every due date are computed when the file is read, from the events and the working-day calendar (chinese-calendar, plus calendar overrides in govdata.yaml); a year nobody knows gives an unknown due date, never a guess. Commands check each event against the case's state and the case rules (GD401-GD408) and write atomically; a refused event writes nothing.

[bold]Kinds[/] interface 第八条 · catalog-update 第十九条 · problem-data 第二十三、二十四条 · correction 第四十条 · open-application 第四十一条 · annual-report 第五十五条

[bold]Events[/] received dispatched decided extended corrected re-aggregated answered withdrawn paused resumed

  interface         received → extended? → answered | withdrawn
  catalog-update    received → answered | withdrawn
  problem-data      received → dispatched → decided 更正 → corrected → re-aggregated (decided 不更正 ends it)
  correction        received → (paused → resumed)* → extended? → answered 同意|不同意 → corrected?
  open-application  received → (paused → resumed)* → extended? → answered 同意|不同意
  annual-report     answered

[bold]Example[/]

  govdata cases new problem-data --department gongan --reporter minzheng --resource 101002/000001 \\
      --item 出生日期 --title "户籍出生日期与出生医学证明不一致" --description "…" --evidence https://… --date 2026-09-28
  govdata cases event problem-data-2026-001 dispatched --by "数据资源科 李娜" --date 2026-09-29
  govdata cases event problem-data-2026-001 decided --outcome 更正 --by "户政科 张伟" --date 2026-10-09
  govdata cases show problem-data-2026-001
  govdata cases due --within 3
""",
)

CaseId = Annotated[str, typer.Argument(help="事项编号，如 problem-data-2026-001 / case id", show_default=False)]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="text、json 或 csv / output format")]
TodayOption = Annotated[
    str | None, typer.Option("--today", help="按此日期判断期限（默认今天）/ judge deadlines as of this day")
]


def _today(value: str | None) -> dt.date:
    return steps.parse_date(value, "--today") or dt.date.today()


@app.command("new")
def new(
    kind: Annotated[Kind, typer.Argument(help="事项类型 / kind of case", show_default=False)],
    department: Annotated[
        str,
        typer.Option("--department", help="承办部门（目录文件夹名）/ responsible department slug", show_default=False),
    ],
    title: Annotated[str, typer.Option("--title", help="事项名称 / short title", show_default=False)],
    reporter: Annotated[
        str | None, typer.Option("--reporter", help="报告问题数据的部门 / reporting department")
    ] = None,
    requester: Annotated[str | None, typer.Option("--requester", help="申请人名称 / requester name")] = None,
    contact: Annotated[str | None, typer.Option("--contact", help="申请人联系方式 / requester contact")] = None,
    resource: Annotated[str | None, typer.Option("--resource", help="信息资源代码 / resource code")] = None,
    item: Annotated[list[str] | None, typer.Option("--item", help="信息项，可重复 / item, repeatable")] = None,
    description: Annotated[str | None, typer.Option("--description", help="问题或申请内容 / description")] = None,
    evidence: Annotated[list[str] | None, typer.Option("--evidence", help="佐证材料，可重复 / evidence")] = None,
    agreed_date: Annotated[str | None, typer.Option("--agreed-date", help="约定提供日期（第八条）")] = None,
    changed_on: Annotated[str | None, typer.Option("--changed-on", help="法律或职能变更之日（第十九条）")] = None,
    report_year: Annotated[int | None, typer.Option("--report-year", help="报告年度（第五十五条）")] = None,
    source: Annotated[str | None, typer.Option("--source", help="来源，如议题链接 / source link")] = None,
    case_id: Annotated[str | None, typer.Option("--id", help="事项编号（默认 <类型>-<年>-<序号>）/ id")] = None,
    by: Annotated[
        str | None, typer.Option("--by", help="受理经办人（默认为记录受理的一方）/ who records receipt")
    ] = None,
    date: Annotated[str | None, typer.Option("--date", help="受理日期（默认今天）/ date received")] = None,
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """建立事项并记录受理（年度报告只建立事项）。/ Open a case and record its receipt.

    [bold]Examples[/]

      govdata cases new correction --department gongan --resource 101002/000001 --item 出生日期 \\
          --requester "济源某科技有限公司" --contact "0391-0000000" --description "…" --date 2026-11-20
      govdata cases new annual-report --department gongan --title "公安局2026年度政务数据管理情况" --report-year 2026
    """
    from govdata.cases.edit import Event, NewCase
    from govdata.cases.lifecycle import CaseRefused, open_case

    instance, chosen = steps.open_instance(config, lang)
    day = steps.parse_date(date, "--date") or dt.date.today()
    if (requester is None) != (contact is None):
        raise typer.BadParameter(
            Text("--requester 与 --contact 须同时给出", "give --requester with --contact").get(chosen)
        )
    first = None if kind is Kind.ANNUAL_REPORT else Event("received", day, by or "")
    draft = NewCase(
        kind=kind.value,
        title=title,
        department=department,
        first=first,
        id=case_id,
        reporter=reporter,
        requester=(requester, contact) if requester and contact else None,
        resource=resource,
        items=tuple(item or ()),
        description=description,
        evidence=tuple(evidence or ()),
        agreed_date=steps.parse_date(agreed_date, "--agreed-date"),
        changed_on=steps.parse_date(changed_on, "--changed-on"),
        report_year=report_year,
        source=source,
    )
    try:
        outcome = open_case(instance, draft)
    except CaseRefused as error:
        steps.refused(error, chosen)
    steps.report(outcome, chosen)


@app.command("event")
def event(
    case_id: CaseId,
    kind: Annotated[EventKind, typer.Argument(help="事件类型 / event type", show_default=False)],
    by: Annotated[str, typer.Option("--by", help="经办人 / who records it", show_default=False)],
    date: Annotated[str | None, typer.Option("--date", help="事件日期（默认今天）/ date")] = None,
    outcome: Annotated[
        Outcome | None, typer.Option("--outcome", help="decided：更正/不更正；answered：同意/不同意 / outcome")
    ] = None,
    reason: Annotated[str | None, typer.Option("--reason", help="理由 / reason")] = None,
    basis: Annotated[str | None, typer.Option("--basis", help="不同意的依据 / basis of a refusal")] = None,
    approver: Annotated[str | None, typer.Option("--approver", help="延期批准人 / who approved the extension")] = None,
    days: Annotated[int | None, typer.Option("--days", help="延长的工作日数 / working days of extension")] = None,
    note: Annotated[str | None, typer.Option("--note", help="说明 / note")] = None,
    evidence: Annotated[list[str] | None, typer.Option("--evidence", help="材料链接，可重复 / evidence")] = None,
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """追加一条办理记录（须为当前状态允许的事件）。/ Append an event the case's state allows.

    [bold]Examples[/]

      govdata cases event correction-2026-002 extended --days 10 --approver "公安局局长 赵强" \\
          --reason "需调取原始档案核实" --by "户政科 张伟"
      govdata cases event correction-2026-002 answered --outcome 不同意 --reason "…" --basis "《…》第…条" --by "户政科"
    """
    from govdata.cases.edit import Event
    from govdata.cases.lifecycle import CaseRefused, record

    instance, chosen = steps.open_instance(config, lang)
    step = Event(
        kind.value,
        steps.parse_date(date, "--date") or dt.date.today(),
        by,
        outcome.value if outcome else None,
        reason,
        basis,
        approver,
        days,
        note,
        tuple(evidence or ()),
    )
    try:
        result = record(instance, case_id, step)
    except CaseRefused as error:
        steps.refused(error, chosen)
    steps.report(result, chosen)


@app.command("list")
def list_cases(
    department: Annotated[str | None, typer.Option("--department", help="承办或报告部门 / department slug")] = None,
    kind: Annotated[Kind | None, typer.Option("--kind", help="事项类型 / kind")] = None,
    state: Annotated[str | None, typer.Option("--state", help="状态，如 办理中 / state")] = None,
    due_before: Annotated[str | None, typer.Option("--due-before", help="有期限早于此日 / due before")] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="只列已逾期的 / only overdue")] = False,
    today: TodayOption = None,
    output_format: FormatOption = Format.TEXT,
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """列出事项、状态和最近的期限。/ List cases with their state and next due date.

    [bold]Examples[/]

      govdata cases list --overdue
      govdata cases list --department gongan --kind correction --format csv > cases.csv
    """
    from govdata.cases.views import case_row, select

    catalog, found, _, chosen = output.loaded(config, lang)
    day = _today(today)
    chosen_views = select(
        found,
        day,
        department=department,
        kind=kind.value if kind else None,
        state=state,
        due_before=steps.parse_date(due_before, "--due-before"),
        overdue=overdue,
    )
    rows = [case_row(catalog, view, day, chosen) for view in chosen_views]
    heads = Text("编号 类型 状态 最近期限 承办部门 事项", "id kind state next-due department title").get(chosen).split()
    output.emit(
        rows,
        output.LIST_COLUMNS,
        output_format,
        heads,
        lambda r: (
            r["id"],
            r["kind"],
            r["state"],
            f"{r['next_due'] or '—'} {output.status_label(r['next_due_status'], chosen)}",
            r["department"],
            r["title"],
        ),
        Text(f"共 {len(rows)} 项", f"{len(rows)} cases").get(chosen),
    )


@app.command("show")
def show(
    case_id: CaseId,
    today: TodayOption = None,
    output_format: Annotated[Format, typer.Option("--format", "-f", help="text 或 json")] = Format.TEXT,
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """显示一个事项：办理记录、每个期限及其计算过程、可记录的下一步。/ Show a case and explain each due date.

    [bold]Example[/]

      govdata cases show correction-2026-002 --today 2026-10-20
    """
    from govdata.cases.store import find_case, load_cases
    from govdata.cases.views import case_record, views
    from govdata.report.base import write_json
    from govdata.workdays import calendar_for

    instance, chosen = steps.open_instance(config, lang)
    catalog, present = load_cases(instance, case_id=case_id)
    document = find_case(catalog, case_id, present)
    calendar = calendar_for(instance.config)
    view = next(v for v in views(catalog, calendar) if v.document.path == document.path)
    record = case_record(catalog, view, _today(today), calendar, chosen)
    if output_format is not Format.TEXT:
        write_json(record, sys.stdout)
        return
    typer.echo(output.render_case(record, chosen))


@app.command("due")
def due(
    within: Annotated[int, typer.Option("--within", help="未来 N 个工作日内到期 / due within N working days")] = 5,
    today: TodayOption = None,
    output_format: FormatOption = Format.TEXT,
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """列出 N 个工作日内到期和已逾期的期限（供每日定时任务提醒）。/ What falls due soon, and what is overdue.

    [bold]Example[/]

      govdata cases due --within 3 --format json
    """
    from govdata.cases.views import due_row, due_within

    _, found, calendar, chosen = output.loaded(config, lang)
    day = _today(today)
    rows = [
        due_row(view, deadline, day, calendar, chosen) for view, deadline in due_within(found, day, within, calendar)
    ]
    heads = Text("编号 截止 状态 承办部门 期限", "id due status department deadline").get(chosen).split()
    output.emit(
        rows,
        output.DUE_COLUMNS,
        output_format,
        heads,
        lambda r: output.due_cells(r, chosen),
        Text(f"{len(rows)} 个期限需要处理", f"{len(rows)} deadlines need attention").get(chosen),
    )


@app.command("stats")
def stats(
    year: Annotated[int, typer.Option("--year", help="统计年度 / year", show_default=False)],
    today: TodayOption = None,
    output_format: FormatOption = Format.TEXT,
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """按部门统计当年期限：受理、按期、逾期、办理工作日中位数、延期次数（第五十四条评价）。/ Yearly statistics.

    [bold]Example[/]

      govdata cases stats --year 2026 --format csv > 2026-cases.csv
    """
    from govdata.cases.stats import yearly

    catalog, found, calendar, chosen = output.loaded(config, lang)
    rows = [entry.as_row() for entry in yearly(catalog, found, year, _today(today), calendar)]
    heads = (
        Text(
            "部门 受理 按期 逾期办结 已逾期 未到期 办理工作日中位数 延期",
            "department received on-time late overdue open median-days extensions",
        )
        .get(chosen)
        .split()
    )
    output.emit(
        rows,
        output.STATS_COLUMNS,
        output_format,
        heads,
        lambda r: (
            r["name"],
            r["received"],
            r["on_time"],
            r["late"],
            r["overdue"],
            r["open"],
            "—" if r["median_working_days"] is None else r["median_working_days"],
            r["extensions"],
        ),
        Text(f"{year} 年，{len(rows)} 个部门", f"{year}: {len(rows)} departments").get(chosen),
        whole=(0,),
    )


app.command("from-issue")(from_issue)
