"""A semantic diff on the terminal: changes grouped by department and file, review level first."""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING, TextIO

from rich.console import Console
from rich.markup import escape

from govdata.gitops.review import Level
from govdata.i18n import Lang, Text
from govdata.report.diff_base import BREAKING, DiffOptions, colon, level_word, listing, repo_path
from govdata.report.diff_base import articles as _articles

if TYPE_CHECKING:
    from govdata.gitops.compare import DiffResult, Entry


def headline(result: DiffResult, lang: Lang) -> Text:
    total, authority, breaking = len(result.entries), result.count(Level.AUTHORITY), result.count(breaking=True)
    return Text(
        f"{result.base_label} → {result.head_label}：{total} 项变更，{authority} 项须数据主管部门批准，{breaking} 项为破坏性变更",
        f"{result.base_label} → {result.head_label}: {total} changes, {authority} need the authority's approval, "
        f"{breaking} breaking",
    )


def entry_lines(entry: Entry, lang: Lang) -> list[str]:
    line = entry.location.line
    style = "bold magenta" if entry.review.level is Level.AUTHORITY else "cyan"
    tags = f"[{style}]{level_word(entry).get(lang)}[/]"
    if entry.review.breaking:
        tags += f" [bold red]{BREAKING.get(lang)}[/]"
    articles = _articles(entry.review.articles, lang)
    lines = [
        f"  [dim]{line or '-':>6}[/]  {tags}  {escape(entry.text.get(lang))}  "
        f"[dim]{escape(entry.change.subject)}{'  ' + articles if articles else ''}[/]"
    ]
    if entry.review.relied_on:
        relied = listing([r.get(lang) for r in entry.review.relied_on], lang)
        word = "依赖方" if lang is Lang.ZH else "relied on by"
        lines.append(f"  {'':>6}  [red]↳ {word}{colon(lang)}{escape(relied)}[/]")
    return lines


class DiffTextReporter:
    def report(self, result: DiffResult, lang: Lang, stream: TextIO, options: DiffOptions) -> None:
        console = Console(file=stream, highlight=False, soft_wrap=True)
        entries = sorted(
            result.entries, key=lambda e: (result.department_name(e.change.department), repo_path(e, result))
        )
        for department, group in groupby(entries, key=lambda e: result.department_name(e.change.department)):
            console.print(f"[bold]{escape(department)}[/]")
            for path, in_file in groupby(group, key=lambda e: repo_path(e, result)):
                console.print(f" [underline]{escape(path)}[/]")
                for entry in sorted(in_file, key=lambda e: e.location.line or 0):
                    for line in entry_lines(entry, lang):
                        console.print(line)
            console.print()
        if not result.entries:
            console.print("[green]✓ 没有语义变更[/]" if lang is Lang.ZH else "[green]✓ no semantic changes[/]")
            return
        console.print(escape(headline(result, lang).get(lang)))
