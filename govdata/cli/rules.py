"""``govdata rules``: list the rules, show one, generate their documentation pages."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from govdata.cli.common import LangOption, resolve_lang
from govdata.i18n import Lang, article_text

app = typer.Typer(
    help="规则：列出全部规则、查看一条规则的说明、生成 docs/rules。/ List, explain and document the rules.",
    invoke_without_command=True,
)


@app.callback()
def list_rules(ctx: typer.Context, lang: LangOption = None) -> None:
    """列出全部规则及其条款、默认级别（中文模式下显示中文名称和摘要）。/ List every rule with its article and default severity."""
    if ctx.invoked_subcommand is not None:
        return
    from rich.console import Console
    from rich.table import Table

    from govdata.generate.rule_docs import severity_text
    from govdata.rules import RULES

    chosen = resolve_lang(lang, None)
    zh = chosen is Lang.ZH
    headers = (
        ("编号", "名称", "英文名", "条款", "级别", "检查什么")
        if zh
        else ("Id", "Name", "名称 / title", "Article", "Severity", "What it checks")
    )
    table = Table(show_lines=False)
    for header in headers:
        table.add_column(header, overflow="fold")
    for rule in RULES:
        table.add_row(
            rule.id,
            rule.title.zh if zh else rule.name,
            rule.name if zh else rule.title.get(chosen),
            article_text(rule.article, chosen) or "—",
            severity_text(rule.severity.value, chosen),
            rule.summary_in(chosen),
        )
    Console(soft_wrap=False).print(table)


@app.command("show")
def show(
    rule_id: Annotated[str, typer.Argument(help="规则编号或名称，如 GD010 / rule id or name")],
    lang: LangOption = None,
) -> None:
    """显示一条规则的完整说明。/ Show one rule's documentation.

    [bold]示例 / Example[/]

      govdata rules show GD010 --lang zh-CN
    """
    from rich.console import Console
    from rich.markdown import Markdown

    from govdata.generate.rule_docs import rule_page, rule_page_zh
    from govdata.rules import by_id

    rule = by_id(rule_id)
    chosen = resolve_lang(lang, None)
    Console().print(Markdown(rule_page_zh(rule) if chosen is Lang.ZH else rule_page(rule)))


@app.command("docs")
def docs(
    output: Annotated[Path, typer.Option("--output", "-o", help="输出目录 / output folder")] = Path("docs/rules"),
    check: Annotated[bool, typer.Option("--check", help="只检查是否过期，过期则以 1 退出 / fail if stale")] = False,
) -> None:
    """由规则代码生成 docs/rules/ 下的说明页和索引表。/ Generate docs/rules from the rule registry."""
    from govdata.cli.generated import write_or_check
    from govdata.generate.rule_docs import rule_docs

    write_or_check(output, rule_docs(), check, "docs/rules", fix="govdata rules docs")
