"""JSON output: a stable, versioned envelope for other tools."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TextIO

from govdata import __version__
from govdata.diagnostics import Severity
from govdata.i18n import Lang
from govdata.report.base import write_json

if TYPE_CHECKING:
    from govdata.validation.engine import RunResult

# Bump when a field is removed or changes meaning; adding fields keeps the version.
FORMAT_VERSION = 1


def envelope(result: RunResult, lang: Lang) -> dict[str, Any]:
    return {
        "version": FORMAT_VERSION,
        "tool": {"name": "govdata", "version": __version__},
        "language": lang.value,
        "summary": {
            "files": result.files_checked,
            "errors": result.count(Severity.ERROR),
            "warnings": result.count(Severity.WARNING),
            "info": result.count(Severity.INFO),
            "catalog": result.summary.to_dict(),
        },
        "diagnostics": [d.to_dict(lang) for d in result.diagnostics],
    }


class JsonReporter:
    def report(self, result: RunResult, lang: Lang, stream: TextIO) -> None:
        write_json(envelope(result, lang), stream)
