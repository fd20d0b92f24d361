"""One file's whole job: read, parse, schema, model, the per-file rules, and its facts.

A job needs only the file and the registries, so it runs in a worker process and its result
can be cached by the file's content (``validation.cache``). What it returns is small: located
findings, and either the resource's facts or, for the other kinds (few files, read whole by
cross-file rules), the parsed data the parent models again.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from typing import Any, NamedTuple

from govdata.diagnostics import Diagnostic, Location, Pointer
from govdata.io.fastyaml import SourceMap
from govdata.io.positions import positions_of
from govdata.io.source import DecodeProblem, decode
from govdata.model.catalog import Catalog, Document
from govdata.model.facts import ItemFacts, ResourceFacts, facts_of
from govdata.model.kinds import (
    CASE,
    CLASSIFICATION,
    DEMANDS,
    DEPARTMENTS,
    GRANT,
    LEGAL_BASES,
    PROJECT,
    RESOURCE,
    RESPONSIBILITY,
    SECURITY,
    FileKind,
)
from govdata.rules import CATALOG_RULES
from govdata.rules.base import Finding, Rule, RuleContext, Scope
from govdata.settings import RuleSettings
from govdata.validation.loading import (
    Reader,
    internal_error,
    locate,
    model_file,
    parse_file,
    unreadable_file,
)

# The registries every per-file rule may consult: loaded first, in the parent, and shared.
REGISTRY_KINDS = (DEPARTMENTS, LEGAL_BASES, CLASSIFICATION)
# Each at one path, its pattern written out (a test holds them to it).
REGISTRY_PATHS = tuple(kind.path_pattern.pattern.replace("\\", "") for kind in REGISTRY_KINDS)
FILE_RULES: tuple[type[Rule], ...] = tuple(rule for rule in CATALOG_RULES if rule.scope is Scope.FILE)


class FileResult(NamedTuple):
    """What one job found and kept of one file.

    A named tuple, not a frozen dataclass: a pull request's run makes 100,000 of them from the
    cache, and a frozen dataclass sets each field through ``object.__setattr__``.
    """

    path: str
    diagnostics: tuple[Diagnostic, ...]  # load, schema and per-file rule findings, at rule-default severity
    loaded: bool  # passed its schema and modelled (else the catalog lists it as unloaded)
    facts: ResourceFacts | None = None  # a loaded resource's facts
    items: ItemFacts | None = None  # and its item facts (None from the cache's main file: read when asked)
    data: Any = None  # a loaded file's parsed data, when the parent builds its model
    schema_ref: str | None = None


class Positions:
    """Source maps of the files findings are placed in, each parsed once, on first use."""

    def __init__(self, reader: Reader) -> None:
        self._reader = reader
        self._maps: dict[str, SourceMap | None] = {}

    def locate(self, path: str, pointer: Pointer, at_key: bool) -> Location:
        if not pointer:
            return Location(path, 1, 1)
        if path not in self._maps:
            text = decode(self._reader(path))
            self._maps[path] = None if isinstance(text, DecodeProblem) else positions_of(text)
        return locate(path, self._maps[path], pointer, at_key)

    def diagnostic(self, rule: type[Rule], finding: Finding) -> Diagnostic:
        return Diagnostic(
            rule.id,
            rule.severity,
            finding.message,
            self.locate(finding.path, finding.pointer, finding.at_key),
            hint=finding.hint,
            article=rule.article,
            related=tuple(self.locate(p, q, False) for p, q in finding.related),
        )


_REGISTRY_LOOKUPS = ("department_by_code", "department_by_slug", "classification_nodes", "classification_synonyms")


def extend(base: Catalog) -> Catalog:
    """A catalog of ``base``'s registries and config, with lists of its own for the other documents.

    The registries' lookups (cached properties) are shared, not computed again.
    """
    catalog = dataclasses.replace(
        base,
        resources=[],
        demand_lists=[],
        grants=[],
        responsibility_lists=[],
        projects=[],
        security_records=[],
        cases=[],
        unloaded=list(base.unloaded),
    )
    for name in _REGISTRY_LOOKUPS:
        if name in base.__dict__:
            catalog.__dict__[name] = base.__dict__[name]
    return catalog


def with_document(base: Catalog, kind: FileKind, document: Document[Any]) -> Catalog:
    """``base`` (registries and config) plus one document."""
    catalog = extend(base)
    add_document(catalog, kind, document)
    return catalog


def add_document(catalog: Catalog, kind: FileKind, document: Document[Any]) -> None:
    if kind is RESOURCE:
        catalog.resources.append(document)
    elif kind is DEMANDS:
        catalog.demand_lists.append(document)
    elif kind is DEPARTMENTS:
        catalog.departments_doc = document
    elif kind is LEGAL_BASES:
        catalog.legal_bases_doc = document
    elif kind is CLASSIFICATION:
        catalog.classification_doc = document
    elif kind is GRANT:
        catalog.grants.append(document)
    elif kind is RESPONSIBILITY:
        catalog.responsibility_lists.append(document)
    elif kind is PROJECT:
        catalog.projects.append(document)
    elif kind is SECURITY:
        catalog.security_records.append(document)
    elif kind is CASE:
        catalog.cases.append(document)


def warm(base: Catalog) -> None:
    """Compute the registries' lookups once, before workers fork and jobs copy the base."""
    for name in _REGISTRY_LOOKUPS:
        getattr(base, name)


