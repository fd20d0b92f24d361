"""``govdata responsibility``: build the collection responsibility lists (Art. 18) and show their fulfilment."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from govdata.cli import grant_steps as steps
from govdata.cli.common import ConfigOption, LangOption
from govdata.cli.grant_steps import Format
from govdata.errors import UsageError
from govdata.i18n import Lang, Text

if TYPE_CHECKING:
    from govdata.diagnostics import Diagnostic
    from govdata.instance import Instance
    from govdata.io.transaction import Transaction
    from govdata.model.catalog import Catalog

app = typer.Typer(
    no_args_is_help=True,
    rich_markup_mode="rich",
    help="""采集责任清单（第十八条）：由目录生成 responsibility/<部门>.yaml，并显示落实情况。/ Collection responsibility lists.

Per resource a department provides, the list says what it collects itself (items without obtained_from), what it obtains by sharing, the source system, identifier items, aggregation mode, update cycle and when the next aggregation is due. The department keeps status, last_aggregated and notes by hand; a rebuild keeps them. A list whose data did not change is not rewritten; where it did, the file is edited in place, so comments stay with their entries.

Due dates: one update cycle after the last aggregation (每月 = one month, 每年 = one year), moved to the next working day when they fall on a weekend or statutory holiday (official calendar; later years from govdata.yaml calendar, otherwise left empty as unknown).

[bold]Examples[/]

  govdata responsibility build                 生成或更新全部清单 / write the lists
  govdata responsibility build --check         CI：清单过期则以 1 退出 / fail when stale
  govdata responsibility status                各部门落实情况 / fulfilment per department
