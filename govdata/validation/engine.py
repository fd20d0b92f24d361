"""Validate an instance: per-file jobs, then the cross-file rules over a compact index.

Returns a :class:`RunResult`; never prints. git lists the files while the cache is read, and
after a pull request names the few that changed (``validation.listing``); the registries and
``govdata.yaml`` are loaded first; every other file that may need it is one job
(``validation.jobs``: read, parse, schema, model, per-file rules, facts), run in worker
processes when that pays and remembered by content in ``.govdata-cache/``
(``validation.cache``). The parent keeps each resource's facts, not its model, unless the
caller needs the models (``keep_models``), and runs the cross-file rules over them; a
resource's item facts are read when a rule asks for them, and what each department collects
(GD107) comes from the cache's sums corrected by the files that differ (``_remember``). Line
numbers are computed only for files that have findings.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from operator import attrgetter
from typing import NamedTuple

from govdata.diagnostics import Diagnostic, Severity, sort_diagnostics
from govdata.instance import CONFIG_NAME, Instance, within
from govdata.io.tree import WorkingTree
from govdata.model.catalog import Catalog, Document
from govdata.model.collected import Collected
from govdata.model.config import InstanceConfig
from govdata.model.facts import ItemFacts, ResourceFacts
from govdata.model.kinds import (
    CONFIG,
    RESOURCE,
    FileKind,
    kinds_of,
)
from govdata.model.resource import Resource
from govdata.rules import CATALOG_RULES
from govdata.rules.base import RuleContext, Scope
from govdata.settings import RuleSettings, Selection
from govdata.validation.batch import gc_paused, load_files, run_jobs
from govdata.validation.blobs import IndexListing
from govdata.validation.cache import Found, ResultCache
from govdata.validation.jobs import (
    REGISTRY_KINDS,
    FileChecker,
    FileResult,
    Positions,
    add_document,
    extend,
)
from govdata.validation.layout import leftover_diagnostics, unexpected_file
from govdata.validation.listing import git_listing, list_files, open_cache, usable
from govdata.validation.loading import ParsedFile, Reader, internal_error, load_file, model_file
from govdata.validation.main_file import Base
from govdata.validation.summary import CatalogSummary, summarize

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class RunResult:
    diagnostics: list[Diagnostic]
    files_checked: int
    summary: CatalogSummary
    seconds: float
    catalog: Catalog = field(repr=False)
    # The files the report covers when the run was limited to some paths (None: all of them).
    files_in_scope: int | None = None
    # Files whose per-file results came from the validation cache (their content was checked before).
    files_from_cache: int = 0
    # The git blob id of every file read, when the run used the cache (else empty).
    content_ids: Mapping[str, str] = field(default_factory=dict, repr=False)

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity is severity)


def load_catalog(
    config: InstanceConfig,
    paths: Iterable[str],
    reader: Reader,
    *,
    config_path: str = CONFIG_NAME,
    progress: Progress | None = None,
) -> tuple[Catalog, list[Diagnostic]]:
    """The files at ``paths`` (instance-relative) read through ``reader``, as a :class:`Catalog`.

    The reader abstracts where bytes come from: the working tree, or a git revision.
    Returns load and schema diagnostics beside the catalog of the files that passed.
    """
    catalog = Catalog(config, config_path=config_path)
    jobs, diagnostics = _jobs(kinds_of(paths), {config_path})
    with gc_paused():
        for done, ((path, kind), outcome) in enumerate(zip(jobs, load_files(jobs, reader), strict=True), start=1):
            diagnostics.extend(outcome.diagnostics)
            if outcome.document is not None:
                add_document(catalog, kind, outcome.document)
            else:
                catalog.unloaded.append(path)
            if progress is not None:
                progress(done, len(jobs))
    return catalog, diagnostics


def run_rules(
    catalog: Catalog, settings: RuleSettings, selection: Selection, reader: Reader, *, today: dt.date
) -> list[Diagnostic]:
    """Every rule over a catalog that holds every model (``load_catalog``): both parts of each."""
    return _catalog_rules(catalog, settings, selection, Positions(reader), today, whole=True)


def _catalog_rules(
    catalog: Catalog, settings: RuleSettings, selection: Selection, positions: Positions, today: dt.date, *, whole: bool
) -> list[Diagnostic]:
    """The rules' catalog parts: ``check`` of cross-file rules, ``check_index`` of per-file ones,
    and with ``whole`` the per-file ``check`` too (else the jobs ran it)."""
    diagnostics: list[Diagnostic] = []
    for rule_class in CATALOG_RULES:
        severity = settings.severities[rule_class.id]
        if severity is None or not selection.picks(rule_class):
            continue
        rule = rule_class()
        context = RuleContext(catalog, settings.options[rule_class.id], today)
        parts = [rule.check_index] if rule.scope is Scope.FILE and not whole else [rule.check, rule.check_index]
        try:
            for part in parts:
                diagnostics.extend(positions.diagnostic(rule_class, finding) for finding in part(context))
        except Exception as error:  # noqa: BLE001 - a rule's bug is a finding; the other rules still run
            diagnostics.append(internal_error(catalog.config_path, error, rule_class.id))
    return diagnostics


def validate(
    instance: Instance,
    *,
    scopes: list[str] | None = None,
    selection: Selection | None = None,
    progress: Progress | None = None,
    reader: Reader | None = None,
    today: dt.date | None = None,
    paths: list[str] | None = None,
    keep_models: bool = False,
    use_cache: bool = True,
    processes: int | None = None,
    listing: IndexListing | None = None,
) -> RunResult:
    """Check the whole instance; report findings in ``scopes`` (all when None).

    ``reader`` and ``paths`` together check another version of the files (a git revision);
    by default the working tree's files are read, and per-file results are cached by content
    unless ``use_cache`` is off. ``keep_models`` keeps every resource model in the result's
    catalog (for publishing and evaluation); otherwise it holds their facts only. ``processes``
    fixes the number of worker processes (default: chosen by file count and cores).
    ``listing`` is git's listing of the instance (``instance.start_listing``) when the caller
    started it early; the caller closes it.
    """
    started = time.perf_counter()
    settings = RuleSettings.from_config(instance.config)
    selection = selection or Selection()
    read: Reader = reader or WorkingTree(instance.root)
    config_path = instance.relative(instance.config_path)
    wants_cache = use_cache and reader is None
    # git lists the files (``validation.listing``; statting each, 0.5 s at 100,000) on the other
    # core while this process reads the cache. The collector is paused as for the jobs: reading
    # 100,000 cached results builds millions of tuples, and its passes over them doubled the
    # time of reading the cache.
    with git_listing(instance, listing, wants_cache) as listing, gc_paused():
        cache = open_cache(instance, read) if listing is not None else None
        listed = None  # the files and any leftover temporaries, from git's listing or one walk
        if paths is None:
            listed = list_files(instance.root, listing, cache)
            paths = listed.found.files
        kinds = kinds_of(paths if listed is None else listed.candidates)
        registries = [path for path, kind in kinds.items() if kind in REGISTRY_KINDS]
        base, diagnostics = load_catalog(instance.config, registries, read, config_path=config_path)
        jobs, unexpected = _jobs(kinds, {config_path, *registries})
        diagnostics += unexpected
        cache, ids = usable(cache, listed, read, diagnostics) if listed is not None else (None, {})
    day = today or dt.date.today()
    checker = FileChecker(base, settings, read, keep_data=keep_models, today=day)
    with gc_paused():
        touched = listed.touched if listed is not None else None
        results, from_cache, fresh = _results(jobs, checker, cache, ids, touched, progress, processes, keep_models)
        catalog, problems = _assemble(base, kinds, results, read, keep_models)
        catalog.load_items = _item_loader(results.others, cache, checker)
        if cache is not None:
            assert listed is not None  # a cache is used only with the files git listed
            _remember(cache, catalog, fresh, ids, listed.base if listed.keepable else None)
    diagnostics += [d for result in results.others for d in result.diagnostics] + problems
    if reader is None:  # the working tree: leftovers of interrupted writes are there
        diagnostics += leftover_diagnostics(instance.root, listed.found.temporaries if listed is not None else None)
    positions = Positions(read)
    # The registries' own per-file findings: the jobs keep only findings in their own file.
    diagnostics += _registry_findings(base, settings, selection, positions, day)
    diagnostics = settings.settled(diagnostics, selection)
    diagnostics += _catalog_rules(catalog, settings, selection, positions, day, whole=False)
    diagnostics = [d for d in diagnostics if not settings.waived(d.rule_id, d.location.path, day)]
    if scopes is not None:
        diagnostics = [d for d in diagnostics if within(d.location.path, scopes)]
    in_scope = None if scopes is None else sum(1 for path in paths if within(path, scopes))
    return RunResult(
        sort_diagnostics(diagnostics),
        len(paths),
        summarize(catalog),
        time.perf_counter() - started,
        catalog,
        in_scope,
        from_cache,
        ids,
    )


def _jobs(
    kinds: dict[str, FileKind | None], read_first: set[str]
) -> tuple[list[tuple[str, FileKind]], list[Diagnostic]]:
    """Each path's job (path, kind), except those ``read_first``; files of no kind as findings."""
    jobs: list[tuple[str, FileKind]] = []
    unexpected: list[Diagnostic] = []
    for path, kind in kinds.items():
        if path in read_first:
            continue
        if kind is None or kind is CONFIG:
            unexpected.append(unexpected_file(path))
        else:
            jobs.append((path, kind))
    return jobs, unexpected


