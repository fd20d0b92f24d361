"""``govdata demands``: match demand lists to the catalog, list the gaps, draft grant requests."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from govdata.cli import grant_steps as steps
from govdata.cli.common import ConfigOption, LangOption
from govdata.cli.grant_steps import Format, Method
from govdata.i18n import Lang, Text, plural

if TYPE_CHECKING:
    from govdata.demands.match import Match
    from govdata.model.catalog import Catalog

app = typer.Typer(
    rich_markup_mode="rich",
    invoke_without_command=True,
    help="""需求清单（第十六条）：逐条匹配目录、列出缺口、为已满足的需求起草共享申请。/ Demand lists: match, gaps, draft grants.

Each demand in catalogs/<部门>/demands.yaml is matched to the catalog. A demand that names its resource is checked against it (the resource exists and is the provider's, every item is there, none is 不予共享). A demand without a resource is matched by provider and item names; the best resource is suggested and other candidates are listed.

States: 已满足 (met), 可满足 (met by a suggested resource), 部分满足 (items missing or not shared), 未满足 (nothing in the provider's catalog), 资源有误 (the named resource is missing or another department's).

Exit 0 when every demand is met, 1 when any is not (a gap), 2 on usage errors.

[bold]Examples[/]

  govdata demands                              全部需求的匹配结果 / every demand
  govdata demands --department minzheng        只看民政局 / one department
  govdata demands gaps                         按提供部门列出缺口 / the gap list per provider
  govdata demands draft-grant minzheng MZ-2024-001 --method 核验
""",
)


def _matches(config: Path | None, lang: str | None, department: str | None) -> tuple[Catalog, list[Match], Lang]:
    from govdata.demands.match import match_all
    from govdata.grants.lifecycle import load_all
    from govdata.grants.store import department as find_department

    instance, chosen = steps.open_instance(config, lang)
    catalog, _ = load_all(instance)
    slug = find_department(catalog, department).slug if department else None
    return catalog, match_all(catalog, slug), chosen


@app.callback()
def demands(
    ctx: typer.Context,
    department: Annotated[
        str | None, typer.Option("--department", "-d", help="只看此部门的需求清单 / one department")
    ] = None,
    output_format: steps.FormatOption = Format.TEXT,
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """逐条显示需求与目录的匹配结果。/ Show how each demand matches the catalog."""
    if ctx.invoked_subcommand is not None:
        return
    from rich.console import Console

    from govdata.demands.views import explain, match_record, provider_name
    from govdata.report.tables import print_table

    catalog, matches, chosen = _matches(config, lang, department)
    if output_format is Format.JSON:
        typer.echo(json.dumps([match_record(catalog, m) for m in matches], ensure_ascii=False, indent=2))
    else:
        heads = Text(
            "部门 需求编号 需求名称 提供部门 匹配 资源 说明", "dept demand title provider state resource notes"
        )
        table = steps.table(heads.get(chosen).split(), whole=(0, 1, 4, 5))
        for match in matches:
            table.add_row(
                match.department,
                match.demand.id,
                match.demand.title,
                provider_name(catalog, match.demand.provider),
                match.state.value,
                match.resource or "—",
                explain(match).get(chosen),
            )
        console = Console(highlight=False)
        print_table(console, table)
        met = sum(1 for m in matches if m.met)
        console.print(
            Text(f"共 {len(matches)} 条需求，{met} 条可满足", f"{plural(len(matches), 'demand')}, {met} met").get(
                chosen
            )
        )
    if any(not m.met for m in matches):
        raise typer.Exit(1)


@app.command("gaps")
def gap_list(
    output_format: steps.FormatOption = Format.TEXT,
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """缺口清单：按提供部门列出目录尚不能满足的需求。/ The gap list: unmet demands per provider.

    Each entry says which department needs what, which items the provider's catalog lacks or does not share, and the nearest resources. Exit 1 when there is any gap.
    """
    from govdata.demands.match import gaps
    from govdata.demands.views import explain, match_record, provider_name

    catalog, matches, chosen = _matches(config, lang, None)
    grouped = gaps(matches)
    if output_format is Format.JSON:
        payload = {
            code: {"provider_name": provider_name(catalog, code), "demands": [match_record(catalog, m) for m in found]}
            for code, found in grouped.items()
        }
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        for code, found in grouped.items():
            typer.echo(f"{provider_name(catalog, code)}（{code}）")
            for match in found:
                typer.echo(f"  - {match.department} {match.demand.id} {match.demand.title} [{match.state.value}]")
                typer.echo(f"    {explain(match).get(chosen)}")
        if not grouped:
            typer.echo(Text("✓ 所有需求均可由目录满足", "✓ the catalog meets every demand").get(chosen))
    if grouped:
        raise typer.Exit(1)


@app.command("draft-grant")
def draft_grant(
    department: Annotated[
        str, typer.Argument(help="需求清单所属部门（文件夹名）/ department slug", show_default=False)
    ],
    demand_id: Annotated[str, typer.Argument(help="需求编号 / demand id", show_default=False)],
    method: Annotated[Method, typer.Option("--method", help="共享方式 / method")] = Method.INTERFACE,
    batch_reason: Annotated[str | None, typer.Option("--batch-reason", help="批量交换的理由 / why batch")] = None,
    justify: Annotated[
        list[str] | None, typer.Option("--justify", help="信息项=必要性说明，可重复 / ITEM=REASON")
    ] = None,
    valid_from: Annotated[str | None, typer.Option("--from", help="有效期起（默认今天）/ start")] = None,
    valid_until: Annotated[str | None, typer.Option("--until", help="有效期止（默认一年）/ end")] = None,
    grant_id: Annotated[str | None, typer.Option("--id", help="授权编号 / grant id")] = None,
    by: Annotated[str | None, typer.Option("--by", help="申请经办人 / who applies")] = None,
    date: steps.DateOption = None,
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """为已满足的需求起草共享申请：写入 grants/<部门>/<编号>.yaml，状态为申请中。/ Draft the grant request of a met demand.

    The request takes the demand's items, scenario and duty basis and the resource that meets it, and is checked like govdata grant new: when the items are more than half of the resource, give each a --justify. Nothing is written when a check fails.

    [bold]Example[/]

      govdata demands draft-grant minzheng MZ-2024-002 --method 核验
    """
    from govdata.demands.draft import find_demand, grant_request
    from govdata.grants.lifecycle import StepRefused, load_all, request

    instance, chosen = steps.open_instance(config, lang)
    catalog, _ = load_all(instance)
    day = steps.parse_date(date, "--date") or dt.date.today()
    start = steps.parse_date(valid_from, "--from") or day
    end = steps.parse_date(valid_until, "--until") or steps.one_year_from(start)
    draft = grant_request(
        catalog,
        find_demand(catalog, department, demand_id),
        method=method.value,
        valid_from=start,
        valid_until=end,
        date=day,
        by=by or "",
        grant_id=grant_id,
        batch_reason=batch_reason,
        justifications=steps.parse_justifications(justify),
    )
    try:
        outcome = request(instance, draft)
    except StepRefused as error:
        steps.refused(error, chosen)
    steps.report(outcome, chosen)