""",
)


def _load(
    config: Path | None, lang: str | None, transaction_label: str = "responsibility build"
) -> tuple[Instance, Catalog, list[Diagnostic], Lang, Transaction]:
    """The instance and its catalog, loaded without running rules, and the transaction that read it."""
    from govdata.generate.responsibility import FOLDER
    from govdata.instance import discover
    from govdata.io.transaction import Transaction
    from govdata.io.tree import WorkingTree
    from govdata.validation.engine import load_catalog

    instance, chosen = steps.open_instance(config, lang)
    paths = discover(instance.root)
    lists = [path for path in paths if path.startswith(f"{FOLDER}/")]
    config_path = instance.relative(instance.config_path)
    # The catalog through the (parallel) working-tree reader; the lists, which are rewritten,
    # through the transaction, which remembers the bytes their hand-kept fields came from.
    catalog, diagnostics = load_catalog(
        instance.config, [p for p in paths if p not in lists], WorkingTree(instance.root), config_path=config_path
    )
    transaction = Transaction(instance.root, transaction_label)
    kept, more = load_catalog(instance.config, lists, transaction.read, config_path=config_path)
    catalog.responsibility_lists.extend(kept.responsibility_lists)
    catalog.unloaded.extend(kept.unloaded)
    return instance, catalog, diagnostics + more, chosen, transaction


def _settled(instance: Instance, files: dict[str, str], read: Callable[[str], bytes] | None = None) -> dict[str, str]:
    """The lists as they should be: unchanged data left as it is, changed data edited in place."""
    from govdata.generate.responsibility import FOLDER, settle

    reader = read or (lambda path: (instance.root / path).read_bytes())
    settled = {}
    for name, generated in files.items():
        try:
            current: str | None = reader(f"{FOLDER}/{name}").decode("utf-8")
        except (FileNotFoundError, UnicodeDecodeError):
            current = None
        settled[name] = settle(current, generated)
    return settled


@app.command("build")
def build(
    check: Annotated[
        bool, typer.Option("--check", help="不写文件；清单过期则列出差异并以 1 退出 / fail if stale")
    ] = False,
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """由目录生成 responsibility/<部门>.yaml，保留手工维护的汇聚状态、最近汇聚日期和备注。/ Build the lists from the catalog.

    A list whose file does not load is never overwritten: the run stops (exit 2) so that its hand-kept fields are not lost. Only lists that differ are written, all together under the instance lock and only if none was edited while the command ran (else exit 2, nothing written); a run that was killed half-way is named by the next one, which finishes it. With --check nothing is written and the run exits 1 when a list differs from what the catalog gives, with the differences shown.
    """
    from govdata.cli.generated import write_or_check
    from govdata.generate.responsibility import FOLDER, responsibility_lists
    from govdata.io.transaction import interrupted_run
    from govdata.workdays import calendar_for

    instance, catalog, diagnostics, chosen, transaction = _load(config, lang)
    earlier = interrupted_run(instance.root)
    if earlier is not None:
        typer.echo(earlier.get(chosen), err=True)
    broken = [d for d in diagnostics if d.location.path.startswith(f"{FOLDER}/")]
    if broken:
        for diagnostic in broken:
            typer.echo(f"{diagnostic.location}: {diagnostic.message.get(chosen)}", err=True)
        raise UsageError(
            Text(
                "责任清单文件有误，为免丢失手工维护的内容，未重新生成；请先修正上述问题",
                "a responsibility list does not load; nothing rebuilt so that its hand-kept fields are not lost",
            )
        )
    files = _settled(instance, responsibility_lists(catalog, calendar_for(instance.config)), transaction.read)
    write_or_check(
        instance.root / FOLDER,
        files,
        check,
        "responsibility",
        transaction=transaction,
        fix="govdata responsibility build",
    )


@app.command("status")
def status(
    today: Annotated[
        str | None, typer.Option("--today", help="按此日期判断是否逾期（默认今天）/ the day to judge overdue by")
    ] = None,
    output_format: steps.FormatOption = Format.TEXT,
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """各部门责任清单落实情况：已汇聚、未汇聚、逾期、落实率。/ Fulfilment of the lists per department.

    Columns: resources in the list; 已汇聚, 部分汇聚, 未汇聚 and 免于汇聚 as the departments recorded them; 逾期, entries whose next aggregation was due before the day given; 日期未知, entries whose due date falls in a year without an official calendar; 落实率, the share fulfilled: 已汇聚 and not overdue, or 免于汇聚 for a 不汇聚 resource.

    Read from the committed lists; exit 1 when a list is stale (run govdata responsibility build), else 0.

    [bold]Example[/]

      govdata responsibility status --today 2026-12-31
    """
    from govdata.cli.generated import stale_files
    from govdata.fulfilment import fulfilment
    from govdata.generate.responsibility import FOLDER, responsibility_lists
    from govdata.workdays import calendar_for

    instance, catalog, _, chosen, _ = _load(config, lang)
    day = steps.parse_date(today, "--today") or dt.date.today()
    rows = fulfilment(catalog, day)
    stale = stale_files(
        instance.root / FOLDER,
        _settled(instance, responsibility_lists(catalog, calendar_for(instance.config))),
        exhaustive=True,
    )
    if output_format is Format.JSON:
        payload = [dict(vars(row), rate=round(row.rate, 4)) for row in rows]
        typer.echo(
            json.dumps(
                {"today": day.isoformat(), "departments": payload, "stale": sorted(stale)}, ensure_ascii=False, indent=2
            )
        )
    else:
        from rich.console import Console

        from govdata.report.tables import print_table

        # Short heads keep the table within 80 columns; the help text explains each one.
        heads = Text(
            "部门 资源 已汇聚 部分 未汇聚 免汇聚 逾期 日期未知 落实率",
            "department total done partial none exempt overdue unknown rate",
        )
        table = steps.table(heads.get(chosen).split(), whole=tuple(range(1, 9)))
        for row in rows:
            table.add_row(
                row.name,
                *(
                    str(n)
                    for n in (
                        row.total,
                        row.aggregated,
                        row.partial,
                        row.missing,
                        row.exempt,
                        row.overdue,
                        row.unknown_due,
                    )
                ),
                f"{row.rate:.0%}",
            )
        console = Console(highlight=False)
        print_table(console, table)
        console.print(Text(f"截至 {day}", f"as of {day}").get(chosen))
        if stale:
            console.print(
                Text(
                    f"[yellow]注意：{len(stale)} 份清单与目录不一致（{'、'.join(stale)}），请运行 govdata responsibility build[/]",
                    f"[yellow]note: {len(stale)} lists are stale ({', '.join(stale)}); run govdata responsibility build[/]",
                ).get(chosen)
            )
    if stale:
        raise typer.Exit(1)
