"""Validation results as Markdown, for a CI job summary or a pull-request comment."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from govdata.diagnostics import Severity
from govdata.i18n import Lang, Text, plural

if TYPE_CHECKING:
    from govdata.validation.engine import RunResult

_ICON = {Severity.ERROR: "❌", Severity.WARNING: "⚠️", Severity.INFO: "ℹ️"}


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell: no pipes, no line breaks, no stray markup."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", "<br>")


class MarkdownReporter:
    def report(self, result: RunResult, lang: Lang, stream: TextIO) -> None:
        errors, warnings = result.count(Severity.ERROR), result.count(Severity.WARNING)
        title = Text("govdata 校验结果", "govdata validation")
        stream.write(f"### {title.get(lang)}\n\n")
        if not result.diagnostics:
            ok = Text(
                f"✅ 检查通过：{result.files_checked} 个文件", f"✅ all clear: {plural(result.files_checked, 'file')}"
            )
            stream.write(ok.get(lang) + "\n")
            return
        verdict = Text(
            f"{errors} 个错误、{warnings} 个警告（共检查 {result.files_checked} 个文件）",
            f"{plural(errors, 'error')}, {plural(warnings, 'warning')} ({plural(result.files_checked, 'file')} checked)",
        )
        stream.write(verdict.get(lang) + "\n\n")
        header = Text("| | 位置 | 规则 | 问题 |", "| | location | rule | finding |")
        stream.write(header.get(lang) + "\n|---|---|---|---|\n")
        for d in result.diagnostics:
            message = d.message.get(lang) + (f"<br>↳ {d.hint.get(lang)}" if d.hint else "")
            stream.write(f"| {_ICON[d.severity]} | `{cell(str(d.location))}` | {d.rule_id} | {cell(message)} |\n")
