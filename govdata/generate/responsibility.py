"""responsibility/<dept>.yaml: each department's collection responsibility list (Art. 18).

Derived from the catalog, per resource the department provides: the items it collects itself
(those without ``obtained_from``), the items it obtains by sharing, source system, identifier
items, aggregation mode, update cycle, and when the next aggregation is due. The hand-kept
fields (``status``, ``last_aggregated``, ``notes``) are carried over from the current file.

Due dates. The update cycle is a calendar period: the next aggregation is due one period after
the last one (每日 1 day, 每周 7, 每旬 10, 每半月 15, 每月 1 month, 每季度 3, 每半年 6, 每年 12). As in
administrative practice, a deadline falling on a weekend or statutory holiday moves to the next
working day, counted on the official calendar (:mod:`govdata.workdays`); where that calendar is
not known, the date is left empty and the note says why. A resource never aggregated was due
from its release date. 实时, 不定期, 其他 and 不更新 cycles, and 不汇聚 resources, have no due date. The
regulation's own working-day deadlines (Art. 19: a catalog update within 5 working days of a
change of duties, and the list updated with it) start from events the catalog does not record,
so they are not computed here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from govdata.fmt.canonical import key_order
from govdata.io.edit import commented, load_for_edit, quoted, update
from govdata.io.fastyaml import YamlProblem, load_yaml
from govdata.io.roundtrip import dump_round_trip
from govdata.model.catalog import Catalog
from govdata.model.resource import Resource
from govdata.model.responsibility import ResponsibilityEntry, ResponsibilityList
from govdata.rules.gd005_schema_modeline import modeline_for
from govdata.rules.gd307_grant_validity_period import add_months
from govdata.workdays import UnknownCalendar, WorkCalendar

FOLDER = "responsibility"
_DAYS = {"每日": 1, "每周": 7, "每旬": 10, "每半月": 15}
_MONTHS = {"每月": 1, "每季度": 3, "每半年": 6, "每年": 12}
_HEADER = (
    "# 政务数据采集责任清单（第十八条）：由 govdata responsibility build 根据政务数据目录生成。\n"
    "# status、last_aggregated、notes 由部门手工维护，重新生成时保留；其余字段由目录生成，请勿手改。\n"
    "# 数据未变的清单不会重写；重新生成时文件中的注释随其所在条目保留。\n"
)


def _period_end(cycle: str, start: dt.date) -> dt.date:
    if cycle in _DAYS:
        return start + dt.timedelta(days=_DAYS[cycle])
    return add_months(start, _MONTHS[cycle])


def next_due(resource: Resource, last: dt.date | None, calendar: WorkCalendar) -> tuple[dt.date | None, str]:
    """When the next aggregation of ``resource`` is due, and how that was worked out."""
    cycle = resource.update_cycle
    if resource.aggregation.mode == "不汇聚":
        return None, "不汇聚：以接口服务提供数据（第八条），无汇聚到期日"
    if cycle == "实时":
        return None, "实时更新：随业务产生同步汇聚（第二十六条），无固定到期日"
    if cycle == "不定期":
        return None, "不定期更新：数据变化时汇聚，无固定到期日"
    if cycle == "其他":
        return None, f"其他更新周期（{resource.update_note or '未写明更新说明'}）：无固定到期日"
    if cycle == "不更新":
        return None, "不更新（静态数据）：发布时汇聚一次，无后续到期日"
    if last is None:
        raw, reason = resource.release_date, f"尚无汇聚记录：自资源发布之日 {resource.release_date} 起即应汇聚"
    else:
        raw = _period_end(cycle, last)
        reason = f"{cycle}更新：上次汇聚 {last} 后一个周期为 {raw}"
    try:
        due = calendar.on_or_after(raw)
    except UnknownCalendar as unknown:
        return None, (
            f"{reason}；{unknown.year} 年工作日历未知，无法确定是否顺延，"
            "请在 govdata.yaml 的 calendar 中补充国务院公布的安排后重新生成"
        )
    if due != raw:
        reason += f"，遇法定节假日或休息日顺延至下一工作日 {due}"
    return due, reason


def _entry(resource: Resource, kept: ResponsibilityEntry | None, calendar: WorkCalendar) -> dict[str, Any]:
    collected = [item.name for item in resource.items if item.obtained_from is None]
    obtained = [item.name for item in resource.items if item.obtained_from is not None]
    last = kept.last_aggregated if kept else None
    due, note = next_due(resource, last, calendar)
    default_status = "免于汇聚" if resource.aggregation.mode == "不汇聚" else "未汇聚"
    entry: dict[str, Any] = {
        "code": quoted(resource.code),
        "name": resource.name,
        "collect": collected,
        "obtained": obtained or None,
        "source_system": resource.source_system,
        "identifiers": [item.name for item in resource.items if item.identifier is not None] or None,
        "aggregation_mode": resource.aggregation.mode,
        "update_cycle": resource.update_cycle,
        "next_due": quoted(due) if due else None,
        "due_note": note,
        "status": kept.status if kept else default_status,
        "last_aggregated": quoted(last) if last else None,
        "notes": kept.notes if kept else None,
    }
    return {key: value for key, value in entry.items() if value is not None}


def responsibility_lists(catalog: Catalog, calendar: WorkCalendar) -> dict[str, str]:
    """``{file name under responsibility/: content}`` for every registered department.

    A department with nothing to collect yet gets an empty list, so a department is registered
    with its list (``govdata new department``) and the list never appears as a surprise later.
    """
    kept: dict[tuple[str, str], ResponsibilityEntry] = {}
    for document in catalog.responsibility_lists:
        for entry in document.model.resources:
            kept[(document.model.department, entry.code)] = entry
    files: dict[str, str] = {}
    for department in sorted(catalog.departments, key=lambda d: d.slug):
        resources = sorted(
            (d.model for d in catalog.resources if d.model.provider.code == department.code), key=lambda r: r.code
        )
        # A resource all of whose items come from other departments puts nothing to collect here.
        owned = [r for r in resources if not r.items or any(item.obtained_from is None for item in r.items)]
        entries = [_entry(r, kept.get((department.code, r.code)), calendar) for r in owned]
        files[f"{department.slug}.yaml"] = list_text(department.code, department.name, department.slug, entries)
    return files


def list_text(code: str, name: str, slug: str, entries: list[dict[str, object]]) -> str:
    """The text of department ``slug``'s list. Built in the model's key order with the house
    dumper, it is already what ``govdata fmt`` makes of it (a test holds it to that);
    re-formatting would triple the cost."""
    data = {"department": code, "name": name, "resources": entries}
    return f"{modeline_for(f'{FOLDER}/{slug}.yaml')}\n{_HEADER}{dump_round_trip(commented(data))}"


def _data(text: str) -> object:
    loaded = load_yaml(text)
    return None if isinstance(loaded, YamlProblem) else loaded[0]


def settle(current: str | None, generated: str) -> str:
    """What to write for a list now holding ``current`` (None: absent) when the catalog gives
    ``generated``: ``current`` itself when the data is the same (not rewritten, comments and
    all); else ``current`` edited to the new data, so that comments stay with their entries;
    ``generated`` when there is nothing to keep or the edit would not give the new data."""
    if current is None:
        return generated
    wanted = _data(generated)
    if _data(current) == wanted:
        return current
    try:
        tree = load_for_edit(current)
        update(tree, load_for_edit(generated), key_order(ResponsibilityList))
        merged = dump_round_trip(tree)
    except Exception:  # noqa: BLE001 - keeping comments is a courtesy; the data must be right
        return generated
    return merged if _data(merged) == wanted else generated


__all__ = ["FOLDER", "next_due", "responsibility_lists", "settle"]
