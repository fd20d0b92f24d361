"""Output of ``govdata cases``: text tables, the explained case, JSON and CSV through :mod:`govdata.report.cases`."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Any

from govdata.cli.grant_steps import open_instance, table
from govdata.i18n import Lang, Text


class Format(StrEnum):
    TEXT = "text"
    JSON = "json"
    CSV = "csv"


LIST_COLUMNS = ("id", "kind", "state", "department", "title", "resource", "next_due", "next_due_status", "path")
DUE_COLUMNS = ("id", "kind", "department", "deadline", "article", "due", "status", "working_days_left", "path")
STATS_COLUMNS = (
    "department",
    "name",
    "received",
    "on_time",
    "late",
    "overdue",
    "open",
    "unknown",
    "withdrawn",
    "median_working_days",
    "extensions",
)


def due_cells(row: dict[str, Any], lang: Lang) -> tuple[str, ...]:
    left = row["working_days_left"]
    more = "" if left is None else Text(f" 剩 {left} 日", f" {left} left").get(lang)
    return (
        row["id"],
        row["due"] or "—",
        status_label(row["status"], lang) + more,
        row["department"],
        f"{row['deadline']}（{row['article']}）",
    )


def status_label(key: str | None, lang: Lang) -> str:
    from govdata.cases.deadlines import STATUS_LABELS

    return STATUS_LABELS[key].get(lang) if key in STATUS_LABELS else ""


def emit(
    rows: list[dict[str, Any]],
    columns: tuple[str, ...],
    output_format: Format,
    heads: list[str],
    cells: Any,
    footer: str,
    whole: tuple[int, ...] = (0, 1, 2, 3),
) -> None:
    from govdata.report.base import write_json
    from govdata.report.cases import write_csv

    if output_format is Format.JSON:
        write_json(rows, sys.stdout)
        return
    if output_format is Format.CSV:
        write_csv(rows, columns, sys.stdout)
        return
    from rich.console import Console

    grid = table(heads, whole=whole)
    for row in rows:
        grid.add_row(*(str(cell) for cell in cells(row)))
    console = Console(highlight=False)
    console.print(grid)
    console.print(footer)


def render_case(record: dict[str, Any], lang: Lang) -> str:
    """``cases show`` as text: the header, the events, each deadline with its explanation."""
    t = lambda zh, en: Text(zh, en).get(lang)  # noqa: E731
    lines = [f"{record['id']}  {record['kind_label']}  [{record['state']}]", f"{t('事项', 'title')}: {record['title']}"]
    lines.append(f"{t('承办部门', 'department')}: {record['department_name'] or record['department']}")
    for key, label in (("reporter", t("报告部门", "reporter")), ("resource", t("信息资源", "resource"))):
        if record.get(key):
            lines.append(f"{label}: {record[key]}")
    if record.get("requester"):
        lines.append(f"{t('申请人', 'requester')}: {record['requester']['name']}（{record['requester']['contact']}）")
    if record["items"]:
        lines.append(f"{t('信息项', 'items')}: {'、'.join(record['items'])}")
    if record.get("description"):
        lines.append(f"{t('内容', 'description')}: {record['description']}")
    lines += [f"  · {link}" for link in record["evidence"]]
    lines.append(t("办理记录:", "events:"))
    for event in record["events"]:
        extra = [event.get(k) for k in ("outcome", "days", "approver", "reason", "basis", "note") if event.get(k)]
        lines.append(
            f"  {event['date']} {event['type']} {event['by']}" + (f" — {'；'.join(map(str, extra))}" if extra else "")
        )
    lines.append(t(f"期限（按 {record['today']} 判断）:", f"deadlines (as of {record['today']}):"))
    for deadline in record["deadlines"]:
        met = f" {t('办结于', 'on')} {deadline['met_on']}" if deadline["met_on"] else ""
        left = deadline["working_days_left"]
        rest = f"，{t('剩余', '')} {left} {t('个工作日', 'working days left')}" if left is not None else ""
        lines.append(f"  {deadline['title']}（{deadline['article']}）: {deadline['status_label']}{met}{rest}")
        lines.append(f"    {deadline['explanation']}")
    nexts = [f"{n['type']}（{n['by']}）" for n in record["next_events"]]
    lines.append(t("可记录", "next") + ": " + (", ".join(nexts) or "—"))
    return "\n".join(lines)


def loaded(config: Path | None, lang: str | None) -> tuple[Any, Any, Any, Lang]:
    """The catalog of cases, their views, the calendar and the output language: what list, due and stats read."""
    from govdata.cases.store import load_cases
    from govdata.cases.views import views
    from govdata.workdays import calendar_for

    instance, chosen = open_instance(config, lang)
    catalog, _ = load_cases(instance)
    calendar = calendar_for(instance.config)
    return catalog, views(catalog, calendar), calendar, chosen
