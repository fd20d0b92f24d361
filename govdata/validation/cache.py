"""The validation cache: each file's job result, keyed by its path and content id.

``.govdata-cache/validate-<context>.marshal``, the main file, holds the results of one run's
files in path order, in three parts after a header of their lengths (``encode_entries``):

1. the paths, their blob ids, the facts of each resource without findings (most files, whose
   result is nothing else), the whole result of every other file, and what each department
   collects summed over them (``model.collected``), in one ``marshal``;
2. the table of texts the item facts are numbers into (``validation.item_table``), and where
   each file's numbers start in part 3;
3. those numbers, one run of bytes per resource.

A run reads part 1 only, and parts 2 and 3 where it needs item facts: those of the files a
change touches, and the resources a rule looks into. ``validate-<context>.recent.marshal`` is a
``{(path, blob id): result}`` map of the results added since the main file was written.
The context is a digest of everything else a per-file result depends on: govdata's own code
(version and the size and time of each of its modules), the Python version, ``govdata.yaml``
(rule severities and options) and the registries. Change any of them and the whole cache is
cold; change a file and only that file is checked again. Cross-file rules are never cached:
they run over the facts at every run, so a change anywhere reaches every finding it causes;
the departments' sums they start from are those of the main file brought up to date by every
file whose content differs from it (``collected``).

A pull request's run finds 100,000 files unchanged. ``get`` works out which in C (set
operations on the blob ids, ``itertools.compress`` over the columns) and gives the resources
without findings back as their facts alone, in path order, without a result object or a
Python step per file (docs/performance.md, "Issue 12, ninth session").

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
import os
import struct
import sys
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterable, Mapping
from functools import partial
from itertools import compress, islice
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

_HEADER = struct.Struct("<QQQ")  # the main file's three parts' lengths
_OFFSETS = "Q"  # where each file's item numbers start in part 3, and where the last ends
_WIDTH = len(ResourceFacts._fields)
_BATCH = 64  # more item facts than this at once: part 3 is read whole


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


Ranges = Callable[[list[tuple[int, int]]], list[bytes]]  # (start, length) of each, read at once


class Tail(NamedTuple):
    """Where the main file's parts 2 and 3 are."""

    second: int
    second_length: int
    third: int
    third_length: int


class MainFile:
    """A main file's part 1 as columns, and its item facts read when asked for."""

    def __init__(
        self, columns: tuple[Any, ...] | None = None, tail: Tail | None = None, read: Ranges | None = None
    ) -> None:
        self.paths: tuple[str, ...]
        self.blobs: tuple[str, ...]
        self.facts: tuple[tuple[Any, ...] | None, ...]
        self.others: dict[int, tuple[Any, ...]]
        self.paths, self.blobs, self.facts, self.others, self.collected = columns or ((), (), (), {}, None)
        self.listing: dict[str, str] = dict(zip(self.paths, self.blobs, strict=True))
        if len(self.listing) != len(self.paths):
            raise ValueError("a path twice in the main file")
        self._tail = tail or Tail(0, 0, 0, 0)
        self._read = read
        self._index: tuple[ItemTable, array[int]] | None = None

    def position(self, path: str) -> int:
        """Where ``path``'s result is in the columns (KeyError when it has none)."""
        position = bisect_left(self.paths, path)
        if position == len(self.paths) or self.paths[position] != path:
            raise KeyError(path)
        return position

    def result(self, position: int) -> tuple[Any, ...]:
        """The result at ``position`` as the recent file holds it, without its item facts."""
        facts = self.facts[position]
        return ((), True, facts, None, None, None) if facts is not None else self.others[position]

    @property
    def table(self) -> ItemTable:
        return self._item_index()[0]

    def numbers(self, positions: list[int]) -> list[bytes | None]:
        """The item facts' numbers of the results at ``positions`` (None: a file without items);
        ValueError when the file has none or they are damaged."""
        if not positions:
            return []
        _, offsets = self._item_index()
        spans = [(offsets[p], offsets[p + 1] - offsets[p]) for p in positions]
        assert self._read is not None  # _item_index checked it
        start = self._tail.third
        if len(spans) > _BATCH:
            [whole] = self._read([(start, self._tail.third_length)])
            chunks = [whole[s : s + n] for s, n in spans]
        else:
            chunks = self._read([(start + s, n) for s, n in spans])
        return [chunk or None for chunk in chunks]

    def _item_index(self) -> tuple[ItemTable, array[int]]:
        if self._index is None:
            if self._read is None:
                raise ValueError("no item facts")
            [part] = self._read([(self._tail.second, self._tail.second_length)])
            texts, raw = marshal.loads(part)
            offsets = array(_OFFSETS)
            offsets.frombytes(raw)
            if not isinstance(texts, tuple) or len(offsets) != len(self.paths) + 1:
                raise ValueError("item facts of another shape")
            if offsets[0] != 0 or offsets[-1] != self._tail.third_length:
                raise ValueError("item facts that do not fill part 3")
            if any(map(int.__gt__, offsets, islice(offsets, 1, None))):
                raise ValueError("item facts out of order")
            self._index = ItemTable(texts), offsets
        return self._index


