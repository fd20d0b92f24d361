"""The loss report of ``govdata import``: every source value and its fate, as text, JSON or CSV.

JSON is a stable envelope: ``records``, ``written``, ``skipped`` (counts), per-source summaries,
file problems, skipped records with reasons, near duplicates, new departments, and ``values``,
one entry ``{file, record, label, value, field, action, to, note}`` per source value or default.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

from govdata import __version__
from govdata.imports.events import ACTION_WORDS, Action

if TYPE_CHECKING:
    from govdata.imports.run import ImportResult

FORMAT_VERSION = 1
CSV_COLUMNS = ("file", "record", "label", "value", "field", "action", "to", "note")


@dataclass
class SourceSummary:
    file: str
    records: int = 0
    importable: int = 0
    skipped: int = 0
    actions: Counter[str] = field(default_factory=Counter)
    unknown: Counter[str] = field(default_factory=Counter)  # "label = value" → records

    @property
    def values(self) -> int:
        """Source values (defaults are not source values)."""
        return sum(n for action, n in self.actions.items() if action != Action.DEFAULTED.value)

    @property
    def understood_share(self) -> float:
        taken = self.actions[Action.MAPPED.value] + self.actions[Action.NORMALISED.value]
        return taken / self.values if self.values else 1.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "records": self.records,
            "importable": self.importable,
            "skipped": self.skipped,
            "values": self.values,
            "actions": dict(sorted(self.actions.items())),
            "mapped_share": round(self.understood_share, 4),
            "unknown": dict(self.unknown.most_common()),
        }


def summaries(result: ImportResult) -> list[SourceSummary]:
    by_file: dict[str, SourceSummary] = {s.name: SourceSummary(s.name) for s in result.sources}
    for outcome in result.outcomes:
        summary = by_file.setdefault(outcome.file, SourceSummary(outcome.file))
        summary.records += 1
        summary.importable += outcome.resource is not None
        summary.skipped += outcome.resource is None
        for event in outcome.events:
            summary.actions[event.action.value] += 1
            if event.action is Action.UNKNOWN:
                summary.unknown[f"{event.label} = {event.value[:40]}"] += 1
    return list(by_file.values())


def totals(result: ImportResult) -> dict[str, int]:
    actions = Counter(event.action.value for event in result.events)
    importable = sum(outcome.resource is not None for outcome in result.outcomes)
    return {
        "records": len(result.outcomes),
        "importable": importable,
        "written": len(result.written),
        "skipped": len(result.outcomes) - importable,
        "exact_duplicates": sum(outcome.duplicate_of is not None for outcome in result.outcomes),
        "near_duplicates": sum(bool(outcome.near_duplicates) for outcome in result.outcomes),
        "new_departments": len(result.new_departments),
        **{f"values_{action.value}": actions[action.value] for action in Action},
    }


def envelope(
    result: ImportResult, validation: dict[str, Any] | None = None, *, with_values: bool = True
) -> dict[str, Any]:
    count = totals(result)
    data = {
        "version": FORMAT_VERSION,
        "tool": {"name": "govdata", "version": __version__},
        "dry_run": result.dry_run,
        "records": count["records"],
        "written": count["written"],
        "skipped": count["skipped"],
        "totals": count,
        "sources": [summary.as_dict() for summary in summaries(result)],
        "problems": [
            {"file": p.file, "record": p.record, "message": p.message_zh, "message_en": p.message_en}
            for p in result.problems
        ],
        "notes": {source.name: source.notes for source in result.sources if source.notes},
        "skipped_records": [
            {"file": o.file, "record": o.record, "reason": o.skipped} for o in result.outcomes if o.skipped
        ],
        "near_duplicates": [
            {"file": o.file, "record": o.record, "of": o.near_duplicates} for o in result.outcomes if o.near_duplicates
        ],
        "new_departments": [
            {"name": d.name, "code": d.code, "slug": d.slug, "catalog_code": d.catalog_code, "first_seen": d.first_seen}
            for d in result.new_departments
        ],
        "resources": [
            {"file": o.file, "record": o.record, "code": o.code, "path": o.path} for o in result.outcomes if o.code
        ],
        "validation": validation,
    }
    if with_values:
        data["values"] = [event.as_dict() for event in result.events]
    return data


def write_json(result: ImportResult, stream: TextIO, validation: dict[str, Any] | None = None) -> None:
    """:func:`envelope`, written value by value (one per line): 90,000 records give ~2 million values."""
    head = envelope(result, validation, with_values=False)
    stream.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "values": [')
    separator = "\n"
    for event in result.events:
        stream.write(separator + json.dumps(event.as_dict(), ensure_ascii=False))
        separator = ",\n"
    stream.write("\n]}\n")


def write_csv(result: ImportResult, stream: TextIO) -> None:
    """One row per value, for the authority's spreadsheet (UTF-8 with BOM so that Excel reads it)."""
    stream.write("\ufeff")
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for event in result.events:
        row = event.as_dict()
        writer.writerow(["" if row[c] is None else row[c] for c in CSV_COLUMNS])


def write_text(result: ImportResult, stream: TextIO, *, unknown_shown: int = 8) -> None:
    count = totals(result)
    verb = "将写入 / would write" if result.dry_run else "已写入 / written"
    stream.write(
        f"导入 / import：记录 {count['records']} 条，{verb} {count['importable'] if result.dry_run else count['written']}，"
        f"跳过 / skipped {count['skipped']}（完全重复 / exact duplicates {count['exact_duplicates']}），"
        f"疑似重复 / near duplicates {count['near_duplicates']}，新部门 / new departments {count['new_departments']}\n"
    )
    words = "，".join(f"{ACTION_WORDS[a]} {count['values_' + a.value]}" for a in Action)
    stream.write(f"各值去向 / values: {words}\n")
    for problem in result.problems:
        where = f"{problem.file}:{problem.record}" if problem.record else problem.file
        stream.write(f"{where}: 无法读取 / unreadable: {problem.message_zh} / {problem.message_en}\n")
    for source in result.sources:
        for note in source.notes:
            stream.write(f"{source.name}: {note}\n")
    for summary in summaries(result):
        stream.write(
            f"\n{summary.file}: 记录 {summary.records}，可导入 {summary.importable}，跳过 {summary.skipped}；"
            f"非空值 {summary.values}，映射 / mapped {summary.understood_share:.1%}，"
            f"规范化 / normalised {summary.actions[Action.NORMALISED.value]}，"
            f"取默认值 / defaulted {summary.actions[Action.DEFAULTED.value]}，"
            f"舍弃 / dropped {summary.actions[Action.DROPPED.value]}，未能识别 / unknown {summary.actions[Action.UNKNOWN.value]}\n"
        )
        for value, records in summary.unknown.most_common(unknown_shown):
            stream.write(f"  未能识别 / unknown: {value}（{records} 条）\n")
    reasons = Counter(o.skipped for o in result.outcomes if o.skipped and not o.duplicate_of)
    for reason, records in reasons.most_common(8):
        stream.write(f"跳过原因 / skipped because: {reason}（{records} 条）\n")
    for department in result.new_departments[:20]:
        stream.write(
            f"新部门 / new department: {department.name} → catalogs/{department.slug}/，待补统一社会信用代码"
            f"（首见于 {department.first_seen}）\n"
        )
    if len(result.new_departments) > 20:
        stream.write(f"…另有 {len(result.new_departments) - 20} 个新部门 / more new departments\n")
