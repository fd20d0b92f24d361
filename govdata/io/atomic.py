"""Replacing one file atomically: a temporary sibling, fsync, rename.

The temporary file is a sibling (a rename is atomic only within one file system), carries the
final file's mode from the start (an existing file's, else what the umask gives a new file:
``mkstemp``'s 0600 would survive the rename), and is removed on every exit Python sees. Its
name, ``.<name>.<random>.govdata.tmp``, is ignored by the ``.gitignore`` that ``govdata init``
writes, reported by ``govdata validate`` (GD003) and swept by the next write under the instance
lock (:mod:`govdata.io.transaction`) should a ``kill -9`` leave one behind.
"""

from __future__ import annotations

import contextlib
import os
import signal
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

from govdata.errors import WriteError
from govdata.i18n import Text

TEMP_SUFFIX = ".govdata.tmp"  # a hidden file ending in .tmp: the instance .gitignore has ``.*.tmp``
# What earlier versions named their temporary files; still swept and reported.
LEGACY_TEMP = (".yaml.", ".tmp")


def is_temporary(name: str) -> bool:
    """Whether a file name is one of our temporary files (current or legacy naming)."""
    if not name.startswith("."):
        return False
    return name.endswith(TEMP_SUFFIX) or (LEGACY_TEMP[0] in name and name.endswith(LEGACY_TEMP[1]))


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def final_mode(path: Path) -> int:
    """The mode ``path`` has, or would get as a new file under the current umask."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        return 0o666 & ~_umask()


def _raise_exit(signum: int, _frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


@contextlib.contextmanager
def signals_unwind() -> Iterator[None]:
    """While writing, SIGTERM and SIGHUP unwind the stack (so ``finally`` clauses remove
    temporary files) instead of ending the process where it stands."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {number: signal.getsignal(number) for number in (signal.SIGTERM, signal.SIGHUP)}
    for number, handler in previous.items():
        if handler is signal.SIG_DFL:
            signal.signal(number, _raise_exit)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def atomic_write(path: Path, text: str | bytes) -> None:
    """Write ``text`` (or raw bytes) to ``path`` through a temporary sibling and a rename:
    never half a file."""
    with signals_unwind():
        _write(path, text.encode("utf-8") if isinstance(text, str) else text)


def _write(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    except OSError as error:
        raise WriteError(
            Text(f"无法写入 {path}：{error.strerror}", f"cannot write {path}: {error.strerror}")
        ) from error
    try:
        os.fchmod(handle, final_mode(path))
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as error:
        raise WriteError(
            Text(f"无法写入 {path}：{error.strerror}", f"cannot write {path}: {error.strerror}")
        ) from error
    finally:
        # After a successful rename the name is gone; on any failure or interruption
        # (KeyboardInterrupt, SystemExit from a signal handler) the temporary file goes too.
        Path(temporary).unlink(missing_ok=True)


def walk_folders(root: Path, folders: tuple[str, ...]) -> Iterator[tuple[str, list[str], bool]]:
    """Each directory under ``folders`` of ``root`` (never inside ``.git``), in sorted order: its
    path relative to ``root`` with a trailing ``/``, its file names, and whether a folder on
    that path is hidden (its name starts with ``.``)."""
    for folder in folders:
        for directory, subdirs, files in os.walk(root / folder):
            subdirs[:] = sorted(d for d in subdirs if d != ".git")
            prefix = os.path.relpath(directory, root).replace(os.sep, "/") + "/"
            yield prefix, files, "/." in "/" + prefix


def stray_temporaries(root: Path, folders: tuple[str, ...]) -> list[Path]:
    """Temporary files left in ``folders`` of ``root`` (and ``root`` itself) by interrupted writes."""
    found = [p for p in root.iterdir() if p.is_file() and is_temporary(p.name)] if root.is_dir() else []
    for prefix, files, _ in walk_folders(root, folders):
        found.extend(root / (prefix + name) for name in files if is_temporary(name))
    return sorted(found)


__all__ = [
    "TEMP_SUFFIX",
    "atomic_write",
    "final_mode",
    "is_temporary",
    "signals_unwind",
    "stray_temporaries",
    "walk_folders",
]
