"""Formatting many files: skip the ones known to be canonical, use both cores for the rest.

ruamel's round trip costs about 80 ms per 10 KB resource (``docs/performance.md``), so
``fmt --check`` over a large catalog is slow the first time. What is canonical stays canonical
until its bytes change: ``.govdata-cache/fmt.json`` records, per path, the hash of the content
last found canonical, under a key that changes with govdata's version and with every model's
key order. A file whose bytes hash the same is not formatted again. Files that need work are
formatted in worker processes past :data:`PARALLEL_THRESHOLD` files.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import multiprocessing
import os
from collections.abc import Iterator, Sequence
from functools import cache
from multiprocessing.pool import Pool
from pathlib import Path

from govdata import __version__
from govdata.errors import WriteError
from govdata.fmt.canonical import FormatProblem, format_bytes, key_order
from govdata.fmt.fast_check import is_canonical
from govdata.io.roundtrip import atomic_write
from govdata.model.kinds import FILE_KINDS, kind_of
from govdata.rules.gd005_schema_modeline import modeline_for
from govdata.validation.blobs import blob_id

CACHE_FILE = Path(".govdata-cache") / "fmt.json"
PARALLEL_THRESHOLD = 200
Result = str | FormatProblem


@cache
def _stamp() -> str:
    """Changes whenever the formatter could give another result: version and key orders."""
    orders = repr([(kind.name, key_order(kind.model)) for kind in FILE_KINDS])
    return hashlib.sha256(f"{__version__}\n{orders}".encode()).hexdigest()[:16]


def _digest(data: bytes) -> str:
    # git's blob id: validate knows it for every unchanged file without reading it (git's index).
    return blob_id(data)


class FormatCache:
    """Paths whose current bytes are known to be canonical."""

    def __init__(self, root: Path, enabled: bool = True) -> None:
        self._file = root / CACHE_FILE
        self._enabled = enabled
        self._known: dict[str, str] = {}
        if enabled and self._file.is_file():
            try:
                saved = json.loads(self._file.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                saved = {}
            if isinstance(saved, dict) and saved.get("stamp") == _stamp() and isinstance(saved.get("files"), dict):
                self._known = {str(k): str(v) for k, v in saved["files"].items()}

    def canonical(self, path: str, data: bytes) -> bool:
        return self._known.get(path) == _digest(data)

    def canonical_id(self, path: str, blob: str) -> bool:
        """``canonical`` for content known by its blob id, without reading it."""
        return self._known.get(path) == blob

    def record(self, path: str, canonical: bytes) -> None:
        self._known[path] = _digest(canonical)

    def save(self, present: set[str]) -> None:
        """Write the cache back, forgetting files that no longer exist. Never fails the run."""
        if not self._enabled:
            return
        files = {path: digest for path, digest in sorted(self._known.items()) if path in present}
        with contextlib.suppress(WriteError):  # a cache that cannot be written only makes the next run slower
            atomic_write(self._file, json.dumps({"stamp": _stamp(), "files": files}, indent=0) + "\n")


def _format(job: tuple[str, bytes]) -> Result:
    return format_bytes(*job)


def _workers() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _already_canonical(path: str, data: bytes) -> bool:
    """The fast path: libyaml's events prove the file canonical (see :mod:`govdata.fmt.fast_check`)."""
    kind = kind_of(path)
    return kind is not None and is_canonical(data, modeline_for(path), key_order(kind.model))


def format_many(jobs: Sequence[tuple[str, bytes]]) -> Iterator[Result]:
    """:func:`format_bytes` of every (path, bytes), in order; in worker processes when it pays.

    Each job first tries the fast path (a file proven canonical is its own result); only the
    others are round-tripped through ruamel. Both run in the workers: the proof is most of a
    cold ``fmt --check`` of a tidy catalog.
    """
    if len(jobs) < PARALLEL_THRESHOLD or _workers() < 2 or "fork" not in multiprocessing.get_all_start_methods():
        results: Iterator[Result | None] = map(_format_unless_canonical, jobs)
    else:
        pool = multiprocessing.get_context("fork").Pool(processes=_workers())
        results = _closing(pool, pool.imap(_format_unless_canonical, jobs, chunksize=32))
    for (_, data), result in zip(jobs, results, strict=True):
        yield data.decode("utf-8") if result is None else result


def _format_unless_canonical(job: tuple[str, bytes]) -> Result | None:
    """None when the fast path proves the file canonical (nothing to send back), else its formatting."""
    return None if _already_canonical(*job) else _format(job)


def _closing(pool: Pool, results: Iterator[Result | None]) -> Iterator[Result | None]:
    with pool:
        yield from results


__all__ = ["FormatCache", "format_many"]
