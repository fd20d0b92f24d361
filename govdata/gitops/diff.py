"""The semantic diff: two catalogs in, the list of regulatory changes out. Pure: no git, no files.

Entities are matched by their ids, never by list position: resources by 信息资源代码,
departments by 统一社会信用代码, legal bases and demands by id, items by name (with the
rename heuristic of :mod:`govdata.gitops.diff_items`). A resource whose code is found on both
sides in different files has **moved**.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import get_args

from govdata.gitops.changes import Change, ChangeKind, Side
from govdata.gitops.diff_items import OPENING_ORDER, SHARING_ORDER, item_changes
from govdata.gitops.diff_registry import (
    case_changes,
    classification_changes,
    config_changes,
    demand_changes,
    grant_changes,
    registry_changes,
    responsibility_changes,
)
from govdata.gitops.fields import FieldDifference, differences, render
from govdata.model.catalog import Catalog, Document
from govdata.model.resource import Resource
from govdata.model.vocab import UpdateCycle

UPDATE_ORDER: tuple[str, ...] = get_args(UpdateCycle)  # 实时 … 每年, 不定期: later is slower
# Resource fields with a change kind of their own; every other field is reported as metadata.
_OWN_KIND = frozenset(
    {
        "code",
        "items",
        "provider.code",
        "sharing.type",
        "sharing.basis",
        "sharing.condition",
        "sharing.methods",
        "opening.type",
        "opening.basis",
        "opening.condition",
        "opening.desensitisation",
        "update_cycle",
        "security_level",
        "extensions",
    }
)


def _documents(catalog: Catalog, skip: frozenset[str]) -> dict[str, Document[Resource]]:
    found: dict[str, Document[Resource]] = {}
    for document in catalog.resources:
        if document.path not in skip:
            found.setdefault(document.model.code, document)
    return found


def _ordered(
    kinds: tuple[ChangeKind, ChangeKind], order: tuple[str, ...], old: str, new: str
) -> tuple[ChangeKind, bool]:
    tighter = order.index(new) > order.index(old)
    return (kinds[1] if tighter else kinds[0]), tighter


def _with_titles(ids: list[str], titles: dict[str, str]) -> list[str]:
    """Basis ids with their law's title beside them, so a reviewer reads which law changed."""
    return [f"{basis}（{titles[basis]}）" if basis in titles else basis for basis in ids]


def _attribute_changes(
    old: Document[Resource], new: Document[Resource], titles: dict[str, str] | None = None
) -> Iterator[Change]:
    o, n = old.model, new.model
    code, path, dept = n.code, new.path, n.provider.code

    def change(kind: ChangeKind, pointer: tuple[str, ...], before: object, after: object, **extra: object) -> Change:
        return Change(
            kind,
            code,
            path,
            pointer,
            Side.NEW,
            dept,
            field=".".join(pointer),
            old=render(before),
            new=render(after),
            **extra,  # type: ignore[arg-type]
        )

    if o.provider.code != n.provider.code:
        yield change(
            ChangeKind.PROVIDER_CHANGED,
            ("provider", "code"),
            f"{o.provider.name}（{o.provider.code}）",
            f"{n.provider.name}（{n.provider.code}）",
        )
    for part, order, kinds, basis_kind, terms_kind, terms in (
        (
            "sharing",
            SHARING_ORDER,
            (ChangeKind.SHARING_LOOSENED, ChangeKind.SHARING_TIGHTENED),
            ChangeKind.SHARING_BASIS_CHANGED,
            ChangeKind.SHARING_TERMS_CHANGED,
            ("condition", "methods"),
        ),
        (
            "opening",
            OPENING_ORDER,
            (ChangeKind.OPENING_LOOSENED, ChangeKind.OPENING_TIGHTENED),
            ChangeKind.OPENING_BASIS_CHANGED,
            ChangeKind.OPENING_TERMS_CHANGED,
            ("condition", "desensitisation"),
        ),
    ):
        before, after = getattr(o, part), getattr(n, part)
        if before.type != after.type:
            kind, tighter = _ordered(kinds, order, before.type, after.type)
            yield change(kind, (part, "type"), before.type, after.type, restricts=tighter)
        if before.basis != after.basis:
            yield change(
                basis_kind,
                (part, "basis"),
                _with_titles(before.basis, titles or {}),
                _with_titles(after.basis, titles or {}),
            )
        for key in terms:
            old_value, new_value = getattr(before, key), getattr(after, key)
            if old_value != new_value:
                # Dropping a sharing method takes away a way consumers get the data.
                dropped = key == "methods" and bool(set(old_value) - set(new_value))
                label = type(after).model_fields[key].title
                yield change(terms_kind, (part, key), old_value, new_value, label=label, restricts=dropped)
    if o.update_cycle != n.update_cycle:
        slower = UPDATE_ORDER.index(n.update_cycle) > UPDATE_ORDER.index(o.update_cycle)
        yield change(
            ChangeKind.UPDATE_CYCLE_CHANGED, ("update_cycle",), o.update_cycle, n.update_cycle, restricts=slower
        )
    if o.security_level != n.security_level:
        yield change(ChangeKind.SECURITY_LEVEL_CHANGED, ("security_level",), o.security_level, n.security_level)
    # A new provider brings its own name: one provider change, not a name change besides.
    skip = _OWN_KIND | ({"provider.name"} if o.provider.code != n.provider.code else set())
    for difference in differences(o, n, skip=skip):
        yield Change.of_field(ChangeKind.METADATA_CHANGED, code, path, difference, dept)
    yield from _extension_changes(o, n, code, path, dept)


