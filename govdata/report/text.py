"""Terminal output: findings grouped by file, then a summary of the run and the catalog."""

from __future__ import annotations

from itertools import groupby
from typing import TYPE_CHECKING, TextIO

from rich.console import Console
from rich.markup import escape

from govdata.diagnostics import Diagnostic, Severity
from govdata.i18n import Lang, Text, article_text, plural

if TYPE_CHECKING:
    from govdata.validation.engine import RunResult
    from govdata.validation.summary import CatalogSummary

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_WORD = {
    Severity.ERROR: Text("错误", "error"),
    Severity.WARNING: Text("警告", "warning"),
    Severity.INFO: Text("提示", "info"),
}


def _finding_lines(diagnostic: Diagnostic, lang: Lang) -> list[str]:
    loc = diagnostic.location
    where = f"{loc.line or '-'}:{loc.column or '-'}"
    severity = diagnostic.severity
    head = (
        f"  [dim]{where:>8}[/]  [{_STYLE[severity]}]{_WORD[severity].get(lang)}[/]  "
        f"{escape(diagnostic.message.get(lang))}  [dim]{diagnostic.rule_id}"
        + (f" {article_text(diagnostic.article, lang)}" if diagnostic.article else "")
        + "[/]"
    )
    lines = [head]
    if diagnostic.hint is not None:
        lines.append(f"  {'':>8}  [green]↳ {escape(diagnostic.hint.get(lang))}[/]")
    lines.extend(f"  {'':>8}  [dim]↳ {escape(str(related))}[/]" for related in diagnostic.related)
    return lines


def _counts(pairs: dict[str, int]) -> str:
    return "、".join(f"{name} {count}" for name, count in pairs.items()) or "—"


def catalog_lines(summary: CatalogSummary, lang: Lang) -> list[str]:
    if lang is Lang.ZH:
        lines = [
            f"部门 {summary.departments} 个（{summary.providing_departments} 个已编目），"
            f"信息资源 {summary.resources} 项，信息项 {summary.items} 个，法律依据 {summary.legal_bases} 部，需求 {summary.demands} 条",
            f"分类：{_counts(summary.by_class)}",
            f"基础库：{_counts(summary.base_libraries)}",
            f"主题：{_counts(summary.themes)}",
            f"共享：{_counts(summary.by_sharing)}；开放：{_counts(summary.by_opening)}",
        ]
        if summary.sample_data:
            lines.append("注意：本实例为样例数据（sample_data: true），不代表真实登记信息")
        return lines
    lines = [
        f"{plural(summary.departments, 'department')} ({summary.providing_departments} with resources), "
        f"{plural(summary.resources, 'resource')}, {plural(summary.items, 'item')}, "
        f"{plural(summary.legal_bases, 'legal basis', 'legal bases')}, {plural(summary.demands, 'demand')}",
        f"classes: {_counts(summary.by_class)}",
        f"sharing: {_counts(summary.by_sharing)}; opening: {_counts(summary.by_opening)}",
    ]
    if summary.sample_data:
        lines.append("note: this instance holds sample data (sample_data: true)")
    return lines


def _checked(result: RunResult, lang: Lang) -> str:
    """What the run covered: the files of the paths asked about, within the whole instance."""
    return _covered(result, lang) + _reused(result, lang)


def _covered(result: RunResult, lang: Lang) -> str:
    seconds = f"{result.seconds:.1f}"
    if result.files_in_scope is None:
        if lang is Lang.ZH:
            return f"共检查 {result.files_checked} 个文件，用时 {seconds} 秒"
        return f"{plural(result.files_checked, 'file')} checked in {seconds} s"
    if lang is Lang.ZH:
        return f"所指路径中 {result.files_in_scope} 个文件，规则检查了整个实例的 {result.files_checked} 个文件，用时 {seconds} 秒"
    return (
        f"{plural(result.files_in_scope, 'file')} in the given paths, rules run across all "
        f"{plural(result.files_checked, 'file')} in {seconds} s"
    )


def _reused(result: RunResult, lang: Lang) -> str:
    """How many files were unchanged since a cached run (their per-file results were reused)."""
    if not result.files_from_cache:
        return ""
    if lang is Lang.ZH:
        return f"（其中 {result.files_from_cache} 个未改动，沿用缓存的单文件检查结果）"
    return f" ({result.files_from_cache} unchanged, per-file results from the cache)"


def _verdict(result: RunResult, lang: Lang) -> str:
    errors, warnings, infos = (result.count(s) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO))
    files = len({d.location.path for d in result.diagnostics})
    checked = _checked(result, lang)
    if not result.diagnostics:
        return f"[bold green]✓ 检查通过[/]：{checked}" if lang is Lang.ZH else f"[bold green]✓ all clear[/]: {checked}"
    if not errors:  # nothing blocks: say so, rather than a red cross
        if lang is Lang.ZH:
            return (
                f"[bold yellow]⚠ 没有错误，仅有 {warnings} 个警告、{infos} 个提示[/]，涉及 {files} 个文件（{checked}）"
            )
        return (
            f"[bold yellow]⚠ no errors, only {plural(warnings, 'warning')} and {plural(infos, 'note')}[/] "
            f"in {plural(files, 'file')} ({checked})"
        )
    if lang is Lang.ZH:
        return (
            f"[bold red]✗ 发现 {errors} 个错误、{warnings} 个警告、{infos} 个提示[/]，涉及 {files} 个文件（{checked}）"
        )
    return (
        f"[bold red]✗ {plural(errors, 'error')}, {plural(warnings, 'warning')}, {plural(infos, 'note')}[/] "
        f"in {plural(files, 'file')} ({checked})"
    )


class TextReporter:
    def report(self, result: RunResult, lang: Lang, stream: TextIO) -> None:
        console = Console(file=stream, highlight=False, soft_wrap=True)
        for path, group in groupby(result.diagnostics, key=lambda d: d.location.path):
            console.print(f"[bold underline]{escape(path)}[/]")
            for diagnostic in group:
                for line in _finding_lines(diagnostic, lang):
                    console.print(line)
            console.print()
        for line in catalog_lines(result.summary, lang):
            console.print(f"[dim]{escape(line)}[/]")
        console.print(_verdict(result, lang))
