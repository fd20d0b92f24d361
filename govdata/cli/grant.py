"""``govdata grant``: request sharing grants, list and show them; the lifecycle steps are in
:mod:`govdata.cli.grant_steps` and registered here."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated

import typer

from govdata.cli import grant_steps as steps
from govdata.cli.common import ConfigOption, LangOption
from govdata.cli.grant_steps import Format, Method, Status
from govdata.errors import UsageError
from govdata.i18n import Text, plural

app = typer.Typer(
    no_args_is_help=True,
    rich_markup_mode="rich",
    help="""数据共享授权：申请、审批、暂停、恢复、终止、续期、标记过期、查看。/ Sharing grants and their lifecycle.

Each grant is grants/<申请部门>/<编号>.yaml. Every command checks that its transition is allowed, edits the file in place (comments and layout kept), validates the result against the schema and the grant rules (GD301-GD311) and writes it atomically, under the instance lock and only if the file still holds what the command read; a refused step writes nothing (exit 1), a transition the lifecycle does not allow is a usage error (exit 2), and so is a grant changed by someone else meanwhile (已被他人修改，请重新运行 / changed by someone else since read; run again).

[bold]Lifecycle[/]

  new ─► 申请中 ─approve─► 已批准 ─suspend─► 已暂停 ─resume─► 已批准
         申请中 ─reject──► 已驳回 (final)
         已批准/已暂停 ─terminate─► 已终止 (final)
         已批准/已暂停 ─expire─► 已过期 (after valid_until) ─renew─► 已批准
         已批准 ─renew─► 已批准 (a later valid_until)

[bold]Example[/]

  govdata grant new --applicant minzheng --resource 101002/000001 --item 公民身份号码 \\
      --scenario "低保申请受理时核验户籍身份" --duty-basis "《社会救助暂行办法》第十一条" --method 核验
  govdata grant approve minzheng-2026-001 --by "数据共享科 王敏" --reason "依据充分"
  govdata grant suspend minzheng-2026-001 --by "数据共享科 王敏" --reason "超范围调用，暂停核查"
  govdata grant terminate minzheng-2026-001 --by "数据共享科 王敏" --reason "系统停用"
