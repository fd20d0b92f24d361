"""The rectification list (Art. 60): what each department must fix, by which rule and article, by when."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import PurePosixPath

from govdata.diagnostics import Diagnostic, Location, Severity
from govdata.evaluate.base import EvaluationContext
from govdata.evaluate.scorecard import Scorecard
from govdata.i18n import Text
from govdata.model.catalog import Catalog
from govdata.workdays import UnknownCalendar

_OWNED_FOLDERS = ("catalogs", "grants", "security")


@dataclass(frozen=True)
class RectificationItem:
    department_code: str
    diagnostic: Diagnostic
    due: dt.date | None  # None: the due day falls in a year without an official calendar


def owner_of(path: str, catalog: Catalog) -> str:
    """The code of the department a file belongs to; the authority for shared files."""
    parts = PurePosixPath(path).parts
    by_slug = catalog.department_by_slug
    if len(parts) >= 3 and parts[0] in _OWNED_FOLDERS and parts[1] in by_slug:
        return by_slug[parts[1]].code
    if len(parts) == 2 and parts[0] == "responsibility" and PurePosixPath(parts[1]).stem in by_slug:
        return by_slug[PurePosixPath(parts[1]).stem].code
    if parts and parts[0] == "projects":
        project = next((d.model for d in catalog.projects if d.path == path), None)
        if project is not None:
            return project.department
    return catalog.config.authority


def _missing_security(ctx: EvaluationContext, cards: list[Scorecard]) -> list[Diagnostic]:
    """A finished year without a security record is a duty not done (Art. 51-52), not just a gap."""
    if ctx.as_of < dt.date(ctx.year, 12, 31):
        return []
    found = []
    for card in cards:
        result = card.result("security")
        if result is None or result.measure.numerator > 0:
            continue
        path = f"security/{card.department.slug}/{ctx.year}.yaml"
        found.append(
            Diagnostic(
                "GD504",
                Severity.ERROR,
                Text(
                    f"{card.department.name} 没有 {ctx.year} 年度数据安全工作记录（风险评估、应急预案、应急演练）",
                    f"{card.department.name} has no security record for {ctx.year} "
                    "(risk assessment, emergency plan, drill)",
                ),
                Location(path),
                article="Art. 51, 52, 60(5)",
            )
        )
    return found


def rectification(ctx: EvaluationContext, cards: list[Scorecard], notice: dt.date) -> list[RectificationItem]:
    """Errors and warnings of the evaluated state plus missing yearly duties, each due
    ``rectification_days`` working days after the ``notice`` day."""
    try:
        due: dt.date | None = ctx.calendar.add(notice, ctx.methodology.rectification_days)
    except UnknownCalendar:
        due = None
    picked = [d for d in ctx.findings if d.severity in (Severity.ERROR, Severity.WARNING)]
    picked += _missing_security(ctx, cards)
    items = [RectificationItem(owner_of(d.location.path, ctx.catalog), d, due) for d in picked]
    order = {d.code: index for index, d in enumerate(ctx.catalog.departments)}
    return sorted(items, key=lambda i: (order.get(i.department_code, len(order)), i.diagnostic.sort_key()))


def as_diagnostics(items: list[RectificationItem]) -> list[Diagnostic]:
    """The list as findings, the due day in each hint, for the validate reporters (github, junit …)."""
    found = []
    for item in items:
        due = (
            Text(f"整改期限：{item.due}", f"rectify by {item.due}")
            if item.due
            else Text("整改期限未知（日历未知）", "due day unknown (no calendar)")
        )
        hint = item.diagnostic.hint + Text("；", "; ") + due if item.diagnostic.hint else due
        d = item.diagnostic
        found.append(Diagnostic(d.rule_id, d.severity, d.message, d.location, hint, d.article, d.related))
    return found
