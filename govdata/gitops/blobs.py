"""Blob contents for a history walk: read in batches where they are needed (issue 12).

The blobs of a 10,000-file import commit are read by the worker processes that outline them,
each through its own ``git cat-file --batch`` (:class:`BlobPipe`), so the workers start right
after ``git log`` instead of after this process has read 100 MB, and this process never holds
those bytes. This process reads the rest: one batch for every blob the walk loads itself, then
any other (a file a worker could not outline) when first asked.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from govdata.gitops.repo import Repository, RepositoryError, read_batch
from govdata.i18n import Text


class BlobPipe:
    """Blobs read a few dozen at a time through one long-lived ``git cat-file --batch`` in the
    repository at ``top``: a worker process reads the files it checks itself, as soon as it
    starts, instead of waiting for one process to read them all.

    The pipe belongs to the process that opened it: a forked process that is handed this object
    opens its own (a pipe shared across a fork mixes two readers' objects), and closes it when it
    exits (``multiprocessing``'s finalizers run at a worker's normal end).
    """

    # Ids written per round trip: at most 64 × 41 bytes, under the 4,096 bytes POSIX lets a pipe
    # hold, so the write never waits for git, which may be waiting for this reader.
    ROUND = 64

    def __init__(self, top: Path) -> None:
        self.top = top
        self._process: subprocess.Popen[bytes] | None = None
        self._owner = 0  # the pid that opened the pipe
        self._end: Callable[[], None] = lambda: None

    def read(self, shas: Sequence[str]) -> list[bytes]:
        """The content of each of ``shas``, in order."""
        found: list[bytes] = []
        for start in range(0, len(shas), self.ROUND):
            found += self._round(shas[start : start + self.ROUND])
        return found

    def _round(self, shas: Sequence[str]) -> list[bytes]:
        process = self._open()
        assert process.stdin is not None and process.stdout is not None
        try:
            process.stdin.write("".join(f"{sha}\n" for sha in shas).encode("ascii"))
            process.stdin.flush()
        except BrokenPipeError:
            found: dict[str, bytes] | str = shas[0]
        else:
            found = read_batch(process.stdout, list(shas))
        if isinstance(found, str):
            self.close()
            raise RepositoryError(
                Text(f"git cat-file 读取对象失败：{found}", f"git cat-file could not read the object {found}")
            )
        return [found[sha] for sha in shas]

    def _open(self) -> subprocess.Popen[bytes]:
        if self._process is None or self._owner != os.getpid():
            from multiprocessing.util import Finalize

            self._process = subprocess.Popen(
                ["git", "cat-file", "--batch"],
                cwd=self.top,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,  # a missing object is named on stdout, and in our error
            )
            self._owner = os.getpid()
            # Run when this object is collected, by close(), or when a worker ends normally.
            self._end = Finalize(self, _end_pipe, args=(self._process,), exitpriority=10)
        return self._process

    def close(self) -> None:
        """End this process's git (a pipe opened by another process is that process's to end)."""
        if self._process is not None and self._owner == os.getpid():
            self._end()
        self._process = None


def _end_pipe(process: subprocess.Popen[bytes]) -> None:
    for stream in (process.stdin, process.stdout):
        if stream is not None:
            stream.close()
    process.wait()


class Blobs:
    """Blob contents by id: those read so far, others read from the repository when asked.

    Without a repository, ``known`` must hold every blob asked for (tests, in-memory walks).
    Crosses a fork (``parallel_safe``): a worker reads through a pipe of its own.
    """

    parallel_safe = True

    def __init__(self, repo: Repository | None = None, known: Mapping[str, bytes] | None = None) -> None:
        self.repo = repo
        self.known: dict[str, bytes] = dict(known or {})
        self.pipe = BlobPipe(repo.root) if repo is not None else None

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