class Results(NamedTuple):
    """Every job's result: the resources the cache's main file has without findings as their
    facts alone (100,000 of them after a pull request), each other file as its result."""

    clean: list[ResourceFacts]  # in path order
    others: list[FileResult]  # in path order


def _results(
    jobs: list[tuple[str, FileKind]],
    checker: FileChecker,
    cache: ResultCache | None,
    ids: Mapping[str, str],
    touched: frozenset[str] | None,
    progress: Progress | None,
    processes: int | None,
    keep_models: bool,
) -> tuple[Results, int, list[FileResult]]:
    """Each job's result (from the cache where it knows the content, else run), how many came
    from the cache, and those that did not. After a change set (``touched``, see
    ``ResultCache.get``) the jobs leave out the main file's unchanged resources without findings."""
    paths = [path for path, _ in jobs]
    found = cache.get(paths, ids, touched) if cache is not None else Found([], {}, set(paths))
    todo = [(path, kind) for path, kind in jobs if path in found.missing]
    fresh: dict[str, FileResult] = {}
    from_cache = len(found.clean) + len(found.results)
    done, total = from_cache, from_cache + len(todo)
    for result in run_jobs(todo, checker, processes):
        fresh[result.path] = result
        done += 1
        if progress is not None:
            progress(done, total)
    known = found.results | fresh
    clean = found.clean
    if keep_models:  # every resource's model is built (``_assemble``): from a result, as any other file
        known.update((facts.path, FileResult(facts.path, (), True, facts)) for facts in clean)
        clean = []
    others = sorted(known.values(), key=_path)  # in path order, as the jobs are
    return Results(clean, others), from_cache, list(fresh.values())


