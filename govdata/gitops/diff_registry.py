"""Registries, configuration, demand lists and grants, old against new (see ``diff.py``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from pydantic import BaseModel

from govdata.cases.ownership import creator_event, owner_code
from govdata.gitops.changes import Change, ChangeKind, Side
from govdata.gitops.fields import differences, render
from govdata.model.case import Case
from govdata.model.catalog import Catalog, Document
from govdata.model.classification import ClassificationNode, pointer_of, walk
from govdata.model.grant import INITIAL

# Fields of a grant that record the authority's decision rather than the applicant's request.
GRANT_DECISION_FIELDS = ("status", "decision", "history")


def _entries(
    old_doc: Document[Any] | None,
    new_doc: Document[Any] | None,
    attribute: str,
    key: str,
    kinds: tuple[ChangeKind, ChangeKind, ChangeKind],
    title: str,
    department: str | None = None,
) -> Iterator[Change]:
    """Entries of a list in one file, matched by ``key``: added, removed and changed ones."""
    old_list: Sequence[BaseModel] = getattr(old_doc.model, attribute) if old_doc else []
    new_list: Sequence[BaseModel] = getattr(new_doc.model, attribute) if new_doc else []
    before = {getattr(e, key): (i, e) for i, e in enumerate(old_list)}
    after = {getattr(e, key): (i, e) for i, e in enumerate(new_list)}
    added, removed, changed = kinds
    for ident, (index, entry) in before.items():
        if ident not in after and old_doc is not None:
            yield Change(
                removed, ident, old_doc.path, (attribute, index), Side.OLD, department, old=getattr(entry, title)
            )
    for ident, (index, entry) in after.items():
        assert new_doc is not None
        if ident not in before:
            yield Change(
                added, ident, new_doc.path, (attribute, index), Side.NEW, department, new=getattr(entry, title)
            )
            continue
        for difference in differences(before[ident][1], entry, (attribute, index)):
            yield Change.of_field(changed, ident, new_doc.path, difference, department)


def registry_changes(old: Catalog, new: Catalog) -> Iterator[Change]:
    yield from _entries(
        old.departments_doc,
        new.departments_doc,
        "departments",
        "code",
        (ChangeKind.DEPARTMENT_ADDED, ChangeKind.DEPARTMENT_REMOVED, ChangeKind.DEPARTMENT_CHANGED),
        "name",
    )
    yield from _entries(
        old.legal_bases_doc,
        new.legal_bases_doc,
        "legal_bases",
        "id",
        (ChangeKind.LEGAL_BASIS_ADDED, ChangeKind.LEGAL_BASIS_REMOVED, ChangeKind.LEGAL_BASIS_CHANGED),
        "title",
    )


def _nodes(catalog: Catalog) -> dict[str, tuple[tuple[str | int, ...], ClassificationNode]]:
    """Classification nodes by their chain of codes (1/101/10101): unique even where a code repeats."""
    document = catalog.classification_doc
    if document is None:
        return {}
    found: dict[str, tuple[tuple[str | int, ...], ClassificationNode]] = {}
    chains: dict[tuple[int, ...], str] = {}
    for path, node, _parent in walk(list(document.model.nodes)):
        chain = (chains[path[:-1]] + "/" if len(path) > 1 else "") + node.code
        chains[path] = chain
        found.setdefault(chain, (pointer_of(path), node))
    return found


def classification_changes(old: Catalog, new: Catalog) -> Iterator[Change]:
    """Nodes of registry/classification.yaml added, removed, renamed or given other synonyms."""
    before, after = _nodes(old), _nodes(new)
    document = new.classification_doc or old.classification_doc
    path = document.path if document is not None else ""
    kind = ChangeKind.CLASSIFICATION_CHANGED
    for chain, (pointer, node) in before.items():
        if chain not in after:
            yield Change(kind, chain, path, pointer, Side.OLD, None, field="node", label="分类节点", old=node.name)
    for chain, (pointer, node) in after.items():
        if chain not in before:
            yield Change(kind, chain, path, pointer, Side.NEW, None, field="node", label="分类节点", new=node.name)
            continue
        previous = before[chain][1]
        for field in ("name", "synonyms"):
            old_value, new_value = getattr(previous, field), getattr(node, field)
            if old_value != new_value:
                label = type(node).model_fields[field].title or field
                yield Change(
                    kind, chain, path, (*pointer, field), Side.NEW, None,
                    field=field, label=label, old=render(old_value), new=render(new_value),
                )  # fmt: skip


def config_changes(old: Catalog, new: Catalog) -> Iterator[Change]:
    for difference in differences(old.config, new.config):
        yield Change.of_field(
            ChangeKind.CONFIG_CHANGED, difference.key.split(".")[0], new.config_path, difference, None
        )


def _department_of_folder(path: str, *catalogs: Catalog) -> str | None:
    """The code of the department whose folder (``catalogs/<slug>/``, ``grants/<slug>/``) holds ``path``."""
    parts = path.split("/")
    if len(parts) < 3:
        return None
    for catalog in catalogs:
        department = catalog.department_by_slug.get(parts[1])
        if department is not None:
            return department.code
    return None


def demand_changes(old: Catalog, new: Catalog, skip: frozenset[str] = frozenset()) -> Iterator[Change]:
    before = {d.path: d for d in old.demand_lists if d.path not in skip}
    after = {d.path: d for d in new.demand_lists if d.path not in skip}
    for path in sorted(before.keys() | after.keys()):
        old_doc, new_doc = before.get(path), after.get(path)
        if old_doc is not None and new_doc is not None and old_doc.model == new_doc.model:
            continue
        yield from _entries(
            old_doc,
            new_doc,
            "demands",
            "id",
            (ChangeKind.DEMAND_ADDED, ChangeKind.DEMAND_REMOVED, ChangeKind.DEMAND_CHANGED),
            "title",
            _department_of_folder(path, new, old),
        )


def grant_changes(old: Catalog, new: Catalog, skip: frozenset[str] = frozenset()) -> Iterator[Change]:
    before = {d.model.id: d for d in old.grants if d.path not in skip}
    after = {d.model.id: d for d in new.grants if d.path not in skip}
    for ident, document in before.items():
        if ident not in after:
            yield Change(
                ChangeKind.GRANT_REMOVED,
                ident,
                document.path,
                (),
                Side.OLD,
                _department_of_folder(document.path, old),
                old=document.model.title,
                restricts=True,
            )
    for ident, document in after.items():
        department = _department_of_folder(document.path, new, old)
        if ident not in before:
            yield Change(
                ChangeKind.GRANT_ADDED, ident, document.path, (), Side.NEW, department, new=document.model.title
            )
            if document.model.status != INITIAL:
                # A grant that arrives already decided carries a decision nobody approved yet.
                yield Change(
                    ChangeKind.GRANT_DECIDED,
                    ident,
                    document.path,
                    ("status",),
                    Side.NEW,
                    department,
                    field="status",
                    label="状态",
                    new=document.model.status,
                )
            continue
        for difference in differences(before[ident].model, document.model):
            decision = difference.key.split(".")[0] in GRANT_DECISION_FIELDS
            yield Change.of_field(
                ChangeKind.GRANT_DECIDED if decision else ChangeKind.GRANT_CHANGED,
                ident,
                document.path,
                difference,
                department,
            )


def _case_party(case: Case, event_type: str, *catalogs: Catalog) -> str | None:
    """The department code that records ``event_type`` (None: the authority, or nobody resolvable)."""
    for catalog in catalogs:
        code = owner_code(case, event_type, catalog)
        if code is not None:
            return None if code == catalog.config.authority else code
    return None


def case_changes(old: Catalog, new: Catalog, skip: frozenset[str] = frozenset()) -> Iterator[Change]:
    """Cases opened, removed, events appended (each owned per ``govdata.cases.ownership``), rewrites."""
    before = {d.model.id: d for d in old.cases if d.path not in skip}
    after = {d.model.id: d for d in new.cases if d.path not in skip}
    for ident, document in before.items():
        if ident not in after:
            yield Change(ChangeKind.CASE_REMOVED, ident, document.path, (), Side.OLD, None, old=document.model.title)
    for ident, document in after.items():
        case = document.model
        if ident not in before:
            yield Change(
                ChangeKind.CASE_OPENED,
                ident,
                document.path,
                (),
                Side.NEW,
                _case_party(case, creator_event(case.kind), new, old),
                new=case.title,
            )
            continue
        previous = before[ident].model
        kept = len(previous.events)
        if list(case.events[:kept]) == list(previous.events):
            for index, event in enumerate(case.events[kept:], start=kept):
                yield Change(
                    ChangeKind.CASE_EVENT_ADDED,
                    ident,
                    document.path,
                    ("events", index),
                    Side.NEW,
                    _case_party(case, event.type, new, old),
                    new=event.type,
                )
            previous = previous.model_copy(update={"events": case.events})
        for difference in differences(previous, case):
            yield Change.of_field(ChangeKind.CASE_CHANGED, ident, document.path, difference, None)


def responsibility_changes(old: Catalog, new: Catalog, skip: frozenset[str] = frozenset()) -> Iterator[Change]:
    before = {d.path: d for d in old.responsibility_lists if d.path not in skip}
    after = {d.path: d for d in new.responsibility_lists if d.path not in skip}
    kinds = (ChangeKind.RESPONSIBILITY_ADDED, ChangeKind.RESPONSIBILITY_REMOVED, ChangeKind.RESPONSIBILITY_CHANGED)
    for path in sorted(before.keys() | after.keys()):
        old_doc, new_doc = before.get(path), after.get(path)
        if old_doc is not None and new_doc is not None and old_doc.model == new_doc.model:
            continue
        department = (new_doc or old_doc).model.department  # type: ignore[union-attr]
        yield from _entries(old_doc, new_doc, "resources", "code", kinds, "name", department)
