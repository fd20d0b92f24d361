"""Evaluate a year: the instance as it stood at the year's end (or now), scored and its rectification list drawn."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from govdata.diagnostics import Diagnostic
from govdata.errors import UsageError
from govdata.evaluate.base import CatalogUpdate, EvaluationContext
from govdata.evaluate.rectification import RectificationItem, rectification
from govdata.evaluate.scorecard import Scorecard, scorecards
from govdata.evaluate.timeliness import catalog_updates
from govdata.i18n import Text
from govdata.instance import Instance
from govdata.model.catalog import Catalog
from govdata.workdays import calendar_for


@dataclass(frozen=True)
class EvaluationRun:
    year: int
    as_of: dt.date  # the day the year is judged on
    day: dt.date  # the day of the run (rectification notices count from it)
    commit: str | None  # the commit evaluated; None for a working tree outside git
    worktree: bool  # True when uncommitted files were read
    methodology_version: str
    cards: list[Scorecard]
    items: list[RectificationItem]
    context: EvaluationContext
    note: Text | None = None  # how the evaluated state was chosen, when not the obvious way


def year_end(year: int) -> dt.date:
    return dt.date(year, 12, 31)


def judged_on(year: int, today: dt.date) -> dt.date:
    if year > today.year:
        raise UsageError(Text(f"{year} 年尚未开始，不能评价", f"{year} has not begun; nothing to evaluate"))
    return min(year_end(year), today)


def score_state(
    catalog: Catalog,
    findings: list[Diagnostic],
    year: int,
    today: dt.date,
    updates: list[CatalogUpdate] | None,
    history_note: Text | None,
    commit: str | None = None,
) -> tuple[EvaluationContext, list[Scorecard], list[RectificationItem]]:
    """Scorecards and rectification list of one loaded state of the instance."""
    ctx = EvaluationContext(
        catalog,
        year,
        judged_on(year, today),
        calendar_for(catalog.config),
        catalog.config.evaluation,
        findings,
        updates,
        history_note,
        commit,
    )
    cards = scorecards(ctx)
    return ctx, cards, rectification(ctx, cards, today)


def _history(root: Path, instance: Instance) -> tuple[object | None, list[CatalogUpdate] | None, Text | None]:
    from govdata.gitops.repo import RepositoryError, open_repository
    from govdata.gitops.snapshot import RevisionReader

    try:
        repo = open_repository(root)
        reader = RevisionReader.for_instance(repo, root)
        repo.resolve("HEAD")
    except RepositoryError as error:
        return None, None, Text(f"无法读取 git 历史：{error.text.zh}", f"no git history: {error.text.en}")
    return reader, catalog_updates(repo, reader.prefix, calendar_for(instance.config)), None


def evaluate(instance: Instance, year: int, today: dt.date, at: str | None = None) -> EvaluationRun:
    """Evaluate ``year``. A finished year is read at its last commit (``at`` overrides: a revision,
    or ``worktree``); the current year, and an instance outside git, from the working tree."""
    from govdata.gitops.snapshot import RevisionReader
    from govdata.settings import RuleSettings, Selection
    from govdata.validation.engine import run_rules, validate

    as_of = judged_on(year, today)
    reader, updates, note = _history(instance.root, instance)
    commit: str | None = None
    if isinstance(reader, RevisionReader):
        if at is None and as_of == year_end(year) and today > as_of:
            commit = reader.repo.last_commit_before(f"{year_end(year).isoformat()}T23:59:59")
            if commit is None:
                note = Text(
                    f"{year} 年底之前没有提交，按当前工作区评价",
                    f"no commit by the end of {year}: the working tree is read",
                )
        elif at is not None and at != "worktree":
            commit = reader.repo.resolve(at)
    if commit is not None and isinstance(reader, RevisionReader):
        snapshot = reader.snapshot(commit, fallback=instance.config)
        settings = RuleSettings.from_config(snapshot.catalog.config)
        found = snapshot.diagnostics + run_rules(
            snapshot.catalog, settings, Selection(), snapshot.blobs.__getitem__, today=today
        )
        findings = [d for d in found if not settings.waived(d.rule_id, d.location.path, today)]
        catalog = snapshot.catalog
        worktree = False
    else:
        result = validate(instance, today=today, keep_models=True)
        catalog, findings, worktree = result.catalog, result.diagnostics, True
        if isinstance(reader, RevisionReader):
            commit = reader.repo.resolve("HEAD")
    ctx, cards, items = score_state(catalog, findings, year, today, updates, note, commit)
    return EvaluationRun(
        year, as_of, today, commit, worktree, catalog.config.evaluation.version, cards, items, ctx, note
    )
