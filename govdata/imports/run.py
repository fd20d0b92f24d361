"""An import run: read every source, convert, find duplicates, allocate codes, write, report."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from govdata.imports.codes import allocator_for
from govdata.imports.convert import DEPARTMENT_CLASS, Converter
from govdata.imports.defaults import Defaults
from govdata.imports.duplicates import DuplicateFinder
from govdata.imports.events import Action, FileProblem, RecordOutcome, ValueEvent
from govdata.imports.labels import Mapping
from govdata.imports.providers import NewDepartment, ProviderResolver
from govdata.imports.sources import SourceFile, SourceRecord, read_source
from govdata.imports.values import as_text
from govdata.imports.write import DEPARTMENTS_PATH, registry_text, resource_path, resource_text
from govdata.model.catalog import Catalog

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Source:
    """A listing file and the mapping that reads it."""

    path: Path
    mapping: Mapping


@dataclass
class ImportResult:
    sources: list[SourceFile] = field(default_factory=list)
    outcomes: list[RecordOutcome] = field(default_factory=list)
    new_departments: list[NewDepartment] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    dry_run: bool = True

    @property
    def problems(self) -> list[FileProblem]:
        return [problem for source in self.sources for problem in source.problems]

    @property
    def events(self) -> list[ValueEvent]:
        return [event for outcome in self.outcomes for event in outcome.events]


def _exact_duplicate(record_values: dict[str, object], file: str, number: int, first: str) -> RecordOutcome:
    outcome = RecordOutcome(file, number, skipped=f"与 {first} 完全相同", duplicate_of=first)
    outcome.events = [
        ValueEvent(file, number, label, as_text(raw), None, Action.DROPPED, None, f"重复记录，与 {first} 完全相同")
        for label, raw in record_values.items()
        if as_text(raw).strip()
    ]
    return outcome


def _convert_one(result: ImportResult, converter: Converter, finder: DuplicateFinder, record: SourceRecord) -> None:
    where = f"{record.file}:{record.record}"
    first = finder.exact(record.values, where)
    if first is not None:
        result.outcomes.append(_exact_duplicate(record.values, record.file, record.record, first))
        return
    outcome = converter.convert(record)
    if outcome.resource is not None:
        provider = str(outcome.resource["provider"]["code"])  # type: ignore[index]
        outcome.near_duplicates = finder.near(str(outcome.resource["name"]), provider, where)
    result.outcomes.append(outcome)


def run_import(
    catalog: Catalog,
    sources: Sequence[Source],
    defaults: Defaults,
    *,
    root: Path | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Import ``sources`` into the instance at ``root`` (None: a dry run that writes nothing)."""
    result = ImportResult(dry_run=root is None)
    resolver = ProviderResolver(catalog)
    pattern = re.compile(catalog.config.resource_code.pattern)
    finder = DuplicateFinder()
    # Sources are read one at a time and let go once converted; progress counts their bytes.
    total = sum(source.path.stat().st_size for source in sources) or 1
    done = 0
    for source in sources:
        converter = Converter(source.mapping, defaults, resolver, pattern)
        size = source.path.stat().st_size
        for file in read_source(source.path):
            result.sources.append(file)
            count = len(file.records) or 1
            for index, record in enumerate(file.records):
                _convert_one(result, converter, finder, record)
                if progress is not None and index % 100 == 0:
                    progress(done + size * index // count, total)
            file.records = []
        done += size
        if progress is not None:
            progress(done, total)
    result.new_departments = list(resolver.new.values())
    _allocate(catalog, result)
    if root is not None:
        _write(root, catalog, result)
    return result


def _slugs(catalog: Catalog, result: ImportResult) -> dict[str, tuple[str, str]]:
    """Department code → (slug, catalog code), registered and new."""
    found = {d.code: (d.slug, d.catalog_code or "") for d in catalog.departments}
    found.update({d.code: (d.slug, d.catalog_code) for d in result.new_departments})
    return found


def _allocate(catalog: Catalog, result: ImportResult) -> None:
    allocator = None
    places = _slugs(catalog, result)
    for outcome in result.outcomes:
        if outcome.resource is None or outcome.department is None:
            continue
        if allocator is None:
            allocator = allocator_for(catalog.config.resource_code, catalog.resources_by_code)
        slug, dept = places[outcome.department]
        wanted = outcome.resource.get("code")
        group = str(outcome.resource["classification"]["group"])  # type: ignore[index]
        code = allocator.allocate(DEPARTMENT_CLASS, group, dept, wanted if isinstance(wanted, str) else None)
        outcome.resource["code"] = code
        outcome.code = code
        outcome.path = resource_path(slug, code)
        if isinstance(wanted, str) and code != wanted:
            _code_taken(outcome, wanted, code)


def _code_taken(outcome: RecordOutcome, wanted: str, code: str) -> None:
    """The source's own code is already used: say so on its event, keep it under extensions."""
    assert outcome.resource is not None
    extensions = outcome.resource.setdefault("extensions", {})
    extensions["import:原信息资源代码"] = wanted  # type: ignore[index]
    note = f"代码 {wanted} 已被占用，另行分配 {code}；原代码保留在扩展元数据"
    outcome.events = [
        replace(event, action=Action.NORMALISED, to=code, note=note) if event.field == "code" else event
        for event in outcome.events
    ]


def _write(root: Path, catalog: Catalog, result: ImportResult) -> None:
    """Write the registry additions and every resource in one transaction: all or nothing, and
    refused when someone changed the registry, or took one of the new paths, meanwhile."""
    from govdata.io.transaction import Transaction

    transaction = Transaction(root, "import")
    writes: dict[str, str] = {}
    if result.new_departments:
        current = transaction.read(DEPARTMENTS_PATH).decode("utf-8")
        note = "统一社会信用代码为临时代码，须补登；类别、角色为导入默认值，请核对"
        writes[DEPARTMENTS_PATH] = registry_text(current, result.new_departments, note)
    for outcome in result.outcomes:
        if outcome.resource is None or outcome.path is None:
            continue
        # allocation avoids every used code; a file there by now means a race: never overwrite it
        transaction.saw(outcome.path, None)
        origin = f"{outcome.file} 第 {outcome.record} 条"
        writes[outcome.path] = resource_text(outcome.path, outcome.resource, origin)
    transaction.commit(writes)
    result.written.extend(path for path in writes if path != DEPARTMENTS_PATH)
