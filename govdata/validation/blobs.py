"""What git says of the working tree: every file in it, and each file's content id (git's
blob id) where git vouches for it.

``git ls-files -s`` lists the blob id of every tracked file for free; ``git ls-files -m -d -o``
names the tracked files whose working copy differs from the index or is gone, and every
untracked file. Together they are the list of files a walk would find (``_worktree``), got in
C on the other core. Every file git does not vouch for (modified, untracked, a symlink, a
conflict, marked assume-unchanged or skip-worktree, or no git at all) is hashed here the way
git hashes a blob, so an id means the same content wherever it came from.

Files git converts on checkout (``core.autocrlf``, clean/smudge filters) keep their index id
although their working bytes differ; the id still names the same working content on this
machine, which is all the validation cache needs.
"""

from __future__ import annotations

import hashlib
import os
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


def _decode(path: bytes) -> str:
    return path.decode("utf-8", "surrogateescape")


def _encode(path: str) -> bytes:
    return path.encode("utf-8", "surrogateescape")


@dataclass(frozen=True)
class GitIndex:
    """What git says of the files under the folders it was asked about."""

    ids: dict[str, str]  # blob id of each tracked regular file whose working copy is unchanged
    tracked: list[str]  # every tracked path
    # Every file in the working tree under those folders, tracked or not (ignored ones too), in
    # no particular order; None when git cannot list them as a walk would (``_worktree``).
    worktree: list[str] | None = None
    # git's listing as it wrote it, when git vouched for every tracked file (none modified,
    # removed, linked, tagged or conflicted): a main file written from this run may keep it.
    listing: bytes | None = None
    untracked: frozenset[str] = frozenset()  # every untracked file and folder


@dataclass(frozen=True)
class GitChanges:
    """git's listing told against an earlier one (``IndexListing.since``)."""

    touched: frozenset[str]  # every path that may differ from the earlier listing
    index: GitIndex  # git's index of those paths alone


# The index with each entry's tag (``-v``: lower case when marked assume-unchanged, which git
# then never reports as modified), and what differs from it: modified (C), removed (R), and
# every untracked file (?, ignored ones too: no --exclude-standard).
LISTINGS = (("ls-files", "-s", "-v", "-z", "--"), ("ls-files", "-m", "-d", "-o", "-t", "-z", "--"))
_GITLINK = "160000"
_PLAIN_ENTRY = b"H 100644 " + b"0" * 40 + b" 0\t"
# More entries differ than this, and than a quarter of all: the whole listing is parsed instead (``since``).
_FEW_CHANGES = 64


