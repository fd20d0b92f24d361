"""Terminal output of ``excel import``: the located findings, then what changes per resource."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from govdata.diagnostics import Severity
from govdata.excel.importing import ImportResult
from govdata.i18n import Lang, Text

_WORD = {
    Severity.ERROR: ("bold red", Text("错误", "error")),
    Severity.WARNING: ("yellow", Text("警告", "warning")),
    Severity.INFO: ("cyan", Text("提示", "info")),
}


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def print_import(result: ImportResult, lang: Lang, written: bool) -> None:
    console = Console(highlight=False, soft_wrap=True)
    for finding in result.findings.items:
        style, word = _WORD[finding.severity]
        console.print(
            f"{escape(finding.location.path)}: [{style}]{word.get(lang)}[/] {escape(finding.message.get(lang))} [dim]{finding.rule_id}[/]"
        )
        if finding.hint is not None:
            console.print(f"  [green]↳ {escape(finding.hint.get(lang))}[/]")
    changed = result.changed
    for plan in changed:
        verb = Text("新增", "add") if plan.new else Text("修改", "change")
        console.print(f"[bold]{verb.get(lang)} {escape(plan.path)}[/]（{escape(plan.code)} {escape(plan.name)}）")
        for change in plan.changes:
            console.print(f"  {escape(change.get(lang))}")
    errors, warnings = result.findings.errors, result.findings.warnings
    unchanged = len(result.plans) - len(changed)
    if lang is Lang.ZH:
        checked = f"检查了 {result.resources} 个信息资源、{result.items} 个信息项"
        outcome = (
            f"发现 {errors} 个错误、{warnings} 个警告，未写入任何文件；请按位置修改工作簿后重新导入"
            if errors
            else (f"已写入 {len(changed)} 个文件" if written else f"将修改 {len(changed)} 个文件（--dry-run，未写入）")
            + f"，{unchanged} 个信息资源没有变化"
            + (f"；{warnings} 个警告" if warnings else "")
        )
        console.print(f"{checked}：{outcome}")
        return
    checked = f"checked {_plural(result.resources, 'resource')} and {_plural(result.items, 'item')}"
    outcome = (
        f"{_plural(errors, 'error')} and {_plural(warnings, 'warning')}; nothing written, fix the cells and import again"
        if errors
        else (
            f"wrote {_plural(len(changed), 'file')}"
            if written
            else f"would change {_plural(len(changed), 'file')} (--dry-run)"
        )
        + f", {unchanged} unchanged"
        + (f"; {_plural(warnings, 'warning')}" if warnings else "")
    )
    console.print(f"{checked}: {outcome}")
