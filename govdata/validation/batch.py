"""Loading many files fast: the cyclic GC paused, and two worker processes when it pays.

Measured on the 2-core machine (``docs/performance.md``): building millions of small
acyclic objects (YAML nodes, dicts, models) triggers full GC passes over a growing heap,
which doubled the load time; pausing the collector removes that. Worker processes pay off
only past ~100 files (``../shared/bench`` table F), and only for readers that can be shared
across a fork: a git cat-file pipe cannot, the working tree can.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from govdata.model.kinds import FILE_KINDS, FileKind
from govdata.validation.jobs import FileChecker, FileResult
from govdata.validation.loading import LoadOutcome, ParsedFile, Reader, model_file, parse_file, unreadable_file

PARALLEL_THRESHOLD = 200
_KINDS = {kind.name: kind for kind in FILE_KINDS}
_worker_reader: Reader | None = None


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic collector; afterwards freeze what survived so later passes skip it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def _worker_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _read_and_parse(path: str, kind: FileKind, reader: Reader) -> ParsedFile:
    try:
        data = reader(path)
    except OSError as error:  # a link to nothing, no permission: a finding, never a traceback
        return ParsedFile(path, None, None, [unreadable_file(path, error)])
    return parse_file(path, kind, data)


def _parse(job: tuple[str, str]) -> ParsedFile:
    path, kind_name = job
    assert _worker_reader is not None
    return _read_and_parse(path, _KINDS[kind_name], _worker_reader)


def load_files(jobs: Sequence[tuple[str, FileKind]], reader: Reader) -> Iterator[LoadOutcome]:
    """``load_file`` for every (path, kind), in order; parsing in worker processes when worth it.

    Workers send back plain parsed data, which pickles cheaply; models are built here
    (unpickling pydantic models cost as much as building them).
    """
    global _worker_reader
    processes = worker_count(len(jobs), reader)
    if processes == 1:
        for path, kind in jobs:
            yield model_file(_read_and_parse(path, kind, reader), kind, reader)
        return
    _worker_reader = reader  # inherited by the forked workers
    context = multiprocessing.get_context("fork")
    with context.Pool(processes=processes) as pool:
        parsed = pool.imap(_parse, [(path, kind.name) for path, kind in jobs], chunksize=16)
        for (_, kind), result in zip(jobs, parsed, strict=True):
            yield model_file(result, kind, reader)


_worker_checker: FileChecker | None = None


def _check(job: tuple[str, str]) -> FileResult:
    path, kind_name = job
    assert _worker_checker is not None
    return _worker_checker(path, _KINDS[kind_name])


def worker_count(jobs: int, reader: object, wanted: int | None = None) -> int:
    """How many processes check ``jobs`` files: ``wanted`` if given, else one below the threshold
    and one per core above it (measured in docs/performance.md); always one where the reader
    (of paths or blobs, see :func:`can_fork`) cannot cross a fork (a git pipe) or the platform
    cannot fork."""
    if not can_fork(reader):
        return 1
    if wanted is not None:
        return max(1, min(wanted, jobs))
    cores = _worker_count()
    return 1 if jobs < PARALLEL_THRESHOLD or cores < 2 else cores


def can_fork(reader: object) -> bool:
    """Whether work reading through ``reader`` may go to a forked process (a git pipe cannot be
    shared across a fork; the working tree can)."""
    return getattr(reader, "parallel_safe", False) and "fork" in multiprocessing.get_all_start_methods()


def run_jobs(
    jobs: Sequence[tuple[str, FileKind]], checker: FileChecker, processes: int | None = None
) -> Iterator[FileResult]:
    """Each file's whole job (``FileChecker``), in order; in ``processes`` worker processes
    (default: ``worker_count``'s choice). Workers return only findings and facts (or a small
    file's data), which pickle cheaply."""
    global _worker_checker
    processes = worker_count(len(jobs), checker.reader, processes)
    if processes == 1:
        for path, kind in jobs:
            yield checker(path, kind)
        return
    _worker_checker = checker.for_worker()  # inherited by the forked workers
    context = multiprocessing.get_context("fork")
    with context.Pool(processes=processes) as pool:
        yield from pool.imap(_check, [(path, kind.name) for path, kind in jobs], chunksize=32)
