"""Added and deleted resource files described without keeping their models (issue 12).

The semantic diff of a resource file that only one side of a commit has, and whose code no
other file of the commit has, is one change: ``resource-added`` or ``resource-removed``,
placed on line 1. It shows the code, name and provider; a removal's review also asks whether
the resource was published. An :class:`Outline` keeps just that, read through the same clean
path the snapshot loads with (:func:`~govdata.gitops.snapshot.clean_model`), so a file that
path refuses is left to the snapshot, which words why. A large commit (a 10,000-file import)
is read in worker processes, and no commit holds thousands of models at once.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Collection, Mapping, Sequence
from multiprocessing.pool import AsyncResult, Pool
from typing import NamedTuple

from govdata.diagnostics import Diagnostic
from govdata.gitops.blobs import Blobs
from govdata.gitops.changes import Change, ChangeKind, Side
from govdata.gitops.review import is_published
from govdata.gitops.snapshot import LoadCache, Piece, clean_model
from govdata.model.kinds import RESOURCE, kind_of
from govdata.model.resource import Resource
from govdata.validation.batch import worker_count

RESOURCES = "resources"  # the Catalog field of resource documents


class Outline(NamedTuple):
    """What the history shows of a resource file added or deleted whole."""

    path: str
    code: str
    name: str
    provider: str  # provider department code
    published: bool  # shared or open (see review.is_published)

    def change(self, side: Side) -> Change:
        """The change the semantic diff gives for this file alone on ``side``."""
        if side is Side.NEW:
            return Change(ChangeKind.RESOURCE_ADDED, self.code, self.path, (), Side.NEW, self.provider, new=self.name)
        return Change(
            ChangeKind.RESOURCE_REMOVED,
            self.code,
            self.path,
            (),
            Side.OLD,
            self.provider,
            old=self.name,
            restricts=True,
        )


def _of(path: str, model: Resource) -> Outline:
    return Outline(path, model.code, model.name, model.provider.code, is_published(model))


def outline(path: str, data: bytes) -> Outline | None:
    """The outline of a resource file that loads cleanly; None for anything else."""
    clean = clean_model(path, data)
    if clean is None or clean[0] != RESOURCES:
        return None
    return _of(path, clean[1])


_worker_blobs: Blobs | None = None
CHUNK = 64  # files per worker task: one round trip of the worker's git pipe


def _outline_chunk(jobs: list[tuple[str, str]]) -> list[Outline | None]:
    assert _worker_blobs is not None
    contents = _worker_blobs.in_worker([sha for _, sha in jobs])
    return [outline(path, data) for (path, _), data in zip(jobs, contents, strict=True)]


def _loaded(path: str, entry: tuple[list[Piece], list[Diagnostic]]) -> Outline | None:
    """From a file the cache already loaded: its outline, None when it did not load cleanly."""
    pieces, problems = entry
    if problems or len(pieces) != 1 or pieces[0][0] != RESOURCES:
        return None
    model = pieces[0][1].model
    assert isinstance(model, Resource)
    return _of(path, model)


class Outliner:
    """Outlines of the resource files commits add or delete whole. A large commit's are read
    ahead in worker processes (:meth:`read_ahead`), which read the blobs themselves, while this
    process diffs the other commits; the rest are read when asked, from the cache when it has
    them. Use as a context manager."""

    def __init__(
        self,
        blobs: Blobs,
        cache: LoadCache,
        processes: int | None = None,
        on_read: Callable[[int], None] | None = None,
    ) -> None:
        self.blobs = blobs
        self.cache = cache
        self.processes = processes  # None: worker_count's choice
        # Told how many files a worker has just outlined (on the pool's result thread).
        self.on_read = on_read
        self.pool: Pool | None = None
        self.pending: dict[str, list[AsyncResult[list[Outline | None]]]] = {}  # by commit, a chunk each
        self.sent: dict[str, set[tuple[str, str]]] = {}  # by commit, the jobs the workers read
        # Files held back from the workers because another commit loads them as models; their
        # outlines, taken from those loads by :meth:`note` (None: it did not load cleanly).
        self.held_jobs: set[tuple[str, str]] = set()  # (path, blob sha)
        self.held_paths: set[str] = set()  # their paths: most snapshots hold none (no hashing of their bytes)
        self.held: set[tuple[str, bytes]] | None = None  # (path, content), read when first noted
        self.noted: dict[tuple[str, bytes], Outline | None] = {}

    def __enter__(self) -> Outliner:
        return self

    def __exit__(self, failed: type[BaseException] | None, *_exc: object) -> None:
        global _worker_blobs
        if self.pool is not None:
            if failed is None and not self.pending:
                self.pool.close()  # every outline read: the workers end normally, closing their git pipes
            else:
                self.pool.terminate()  # their gits end at the closed pipe
            self.pool.join()
            self.pool = None
        _worker_blobs = None

    def read_ahead(self, key: str, jobs: Sequence[tuple[str, str]], modelled: Collection[tuple[str, str]] = ()) -> None:
        """Start reading ``jobs`` ((path, blob sha)) in worker processes if they are many.

        ``modelled`` jobs are loaded as models anyway (the file changes in place in another
        commit: this blob is one of its sides), so a worker need not read them a second time:
        they are held back for :meth:`note` (a 10,000-file import: 330 of its files here)."""
        global _worker_blobs
        todo = [(path, sha) for path, sha in jobs if kind_of(path) is RESOURCE and (path, sha) not in modelled]
        count = worker_count(len(todo), self.blobs, self.processes)
        if count == 1:
            return
        if self.pool is None:
            _worker_blobs = self.blobs  # inherited by the forked workers
            self.pool = multiprocessing.get_context("fork").Pool(processes=count)
        chunks = [todo[start : start + CHUNK] for start in range(0, len(todo), CHUNK)]
        self.pending[key] = [self.pool.apply_async(_outline_chunk, (chunk,), callback=self._read) for chunk in chunks]
        self.sent[key] = set(todo)
        self.held_jobs.update(job for job in jobs if job in modelled)
        self.held_paths.update(path for path, _ in self.held_jobs)
        self.held = None  # read again, with these, at the next note

    def _read(self, outlines: list[Outline | None]) -> None:
        if self.on_read is not None:
            self.on_read(len(outlines))

    def note(self, blobs: Mapping[str, bytes]) -> None:
        """Keep the outlines of the held-back files among a snapshot's ``blobs`` (path → bytes),
        from the models the cache just loaded: what :meth:`outlines` would read otherwise."""
        paths = self.held_paths.intersection(blobs)
        if not paths:
            return
        if self.held is None:
            self.held = {(path, self.blobs[sha]) for path, sha in self.held_jobs}
        for path in paths:
            key = (path, blobs[path])
            if key in self.held and key not in self.noted and (entry := self.cache.pieces.get(key)) is not None:
                self.noted[key] = _loaded(path, entry)

    def outlines(self, key: str, jobs: Sequence[tuple[str, str]]) -> dict[str, Outline]:
        """The outlines of the resource files among ``jobs`` that load cleanly, by path, in
        the order of ``jobs``: from the workers, else from a model already loaded, else read here."""
        chunks = [part.get() for part in self.pending.pop(key, [])]
        read = {o.path: o for chunk in chunks for o in chunk if o is not None}
        sent = self.sent.pop(key, set())
        found: dict[str, Outline] = {}
        for path, sha in jobs:
            if kind_of(path) is not RESOURCE:
                continue
            known = read.get(path) if (path, sha) in sent else self._here(path, self.blobs[sha])
            if known is not None:
                found[path] = known
        return found

    def _here(self, path: str, data: bytes) -> Outline | None:
        """An outline read in this process: noted, else from the cache's model, else read."""
        if (path, data) in self.noted:
            return self.noted[path, data]
        entry = self.cache.pieces.get((path, data))
        return _loaded(path, entry) if entry is not None else outline(path, data)