def _extension_changes(o: Resource, n: Resource, code: str, path: str, dept: str) -> Iterator[Change]:
    """One change per extension key: extensions are kept as they are, so each key is reported."""
    for key in sorted(set(o.extensions) | set(n.extensions)):
        before, after = o.extensions.get(key), n.extensions.get(key)
        if before != after:
            difference = FieldDifference(f"extensions.{key}", key, ("extensions", key), render(before), render(after))
            yield Change.of_field(ChangeKind.METADATA_CHANGED, code, path, difference, dept)


def resource_changes(old: Catalog, new: Catalog, skip: frozenset[str] = frozenset()) -> Iterator[Change]:
    before, after = _documents(old, skip), _documents(new, skip)
    titles = {basis.id: basis.title for catalog in (old, new) for basis in catalog.legal_bases}
    for code, document in before.items():
        if code not in after:
            model = document.model
            yield Change(
                ChangeKind.RESOURCE_REMOVED,
                code,
                document.path,
                (),
                Side.OLD,
                model.provider.code,
                old=model.name,
                restricts=True,
            )
    for code, document in after.items():
        model = document.model
        if code not in before:
            yield Change(
                ChangeKind.RESOURCE_ADDED, code, document.path, (), Side.NEW, model.provider.code, new=model.name
            )
            continue
        previous = before[code]
        if previous.path != document.path:
            yield Change(
                ChangeKind.RESOURCE_MOVED,
                code,
                document.path,
                (),
                Side.NEW,
                model.provider.code,
                field="path",
                old=previous.path,
                new=document.path,
            )
        if previous.model != model:
            yield from _attribute_changes(previous, document, titles)
            yield from item_changes(previous, document)


def semantic_diff(old: Catalog, new: Catalog, *, skip: Iterable[str] = ()) -> list[Change]:
    """Every change from ``old`` to ``new``, sorted by department, file and entity.

    ``skip`` names files not to compare (e.g. ones that fail their schema on either side),
    so that a broken file does not read as a removed resource.
    """
    skipped = frozenset(skip)
    changes = [
        *resource_changes(old, new, skipped),
        *registry_changes(old, new),
        *classification_changes(old, new),
        *config_changes(old, new),
        *demand_changes(old, new, skipped),
        *grant_changes(old, new, skipped),
        *responsibility_changes(old, new, skipped),
        *case_changes(old, new, skipped),
    ]
    return sorted(changes, key=Change.sort_key)


def file_changes(
    changed: Iterable[str],
    old_paths: Iterable[str],
    new_paths: Iterable[str],
    department_of: Callable[[str], str | None] = lambda path: None,
) -> list[Change]:
    """Changed files that are not catalog documents (schemas, responsibility lists, workflows …).

    ``department_of`` names the department owning a path (None: the authority).
    """
    old_set, new_set = set(old_paths), set(new_paths)
    return [
        Change(
            ChangeKind.FILE_CHANGED,
            path,
            path,
            (),
            Side.NEW if path in new_set else Side.OLD,
            department_of(path),
            old="present" if path in old_set else None,
            new="present" if path in new_set else None,
        )
        for path in sorted(changed)
    ]
