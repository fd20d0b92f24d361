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
from collections.abc import Callable, Iterable
from pathlib import Path

Reader = Callable[[str], bytes]

_REGULAR_FILES = {"100644", "100755"}


def blob_id(data: bytes) -> str:
    """The id git gives ``data`` as a blob (``git hash-object``)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def _git(root: Path, *args: str) -> bytes | None:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False, timeout=120)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def index_ids(root: Path) -> dict[str, str]:
    """Blob ids of the tracked regular files under ``root`` whose working copy git finds unchanged."""
    listing = _git(root, "ls-files", "-s", "-z", "--", ".")
    modified = _git(root, "ls-files", "-m", "-z", "--", ".")
    if listing is None or modified is None:
        return {}
    changed = set(modified.decode("utf-8", "surrogateescape").split("\0"))
    ids: dict[str, str] = {}
    for entry in listing.decode("utf-8", "surrogateescape").split("\0"):
        if not entry:
            continue
        meta, _, path = entry.partition("\t")
        mode, blob, stage = meta.split(" ")
        if mode in _REGULAR_FILES and stage == "0" and path not in changed:
            ids[path] = blob
    return ids


def content_ids(root: Path, paths: Iterable[str], reader: Reader) -> dict[str, str]:
    """The blob id of each of ``paths`` (instance-relative) as the working tree holds it now.

    A file that cannot be read (a broken link, say) has none: it is checked, and reported, every time.
    """
    known = index_ids(root)
    ids: dict[str, str] = {}
    for path in paths:
        try:
            ids[path] = known.get(path) or blob_id(reader(path))
        except OSError:
            continue
    return ids


def tracked_under(root: Path, folder: str) -> list[str]:
    """The files git tracks under ``folder`` (instance-relative): none, unless someone committed them."""
    listing = _git(root, "ls-files", "-z", "--", folder)
    return [path for path in (listing or b"").decode("utf-8", "surrogateescape").split("\0") if path]