class IndexListing:
    """git's two listings of ``folders`` under ``root``, started at once and read when needed.

    git stats every file and reads every folder (0.5 s at 100,000 files): started before the
    engine is imported (``cli/validate.py``), it does that on the other core while this process
    imports and reads the validation cache. Output goes to temporary files, not pipes, so git
    never waits for a reader. Without git, or without a writable temporary folder, the index is
    empty and every file is hashed instead. Use as a context manager, or call ``close``.
    """

    def __init__(self, root: Path, folders: Sequence[str] = (".",)) -> None:
        self._root = root
        self._started = [_start(root, (*args, *folders)) for args in LISTINGS]

    def result(self) -> GitIndex:
        """The index under the folders (empty outside git, or when git failed)."""
        outputs = self._outputs()
        if outputs is None:
            return GitIndex({}, [])
        listing, changes = outputs
        return _parse(self._root, listing, _changed(changes), listing)

    def since(self, base: bytes) -> GitChanges | None:
        """What differs from ``base``, the listing of an earlier run in which git vouched for
        every file (``main_file.Base``): the paths whose index entry is new, changed or gone,
        or that git names modified, removed or untracked, and git's index of those alone.
        Every other path's entry is the one ``base`` has, and git found its file unchanged.
        None when git failed, or when so much changed that the whole listing is cheaper."""
        outputs = self._outputs()
        if outputs is None:
            return None
        listing, changes = outputs
        entries = listing.split(b"\0")  # in C: only what differs is parsed in Python (0.19 s for all 100,000)
        now = set(entries)
        differing = now.symmetric_difference(base.split(b"\0"))
        if len(differing) > max(_FEW_CHANGES, len(entries) // 4):
            return None
        new = [entry for entry in differing if entry in now]
        touched = {_decode(entry.partition(b"\t")[2]) for entry in differing}
        changed = _changed(changes)
        # A file modified or removed whose entry has not changed: its entry is the base's, a
        # plain file's (git vouched for every file then), written again for the parser.
        new += [_PLAIN_ENTRY + _encode(path) for path in (changed["C"] | changed["R"]) - touched]
        index = _parse(self._root, b"\0".join(new), changed, listing)
        if index.worktree is None:
            return None
        return GitChanges(frozenset(touched.union(*changed.values())), index)

    def _outputs(self) -> tuple[bytes, bytes] | None:
        """git's two outputs, or None outside git or when it failed."""
        outputs: list[bytes] = []
        for started in self._started:
            if started is None:
                return None
            process, output = started
            try:
                if process.wait(timeout=120) != 0:
                    return None
            except subprocess.TimeoutExpired:
                return None
            output.seek(0)
            outputs.append(output.read())
        return outputs[0], outputs[1]

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


def _changed(changes: bytes) -> dict[str, set[str]]:
    """The paths of git's second listing by tag: C (modified), R (removed), ? (untracked)."""
    changed: dict[str, set[str]] = {"C": set(), "R": set(), "?": set()}
    for entry in _paths(changes):
        changed.setdefault(entry[0], set()).add(entry[2:])
    return changed


def _parse(root: Path, entries: bytes, changed: dict[str, set[str]], listing: bytes) -> GitIndex:
    """git's index from ``entries`` of its ``listing`` (``ls-files -s -v``: all of them, or
    those that differ from an earlier listing) and the ``changed`` paths beside it."""
    modified = changed["C"]
    ids: dict[str, str] = {}
    tracked: list[str] = []
    odd: list[tuple[str, str, str]] = []  # entries that are not a plain unchanged file: (tag, mode, path)
    for entry in _paths(entries):
        meta, _, path = entry.partition("\t")
        tag, mode, blob, stage = meta.split(" ")
        tracked.append(path)
        if tag == "H" and mode in _REGULAR_FILES and stage == "0" and path not in modified:
            ids[path] = blob
        else:
            odd.append((tag, mode, path))
    vouched = not odd and not changed["R"]
    return GitIndex(
        ids, tracked, _worktree(root, ids, odd, changed), listing if vouched else None, frozenset(changed["?"])
    )


def _worktree(
    root: Path, ids: dict[str, str], odd: list[tuple[str, str, str]], changed: dict[str, set[str]]
) -> list[str] | None:
    """The files a walk of the working tree would find (``os.walk``: symlinks not followed, a
    link to a folder is a folder), from git's listings: the unchanged files (``ids``, nearly
    all), the other tracked entries that are there, and the untracked files. None where git
    lists less than the walk finds: a submodule or a nested repository, whose files git does
    not list and the walk does."""
    untracked = changed["?"]
    if any(path.endswith("/") for path in untracked) or any(mode == _GITLINK for _, mode, _ in odd):
        return None
    files = list(ids)  # the same string objects as the keys: later look-ups compare by identity
    seen: set[str] = set()  # an unmerged path has an entry per stage
    for tag, mode, path in odd:
        if path in seen or path in changed["R"]:
            continue
        seen.add(path)
        if tag.upper() == "S" and not os.path.lexists(root / path):  # sparse checkout: not there
            continue
        if (mode not in _REGULAR_FILES or path in changed["C"]) and os.path.isdir(root / path):
            continue  # a link to a folder, or a file become a folder
        files.append(path)
    files.extend(path for path in untracked if not os.path.isdir(root / path))
    return files


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
