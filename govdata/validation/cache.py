"""The validation cache: each file's job result, keyed by its path and content id.

``.govdata-cache/validate-<context>.marshal``, the main file, holds the results of one run's
files (``validation.main_file``: a run reads the columns it needs, the item facts when asked).
``validate-<context>.recent.marshal`` is a ``{(path, blob id): result}`` map of the results
added since the main file was written.
The context is a digest of everything else a per-file result depends on: govdata's own code
(version and the size and time of each of its modules), the Python version, ``govdata.yaml``
(rule severities and options) and the registries. Change any of them and the whole cache is
cold; change a file and only that file is checked again. Cross-file rules are never cached:
they run over the facts at every run, so a change anywhere reaches every finding it causes;
the departments' sums they start from are those of the main file brought up to date by every
file whose content differs from it (``collected``).

A pull request's run finds 100,000 files unchanged. When the main file keeps the listing it
was written from (``main_file.Base``), git names the few paths that may differ
(``validation.listing``) and ``get`` looks up only those; else it works out which in C (set
operations on the blob ids). Either way ``itertools.compress`` over the columns gives the
resources without findings back as their facts alone, in path order, without a result object
or a Python step per file (docs/performance.md, "Issue 12, ninth" and "twelfth session").

Why ``marshal``: a cache restored in CI is data from elsewhere, and ``marshal`` cannot run code
while reading, which pickle can; it reads tuples of strings faster than JSON or SQLite
(``benchmarks/bench_cache_format.py``). The cache is derived data: a file that cannot be read
or written only makes the run slower, never wrong, and is replaced atomically, so two runs at
once leave one complete cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import sys
from collections.abc import Callable, Iterable, Mapping
from functools import partial
from itertools import compress
from pathlib import Path
from typing import Any, NamedTuple

import govdata
from govdata.diagnostics import Diagnostic, Location, Severity
from govdata.errors import GovdataError
from govdata.i18n import Text
from govdata.io.atomic import atomic_write
from govdata.io.transaction import CACHE_FOLDER
from govdata.model.collected import Collected
from govdata.model.facts import ItemFacts, ResourceFacts
from govdata.validation.jobs import FileResult
from govdata.validation.main_file import Base, Entries, Key, MainFile, encode_entries, read_main, with_items

FOLDER = CACHE_FOLDER
PREFIX = "validate-"
RECENT_FLOOR = 256  # the recent file may always hold this many entries


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
    """A result as the recent file holds it (the main file keeps item facts apart, see ``encode_entries``)."""
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


_new = tuple.__new__  # builds a named tuple at C speed (its generated ``__new__`` is a Python call)
_resource_facts = partial(_new, ResourceFacts)


def _decode(path: str, values: tuple[Any, ...]) -> FileResult:
    """A saved result; its item facts only from the recent file (the main file's are read when asked)."""
    diagnostics, loaded, facts, items, data, schema_ref = values
    return _new(
        FileResult,
        (
            path,
            tuple(
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
            _resource_facts(facts) if facts is not None else None,
            _new(ItemFacts, items) if type(items) is tuple else None,
            data,
            schema_ref,
        ),
    )


class Found(NamedTuple):
    """What the cache has of the paths a run asked for."""

    clean: list[ResourceFacts]  # resources without findings, from the main file, in path order
    results: dict[str, FileResult]  # every other result it has
    missing: set[str]  # the paths it has no (sound) result for


class ResultCache:
    """The per-file results of one context, read once and written back at most once per run."""

    def __init__(self, root: Path, context: str) -> None:
        self._folder = root / FOLDER
        self._file = self._folder / f"{PREFIX}{context}.marshal"
        self._recent_file = self._folder / f"{PREFIX}{context}.recent.marshal"
        self._main = read_main(self._file)
        self._recent = _read(self._recent_file)
        self._used = bytearray(len(self._main.paths))  # 1: the main file's result was this run's
        self._unused = list(range(len(self._main.paths)))  # the positions of the others
        self._from_recent: dict[Key, FileResult] = {}  # the results ``get`` found in the recent file
        self._sums_trusted = False  # ``collected`` brought the main file's sums up to date

    @property
    def main(self) -> MainFile:
        return self._main

    def get(self, paths: Iterable[str], ids: Mapping[str, str], touched: frozenset[str] | None = None) -> Found:
        """The saved results of those ``paths`` whose content (``ids``: path to blob id) the
        cache has; a damaged entry is a miss. Results from the main file come without their
        item facts: ``items`` reads them. Called once per run: ``collected`` and ``save``
        start from what it found.

        After a change set (``touched``: the paths git says may differ from the main file's
        listing), ``paths`` need not name the main file's other resources without findings:
        they are this run's files, with the content they were checked with."""
        asked = set(paths)
        main, results = self._main, {}
        for (path, blob), saved in self._recent.items():
            if path in asked and ids.get(path) == blob:
                with contextlib.suppress(ValueError, TypeError):  # a damaged entry: a miss
                    results[path] = self._from_recent[(path, blob)] = _decode(path, saved)
        # The main file's results this run does not use: changed or gone, not asked for, or newer in the recent file.
        if touched is None:
            unused = {path for path, _ in main.listing.items() - ids.items()}
            unused |= main.listing.keys() - asked
            unused |= main.listing.keys() & results.keys()
            outside = asked - main.listing.keys()
        else:  # a look-up per path git touched and per path asked for: no dictionary of every path
            unused = {
                path for path in touched if (saved_id := main.blob(path)) is not None and ids.get(path) != saved_id
            }
            unused.update(path for path in results if main.blob(path) is not None)
            outside = {path for path in asked if main.blob(path) is None}
        used = self._used = bytearray(b"\x01") * len(main.paths)
        for path in unused:
            used[main.position(path)] = 0
        for position, saved in main.others.items():
            if used[position]:
                path = main.paths[position]
                try:
                    results[path] = _decode(path, saved)
                except (ValueError, TypeError):  # a damaged entry: a miss
                    used[position] = 0
                    unused.add(path)
        self._unused = sorted(map(main.position, unused))
        clean = list(map(_resource_facts, filter(None, compress(main.facts, used))))
        missing = outside | (unused & asked)
        return Found(clean, results, missing - results.keys())

    def items(self, path: str) -> ItemFacts:
        """The item facts the main file holds for ``path``; KeyError, ValueError or IndexError
        when it holds none or they are damaged (the caller checks the file again)."""
        [numbers] = self._main.numbers([self._main.position(path)])
        if numbers is None:
            raise ValueError("no item facts")
        return self._main.table.decode(numbers)

    def collected(self, fresh: Iterable[FileResult]) -> Collected | None:
        """What each department collects over this run's files: the main file's sums, less its
        files that ``get`` did not use (changed or gone), plus the results it found in the
        recent file and the ``fresh`` ones (every file checked this run). None when the main
        file has no sums or they disagree with its results: the caller counts them from every file."""
        main = self._main
        if main.collected is None:
            return None
        self._sums_trusted = False  # until they are brought up to date without a contradiction
        with contextlib.suppress(ValueError, TypeError, IndexError, KeyError):
            collected = Collected.from_tuple(main.collected)
            for position, numbers in zip(self._unused, main.numbers(self._unused), strict=True):
                facts = main.result(position)[2]
                if facts is None:
                    continue
                if numbers is None:
                    raise ValueError(f"{main.paths[position]}: a resource's result without its item facts")
                collected.remove(_resource_facts(facts), main.table.decode(numbers))
            for result in [*self._from_recent.values(), *fresh]:
                if result.facts is None:
                    continue
                if result.items is None:
                    raise ValueError(f"{result.path}: a changed file's result without its item facts")
                collected.add(result.facts, result.items)
            self._sums_trusted = True
            return collected
        return None

    def save(
        self,
        results: Mapping[Key, FileResult],
        collected: Callable[[], Collected | None],
        base: Callable[[set[str]], Base | None] | None = None,
    ) -> None:
        """Keep this run's files (those ``get`` found, and the new ``results``): new results in
        the recent file, or everything in a new main file when that has grown stale or its sums
        could not be used (so the next run need not count them from every file again), or
        keeps no listing while this run's may be kept, with ``collected()``, the departments'
        sums over exactly those files (None: unknown), and ``base(paths)``, the listing they
        were checked under (``base`` None: this run's may not be kept); drop other contexts' caches."""
        main = self._main
        from_main = self._used.count(1)
        hits = from_main + len(self._from_recent)
        base_size = len(main.paths)
        saved = base_size + len(self._recent)
        stale = saved - hits
        recent = {**self._recent, **{key: _encode(result) for key, result in results.items()}}
        with contextlib.suppress(OSError, ValueError, GovdataError):
            rewrite = not base_size or not self._sums_trusted or stale * 4 > saved
            # Once, after the main file was written from a run git did not vouch for: later
            # runs are then told against this listing (``blobs.IndexListing.since``).
            rewrite = rewrite or (base is not None and main.base is None)
            if rewrite or len(recent) > max(RECENT_FLOOR, base_size // 8):
                # This run's files only: older contents in the recent file are not carried over.
                entries: Entries = {key: recent[key] for key in self._from_recent}
                entries.update(with_items(main, list(compress(range(base_size), self._used))))
                entries.update((key, recent[key]) for key in results)
                sums = collected() if len(entries) == hits + len(results) else None
                listing = base({path for path, _ in entries}) if base is not None else None
                atomic_write(self._file, encode_entries(entries, sums, listing))
                self._recent_file.unlink(missing_ok=True)
            elif results:
                atomic_write(self._recent_file, marshal.dumps(recent))
            else:
                return
            for other in self._folder.glob(f"{PREFIX}*.marshal"):
                if other not in (self._file, self._recent_file):
                    other.unlink(missing_ok=True)


def _read(file: Path) -> Entries:
    """A saved map, or nothing when the file is missing or damaged."""
    with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
        saved = marshal.loads(file.read_bytes())
        if isinstance(saved, dict):
            return saved
    return {}