def _checked_columns(first: bytes) -> tuple[Any, ...]:
    """Part 1 read and checked, so that ``get`` can trust its shape: ValueError when it has another."""
    columns = marshal.loads(first)
    if not isinstance(columns, tuple) or len(columns) != 5:
        raise ValueError("not a main file")
    paths, blobs, facts, others, _ = columns
    if not (isinstance(paths, tuple) and isinstance(blobs, tuple) and isinstance(facts, tuple)):
        raise ValueError("not columns")
    if not len(paths) == len(blobs) == len(facts) or not isinstance(others, dict):
        raise ValueError("columns of different lengths")
    if not set(map(type, paths)) | set(map(type, blobs)) <= {str}:
        raise ValueError("a path or blob id that is not a text")
    if list(paths) != sorted(paths):  # ``position`` bisects, ``get`` keeps the order (once each: ``MainFile``)
        raise ValueError("paths out of order")
    rows = list(filter(None, facts))  # an empty row is damaged too: the count below tells
    if set(map(type, rows)) - {tuple} or set(map(len, rows)) - {_WIDTH}:
        raise ValueError("a resource's facts of another shape")
    if len(facts) - len(rows) != len(others) or any(
        type(p) is not int or not 0 <= p < len(facts) or facts[p] is not None or type(v) is not tuple or len(v) != 6
        for p, v in others.items()
    ):
        raise ValueError("the other results do not fill the gaps")
    return columns


def _stamp(stat: os.stat_result) -> tuple[int, int, int]:
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns)


def _file_ranges(file: Path, stamp: tuple[int, int, int]) -> Ranges:
    """Reads of ``file`` as it was when part 1 was read: a cache another run replaced since is refused."""

    def read(ranges: list[tuple[int, int]]) -> list[bytes]:
        with file.open("rb") as handle:
            if _stamp(os.fstat(handle.fileno())) != stamp:
                raise ValueError("the main file was replaced during the run")
            chunks = []
            for start, length in ranges:
                handle.seek(start)
                chunks.append(handle.read(length))
        if any(len(chunk) != length for chunk, (_, length) in zip(chunks, ranges, strict=True)):
            raise ValueError("the main file was cut short")
        return chunks

    return read


def _memory_ranges(data: bytes) -> Ranges:
    return lambda ranges: [data[start : start + length] for start, length in ranges]


def _sizes(header: bytes, total: int) -> tuple[int, int, int]:
    """The three parts' lengths; ValueError when they do not add up to the file (cut, or grown)."""
    sizes: tuple[int, int, int] = _HEADER.unpack(header)
    if _HEADER.size + sum(sizes) != total:
        raise ValueError("the main file's parts do not add up")
    return sizes


def _tail(sizes: tuple[int, int, int]) -> Tail:
    first, second, third = sizes
    return Tail(_HEADER.size + first, second, _HEADER.size + first + second, third)


def load_main(data: bytes) -> MainFile:
    """A main file in memory, read as a run reads it (for tests and benchmarks)."""
    sizes = _sizes(data[: _HEADER.size], len(data))
    first = data[_HEADER.size : _HEADER.size + sizes[0]]
    return MainFile(_checked_columns(first), _tail(sizes), _memory_ranges(data))