def _remember(
    cache: ResultCache,
    catalog: Catalog,
    fresh: list[FileResult],
    ids: Mapping[str, str],
    listing: Callable[[set[str]], Base | None] | None,
) -> None:
    """What each department collects, from the cache's sums and the files that differ from
    them; then the ``fresh`` results saved, with the sums and the ``listing`` (None: this
    run's may not be kept) when the main file is written again."""
    catalog.collected = cache.collected(fresh)
    unsaved = [result for result in fresh if result.path not in ids and result.facts is not None]

    def sums() -> Collected:
        """The sums over the saved files: a file without a content id is not saved."""
        collected = catalog.collection()
        if unsaved:
            collected = collected.copy()
            for result in unsaved:
                assert result.facts is not None and result.items is not None
                collected.remove(result.facts, result.items)
        return collected

    cache.save({(result.path, ids[result.path]): result for result in fresh if result.path in ids}, sums, listing)


def _item_loader(
    results: list[FileResult], cache: ResultCache | None, checker: FileChecker
) -> Callable[[str], ItemFacts]:
    """The item facts of a resource by path: from its result, else from the cache's main file,
    else (a damaged entry) from checking the file again."""
    known = {result.path: result.items for result in results if result.items is not None}

    def load(path: str) -> ItemFacts:
        items = known.get(path)
        if items is None:
            items = known[path] = _items_again(path, cache, checker)
        return items

    return load


