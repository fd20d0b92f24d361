"""The diagnostic: one finding, located at file:line:column, in both languages."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from govdata.i18n import Lang, Text

Pointer = tuple[str | int, ...]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


@dataclass(frozen=True, slots=True, order=True)
class Location:
    """Where a finding is: a path relative to the instance root, and 1-based line and column."""

    path: str
    line: int | None = None
    column: int | None = None
    pointer: Pointer = ()

    def __post_init__(self) -> None:
        for value in (self.line, self.column):
            if value is not None and value < 1:
                raise ValueError("line and column are 1-based")

    def pointer_text(self) -> str:
        return "".join(f"/{part}" for part in self.pointer) or "/"

    def __str__(self) -> str:
        parts = [self.path]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A finding of one rule."""

    rule_id: str
    severity: Severity
    message: Text
    location: Location
    hint: Text | None = None
    article: str | None = None
    related: tuple[Location, ...] = field(default=())

    def sort_key(self) -> tuple[str, int, int, str]:
        loc = self.location
        return (loc.path, loc.line or 0, loc.column or 0, self.rule_id)

    def to_dict(self, lang: Lang) -> dict[str, Any]:
        """The one serialisation every machine-readable reporter builds on."""
        loc = self.location
        return {
            "rule": self.rule_id,
            "severity": self.severity.value,
            "message": self.message.get(lang),
            "message_zh": self.message.zh,
            "message_en": self.message.en,
            "hint": self.hint.get(lang) if self.hint else None,
            "article": self.article,
            "path": loc.path,
            "line": loc.line,
            "column": loc.column,
            "pointer": loc.pointer_text(),
            "related": [{"path": r.path, "line": r.line, "column": r.column} for r in self.related],
        }


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    return sorted(diagnostics, key=Diagnostic.sort_key)
