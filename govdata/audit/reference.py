"""What the audit compares the logs with, read from the instance: grant periods (with their
commits from git), departments (code and slug) and the provider of each resource."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from govdata.audit.grant_periods import GrantPeriod, parse_grant, periods_of
from govdata.i18n import Text
from govdata.instance import Instance


@dataclass
class Reference:
    periods: list[GrantPeriod]
    departments: list[dict[str, Any]]  # code, slug
    providers: list[dict[str, Any]]  # resource, provider
    history_note: Text | None = None  # why commits are missing, when they are
    unreadable: list[str] = field(default_factory=list)  # grant files that did not parse

    def grant_paths(self) -> dict[str, str]:
        return {period.grant_id: period.grant_path for period in self.periods}


def _committed_versions(instance: Instance, paths: list[str]) -> tuple[dict[str, list[tuple[str, str]]], Text | None]:
    """``{grant path: [(commit, text), ...]}`` oldest first, from one ``git log`` over grants/."""
    from govdata.gitops.repo import RepositoryError, open_repository
    from govdata.gitops.snapshot import RevisionReader

    try:
        repo = open_repository(instance.root)
        reader = RevisionReader.for_instance(repo, instance.root)
        if not repo.exists("HEAD"):
            return {}, Text("仓库尚无提交", "the repository has no commit yet")
        wanted = set(paths)
        found: dict[str, list[tuple[str, str]]] = {}
        for commit, changes in repo.history([reader.prefix + "grants"]):
            for change in changes:
                path = change.path[len(reader.prefix) :]
                if path in wanted and change.new_blob is not None:
                    found.setdefault(path, []).append((commit.sha, change.new_blob))
        blobs = repo.read_blobs(blob for versions in found.values() for _, blob in versions)
    except RepositoryError as error:
        return {}, error.text
    return (
        {
            path: [(sha, blobs[blob].decode("utf-8", "replace")) for sha, blob in reversed(versions)]
            for path, versions in found.items()
        },
        None,
    )


def read_reference(instance: Instance, use_git: bool = True) -> Reference:
    """Grant periods of every grant file (git history when there is one), departments, providers."""
    from govdata.grants.lifecycle import load_all

    catalog, grant_files = load_all(instance)
    committed, note = (
        _committed_versions(instance, grant_files) if use_git else ({}, Text("未使用 git", "git not used"))
    )
    periods: list[GrantPeriod] = []
    unreadable: list[str] = []
    for path in sorted(grant_files):
        current = parse_grant((instance.root / path).read_text(encoding="utf-8", errors="replace"))
        if current is None:
            unreadable.append(path)
            continue
        versions: list[tuple[str | None, dict[str, Any]]] = []
        for sha, text in committed.get(path, []):
            parsed = parse_grant(text)
            if parsed is not None:
                versions.append((sha, parsed))
        versions.append((None, current))
        periods.extend(periods_of(path, versions))
    departments = [{"code": d.code, "slug": d.slug} for d in catalog.departments]
    providers = [{"resource": d.model.code, "provider": d.model.provider.code} for d in catalog.resources]
    return Reference(periods, departments, providers, note, unreadable)


__all__ = ["Reference", "read_reference"]