def _items_again(path: str, cache: ResultCache | None, checker: FileChecker) -> ItemFacts:
    if cache is not None:
        with contextlib.suppress(KeyError, ValueError, IndexError):
            return cache.items(path)
    items = checker(path, RESOURCE).items
    if items is None:  # the file changed or broke during the run: the rule reports an internal error
        raise RuntimeError(f"{path}: 信息项无法读取 / its items could not be read again")
    return items


def _assemble(
    base: Catalog, kinds: Mapping[str, FileKind | None], results: Results, read: Reader, keep_models: bool
) -> tuple[Catalog, list[Diagnostic]]:
    """The catalog of the loaded files (models for the few, facts for the many resources), and
    what went wrong building a model the job had built already (nothing, unless govdata has a bug)."""
    catalog = extend(base)
    problems: list[Diagnostic] = []
    if not keep_models:
        catalog.facts = list(results.clean)  # a copy: the others join it below
        catalog.load_resource = _resource_loader(read)
    for result in results.others:
        # A resource without findings in the cache's main file is none of ``kinds`` after a change set.
        path, kind = result.path, kinds.get(result.path, RESOURCE)
        assert kind is not None  # a job's
        if not result.loaded:
            catalog.unloaded.append(path)
        elif kind is RESOURCE and not keep_models:
            assert catalog.facts is not None and result.facts is not None
            catalog.facts.append(result.facts)
        else:
            if result.data is None:  # a cached resource: the cache keeps facts, not data
                outcome = load_file(path, kind, read(path))
            else:
                outcome = model_file(ParsedFile(path, result.data, result.schema_ref, []), kind, read)
            if outcome.document is None:
                catalog.unloaded.append(path)
                problems += outcome.diagnostics or [internal_error(path, RuntimeError("model differs from its job"))]
            else:
                add_document(catalog, kind, outcome.document)
    if results.clean and catalog.facts is not None and len(catalog.facts) > len(results.clean):
        catalog.facts.sort(key=_path)  # the files checked again among the others, in path order as without a cache
    return catalog, problems


_path = attrgetter("path")


def _resource_loader(read: Reader) -> Callable[[str], Document[Resource] | None]:
    @functools.lru_cache(maxsize=1024)
    def load(path: str) -> Document[Resource] | None:
        return load_file(path, RESOURCE, read(path)).document  # type: ignore[return-value]

    return load


def _registry_findings(
    base: Catalog, settings: RuleSettings, selection: Selection, positions: Positions, today: dt.date
) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for rule_class in CATALOG_RULES:
        if rule_class.scope is not Scope.FILE or settings.severities[rule_class.id] is None:
            continue
        if not selection.picks(rule_class):
            continue
        context = RuleContext(base, settings.options[rule_class.id], today)
        try:
            found.extend(positions.diagnostic(rule_class, f) for f in rule_class().check(context))
        except Exception as error:  # noqa: BLE001 - a rule's bug is a finding; the other rules still run
            found.append(internal_error(base.config_path, error, rule_class.id))
    return found