def read_main(file: Path) -> MainFile:
    """The main file's part 1, or an empty one when it is missing or damaged."""
    with contextlib.suppress(OSError, ValueError, EOFError, TypeError, struct.error):
        with file.open("rb") as handle:
            stamp = _stamp(os.fstat(handle.fileno()))
            sizes = _sizes(handle.read(_HEADER.size), stamp[1])
            first = handle.read(sizes[0])
        return MainFile(_checked_columns(first), _tail(sizes), _file_ranges(file, stamp))
    return MainFile()


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

    def get(self, paths: Iterable[str], ids: Mapping[str, str]) -> Found:
        """The saved results of those ``paths`` whose content (``ids``: path to blob id) the
        cache has; a damaged entry is a miss. Results from the main file come without their
        item facts: ``items`` reads them. Called once per run: ``collected`` and ``save``
        start from what it found."""
        asked = set(paths)
        main, results = self._main, {}
        for (path, blob), saved in self._recent.items():
            if path in asked and ids.get(path) == blob:
                with contextlib.suppress(ValueError, TypeError):  # a damaged entry: a miss
                    results[path] = self._from_recent[(path, blob)] = _decode(path, saved)
        # The main file's results this run does not use: changed or gone, not asked for, or newer in the recent file.
        unused = {path for path, _ in main.listing.items() - ids.items()}
        unused |= main.listing.keys() - asked
        unused |= main.listing.keys() & results.keys()
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
        missing = (asked - main.listing.keys()) | (unused & asked)
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
                if facts is not None:
                    collected.remove(_resource_facts(facts), main.table.decode(numbers))  # type: ignore[arg-type]
            for result in [*self._from_recent.values(), *fresh]:
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
        from_main = self._used.count(1)
        hits = from_main + len(self._from_recent)
        base_size = len(main.paths)
        saved = base_size + len(self._recent)
        stale = saved - hits
        recent = {**self._recent, **{key: _encode(result) for key, result in results.items()}}
        with contextlib.suppress(OSError, ValueError, GovdataError):
            rewrite = not base_size or not self._sums_trusted or stale * 4 > saved
            if rewrite or len(recent) > max(RECENT_FLOOR, base_size // 8):
                # This run's files only: older contents in the recent file are not carried over.
                entries: Entries = {key: recent[key] for key in self._from_recent}
                entries.update(_with_items(main, list(compress(range(base_size), self._used))))
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


def _with_items(main: MainFile, positions: list[int]) -> Entries:
    """The main file's results at ``positions`` as the recent file holds them, their item facts
    read back; a damaged entry is left out (it is checked again next time)."""
    entries: Entries = {}
    with contextlib.suppress(ValueError):  # the item facts cannot be read: every entry is checked again
        numbers = main.numbers(positions)
        for position, coded in zip(positions, numbers, strict=True):
            diagnostics, loaded, facts, _, data, schema_ref = main.result(position)
            with contextlib.suppress(ValueError, IndexError):
                items = None if coded is None else main.table.decode(coded).as_tuple()
                entries[(main.paths[position], main.blobs[position])] = (
                    diagnostics,
                    loaded,
                    facts,
                    items,
                    data,
                    schema_ref,
                )
    return entries


def _is_clean(value: tuple[Any, ...]) -> bool:
    """A resource without findings whose result is its facts alone (the usual file)."""
    diagnostics, loaded, facts, _, data, _ = value
    return (
        type(diagnostics) is tuple
        and not diagnostics
        and loaded is True
        and data is None
        and (type(facts) is tuple and len(facts) == _WIDTH)
    )


def encode_entries(entries: Entries, collected: Collected | None = None) -> bytes:
    """The main file: its header and three parts (see the module's docstring). A path occurs
    once: the main file holds one content per file. ``collected`` is the departments' sums over
    exactly these results, or None."""
    ordered = sorted(entries.items(), key=lambda entry: entry[0][0])
    paths = tuple(path for (path, _), _ in ordered)
    if len(set(paths)) != len(paths):
        raise ValueError("a path twice in the main file")
    table = ItemTable()
    facts: list[tuple[Any, ...] | None] = []
    others: dict[int, tuple[Any, ...]] = {}
    numbers: list[bytes] = []
    for position, (_, value) in enumerate(ordered):
        items = value[3]
        numbers.append(b"" if items is None else table.encode(ItemFacts._make(items)))
        if _is_clean(value):
            facts.append(value[2])  # its texts are shared objects (``model.facts``): ``marshal`` writes each once
        else:
            facts.append(None)
            others[position] = (*value[:3], None, *value[4:])
    offsets = array(_OFFSETS, [0])
    for coded in numbers:
        offsets.append(offsets[-1] + len(coded))
    saved = None if collected is None else collected.as_tuple()
    first = marshal.dumps((paths, tuple(blob for (_, blob), _ in ordered), tuple(facts), others, saved))
    second = marshal.dumps((table.all_texts(), offsets.tobytes()))
    third = b"".join(numbers)
    return _HEADER.pack(len(first), len(second), len(third)) + first + second + third


def decode_entries(data: bytes) -> Entries:
    """``encode_entries`` read back, the item facts as tuples again (for tests and benchmarks)."""
    main = load_main(data)
    return _with_items(main, list(range(len(main.paths))))


def _read(file: Path) -> Entries:
    """A saved map, or nothing when the file is missing or damaged."""
    with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
        saved = marshal.loads(file.read_bytes())
        if isinstance(saved, dict):
            return saved
    return {}
