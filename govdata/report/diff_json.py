"""A semantic diff as JSON: a stable, versioned envelope for bots and other tools."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TextIO

from govdata import __version__
from govdata.gitops.review import Level
from govdata.i18n import Lang
from govdata.report.base import write_json
from govdata.report.diff_base import DiffOptions, file_link

if TYPE_CHECKING:
    from govdata.gitops.compare import DiffResult, Entry

# Bump when a field is removed or changes meaning; adding fields keeps the version.
FORMAT_VERSION = 1


def entry_dict(entry: Entry, result: DiffResult, lang: Lang, options: DiffOptions) -> dict[str, Any]:
    change, verdict, location = entry.change, entry.review, entry.location
    return {
        "kind": change.kind.value,
        "subject": change.subject,
        "item": change.item,
        "field": change.field,
        "label": change.label,
        "old": change.old,
        "new": change.new,
        "message": entry.text.get(lang),
        "message_zh": entry.text.zh,
        "message_en": entry.text.en,
        "department": change.department or result.authority,
        "department_name": result.department_name(change.department),
        "level": verdict.level.value,
        "breaking": verdict.breaking,
        "reason": verdict.reason.get(lang) if verdict.reason else None,
        "articles": list(verdict.articles),
        "relied_on": [r.get(lang) for r in verdict.relied_on],
        "side": change.side.value,
        "path": result.prefix + location.path,
        "line": location.line,
        "column": location.column,
        "pointer": location.pointer_text(),
        "link": file_link(entry, result, options),
    }


def diff_envelope(result: DiffResult, lang: Lang, options: DiffOptions) -> dict[str, Any]:
    return {
        "version": FORMAT_VERSION,
        "tool": {"name": "govdata", "version": __version__},
        "language": lang.value,
        "base": {"rev": result.base, "label": result.base_label},
        "head": {"rev": result.head, "label": result.head_label},
        "summary": {
            "changes": len(result.entries),
            "authority": result.count(Level.AUTHORITY),
            "department": result.count(Level.DEPARTMENT),
            "breaking": result.count(breaking=True),
            "uncompared_files": sorted({d.location.path for d in result.problems}),
        },
        "changes": [entry_dict(e, result, lang, options) for e in result.entries],
    }


class DiffJsonReporter:
    def report(self, result: DiffResult, lang: Lang, stream: TextIO, options: DiffOptions) -> None:
        write_json(diff_envelope(result, lang, options), stream)
