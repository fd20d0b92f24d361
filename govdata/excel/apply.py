"""From workbook rows to catalog files: what would change per resource, and the new file text.

Only cells whose value differs from the YAML are written, through the round-trip editing
helpers, so comments and the keys the workbook does not hold stay exactly as they were; a
resource whose cells all match is not rewritten at all.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from govdata.excel.catalog import CatalogFile
from govdata.excel.columns import ITEMS_KEY, Column, item_columns
from govdata.excel.findings import MODEL, UNPLACED, Findings, column_text
from govdata.excel.read import Row
from govdata.excel.tree import plain, put, same, value_at
from govdata.fmt.canonical import format_text, key_order
from govdata.i18n import Text
from govdata.io.edit import append, commented, load_for_edit
from govdata.io.roundtrip import dump_round_trip
from govdata.model.resource import Item, Resource


@dataclass
class Plan:
    """What importing one resource row does."""

    path: str
    code: str
    name: str
    new: bool
    changes: list[Text] = field(default_factory=list)
    text: str | None = None  # the file's new text, when anything changes
    original: bytes | None = None  # the bytes ``text`` was made from (None: a new file)


def _shown(value: Any) -> str:
    value = plain(value)
    if value is None or value == []:
        return "（空）"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return "；".join(str(v) for v in value)
    return str(value)


def _apply_row(
    tree: CommentedMap, row: Row, columns: dict[str, Column], order: Any, blocked: set[str], label: str
) -> list[Text]:
    changes = []
    for key, column in columns.items():
        cell = row.cells.get(key)
        if cell is None or cell.where in blocked:
            continue  # a cell in error changes nothing
        current, new = value_at(tree, column.path), row.values.get(key)
        if same(current, new, column):
            continue
        put(tree, column, new, order)
        changes.append(
            Text(
                f"{label}{column.title}：{_shown(current)} → {_shown(new)}",
                f"{label}{column.title}: {_shown(current)} → {_shown(new)}",
            )
        )
    return changes


def _apply_items(tree: CommentedMap, rows: list[Row], columns: dict[str, Column], blocked: set[str]) -> list[Text]:
    existing = tree.get(ITEMS_KEY)
    existing = existing if isinstance(existing, CommentedSeq) else None
    old = [m for m in existing or [] if isinstance(m, CommentedMap)]
    used: set[int] = set()
    chosen: list[CommentedMap | None] = []
    for index, row in enumerate(rows):
        name = row.values.get("name")
        match = next((i for i, m in enumerate(old) if i not in used and m.get("name") == name), None)
        if (
            match is None
            and index < len(old)
            and index not in used
            and not any(r.values.get("name") == old[index].get("name") for r in rows)
        ):
            match = index  # the same place, renamed
        if match is not None:
            used.add(match)
        chosen.append(old[match] if match is not None else None)
    changes: list[Text] = []
    order = key_order(Item)
    for row, mapping in zip(rows, chosen, strict=True):
        label = f"信息项“{row.values.get('name')}”·"
        if mapping is not None:
            changes += _apply_row(mapping, row, columns, order, blocked, label)
    removed = [m for i, m in enumerate(old) if i not in used]
    for mapping in removed:
        changes.append(Text(f"删除信息项“{mapping.get('name')}”", f"remove item {mapping.get('name')!r}"))
    added = [row for row, mapping in zip(rows, chosen, strict=True) if mapping is None]
    if not removed and not added and [id(m) for m in chosen] == [id(m) for m in old]:
        return changes
    kept = [m for m in chosen if m is not None]
    gone = {id(m) for m in removed}
    in_order = [id(m) for m in kept] == [id(m) for m in old if id(m) not in gone]
    tail_only = all(m is None for m in chosen[len(kept) :]) if in_order else False
    if existing is None:
        tree[ITEMS_KEY] = existing = CommentedSeq()
    for index in reversed([i for i, m in enumerate(existing) if id(m) in gone]):
        del existing[index]
    if not (in_order and tail_only):
        existing[:] = [m for m in chosen if m is not None]  # rows were moved: follow the sheet's order
    for row, mapping in zip(rows, chosen, strict=True):
        if mapping is None:
            fresh = CommentedMap()
            _apply_row(fresh, row, columns, order, blocked, "")
            if in_order and tail_only:
                append(existing, fresh)
            else:
                existing.insert(rows.index(row), fresh)
            changes.append(Text(f"新增信息项“{row.values.get('name')}”", f"add item {row.values.get('name')!r}"))
    if not existing:
        tree.pop(ITEMS_KEY, None)
    return changes


def _column_for(
    loc: tuple[Any, ...], row: Row, items: list[Row], columns: dict[str, dict[str, Column]]
) -> tuple[str, str]:
    """The cell and column title a model error at ``loc`` belongs to; the code cell when none does."""
    sheet_columns, target, path = columns["resource"], row, tuple(str(p) for p in loc)
    if loc and loc[0] == ITEMS_KEY and len(loc) > 1 and isinstance(loc[1], int) and loc[1] < len(items):
        sheet_columns, target, path = columns["item"], items[loc[1]], tuple(str(p) for p in loc[2:])
    for column in sheet_columns.values():
        if column.path[: len(path)] == path and path:
            return target.where(column.key), column.title
    return row.where("code"), ".".join(path) or "信息资源"


def _model_findings(
    tree: CommentedMap,
    row: Row,
    items: list[Row],
    columns: dict[str, dict[str, Column]],
    findings: Findings,
    blocked: set[str],
) -> None:
    try:
        Resource.model_validate(json.loads(json.dumps(plain(tree))))
    except ValidationError as error:
        for problem in error.errors():
            where, title = _column_for(tuple(problem["loc"]), row, items, columns)
            if where in blocked:
                continue  # one finding per mistake
            blocked.add(where)
            findings.add(MODEL, where, column_text(title, _explain(problem)))


def _explain(problem: Any) -> Text:
    kind = problem["type"]
    if kind == "missing":
        return Text("必填，未填写", "required, left empty")
    if kind == "extra_forbidden":
        return Text(
            "YAML 中有数据规范以外的键（工作簿未改动它），请先运行 govdata validate 修正",
            "the YAML holds a key outside the schema; fix it with govdata validate first",
        )
    if kind == "string_pattern_mismatch":
        return Text(f"“{problem['input']}”格式不对", f"{problem['input']!r} is not in the expected form")
    if kind == "literal_error":
        expected = problem.get("ctx", {}).get("expected", "")
        return Text(
            f"“{problem['input']}”不是可选值；可选：{expected}",
            f"{problem['input']!r} is not allowed; choose one of {expected}",
        )
    return Text(f"取值无效：{problem['msg']}", f"invalid value: {problem['msg']}")


def _changes(
    tree: CommentedMap, row: Row, items: list[Row], columns: dict[str, dict[str, Column]], blocked: set[str]
) -> list[Text]:
    changes = _apply_row(tree, row, columns["resource"], key_order(Resource), blocked, "")
    return changes + _apply_items(tree, items, columns["item"], blocked)


def plan_resource(
    root: Path,
    row: Row,
    items: list[Row],
    existing: CatalogFile | None,
    new_path: str | None,
    columns: dict[str, dict[str, Column]],
    findings: Findings,
    blocked: set[str],
) -> Plan | None:
    """The plan for one resource row; None when the row cannot be placed in the catalog."""
    code, name = str(row.values.get("code")), str(row.values.get("name") or "")
    original: bytes | None = None
    if existing is not None:
        path = existing.path
        # The round-trip reader is slow; most rows of a returned workbook change nothing, and
        # the plain data (same values) tells so. Only a changed resource is read for editing.
        tree = commented(copy.deepcopy(existing.data))
        changes = _changes(tree, row, items, columns, blocked)
        if changes:
            original = (root / path).read_bytes()
            tree = load_for_edit(original.decode("utf-8"))
            changes = _changes(tree, row, items, columns, blocked)
    elif new_path is not None and (root / new_path).exists():
        # A file the catalog could not read (or that holds another code): never overwritten.
        findings.add(
            UNPLACED,
            row.where("code"),
            Text(
                f"{new_path} 已存在但无法按代码 {code} 读取，未覆盖；请先用 govdata validate 修正该文件",
                f"{new_path} exists but does not load as {code}; not overwritten, fix it with govdata validate first",
            ),
        )
        return None
    elif new_path is not None:
        path, tree = new_path, CommentedMap()
        changes = _changes(tree, row, items, columns, blocked)
    else:
        findings.add(
            UNPLACED,
            row.where("provider.code"),
            Text(
                f"无法确定信息资源 {code} 应放在哪个部门的文件夹：提供方代码不在部门名录中",
                f"cannot place resource {code}: the provider is not a registered department",
            ),
        )
        return None
    if not isinstance(tree, CommentedMap):
        findings.add(
            UNPLACED,
            row.where("code"),
            Text(f"{path} 不是映射，未改动；请先修正该文件", f"{path} is not a mapping; fix the file first"),
        )
        return None
    _model_findings(tree, row, items, columns, findings, blocked)
    plan = Plan(path, code, name, existing is None, changes, original=original)
    if changes or existing is None:
        dumped = dump_round_trip(tree)
        formatted = format_text(path, dumped) if existing is None else dumped
        plan.text = formatted if isinstance(formatted, str) else dumped
    return plan


__all__ = ["Plan", "item_columns", "plan_resource"]
