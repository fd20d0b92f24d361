"""What happened to each source value: the rows of the loss report."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Action(StrEnum):
    MAPPED = "mapped"  # taken as it is
    NORMALISED = "normalised"  # spelling or shape changed (from → to)
    DEFAULTED = "defaulted"  # no source value: taken from the defaults file
    DROPPED = "dropped"  # a placeholder or a duplicate, deliberately left out
    UNKNOWN = "unknown"  # not understood: kept under extensions and reported


ACTION_WORDS: dict[Action, str] = {
    Action.MAPPED: "映射",
    Action.NORMALISED: "规范化",
    Action.DEFAULTED: "取默认值",
    Action.DROPPED: "舍弃",
    Action.UNKNOWN: "未能识别",
}


@dataclass(frozen=True, slots=True)
class ValueEvent:
    """One source value (or one default) and what the import did with it."""

    file: str
    record: int  # 1-based record index (JSON) or row number (CSV, XLSX)
    label: str  # the source's label; for a default, the defaults file key
    value: str
    field: str | None  # the catalog field it went to, dotted
    action: Action
    to: str | None = None  # the value written, when it differs from the source's
    note: str | None = None  # why, for drops and unknowns (Chinese)

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "record": self.record,
            "label": self.label,
            "value": self.value,
            "field": self.field,
            "action": self.action.value,
            "to": self.to,
            "note": self.note,
        }


@dataclass(frozen=True, slots=True)
class FileProblem:
    """A source file, or a record of it, that could not be read at all."""

    file: str
    record: int | None
    message_zh: str
    message_en: str


@dataclass(slots=True)
class RecordOutcome:
    """One record: its events, the resource it became (or why it was skipped)."""

    file: str
    record: int
    events: list[ValueEvent] = field(default_factory=list)
    resource: dict[str, object] | None = None
    department: str | None = None  # registry code of the provider
    skipped: str | None = None  # reason (Chinese), when no resource is written
    duplicate_of: str | None = None  # "file:record" of the record it repeats
    near_duplicates: list[str] = field(default_factory=list)
    code: str | None = None
    path: str | None = None
