"""Trends from git history: the instance as it was at each earlier year's last commit, scored again."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from govdata.errors import GovdataError
from govdata.evaluate.base import CatalogUpdate
from govdata.evaluate.run import score_state
from govdata.i18n import Text
from govdata.model.config import InstanceConfig

MIN_POINTS = 3
MAX_POINTS = 6


@dataclass(frozen=True)
class TrendPoint:
    label: str
    commit: str
    day: dt.date
    resources: int
    mean_score: float | None
    open_ratio: float | None
    shared_ratio: float | None
    note: Text | None = None  # why the point has no figures (a revision that does not load)


def _points(repo, year: int, years_back: int) -> list[tuple[str, str, dt.date]]:  # type: ignore[no-untyped-def]
    """(label, commit, day) at each year end up to ``year``; padded with commits spread over the
    report year when fewer than MIN_POINTS year ends have history."""
    points: list[tuple[str, str, dt.date]] = []
    for y in range(year - years_back, year + 1):
        sha = repo.last_commit_before(f"{y}-12-31T23:59:59")
        if sha is not None and all(sha != p[1] for p in points):
            points.append((str(y), sha, dt.date(y, 12, 31)))
    if len(points) >= MIN_POINTS:
        return points
    line = [(sha, dt.datetime.fromisoformat(d).date()) for sha, d in repo.first_parent_commits()]
    line = [(sha, day) for sha, day in line if day.year == year]
    step = max(1, len(line) // (MAX_POINTS - len(points)))
    picked = line[step - 1 :: step][-(MAX_POINTS - len(points)) :]
    if line and line[-1] not in picked:
        picked[-1:] = [line[-1]]
    known = {p[1] for p in points}
    extra = [(f"{day:%m-%d} {sha[:7]}", sha, day) for sha, day in picked if sha not in known]
    return sorted([*points, *extra], key=lambda p: (p[2], p[0]))


def trend(
    root: Path,
    instance_config: InstanceConfig,
    year: int,
    today: dt.date,
    updates: list[CatalogUpdate] | None,
    years_back: int = 4,
) -> list[TrendPoint]:
    """Zone figures at each point; an empty list outside git."""
    from govdata.gitops.repo import RepositoryError, open_repository
    from govdata.gitops.snapshot import LoadCache, RevisionReader
    from govdata.settings import RuleSettings, Selection
    from govdata.validation.engine import run_rules

    try:
        repo = open_repository(root)
        reader = RevisionReader.for_instance(repo, root)
        repo.resolve("HEAD")
    except RepositoryError:
        return []
    found = []
    points = _points(repo, year, years_back)
    # Most files are the same at every point: load each content once across the points.
    cache = LoadCache(limit=2 * len(reader.tree(points[-1][1])) if points else 512)
    for label, sha, day in points:
        try:
            snapshot = reader.snapshot(sha, fallback=instance_config, cache=cache)
            catalog = snapshot.catalog
            settings = RuleSettings.from_config(catalog.config)
            findings = run_rules(catalog, settings, Selection(), snapshot.blobs.__getitem__, today=today)
            _, cards, _ = score_state(catalog, findings, day.year, min(day, today), updates, None, sha)
        except GovdataError as error:
            found.append(TrendPoint(label, sha, day, 0, None, None, None, error.text))
            continue
        scores = [c.score for c in cards if c.score is not None]
        resources = catalog.resources
        found.append(
            TrendPoint(
                label,
                sha,
                day,
                len(resources),
                round(sum(scores) / len(scores), 2) if scores else None,
                sum(r.model.opening.type != "不予开放" for r in resources) / len(resources) if resources else None,
                sum(r.model.sharing.type == "无条件共享" for r in resources) / len(resources) if resources else None,
            )
        )
    return found
