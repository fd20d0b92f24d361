"""The validation cache's main file: the results of one run's files, in three parts.

``.govdata-cache/validate-<context>.marshal`` (``validation.cache``) is a header of the three
parts' lengths, then:

1. the paths (sorted), their blob ids, the facts of each resource without findings (most
   files, whose result is nothing else), the whole result of every other file (a gap in the
   facts column), what each department collects summed over them (``model.collected``), and
   the listing the run that wrote it had from git, when git vouched for every file in it
   (``Base``: a later run asks git only what changed since), in one ``marshal``;
2. the table of texts the item facts are numbers into (``validation.item_table``), and where
   each file's numbers start in part 3;
3. those numbers, one run of bytes per resource.

A run reads part 1 only (``read_main``), and parts 2 and 3 where it needs item facts: those of
the files a change touches, and the resources a rule looks into, by seek and read from the
file part 1 came from; a file another run has replaced since is refused. Part 1 is checked
whole before anything in it is trusted; a file whose parts do not add up to its size is none.
"""

from __future__ import annotations

import contextlib
import functools
import marshal
import os
import struct
from array import array
from bisect import bisect_left
from collections.abc import Callable
from itertools import islice
from pathlib import Path
from typing import Any, NamedTuple

from govdata.model.collected import Collected
from govdata.model.facts import ItemFacts, ResourceFacts
from govdata.validation.item_table import ItemTable

Key = tuple[str, str]  # (instance-relative path, blob id)
Entries = dict[Key, tuple[Any, ...]]  # results as the recent file holds them (``cache._encode``)

_HEADER = struct.Struct("<QQQ")  # the main file's three parts' lengths
_OFFSETS = "Q"  # where each file's item numbers start in part 3, and where the last ends
_WIDTH = len(ResourceFacts._fields)
_BATCH = 64  # more item facts than this at once: part 3 is read whole


Ranges = Callable[[list[tuple[int, int]]], list[bytes]]  # (start, length) of each, read at once


class Base(NamedTuple):
    """The listing a main file was written from, kept when git vouched for every file in it:
    each tracked file unchanged from its index entry, none linked, tagged, conflicted or
    untracked. Then each of the main file's paths whose entry a later listing has unchanged
    (and does not name modified) still holds the content it was checked with
    (``blobs.IndexListing.since``)."""

    listing: bytes  # ``git ls-files -s -v -z`` of ``instance.LISTED``, as git wrote it
    extras: tuple[str, ...]  # the instance's other files then (config, registries, files of no kind), sorted


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
        self.base: Base | None
        self.paths, self.blobs, self.facts, self.others, self.collected, base = columns or ((), (), (), {}, None, None)
        self.base = None if base is None else Base(*base)
        self._tail = tail or Tail(0, 0, 0, 0)
        self._read = read
        self._index: tuple[ItemTable, array[int]] | None = None

    @functools.cached_property
    def listing(self) -> dict[str, str]:
        """Each path's content id. Built when a run compares every file's id (0.03 s at
        100,000); after a change set ``blob`` looks up the few paths git touched."""
        return dict(zip(self.paths, self.blobs, strict=True))

    def blob(self, path: str) -> str | None:
        """The content id ``path``'s result was checked with, or None when it has none."""
        with contextlib.suppress(KeyError):
            return self.blobs[self.position(path)]
        return None

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
    if not isinstance(columns, tuple) or len(columns) != 6:
        raise ValueError("not a main file")
    paths, blobs, facts, others, _, base = columns
    if not (isinstance(paths, tuple) and isinstance(blobs, tuple) and isinstance(facts, tuple)):
        raise ValueError("not columns")
    if not len(paths) == len(blobs) == len(facts) or not isinstance(others, dict):
        raise ValueError("columns of different lengths")
    if not set(map(type, paths)) | set(map(type, blobs)) <= {str}:
        raise ValueError("a path or blob id that is not a text")
    if not all(map(str.__lt__, paths, islice(paths, 1, None))):  # ``position`` bisects, ``get`` keeps the order
        raise ValueError("paths out of order, or one twice")
    rows = list(filter(None, facts))  # an empty row is damaged too: the count below tells
    if set(map(type, rows)) - {tuple} or set(map(len, rows)) - {_WIDTH}:
        raise ValueError("a resource's facts of another shape")
    if len(facts) - len(rows) != len(others) or any(
        type(p) is not int or not 0 <= p < len(facts) or facts[p] is not None or type(v) is not tuple or len(v) != 6
        for p, v in others.items()
    ):
        raise ValueError("the other results do not fill the gaps")
    if base is not None and not (
        type(base) is tuple
        and len(base) == 2
        and type(base[0]) is bytes
        and type(base[1]) is tuple
        and set(map(type, base[1])) <= {str}
    ):
        raise ValueError("a base listing of another shape")
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


def with_items(main: MainFile, positions: list[int]) -> Entries:
    """The main file's results at ``positions`` as the recent file holds them, their item facts
    read back; a damaged entry is left out (it is checked again next time)."""
    entries: Entries = {}
    with contextlib.suppress(ValueError):  # the item facts cannot be read: every entry is checked again
        numbers = main.numbers(positions)
        for position, coded in zip(positions, numbers, strict=True):
            value = main.result(position)
            with contextlib.suppress(ValueError, IndexError):
                items = None if coded is None else main.table.decode(coded).as_tuple()
                entries[(main.paths[position], main.blobs[position])] = (*value[:3], items, *value[4:])
    return entries


def _is_clean(value: tuple[Any, ...]) -> bool:
    """A resource without findings whose result is its facts alone (the usual file)."""
    diagnostics, loaded, facts, _, data, _ = value
    return diagnostics == () and loaded is True and data is None and type(facts) is tuple and len(facts) == _WIDTH


def encode_entries(entries: Entries, collected: Collected | None = None, base: Base | None = None) -> bytes:
    """The main file: its header and three parts (see the module's docstring). A path occurs
    once: the main file holds one content per file. ``collected`` is the departments' sums over
    exactly these results, or None; ``base`` the listing they were checked under, or None."""
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
    listed = None if base is None else (base.listing, tuple(base.extras))
    first = marshal.dumps((paths, tuple(blob for (_, blob), _ in ordered), tuple(facts), others, saved, listed))
    second = marshal.dumps((table.all_texts(), offsets.tobytes()))
    third = b"".join(numbers)
    return _HEADER.pack(len(first), len(second), len(third)) + first + second + third


def decode_entries(data: bytes) -> Entries:
    """``encode_entries`` read back, the item facts as tuples again (for tests and benchmarks)."""
    main = load_main(data)
    return with_items(main, list(range(len(main.paths))))
