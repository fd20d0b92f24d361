"""GitHub Actions workflow commands: an annotation on the file and line of each finding."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from govdata.diagnostics import Severity
from govdata.i18n import Lang, Text, plural

if TYPE_CHECKING:
    from govdata.validation.engine import RunResult

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter:
    def report(self, result: RunResult, lang: Lang, stream: TextIO) -> None:
        for diagnostic in result.diagnostics:
            loc = diagnostic.location
            properties = [f"file={_escape_property(loc.path)}"]
            if loc.line is not None:
                properties.append(f"line={loc.line}")
            if loc.column is not None:
                properties.append(f"col={loc.column}")
            properties.append(f"title={_escape_property(diagnostic.rule_id)}")
            message = diagnostic.message.get(lang)
            if diagnostic.hint is not None:
                message += "\n" + diagnostic.hint.get(lang)
            stream.write(f"::{_LEVEL[diagnostic.severity]} {','.join(properties)}::{_escape_data(message)}\n")
        errors, total, files = result.count(Severity.ERROR), len(result.diagnostics), result.files_checked
        summary = Text(
            f"govdata：{total} 个问题（{errors} 个错误），共检查 {files} 个文件",
            f"govdata: {plural(total, 'finding')} ({plural(errors, 'error')}) in {plural(files, 'file')}",
        )
        stream.write(summary.get(lang) + "\n")
