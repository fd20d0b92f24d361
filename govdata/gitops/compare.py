"""Compare two revisions of an instance: read both from git, diff, review and locate each change."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from govdata.diagnostics import Diagnostic, Location, Pointer
from govdata.generate.codeowners import owners_of, ownership_rules
from govdata.gitops.changes import Change, ChangeKind, Side, describe
from govdata.gitops.diff import file_changes, semantic_diff
from govdata.gitops.review import Level, Review, active_grants, review
from govdata.gitops.snapshot import RevisionReader, Snapshot, diff_paths, is_instance_file
from govdata.i18n import Text
from govdata.instance import discover
from govdata.model.catalog import Catalog


@dataclass(frozen=True, slots=True)
class Entry:
    """A change with its review and its place (file and line on the side it belongs to)."""

    change: Change
    review: Review
    location: Location
    text: Text


@dataclass
class DiffResult:
    base: str
    head: str | None  # None: the working tree
    base_label: str
    head_label: str
    entries: list[Entry]
    departments: dict[str, str]  # code → name, both revisions merged
    authority: str
    problems: list[Diagnostic] = field(default_factory=list)  # files that could not be compared
    prefix: str = ""  # the instance folder inside the repository, for links
    changed: list[str] = field(default_factory=list)  # instance-relative paths that differ

    def count(self, level: Level | None = None, breaking: bool | None = None) -> int:
        return sum(
            1
            for e in self.entries
            if (level is None or e.review.level is level) and (breaking is None or e.review.breaking is breaking)
        )

    def department_name(self, code: str | None) -> str:
        code = code or self.authority
        return self.departments.get(code, code)


def _names(*catalogs: Catalog) -> dict[str, str]:
    names: dict[str, str] = {}
    for catalog in catalogs:
        for department in catalog.departments:
            names.setdefault(department.code, department.name)
    return names


def _broken(snapshot: Snapshot) -> set[str]:
    return {d.location.path for d in snapshot.diagnostics}


def build_result(
    old: Snapshot,
    new: Snapshot,
    changed: list[str],
    old_paths: set[str],
    new_paths: set[str],
    labels: tuple[str, str],
    prefix: str = "",
    names: dict[str, str] | None = None,
    special: dict[str, str] | None = None,
    outlined: Sequence[Change] = (),
    published: Mapping[str, bool] | None = None,
) -> DiffResult:
    """Diff, review and locate: the pure part of :func:`compare`, given both snapshots.

    ``names`` (department code → name) stands in when the snapshots hold no registry.
    ``special`` names changed paths that are symlinks or submodules on either side: they were
    not loaded, and each is one unreadable change (fail closed).
    ``outlined`` are the changes of resource files the snapshots hold no model of (added or
    deleted whole, see :mod:`govdata.gitops.outline`), ``published`` says which of the deleted
    ones were published.
    """
    special = special or {}
    skip = _broken(old) | _broken(new) | set(special)
    changes = semantic_diff(old.catalog, new.catalog, skip=skip)
    if outlined:  # in the diff's own order; a stable sort keeps the rest as it was
        changes = sorted([*changes, *outlined], key=Change.sort_key)
    rules = ownership_rules(old.catalog if old.catalog.departments else new.catalog, prefix)
    authority = new.catalog.config.authority

    def department_of(path: str) -> str | None:
        owners = [code for code in owners_of(prefix + path, rules) if code != authority]
        return owners[0] if owners else None

    others = [p for p in changed if not is_instance_file(p) and p not in special]
    changes += file_changes(others, old_paths, new_paths, department_of)
    changes += [
        Change(ChangeKind.FILE_UNREADABLE, p, p, (), Side.NEW, department_of(p), new=what)
        for p, what in sorted(special.items())
    ]
    # A file broken on either side cannot be compared; the base side only when the new one is fine.
    broken_new = _broken(new)
    changes += [Change(ChangeKind.FILE_INVALID, p, p, (), Side.NEW, department_of(p)) for p in sorted(broken_new)]
    changes += [
        Change(ChangeKind.FILE_INVALID, p, p, (), Side.OLD, department_of(p))
        for p in sorted(_broken(old) - broken_new)
        if p in changed
    ]
    entries = []
    grants = active_grants(old.catalog)
    wanted: dict[tuple[Side, str], list[Pointer]] = {}
    for change in changes:
        wanted.setdefault((change.side, change.path), []).append(change.pointer)
    for (side, path), pointers in wanted.items():  # each file's line map read only as far as needed
        (new if side is Side.NEW else old).prepare(path, pointers)
    for change in changes:
        snapshot = new if change.side is Side.NEW else old
        verdict = review(
            change,
            old.catalog,
            grants=grants,
            department_owns=lambda p: department_of(p) is not None,
            published=published,
        )
        entries.append(Entry(change, verdict, snapshot.locate(change.path, change.pointer), describe(change)))
    return DiffResult(
        old.rev or "",
        new.rev,
        labels[0],
        labels[1],
        entries,
        names or _names(new.catalog, old.catalog),
        authority,
        list(new.diagnostics),
        prefix,
        list(changed),
    )


def compare(reader: RevisionReader, root: Path, base: str, head: str | None, labels: tuple[str, str]) -> DiffResult:
    """The semantic diff of the instance at ``root`` between commits ``base`` and ``head``.

    ``head`` None compares with the working tree (untracked files included). Only the changed
    files and the context (config, registries, grants) are read, in one batch per revision.
    """
    changed = reader.changed(base, head)
    old_tree = reader.tree(base)
    special = {p: what for rev in (base, head) if rev for p, what in reader.special(rev).items() if p in changed}
    if head is None:
        special.update({p: "symlink" for p in changed if (root / p).is_symlink()})
    loadable = [p for p in changed if p not in special]
    new_paths = set(reader.tree(head)) if head is not None else set(discover(root)) | _present(root, changed)

    def select(tree: Iterable[str]) -> list[str]:
        return [p for p in diff_paths(loadable, tree) if p not in special]

    new = reader.snapshot(head, select) if head else reader.worktree(root, select(new_paths))
    old = reader.snapshot(base, select, fallback=new.catalog.config)
    return build_result(old, new, changed, set(old_tree), new_paths, labels, reader.prefix, special=special)


def _present(root: Path, paths: list[str]) -> set[str]:
    return {p for p in paths if (root / p).is_file()}
