"""The content id of every file: git's blob id, from git's index where git vouches for it.

``git ls-files -s`` lists the blob id of every tracked file for free; ``git ls-files -m``
names the tracked files whose working copy differs from the index. Every other file (modified,
untracked, a symlink, a conflict, or no git at all) is hashed here the way git hashes a blob,
so an id means the same content wherever it came from.

Files git converts on checkout (``core.autocrlf``, clean/smudge filters) keep their index id
although their working bytes differ; the id still names the same working content on this
machine, which is all the validation cache needs.
"""

from __future__ import annotations

import hashlib
import subprocess
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

Reader = Callable[[str], bytes]

_REGULAR_FILES = {"100644", "100755"}


def blob_id(data: bytes) -> str:
    """The id git gives ``data`` as a blob (``git hash-object``)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def _paths(listing: bytes) -> list[str]:
    return [entry for entry in listing.decode("utf-8", "surrogateescape").split("\0") if entry]


@dataclass(frozen=True)
class GitIndex:
    """What git's index says of the files under a folder."""

    ids: dict[str, str]  # blob id of each tracked regular file whose working copy is unchanged
    tracked: list[str]  # every tracked path


_LISTINGS = (("ls-files", "-s", "-z", "--", "."), ("ls-files", "-m", "-z", "--", "."))


class IndexListing:
    """git's two listings of the index, started at once and read when needed.

    ``ls-files -m`` stats every file (0.24 s at 100,000 files): started first, git does that on
    the other core while this process lists the files and loads the registries. Output goes to
    temporary files, not pipes, so git never waits for a reader. Without git, or without a
    writable temporary folder, the index is empty and every file is hashed instead. Use as a
    context manager, or call ``close``.
    """

    def __init__(self, root: Path) -> None:
        self._started = [_start(root, args) for args in _LISTINGS]

    def result(self) -> GitIndex:
        """The index under the root (empty outside git, or when git failed)."""
        outputs: list[bytes] = []
        for started in self._started:
            if started is None:
                return GitIndex({}, [])
            process, output = started
            try:
                if process.wait(timeout=120) != 0:
                    return GitIndex({}, [])
            except subprocess.TimeoutExpired:
                return GitIndex({}, [])
            output.seek(0)
            outputs.append(output.read())
        listing, modified = outputs
        changed = set(_paths(modified))
        ids: dict[str, str] = {}
        tracked: list[str] = []
        for entry in _paths(listing):
            meta, _, path = entry.partition("\t")
            tracked.append(path)
            mode, blob, stage = meta.split(" ")
            if mode in _REGULAR_FILES and stage == "0" and path not in changed:
                ids[path] = blob
        return GitIndex(ids, tracked)

    def close(self) -> None:
        for started in self._started:
            if started is not None:
                process, output = started
                if process.poll() is None:
                    process.kill()
                    process.wait()
                output.close()

    def __enter__(self) -> IndexListing:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def _start(root: Path, args: tuple[str, ...]) -> tuple[subprocess.Popen[bytes], IO[bytes]] | None:
    """git running ``args`` in ``root`` into a temporary file; None when either cannot be had."""
    try:
        output = tempfile.TemporaryFile()  # noqa: SIM115 - closed by IndexListing.close
    except OSError:
        return None
    try:
        return subprocess.Popen(["git", "-C", str(root), *args], stdout=output, stderr=subprocess.DEVNULL), output
    except OSError:
        output.close()
        return None


def read_index(root: Path) -> GitIndex:
    """The index under ``root`` now (empty outside git)."""
    with IndexListing(root) as listing:
        return listing.result()


def content_ids(paths: Sequence[str], reader: Reader, index: GitIndex) -> dict[str, str]:
    """The blob id of each of ``paths`` (instance-relative) as the working tree holds it now:
    from the index where git vouches for it, else hashed.

    A file that cannot be read (a broken link, say) has none: it is checked, and reported, every time.
    """
    # Looked up in C: a pull request's run asks for 100,000 paths, nearly all of them in the index.
    ids = dict(zip(paths, map(index.ids.get, paths), strict=True))
    for path in [path for path, blob in ids.items() if blob is None]:
        try:
            ids[path] = blob_id(reader(path))
        except OSError:
            del ids[path]
    return ids  # type: ignore[return-value]  # every None replaced or removed


def tracked_under(index: GitIndex, folder: str) -> list[str]:
    """The files git tracks under ``folder`` (instance-relative): none, unless someone committed them."""
    prefix = folder.rstrip("/") + "/"
    return [path for path in index.tracked if path.startswith(prefix)]
