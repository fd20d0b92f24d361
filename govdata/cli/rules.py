"""``govdata rules``: list the rules, show one, generate their documentation pages."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from govdata.cli.common import LangOption, resolve_lang
from govdata.i18n import Lang, article_text

app = typer.Typer(
    help="规则：列出全部规则、查看一条规则的说明、生成 docs/rules。/ List, explain and document the rules.",
    invoke_without_command=True,
)


# ``govdata rules`` reads its rows from here instead of importing every rule module and the
# models they use (issue 12, item 5); ``govdata rules index`` writes it, a test keeps it fresh.
INDEX = Path(__file__).with_name("rule_index.json")


def rule_rows(lang: Lang) -> list[list[str]]:
    """The rows of ``govdata rules`` in ``lang``, from the rule registry."""
    from govdata.generate.rule_docs import severity_text
    from govdata.rules import RULES

    zh = lang is Lang.ZH
    return [
        [
            rule.id,
            rule.title.zh if zh else rule.name,
            rule.name if zh else rule.title.get(lang),
            article_text(rule.article, lang) or "—",
            severity_text(rule.severity.value, lang),
            rule.summary_in(lang),
        ]
        for rule in RULES
    ]


def rule_index() -> str:
    """The text of ``rule_index.json``: every language's rows."""
    return json.dumps({lang.value: rule_rows(lang) for lang in Lang}, ensure_ascii=False, indent=1) + "\n"


@app.callback()
def list_rules(ctx: typer.Context, lang: LangOption = None) -> None:
    """列出全部规则及其条款、默认级别（中文模式下显示中文名称和摘要）。/ List every rule with its article and default severity."""
    if ctx.invoked_subcommand is not None:
        return
    from rich.console import Console
    from rich.table import Table

    chosen = resolve_lang(lang, None)
    headers = (
        ("编号", "名称", "英文名", "条款", "级别", "检查什么")
        if chosen is Lang.ZH
        else ("Id", "Name", "名称 / title", "Article", "Severity", "What it checks")
    )
    table = Table(show_lines=False)
    for header in headers:
        table.add_column(header, overflow="fold")
    for row in json.loads(INDEX.read_text(encoding="utf-8"))[chosen.value]:
        table.add_row(*row)
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


@app.command("index", hidden=True)
def index(
    check: Annotated[bool, typer.Option("--check", help="只检查是否过期，过期则以 1 退出 / fail if stale")] = False,
) -> None:
    """由规则代码生成 govdata/cli/rule_index.json（govdata rules 读取的列表，供开发者用）。/ Regenerate the rule list.

    Regenerate the list ``govdata rules`` prints from (for developers, after changing a rule).
    """
    from govdata.cli.generated import write_or_check

    write_or_check(
        INDEX.parent,
        {INDEX.name: rule_index()},
        check,
        "govdata/cli/rule_index.json",
        owns_folder=False,
        fix="govdata rules index",
    )
