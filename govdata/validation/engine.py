"""Validate an instance: load every file, check schemas, run the rules, apply settings.

Returns a :class:`RunResult`; never prints. Every file is read through the fast path; line
numbers are computed only for files that have findings (a second parse of just those files),
so a clean catalog pays nothing for them.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from govdata.diagnostics import Diagnostic, Location, Severity, sort_diagnostics
from govdata.i18n import Text
from govdata.instance import CONFIG_NAME, INSTANCE_FOLDERS, Instance, discover
from govdata.io.atomic import stray_temporaries
from govdata.io.fastyaml import SourceMap
from govdata.io.source import DecodeProblem, decode
from govdata.io.transaction import JOURNAL_FILE, interrupted_run
from govdata.io.tree import WorkingTree
from govdata.model.catalog import Catalog, Document
from govdata.model.config import InstanceConfig
from govdata.model.kinds import (
    CASE,
    CLASSIFICATION,
    CONFIG,
    DEMANDS,
    DEPARTMENTS,
    GRANT,
    LEGAL_BASES,
    PROJECT,
    RESOURCE,
    RESPONSIBILITY,
    SECURITY,
    FileKind,
    kind_of,
)
from govdata.rules import CATALOG_RULES, RULES
from govdata.rules.base import Finding, RuleContext
from govdata.rules.builtin import UnexpectedFile
from govdata.settings import RuleSettings, Selection
from govdata.validation.batch import gc_paused, load_files
from govdata.validation.loading import Reader, internal_error, locate, positions_of
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

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.diagnostics if d.severity is severity)


class _Positions:
    """Source maps of files with findings, parsed once each on first use."""

    def __init__(self, reader: Reader) -> None:
        self._reader = reader
        self._maps: dict[str, SourceMap | None] = {}

    def locate(self, path: str, pointer: tuple[str | int, ...], at_key: bool) -> Location:
        if not pointer:
            return Location(path, 1, 1)
        if path not in self._maps:
            text = decode(self._reader(path))
            self._maps[path] = None if isinstance(text, DecodeProblem) else positions_of(text)
        return locate(path, self._maps[path], pointer, at_key)


def _unexpected_file(path: str) -> Diagnostic:
    stem, dot, extension = path.rpartition(".")
    if dot and extension.lower() == "yaml" and extension != "yaml" and kind_of(f"{stem}.yaml") is not None:
        message = Text(
            f"扩展名“.{extension}”须为小写“.yaml”，否则此文件不会被读取：{path}",
            f"the extension .{extension} must be lower-case .yaml, or the file is not read: {path}",
        )
        hint = Text(f"将文件改名为 {stem}.yaml（git mv）", f"Rename the file to {stem}.yaml (git mv)")
    else:
        message = Text(f"govdata 不识别此位置的文件：{path}", f"govdata does not know a file kind at {path}")
        hint = Text(
            "信息资源放在 catalogs/<部门>/<代码>.yaml，需求清单为 catalogs/<部门>/demands.yaml，扩展名须为 .yaml",
            "resources go to catalogs/<dept>/<code>.yaml, demand lists to catalogs/<dept>/demands.yaml, "
            "with the extension .yaml",
        )
    return Diagnostic(
        UnexpectedFile.id,
        UnexpectedFile.severity,
        message,
        Location(path, 1, 1),
        hint=hint,
        article=UnexpectedFile.article,
    )


def leftover_diagnostics(root: Path) -> list[Diagnostic]:
    """Temporary files of interrupted writes, and the journal of a multi-file write cut short."""
    found = [
        Diagnostic(
            UnexpectedFile.id,
            UnexpectedFile.severity,
            Text(f"写入中断遗留的临时文件：{path}", f"temporary file left by an interrupted write: {path}"),
            Location(path, 1, 1),
            hint=Text(
                "可直接删除（git 已忽略此类文件）；下一次 govdata 写入命令也会自动清除",
                "Delete it (git ignores such files); the next govdata command that writes removes it too",
            ),
            article=UnexpectedFile.article,
        )
        for path in (p.relative_to(root).as_posix() for p in stray_temporaries(root, INSTANCE_FOLDERS))
    ]
    journal = interrupted_run(root)
    if journal is not None:
        found.append(
            Diagnostic(
                UnexpectedFile.id,
                UnexpectedFile.severity,
                journal,
                Location(JOURNAL_FILE, 1, 1),
                hint=Text("重新运行该命令以完成写入", "Run that command again to finish the write"),
                article=UnexpectedFile.article,
            )
        )
    return found


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
    diagnostics: list[Diagnostic] = []
    jobs: list[tuple[str, FileKind]] = []
    for path in paths:
        kind = kind_of(path)
        if path == config_path:
            continue
        if kind is None or kind is CONFIG:
            diagnostics.append(_unexpected_file(path))
        else:
            jobs.append((path, kind))
    with gc_paused():
        for done, ((path, kind), outcome) in enumerate(zip(jobs, load_files(jobs, reader), strict=True), start=1):
            diagnostics.extend(outcome.diagnostics)
            if outcome.document is not None:
                _add(catalog, kind, outcome.document)
            else:
                catalog.unloaded.append(path)
            if progress is not None:
                progress(done, len(jobs))
    return catalog, diagnostics


def _add(catalog: Catalog, kind: object, document: Document) -> None:  # type: ignore[type-arg]
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


def _within(path: str, scopes: Iterable[str]) -> bool:
    return any(path == scope or path.startswith(scope.rstrip("/") + "/") for scope in scopes)


def run_rules(
    catalog: Catalog, settings: RuleSettings, selection: Selection, reader: Reader, *, today: dt.date
) -> list[Diagnostic]:
    positions = _Positions(reader)
    diagnostics: list[Diagnostic] = []
    for rule_class in CATALOG_RULES:
        severity = settings.severities[rule_class.id]
        if severity is None or not selection.picks(rule_class):
            continue
        context = RuleContext(catalog, settings.options[rule_class.id], today)
        try:
            for finding in rule_class().check(context):
                diagnostics.append(_diagnostic(rule_class, severity, finding, positions))
        except Exception as error:  # noqa: BLE001 - a rule's bug is a finding; the other rules still run
            diagnostics.append(internal_error(catalog.config_path, error, rule_class.id))
    return diagnostics


def _diagnostic(rule_class: type, severity: Severity, finding: Finding, positions: _Positions) -> Diagnostic:
    return Diagnostic(
        rule_class.id,  # type: ignore[attr-defined]
        severity,
        finding.message,
        positions.locate(finding.path, finding.pointer, finding.at_key),
        hint=finding.hint,
        article=rule_class.article,  # type: ignore[attr-defined]
        related=tuple(positions.locate(p, q, False) for p, q in finding.related),
    )


def validate(
    instance: Instance,
    *,
    scopes: list[str] | None = None,
    selection: Selection | None = None,
    progress: Progress | None = None,
    reader: Reader | None = None,
    today: dt.date | None = None,
    paths: list[str] | None = None,
) -> RunResult:
    """Load and check the whole instance; report findings in ``scopes`` (all when None).

    ``reader`` and ``paths`` together check another version of the files (a git revision);
    by default the working tree's files are read.
    """
    started = time.perf_counter()
    settings = RuleSettings.from_config(instance.config)
    selection = selection or Selection()
    read: Reader = reader or WorkingTree(instance.root)
    paths = paths if paths is not None else discover(instance.root)
    catalog, diagnostics = load_catalog(
        instance.config, paths, read, config_path=instance.relative(instance.config_path), progress=progress
    )
    if reader is None:  # the working tree: leftovers of interrupted writes are there
        diagnostics += leftover_diagnostics(instance.root)
    builtin = {rule.id: rule for rule in RULES if rule not in CATALOG_RULES}
    diagnostics = [
        _with_severity(d, settings.severities[d.rule_id])
        for d in diagnostics
        if settings.severities[d.rule_id] is not None and selection.picks(builtin[d.rule_id])
    ]
    day = today or dt.date.today()
    diagnostics += run_rules(catalog, settings, selection, read, today=day)
    diagnostics = [d for d in diagnostics if not settings.waived(d.rule_id, d.location.path, day)]
    if scopes is not None:
        diagnostics = [d for d in diagnostics if _within(d.location.path, scopes)]
    in_scope = None if scopes is None else sum(1 for path in paths if _within(path, scopes))
    return RunResult(
        sort_diagnostics(diagnostics),
        len(paths),
        summarize(catalog),
        time.perf_counter() - started,
        catalog,
        in_scope,
    )


def _with_severity(diagnostic: Diagnostic, severity: Severity | None) -> Diagnostic:
    if severity is None or severity is diagnostic.severity:
        return diagnostic
    return replace(diagnostic, severity=severity)