""",
)

app.command("approve")(steps.approve)
app.command("reject")(steps.reject)
app.command("suspend")(steps.suspend)
app.command("resume")(steps.resume)
app.command("terminate")(steps.terminate)
app.command("renew")(steps.renew)
app.command("expire")(steps.expire)


@app.command("new")
def new(
    applicant: Annotated[
        str,
        typer.Option(
            "--applicant", help="申请部门：目录文件夹名或统一社会信用代码 / applicant slug or code", show_default=False
        ),
    ],
    resource: Annotated[str, typer.Option("--resource", help="信息资源代码 / resource code", show_default=False)],
    item: Annotated[
        list[str], typer.Option("--item", help="申请的信息项，可重复 / an item, repeatable", show_default=False)
    ],
    scenario: Annotated[str, typer.Option("--scenario", help="应用场景 / application scenario", show_default=False)],
    duty_basis: Annotated[
        str,
        typer.Option("--duty-basis", help="履职依据：职责及其法律依据 / the duty and its source", show_default=False),
    ],
    method: Annotated[Method, typer.Option("--method", help="共享方式 / method")] = Method.INTERFACE,
    batch_reason: Annotated[
        str | None, typer.Option("--batch-reason", help="批量交换的理由（第三十三条）/ why batch")
    ] = None,
    justify: Annotated[
        list[str] | None, typer.Option("--justify", help="逐项必要性说明 信息项=理由，可重复 / ITEM=REASON")
    ] = None,
    valid_from: Annotated[
        str | None, typer.Option("--from", help="有效期起（默认今天）/ start (default: today)")
    ] = None,
    valid_until: Annotated[
        str | None, typer.Option("--until", help="有效期止（默认一年）/ end (default: one year)")
    ] = None,
    title: Annotated[str | None, typer.Option("--title", help="申请事项名称（默认取应用场景）/ title")] = None,
    grant_id: Annotated[str | None, typer.Option("--id", help="授权编号（默认 <部门>-<年>-<序号>）/ id")] = None,
    demand: Annotated[str | None, typer.Option("--demand", help="对应的需求清单编号 / demand id")] = None,
    by: Annotated[str | None, typer.Option("--by", help="申请经办人（默认申请部门名称）/ who applies")] = None,
    date: steps.DateOption = None,
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """提出共享申请：写入 grants/<部门>/<编号>.yaml，状态为申请中。/ File a new grant request.

    The request is checked before it is written: the resource and items exist and may be shared, a duty basis is named, batch exchange gives a reason, broad requests justify each item, the period is within the maximum. Nothing is written when a check fails (exit 1).

    [bold]Example[/]

      govdata grant new --applicant minzheng --resource 101002/000001 \\
          --item 公民身份号码 --item 姓名 --justify 姓名=核对申请人姓名 \\
          --scenario "低保申请受理时核验申请人户籍身份" \\
          --duty-basis "《社会救助暂行办法》第十一条规定的低保审核确认职责" --method 核验
    """
    from govdata.grants.edit import Request
    from govdata.grants.lifecycle import StepRefused, request

    instance, chosen = steps.open_instance(config, lang)
    day = steps.parse_date(date, "--date") or dt.date.today()
    start = steps.parse_date(valid_from, "--from") or day
    end = steps.parse_date(valid_until, "--until") or steps.one_year_from(start)
    draft = Request(
        title=title or scenario,
        applicant=applicant,
        resource=resource,
        items=tuple(item),
        scenario=scenario,
        duty_basis=duty_basis,
        method=method.value,
        valid_from=start,
        valid_until=end,
        by=by or "",
        date=day,
        id=grant_id,
        batch_reason=batch_reason,
        justifications=steps.parse_justifications(justify),
        demand=demand,
    )
    try:
        outcome = request(instance, draft)
    except StepRefused as error:
        steps.refused(error, chosen)
    steps.report(outcome, chosen)


@app.command("list")
def list_grants(
    status: Annotated[Status | None, typer.Option("--status", help="只列此状态 / only this status")] = None,
    applicant: Annotated[str | None, typer.Option("--applicant", help="只列此申请部门 / only this applicant")] = None,
    resource: Annotated[str | None, typer.Option("--resource", help="只列此资源 / only this resource")] = None,
    output_format: steps.FormatOption = Format.TEXT,
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """列出授权及其状态、有效期。/ List grants with their status and term.

    [bold]Examples[/]

      govdata grant list --status 已批准
      govdata grant list --applicant minzheng --format json
    """
    from rich.console import Console

    from govdata.grants.lifecycle import load_grants
    from govdata.grants.views import grant_row, select
    from govdata.report.tables import print_table

    instance, chosen = steps.open_instance(config, lang)
    catalog, _ = load_grants(instance)
    if applicant and not any(applicant in (d.code, d.slug) for d in catalog.departments):
        known = "、".join(sorted(d.slug for d in catalog.departments))
        raise UsageError(
            Text(
                f"部门名录中没有申请部门“{applicant}”（not found）；可用的部门：{known}",
                f"applicant {applicant!r} not found in the department registry; known: {known}",
            )
        )
    if resource and not any(d.model.code == resource for d in catalog.resources):
        raise UsageError(
            Text(f"目录中没有信息资源 {resource}（not found）", f"resource {resource} not found in the catalog")
        )
    rows = [
        grant_row(catalog, d)
        for d in select(catalog, status=status and status.value, applicant=applicant, resource=resource)
    ]
    if output_format is Format.JSON:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    heads = (
        Text("编号 状态 申请部门 信息资源 方式 有效期", "id status applicant resource method term").get(chosen).split()
    )
    table = steps.table(heads, whole=(0, 1))
    for row in rows:
        table.add_row(
            row["id"],
            row["status"],
            row["applicant"],
            f"{row['resource']} {row['resource_name']}",
            row["method"],
            f"{row['valid_from']} – {row['valid_until']}",
        )
    console = Console(highlight=False)
    print_table(console, table)
    console.print(Text(f"共 {len(rows)} 项授权", plural(len(rows), "grant")).get(chosen))


@app.command("show")
def show(
    grant_id: steps.GrantId,
    output_format: steps.FormatOption = Format.TEXT,
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """显示一项授权：申请内容、审批决定、全部变更记录和可执行的下一步。/ Show one grant in full.

    [bold]Example[/]

      govdata grant show minzheng-2026-001
    """
    from govdata.grants.lifecycle import load_grants
    from govdata.grants.store import find_grant
    from govdata.grants.views import grant_record

    instance, chosen = steps.open_instance(config, lang)
    catalog, present = load_grants(instance)
    record = grant_record(catalog, find_grant(catalog, grant_id, present))
    if output_format is Format.JSON:
        typer.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    typer.echo(steps.render_record(record, chosen))
