"""Blob contents for a history walk: read in batches where they are needed (issue 12).

The blobs of a 10,000-file import commit are read by the worker processes that outline them,
each through its own ``git cat-file --batch`` (:class:`~govdata.gitops.repo.BlobPipe`), so the
workers start right after ``git log`` instead of after this process has read 100 MB, and this
process never holds those bytes. This process reads the rest: one batch for every blob the
walk loads itself, then any other (a file a worker could not outline) when first asked.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from govdata.gitops.repo import BlobPipe, Repository


class Blobs:
    """Blob contents by id: those read so far, others read from the repository when asked.

    Without a repository, ``known`` must hold every blob asked for (tests, in-memory walks).
    Crosses a fork (``parallel_safe``): a worker reads through a pipe of its own.
    """

    parallel_safe = True

    def __init__(self, repo: Repository | None = None, known: Mapping[str, bytes] | None = None) -> None:
        self.repo = repo
        self.known: dict[str, bytes] = dict(known or {})
        self.pipe: BlobPipe | None = repo.blob_pipe() if repo is not None else None

    def __getitem__(self, sha: str) -> bytes:
        if sha not in self.known:
            self.load([sha])
        return self.known[sha]

    def load(self, shas: Iterable[str]) -> None:
        """Read the ones of ``shas`` not read yet, in one batch."""
        missing = [sha for sha in dict.fromkeys(shas) if sha not in self.known]
        if missing and self.repo is not None:
            self.known.update(self.repo.read_blobs(missing))

    def in_worker(self, shas: Sequence[str]) -> list[bytes]:
        """The contents of ``shas`` in a worker process: inherited if read before the fork,
        else through the worker's own pipe (never this object's table, which only grows in the
        process that reads)."""
        if self.pipe is None or all(sha in self.known for sha in shas):
            return [self.known[sha] for sha in shas]
        return self.pipe.read(shas)
