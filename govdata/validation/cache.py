"""The validation cache: each file's job result, keyed by its path and content id.

``.govdata-cache/validate-<context>.marshal``, the main file, holds three columns: the paths,
their blob ids and their results, and beside them the table of texts the results' item facts
are numbers into (``validation.item_table``) and what each department collects, summed over
those results (``model.collected``); see ``encode_entries``. ``validate-<context>.recent.marshal``
is a ``{(path, blob id): result}`` map of the results added since the main file was written.
Files are looked up by path, then their content id compared: a path's hash is computed once,
a (path, id) pair's at every lookup.
The context is a digest of everything else a per-file result depends on: govdata's own code
(version and the size and time of each of its modules), the Python version, ``govdata.yaml``
(rule severities and options) and the registries. Change any of them and the whole cache is
cold; change a file and only that file is checked again. Cross-file rules are never cached:
they run over the facts at every run, so a change anywhere reaches every finding it causes;
the departments' sums they start from are those of the main file brought up to date by every
file whose content differs from it (``collected``).

Why ``marshal`` in one file: a cache restored in CI is data from elsewhere, and ``marshal``
cannot run code while reading, which pickle can. Read from one file it is fast enough: the 10,000
entries of a 10k instance (9.7 MB) load in 0.08 s, against 0.07 s for pickle, 0.74 s for JSON
and 0.34 s for a row per file in SQLite (``benchmarks/bench_cache_format.py``, docs/performance.md). The cache is derived data: a file
that cannot be read or written only makes the run slower, never wrong, and is replaced
atomically, so two runs at once leave one complete cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import sys
from collections.abc import Callable, Iterable, Mapping
from itertools import chain
from pathlib import Path
from typing import Any, NamedTuple

import govdata
from govdata.diagnostics import Diagnostic, Location, Severity
from govdata.errors import GovdataError
from govdata.i18n import Text
from govdata.io.atomic import atomic_write
from govdata.model.collected import Collected
from govdata.model.facts import ItemFacts, ResourceFacts
from govdata.validation.item_table import ItemTable
from govdata.validation.jobs import FileResult

FOLDER = ".govdata-cache"
PREFIX = "validate-"
RECENT_FLOOR = 256  # the recent file may always hold this many entries
Key = tuple[str, str]  # (instance-relative path, blob id)
Entries = dict[Key, tuple[Any, ...]]


def _code_stamp() -> str:
    package = Path(govdata.__file__).parent
    modules = sorted(package.rglob("*.py"))
    stats = [(m.relative_to(package).as_posix(), m.stat().st_size, m.stat().st_mtime_ns) for m in modules]
    return f"{govdata.__version__}|{sys.version}|{stats}"


def context_key(config: bytes, registries: Mapping[str, bytes]) -> str:
    """A digest of what every per-file result depends on besides the file itself."""
    digest = hashlib.sha256(_code_stamp().encode())
    digest.update(b"\0config\0" + config)
    for path, data in sorted(registries.items()):
        digest.update(f"\0{path}\0{len(data)}\0".encode() + data)
    return digest.hexdigest()[:20]


def _location(location: Location) -> tuple[Any, ...]:
    return (location.path, location.line, location.column, location.pointer)


def _text(text: Text | None) -> tuple[str, str] | None:
    return None if text is None else (text.zh, text.en)


def _encode(result: FileResult) -> tuple[Any, ...]:
    """A result as the recent file holds it (the main file's item facts are numbers, see ``_numbered``)."""
    diagnostics = tuple(
        (
            d.rule_id,
            d.severity.value,
            _text(d.message),
            _location(d.location),
            _text(d.hint),
            d.article,
            tuple(_location(r) for r in d.related),
        )
        for d in result.diagnostics
    )
    facts = result.facts.as_tuple() if result.facts is not None else None
    items = result.items.as_tuple() if result.items is not None else None
    return (diagnostics, result.loaded, facts, items, result.data, result.schema_ref)


# A pull request's run decodes 100,000 entries: tuple.__new__ builds each named tuple at C speed,
# where their generated ``__new__`` is a Python call (0.11 s of it at 100,000).
_new = tuple.__new__


def _decode(path: str, values: tuple[Any, ...]) -> FileResult:
    """A saved result; its item facts only from the recent file (the main file's are read when asked)."""
    diagnostics, loaded, facts, items, data, schema_ref = values
    return _new(
        FileResult,
        (
            path,
            ()  # most files have no findings: 100,000 of them are decoded in a pull request's run
            if not diagnostics
            else tuple(
                Diagnostic(
                    rule,
                    Severity(severity),
                    Text(*message),
                    Location(*location),
                    Text(*hint) if hint else None,
                    article,
                    tuple(Location(*r) for r in related),
                )
                for rule, severity, message, location, hint, article, related in diagnostics
            ),
            loaded,
            _new(ResourceFacts, facts) if facts is not None else None,
            _new(ItemFacts, items) if type(items) is tuple else None,
            data,
            schema_ref,
        ),
    )


class ResultCache:
    """The per-file results of one context, read once and written back at most once per run."""

    def __init__(self, root: Path, context: str) -> None:
        self._folder = root / FOLDER
        self._file = self._folder / f"{PREFIX}{context}.marshal"
        self._recent_file = self._folder / f"{PREFIX}{context}.recent.marshal"
        self._main = _read_main(self._file)
        self._recent = _read(self._recent_file)
        self._recent_paths = {path for path, _ in self._recent}
        self._from_main: set[str] = set()  # paths ``get`` found in the main file
        self._from_recent: dict[Key, FileResult] = {}  # and in the recent file
        self._sums_trusted = False  # ``collected`` brought the main file's sums up to date

    def get(self, paths: Iterable[str], ids: Mapping[str, str]) -> dict[str, FileResult]:
        """The saved results of those ``paths`` whose content (``ids``: path to blob id) the
        cache has; a damaged entry is a miss. Results from the main file come without their
        item facts: ``items`` reads them. Called once per run: ``collected`` and ``save``
        start from what it found."""
        found: dict[str, FileResult] = {}
        positions, values = self._main.positions, self._main.values
        recent, recent_paths, from_recent = self._recent, self._recent_paths, self._from_recent
        from_main: list[str] = []
        for path in paths:
            blob = ids.get(path)
            if blob is None:
                continue
            if path in recent_paths and (saved := recent.get((path, blob))) is not None:
                with contextlib.suppress(ValueError, TypeError):  # a damaged entry: a miss
                    found[path] = from_recent[(path, blob)] = _decode(path, saved)
                continue
            saved_blob, position = positions.get(path, _NOWHERE)
            if saved_blob != blob:
                continue
            try:  # not contextlib.suppress, and _decode inlined for the usual entry: 100,000 of them
                diagnostics, loaded, facts, _numbers, data, schema_ref = values[position]
                if diagnostics or facts is None:
                    found[path] = _decode(path, values[position])
                else:  # a resource without findings (its item facts are read when asked)
                    found[path] = _new(
                        FileResult, (path, (), loaded, _new(ResourceFacts, facts), None, data, schema_ref)
                    )
            except (ValueError, TypeError):
                continue
            from_main.append(path)
        self._from_main.update(from_main)
        return found

    def items(self, path: str) -> ItemFacts:
        """The item facts the main file holds for ``path``; KeyError, ValueError or IndexError
        when it holds none or they are damaged (the caller checks the file again)."""
        _, position = self._main.positions[path]
        numbers = self._main.values[position][3]
        if not isinstance(numbers, bytes):
            raise ValueError("no item facts")
        return self._main.table.decode(numbers)

    def collected(self, fresh: Iterable[FileResult]) -> Collected | None:
        """What each department collects over this run's files: the main file's sums, less its
        files that ``get`` did not find there (changed or gone), plus the results it found in
        the recent file and the ``fresh`` ones (every file checked this run). None when the
        main file has no sums or they disagree with its results: the caller counts them from
        every file."""
        main = self._main
        if main.collected is None:
            return None
        self._sums_trusted = False  # until they are brought up to date without a contradiction
        with contextlib.suppress(ValueError, TypeError, IndexError, KeyError):
            collected = Collected.from_tuple(main.collected)
            for path in main.positions.keys() - self._from_main:  # a set difference in C: 100,000 paths
                _, _, facts, numbers, _, _ = main.values[main.positions[path][1]]
                if facts is not None:
                    collected.remove(_new(ResourceFacts, facts), main.table.decode(numbers))
            for result in chain(self._from_recent.values(), fresh):
                if result.facts is None:
                    continue
                if result.items is None:
                    raise ValueError(f"{result.path}: a changed file's result without its item facts")
                collected.add(result.facts, result.items)
            self._sums_trusted = True
            return collected
        return None

    def save(self, results: Mapping[Key, FileResult], collected: Callable[[], Collected | None]) -> None:
        """Keep this run's files (those ``get`` found, and the new ``results``): new results in
        the recent file, or everything in a new main file when that has grown stale or its sums
        could not be used (so the next run need not count them from every file again), with
        ``collected()``, the departments' sums over exactly those files (None: unknown); drop
        other contexts' caches."""
        main = self._main
        hits = len(self._from_main) + len(self._from_recent)
        base_size = len(main.positions)
        saved = base_size + len(self._recent)
        stale = saved - hits
        recent = {**self._recent, **{key: _encode(result) for key, result in results.items()}}
        with contextlib.suppress(OSError, ValueError, GovdataError):
            rewrite = not base_size or not self._sums_trusted or stale * 4 > saved
            if rewrite or len(recent) > max(RECENT_FLOOR, base_size // 8):
                # This run's files only: older contents in the recent file are not carried over.
                entries: Entries = {key: recent[key] for key in self._from_recent}
                for path in self._from_main:
                    blob, position = main.positions[path]
                    with contextlib.suppress(ValueError, IndexError):  # a damaged entry: checked again next time
                        entries[(path, blob)] = _with_items(main, position)
                entries.update((key, recent[key]) for key in results)
                sums = collected() if len(entries) == hits + len(results) else None
                atomic_write(self._file, encode_entries(entries, sums))
                self._recent_file.unlink(missing_ok=True)
            elif results:
                atomic_write(self._recent_file, marshal.dumps(recent))
            else:
                return
            for other in self._folder.glob(f"{PREFIX}*.marshal"):
                if other not in (self._file, self._recent_file):
                    other.unlink(missing_ok=True)


_NOWHERE = (None, -1)  # the (blob id, position) of a path the main file does not hold
Positions = dict[str, tuple[str, int]]  # path: (blob id, position of its result)
Values = tuple[tuple[Any, ...], ...]


class MainFile(NamedTuple):
    positions: Positions
    values: Values  # results, their item facts as numbers into ``table``
    table: ItemTable
    collected: object  # ``Collected.as_tuple`` of the results, or None


_EMPTY = MainFile({}, (), ItemTable(), None)


def _with_items(main: MainFile, position: int) -> tuple[Any, ...]:
    """A main file's result with its item facts as the recent file holds them."""
    diagnostics, loaded, facts, numbers, data, schema_ref = main.values[position]
    items = main.table.decode(numbers).as_tuple() if numbers is not None else None
    return (diagnostics, loaded, facts, items, data, schema_ref)


def encode_entries(entries: Entries, collected: Collected | None = None) -> bytes:
    """The main file: the paths, their blob ids, the results with their item facts as numbers
    into a table of texts, that table, and ``collected`` (the departments' sums over exactly
    these results, or None), in one ``marshal``. A path occurs once: the main file holds one
    content per file."""
    paths = tuple(path for path, _ in entries)
    if len(set(paths)) != len(paths):
        raise ValueError("a path twice in the main file")
    table = ItemTable()
    values = tuple(
        (diagnostics, loaded, facts, None if items is None else table.encode(ItemFacts._make(items)), data, ref)
        for diagnostics, loaded, facts, items, data, ref in entries.values()
    )
    saved = None if collected is None else collected.as_tuple()
    return marshal.dumps((paths, tuple(blob for _, blob in entries), values, table.all_texts(), saved))


def decode_entries(data: bytes) -> Entries:
    """``encode_entries`` read back, the item facts as tuples again (for tests and benchmarks)."""
    main = load_main(data)
    return {(path, blob): _with_items(main, position) for path, (blob, position) in main.positions.items()}


def load_main(data: bytes) -> MainFile:
    """A main file's columns as a run reads them: each path's blob id and result position, the
    results (their item facts still numbers), the table and the sums."""
    saved = marshal.loads(data)
    if not isinstance(saved, tuple) or len(saved) != 5:
        raise ValueError("not a main file")
    paths, blobs, values, texts, collected = saved
    if not all(isinstance(column, tuple) and len(column) == len(paths) for column in (blobs, values)):
        raise ValueError("columns of different lengths")
    if not isinstance(texts, tuple):
        raise ValueError("no table of texts")
    positions = dict(zip(paths, zip(blobs, range(len(paths)), strict=True), strict=True))
    return MainFile(positions, values, ItemTable(texts), collected)


def _read_main(file: Path) -> MainFile:
    """The main file, or an empty one when it is missing or damaged."""
    with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
        return load_main(file.read_bytes())
    return _EMPTY


def _read(file: Path) -> Entries:
    """A saved map, or nothing when the file is missing or damaged."""
    with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
        saved = marshal.loads(file.read_bytes())
        if isinstance(saved, dict):
            return saved
    return {}
