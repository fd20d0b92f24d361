"""Loading many files fast: the cyclic GC paused, and two worker processes when it pays.

Measured on the 2-core machine (``docs/performance.md``): building millions of small
acyclic objects (YAML nodes, dicts, models) triggers full GC passes over a growing heap,
which doubled the load time; pausing the collector removes that. Worker processes pay off
only past ~100 files (``../shared/bench`` table F), and only for readers that can be shared
across a fork: a git cat-file pipe cannot, the working tree can.
"""

from __future__ import annotations

import copy
import gc
import multiprocessing
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from multiprocessing.connection import Connection

from govdata.model.kinds import FILE_KINDS, FileKind
from govdata.validation.jobs import FileChecker, FileResult
from govdata.validation.loading import LoadOutcome, ParsedFile, Reader, model_file, parse_file, unreadable_file

PARALLEL_THRESHOLD = 200
BESIDE_THRESHOLD = 16  # files: fewer are checked here once the cache is read (a fork costs ≈ 10 ms)
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


def worker_count(jobs: int, reader: Reader, wanted: int | None = None, *, beside: bool = False) -> int:
    """How many processes check ``jobs`` files: ``wanted`` if given, else one below the threshold
    and one per core above it (measured in docs/performance.md); always one where the reader
    cannot cross a fork (a git pipe) or the platform cannot fork. ``beside``: this process has
    other work meanwhile (reading the cache), so below the threshold one worker beside it pays
    from ``BESIDE_THRESHOLD`` files on."""
    if not getattr(reader, "parallel_safe", False) or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    if wanted is not None:
        return max(1, min(wanted, jobs))
    cores = _worker_count()
    if cores < 2:
        return 1
    if jobs >= PARALLEL_THRESHOLD:
        return cores
    return 2 if beside and jobs >= BESIDE_THRESHOLD else 1  # this process and one worker


@contextmanager
def jobs_started(
    jobs: Sequence[tuple[str, FileKind]], checker: FileChecker, processes: int | None = None, *, beside: bool = False
) -> Iterator[Iterator[FileResult]]:
    """Each file's whole job (``FileChecker``), in order, from worker processes already at work
    when the block starts, so that the caller can do something else first (``worker_count``
    chooses how many; with one, the jobs run here as the results are taken). Workers return
    only findings and facts (or a small file's data), which pickle cheaply."""
    global _worker_checker
    count = worker_count(len(jobs), checker.reader, processes, beside=beside)
    if count == 1:
        yield (checker(path, kind) for path, kind in jobs)
        return
    worker_checker = copy.copy(checker)
    worker_checker.share_texts = False  # their facts are interned on arrival here
    if beside and len(jobs) < PARALLEL_THRESHOLD:
        yield _checked_beside(jobs, worker_checker, checker)
        return
    _worker_checker = worker_checker  # inherited by the forked workers
    context = multiprocessing.get_context("fork")
    with context.Pool(processes=count) as pool:
        yield pool.imap(_check, [(path, kind.name) for path, kind in jobs], chunksize=32)


def _checked_beside(
    jobs: Sequence[tuple[str, FileKind]], worker_checker: FileChecker, checker: FileChecker
) -> Iterator[FileResult]:
    """The jobs' results from one process forked now, which checks them all while this one
    does something else. It has every job from the fork on: a pool is fed by a thread of this
    process, which waits for the interpreter lock while this process reads the cache, and the
    workers would wait with it. Should the worker fail, the jobs run here."""
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    worker = context.Process(target=_check_all, args=(jobs, worker_checker, sending), daemon=True)
    worker.start()
    sending.close()

    def results() -> Iterator[FileResult]:
        try:
            checked: list[FileResult] | None = receiving.recv()
        except (EOFError, OSError):
            checked = None
        finally:
            receiving.close()
            worker.join()
        yield from checked if checked is not None else (checker(path, kind) for path, kind in jobs)

    return results()


def _check_all(jobs: Sequence[tuple[str, FileKind]], checker: FileChecker, connection: Connection) -> None:
    connection.send([checker(path, kind) for path, kind in jobs])
    connection.close()
