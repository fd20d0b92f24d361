"""``govdata excel``: the catalog as the national template workbook, and back to YAML."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from govdata.cli.common import ConfigOption, LangOption, early_lang, resolve_lang

app = typer.Typer(
    help=(
        "Excel 工作簿：生成填写模板、导出目录、把填好的工作簿导入为 YAML。\n\n"
        "The catalog as an Excel workbook: template, export, import back to YAML."
    ),
    no_args_is_help=True,
)


@app.command("template")
def template(
    output: Annotated[Path, typer.Option("--output", "-o", help="输出文件 / output file")] = Path("目录模板.xlsx"),
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """生成空白填写模板（含下拉选项、示例行和填写说明）。/ Write the empty template workbook.

    [bold]示例 / Example[/]

      govdata excel template -o 目录模板.xlsx
    """
    from govdata.excel.export import template_workbook
    from govdata.excel.write import save_workbook
    from govdata.instance import open_instance

    early_lang(lang)
    instance = open_instance(Path.cwd(), config)
    chosen = resolve_lang(lang, instance.config.language)
    book = template_workbook(instance.root, instance.config.authority, instance.config.resource_code.example)
    save_workbook(book, output)
    typer.echo(f"已生成模板 {output}" if chosen.value == "zh-CN" else f"wrote the template {output}")


@app.command("export")
def export(
    departments: Annotated[
        list[str] | None,
        typer.Argument(metavar="[部门]...", help="部门文件夹名，如 gongan；默认全部 / department folders"),
    ] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="输出文件 / output file")] = Path("目录.xlsx"),
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """把目录导出为工作簿，供部门在 Excel/WPS 中修改。/ Export the catalog to a workbook.

    [bold]示例 / Examples[/]

      govdata excel export gongan -o 公安局目录.xlsx
      govdata excel export                 全部部门 / every department
    """
    from govdata.excel.catalog import check_departments
    from govdata.excel.export import export_workbook
    from govdata.excel.write import save_workbook
    from govdata.instance import open_instance

    early_lang(lang)
    instance = open_instance(Path.cwd(), config)
    chosen = resolve_lang(lang, instance.config.language)
    slugs = list(departments or [])
    check_departments(instance.root, slugs)
    book, count = export_workbook(instance.root, slugs)
    save_workbook(book, output)
    typer.echo(
        f"已导出 {count} 个信息资源到 {output}"
        if chosen.value == "zh-CN"
        else f"exported {count} resource{'s' if count != 1 else ''} to {output}"
    )


@app.command("import")
def import_(
    workbook: Annotated[Path, typer.Argument(metavar="文件.xlsx", help="填好的工作簿 / the filled workbook")],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", "-n", help="只列出将要修改的内容，不写文件 / list changes only")
    ] = False,
    config: ConfigOption = None,
    lang: LangOption = None,
) -> None:
    """把填好的工作簿导入为 YAML：逐格检查，报告“工作表!单元格”位置；有错误时不写任何文件。

    Import a filled workbook back to YAML. Every problem is located as sheet!cell; nothing is
    written while there are errors. Comments and fields the workbook does not hold are kept.
    Exit 0 when imported (or nothing to do), 1 on findings of error level, 2 on an unreadable file.

    [bold]示例 / Examples[/]

      govdata excel import 公安局目录.xlsx --dry-run
      govdata excel import 公安局目录.xlsx
    """
    from govdata.excel.importing import plan_import, write_plans
    from govdata.excel.report import print_import
    from govdata.instance import open_instance

    early_lang(lang)
    instance = open_instance(Path.cwd(), config)
    chosen = resolve_lang(lang, instance.config.language)
    code = instance.config.resource_code
    result = plan_import(instance.root, workbook, code.pattern, code.example)
    failed = result.findings.errors > 0
    if not failed and not dry_run:
        write_plans(instance.root, result)
    print_import(result, chosen, written=not failed and not dry_run)
    if failed:
        raise typer.Exit(1)
