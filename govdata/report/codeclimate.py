"""GitLab Code Quality (Code Climate JSON): findings shown inline in a merge request.

The fingerprint hashes rule, file, JSON pointer and message, not the line: a finding that
only moved down the file stays the same finding for GitLab.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any, TextIO

from govdata.diagnostics import Diagnostic, Severity
from govdata.i18n import Lang
from govdata.report.base import write_json

if TYPE_CHECKING:
    from govdata.validation.engine import RunResult

# GitLab's levels are info, minor, major, critical and blocker.
_SEVERITY = {Severity.ERROR: "critical", Severity.WARNING: "minor", Severity.INFO: "info"}


def fingerprint(diagnostic: Diagnostic) -> str:
    loc = diagnostic.location
    key = "\0".join((diagnostic.rule_id, loc.path, loc.pointer_text(), diagnostic.message.en))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def issue(diagnostic: Diagnostic, lang: Lang) -> dict[str, Any]:
    loc = diagnostic.location
    description = diagnostic.message.get(lang)
    if diagnostic.hint is not None:
        description += " — " + diagnostic.hint.get(lang)
    return {
        "type": "issue",
        "check_name": diagnostic.rule_id,
        "description": description,
        "categories": ["Style" if diagnostic.severity is Severity.INFO else "Bug Risk"],
        "severity": _SEVERITY[diagnostic.severity],
        "fingerprint": fingerprint(diagnostic),
        "location": {"path": loc.path, "lines": {"begin": loc.line or 1}},
    }


class CodeClimateReporter:
    def report(self, result: RunResult, lang: Lang, stream: TextIO) -> None:
        write_json([issue(d, lang) for d in result.diagnostics], stream)
