"""Catalog updates reviewed in time (Art. 19), from the main line's git history."""

from __future__ import annotations

import datetime as dt
from pathlib import PurePosixPath

from govdata.evaluate.base import CatalogUpdate, EvaluationContext, Evidence, Indicator, Measure
from govdata.gitops.repo import Repository
from govdata.i18n import Text
from govdata.model.registry import Department
from govdata.workdays import UnknownCalendar, WorkCalendar


def catalog_updates(repo: Repository, prefix: str, calendar: WorkCalendar, rev: str = "HEAD") -> list[CatalogUpdate]:
    """Every landing on the main line that changed files under ``catalogs/``, per department folder.

    ``prefix`` is the instance folder inside the repository ('' or ending in '/'). The time from
    putting a change forward (its earliest author date) to its landing (the commit date on the
    main line) is counted in working days; unknown calendar years leave it None.
    """
    found: list[CatalogUpdate] = []
    for landing in repo.landings([f"{prefix}catalogs"], rev):
        by_slug: dict[str, list[str]] = {}
        for path in landing.files:
            parts = PurePosixPath(path[len(prefix) :]).parts
            if path.startswith(prefix) and len(parts) == 3 and parts[0] == "catalogs":
                by_slug.setdefault(parts[1], []).append(path[len(prefix) :])
        put_forward = dt.datetime.fromisoformat(landing.authored).date()
        landed = dt.datetime.fromisoformat(landing.committed).date()
        try:
            days: int | None = calendar.between(put_forward, landed)
        except UnknownCalendar:
            days = None
        for slug, paths in by_slug.items():
            found.append(CatalogUpdate(landing.sha, slug, put_forward, landed, days, tuple(paths)))
    return found


class CatalogUpdatesInTime(Indicator):
    id = "catalog_updates"
    title = Text("目录更新及时率", "catalog updates reviewed in time")
    article = "Art. 19"
    formula = Text(
        "本年度合入主线的本部门目录变更中，自提出（最早作者日期）到合入（主线提交日期）不超过审核时限"
        "（默认 5 个工作日）的次数 ÷ 本年度变更次数",
        "changes of the department's catalog landed on the main line in the year whose time from being put "
        "forward (earliest author date) to landing (main-line commit date) is within the review period "
        "(default 5 working days) ÷ changes landed in the year",
    )

    def measure(self, ctx: EvaluationContext, department: Department) -> Measure:
        if ctx.updates is None:
            return Measure(None, note=ctx.history_note or Text("没有 git 历史", "no git history"))
        limit = ctx.methodology.review_days
        mine = [u for u in ctx.updates if u.slug == department.slug and u.landed.year == ctx.year]
        known = [u for u in mine if u.working_days is not None]
        on_time = [u for u in known if u.working_days is not None and u.working_days <= limit]
        evidence = [
            Evidence(u.paths[0], commit=u.commit, note=f"{u.put_forward}→{u.landed} {u.working_days} 工作日")
            for u in mine
        ]
        none = Text("本年度没有目录更新合入", "no catalog change landed in the year")
        return Measure.ratio(len(on_time), len(known), evidence, none)