class FileChecker:
    """Runs the job of one file against fixed registries and rule settings."""

    def __init__(
        self, base: Catalog, settings: RuleSettings, reader: Reader, *, keep_data: bool, today: dt.date
    ) -> None:
        warm(base)
        self.base = base
        self.settings = settings
        self.reader = reader
        # Per-file rules must not read the day (their results are cached across days); they are
        # given the run's day all the same, so a test comparing two days catches one that does.
        self.today = today
        self.keep_data = keep_data  # send resources' parsed data too (the caller keeps every model)
        self.rules = [rule for rule in FILE_RULES if settings.severities[rule.id] is not None]
        # Intern the facts' repeated texts here; off in worker processes, whose results are
        # interned where they arrive (interning twice cost 0.1 ms of a 1.4 ms job).
        self.share_texts = True

    def for_worker(self) -> FileChecker:
        """This checker for a forked worker process, whose facts are interned where they arrive."""
        worker = copy.copy(self)
        worker.share_texts = False
        return worker

    def __call__(self, path: str, kind: FileKind) -> FileResult:
        try:
            return self._check(path, kind)
        except Exception as error:  # noqa: BLE001 - any input (even an unreadable file) gives a located finding
            return FileResult(path, (internal_error(path, error),), False)

    def _check(self, path: str, kind: FileKind) -> FileResult:
        try:
            data = self.reader(path)
        except OSError as error:
            return FileResult(path, (unreadable_file(path, error),), False)
        parsed = parse_file(path, kind, data)
        outcome = model_file(parsed, kind, lambda _path: data)
        document = outcome.document
        if document is None:
            return FileResult(path, tuple(outcome.diagnostics), False)
        catalog = with_document(self.base, kind, document)
        positions = Positions(lambda p: data if p == path else self.reader(p))
        found: list[Diagnostic] = []
        for rule in self.rules:
            context = RuleContext(catalog, self.settings.options[rule.id], self.today)
            try:
                # The registries' own findings come from the run over the registries alone.
                found.extend(positions.diagnostic(rule, f) for f in rule().check(context) if f.path == path)
            except Exception as error:  # noqa: BLE001 - a rule's bug is a finding; the other rules still run
                found.append(internal_error(path, error, rule.id))
        facts, items = facts_of(document, shared=self.share_texts) if kind is RESOURCE else (None, None)  # type: ignore[arg-type]
        keep = kind is not RESOURCE or self.keep_data
        return FileResult(path, tuple(found), True, facts, items, parsed.data if keep else None, parsed.schema_ref)
