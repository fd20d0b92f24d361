"""``excel import``: read the workbook, check it, plan every resource, and write when clean."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from govdata.excel.apply import Plan, plan_resource
from govdata.excel.catalog import class_names, departments, legal_bases, resource_files
from govdata.excel.checks import (
    CodeRule,
    check_classification,
    check_code,
    check_format_method,
    check_names,
    check_provider,
)
from govdata.excel.findings import BAD_VALUE, UNPLACED, Findings
from govdata.excel.layout import ITEM_RESOURCE_KEY, ITEMS_SHEET, RESOURCES_SHEET
from govdata.excel.read import Row, WorkbookRows, read_workbook
from govdata.i18n import Text
from govdata.io.transaction import Transaction


@dataclass
class ImportResult:
    plans: list[Plan]
    findings: Findings
    resources: int
    items: int

    @property
    def changed(self) -> list[Plan]:
        return [plan for plan in self.plans if plan.text is not None]


def _check_rows(rows: WorkbookRows, rule: CodeRule, root: Path, findings: Findings) -> None:
    registered = {str(d.get("code")): str(d.get("name")) for d in departments(root)}
    basis_ids = {str(b.get("id")) for b in legal_bases(root)}
    titles = {str(b.get("title")): str(b.get("id")) for b in legal_bases(root)}
    synonyms = class_names(root)
    for row in rows.resources:
        check_code(row.values.get("code"), row.where("code"), "信息资源代码", rule, findings)
        for code in row.values.get("related_codes") or []:
            check_code(code, row.where("related_codes"), "关联资源代码", rule, findings)
        check_provider(row, registered, findings)
        check_classification(row, rule, findings, synonyms)
        check_format_method(row, findings)
        for key in ("sharing.basis", "opening.basis", "aggregation.exemption_basis"):
            _check_basis(row, key, basis_ids, titles, rows, findings)
    check_names(rows.resources, "name", "信息资源名称", findings)
    for item in rows.items:
        check_code(
            item.values.get("obtained_from.resource"),
            item.where("obtained_from.resource"),
            "来源资源代码",
            rule,
            findings,
        )


def _check_basis(
    row: Row, key: str, ids: set[str], titles: dict[str, str], rows: WorkbookRows, findings: Findings
) -> None:
    """Legal bases by id; a law's full title is taken for its id, an unknown one is a finding."""
    values = row.values.get(key)
    if not isinstance(values, list):
        return
    column = rows.columns[RESOURCES_SHEET].get(key)
    resolved = []
    for value in values:
        if value in ids:
            resolved.append(value)
        elif value in titles:
            resolved.append(titles[value])
        else:
            findings.add(
                BAD_VALUE,
                row.where(key),
                Text(
                    f"“{column.title if column else key}”：法律依据“{value}”不在法律依据名录中；请从下拉列表选择编号",
                    f"legal basis {value!r} is not in the registry; pick an id from the list",
                ),
            )
            return
    row.values[key] = resolved


def _new_path(row: Row, slugs: dict[str, str]) -> str | None:
    slug = slugs.get(str(row.values.get("provider.code")))
    code = row.values.get("code")
    return f"catalogs/{slug}/{str(code).replace('/', '-')}.yaml" if slug and isinstance(code, str) else None


def plan_import(root: Path, workbook: Path, code_pattern: str, code_example: str) -> ImportResult:
    findings = Findings()
    rows = read_workbook(workbook, findings)
    rule = CodeRule(re.compile(code_pattern), code_example)
    _check_rows(rows, rule, root, findings)
    items_by_code: dict[str, list[Row]] = defaultdict(list)
    for item in rows.items:
        items_by_code[str(item.values.get(ITEM_RESOURCE_KEY))].append(item)
    by_code = {str(f.data.get("code")): f for f in resource_files(root)}
    slugs = {str(d.get("code")): str(d.get("slug")) for d in departments(root)}
    columns = {"resource": rows.columns[RESOURCES_SHEET], "item": rows.columns[ITEMS_SHEET]}
    blocked = {d.location.path for d in findings.items if d.severity.value == "error"}
    plans: list[Plan] = []
    seen: dict[str, Row] = {}
    for row in rows.resources:
        code = row.values.get("code")
        if not isinstance(code, str):
            if row.where("code") not in blocked:
                findings.add(
                    UNPLACED,
                    row.where("code"),
                    Text(
                        "“信息资源代码”必填：没有代码的行无法导入",
                        "the resource code is required; a row without one cannot be imported",
                    ),
                )
            continue
        if code in seen:
            findings.add(
                UNPLACED,
                row.where("code"),
                Text(
                    f"信息资源代码 {code} 与 {seen[code].where('code')} 重复",
                    f"resource code {code} repeats {seen[code].where('code')}",
                ),
            )
            continue
        seen[code] = row
        items = items_by_code.pop(code, [])
        check_names(items, "name", "信息项名称", findings)
        plan = plan_resource(root, row, items, by_code.get(code), _new_path(row, slugs), columns, findings, blocked)
        if plan is not None:
            plans.append(plan)
    for code, orphans in items_by_code.items():
        for orphan in orphans:
            findings.add(
                UNPLACED,
                orphan.where(ITEM_RESOURCE_KEY),
                Text(
                    f"信息项所属的信息资源代码“{code}”不在“{RESOURCES_SHEET}”表中，该行未导入",
                    f"the item's resource code {code!r} is not on the {RESOURCES_SHEET} sheet; row not imported",
                ),
            )
    findings.items.sort(key=lambda d: (d.location.path.split("!")[0] != RESOURCES_SHEET, _cell_order(d.location.path)))
    return ImportResult(plans, findings, len(rows.resources), len(rows.items))


def _cell_order(where: str) -> tuple[int, str]:
    cell = where.split("!")[-1]
    digits = "".join(ch for ch in cell if ch.isdigit())
    letters = "".join(ch for ch in cell if ch.isalpha())
    return int(digits or 0), f"{len(letters)}{letters}"


def write_plans(root: Path, result: ImportResult) -> None:
    """Write every changed resource together, and only if none changed since the import read it."""
    transaction = Transaction(root, "excel import")
    writes: dict[str, str] = {}
    for plan in result.changed:
        assert plan.text is not None
        transaction.saw(plan.path, plan.original)
        writes[plan.path] = plan.text
    transaction.commit(writes)
