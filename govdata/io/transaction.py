"""Write transactions: edits of instance files that cannot lose each other.

Every command that edits instance files reads what it needs through a :class:`Transaction`,
which remembers the SHA-256 of each file's bytes as read (or that the file was absent). It then
works without holding anything, and :meth:`Transaction.commit` does, in this order:

1. take the instance lock: ``fcntl.flock`` on ``.govdata-cache/lock`` (ignored by git), one
   lock per instance, so there is no order between several locks to get wrong;
2. remove temporary files that interrupted writes left behind (no writer can be running now);
3. re-read every file it is about to write and compare its hash with the one it read: if any
   differs (someone edited, formatted or created it meanwhile), stop with
   :class:`ChangedSinceRead` (exit 2) and write nothing;
4. for more than one file, write a journal (``.govdata-cache/journal.json``: each path with its
   hash before and after), then replace each file atomically, then remove the journal. A run
   killed half-way leaves the journal, so the next run (and ``govdata validate``) can say how
   far it got; re-running the command finishes the job;
5. release the lock.

The lock is advisory: editors do not take it, which is why step 3 compares content and does
not trust the lock alone.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import time
from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from govdata.errors import GovdataError, WriteError
from govdata.i18n import Text
from govdata.io.atomic import atomic_write, signals_unwind, stray_temporaries

CACHE_FOLDER = ".govdata-cache"
LOCK_FILE = f"{CACHE_FOLDER}/lock"
JOURNAL_FILE = f"{CACHE_FOLDER}/journal.json"
LOCK_WAIT_SECONDS = 120.0
# Folders whose files transactions write; swept for stray temporary files under the lock.
WRITTEN_FOLDERS = ("registry", "catalogs", "grants", "responsibility")


class ChangedSinceRead(GovdataError):
    """A file changed between the command reading it and writing it; nothing was written."""

    exit_code = 2

    def __init__(self, paths: list[str]) -> None:
        names = "、".join(paths)
        super().__init__(
            Text(
                f"{names} 已被他人修改，请重新运行；未写入任何文件",
                f"{', '.join(paths)} changed by someone else since read; run again. Nothing was written",
            )
        )
        self.paths = paths


class LockTimeout(GovdataError):
    """Another govdata command held the instance lock for too long."""


def digest(data: bytes | None) -> str | None:
    return None if data is None else hashlib.sha256(data).hexdigest()


def _current(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


@contextlib.contextmanager
def instance_lock(root: Path, wait: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    """Hold the instance's advisory write lock; wait up to ``wait`` seconds for it."""
    lock = root / LOCK_FILE
    try:
        lock.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        raise WriteError(
            Text(
                f"无法创建写入锁 {LOCK_FILE}：{error.strerror}；未写入任何文件",
                f"cannot create the write lock {LOCK_FILE}: {error.strerror}; nothing was written",
            )
        ) from error
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise LockTimeout(
                        Text(
                            f"另一个 govdata 命令正在写入此实例（{LOCK_FILE} 被占用超过 {wait:.0f} 秒），请稍后重新运行",
                            f"another govdata command is writing this instance ({LOCK_FILE} held over {wait:.0f} s); "
                            "run again later",
                        )
                    ) from None
                time.sleep(0.01)
        yield
    finally:
        os.close(handle)  # closing releases the lock


def interrupted_run(root: Path) -> Text | None:
    """What an earlier multi-file write that was killed half-way had done, if one was."""
    try:
        journal = json.loads((root / JOURNAL_FILE).read_text(encoding="utf-8"))
        files = [(str(f["path"]), f["after"]) for f in journal["files"]]
        label = str(journal["label"])
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return Text(f"{JOURNAL_FILE} 已损坏，可删除", f"{JOURNAL_FILE} is damaged and can be deleted")
    done = sum(1 for path, after in files if digest(_current(root / path)) == after)
    if files and done == len(files):
        return None  # every write landed: killed before it removed the journal, which is stale
    return Text(
        f"上次“{label}”在写入 {done}/{len(files)} 个文件后中断；重新运行该命令即可完成",
        f"an earlier '{label}' was interrupted after {done} of {len(files)} files; run it again to finish",
    )


PARALLEL_PAST = 64  # files in one commit past which they are written by several threads
WRITER_THREADS = 8


class Transaction:
    """The files one command read, and the compare-and-swap write of what it made of them."""

    def __init__(self, root: Path, label: str) -> None:
        self.root = root
        self.label = label
        self._read: dict[str, str | None] = {}

    def read(self, path: str) -> bytes:
        """The bytes of instance file ``path``, remembered as the version this command works on.

        A transaction sees one version of each file: reading it again after someone changed it
        stops the command (:class:`ChangedSinceRead`) rather than mixing two versions.
        """
        try:
            data = (self.root / path).read_bytes()
        except FileNotFoundError:
            data = None
        seen = digest(data)
        if self._read.setdefault(path, seen) != seen:
            raise ChangedSinceRead([path])
        if data is None:
            raise FileNotFoundError(self.root / path)
        return data

    def saw(self, path: str, data: bytes | None) -> None:
        """Record that the command worked on ``data`` (None: the file did not exist)."""
        self._read.setdefault(path, digest(data))

    def forget(self, path: str) -> None:
        self._read.pop(path, None)

    def changed(self, paths: list[str]) -> list[str]:
        """Which of ``paths`` no longer hold what was read (a path never read must be absent)."""
        return [path for path in paths if digest(_current(self.root / path)) != self._read.get(path)]

    def commit(self, writes: Mapping[str, str]) -> None:
        """Write every ``{path: text}`` if none changed since read, else write nothing and raise."""
        if not writes:
            self._drop_stale_journal()
            return
        with instance_lock(self.root), signals_unwind():
            for stray in stray_temporaries(self.root, WRITTEN_FOLDERS):
                stray.unlink(missing_ok=True)
            conflicts = self.changed(list(writes))
            if conflicts:
                raise ChangedSinceRead(conflicts)
            journal = self.root / JOURNAL_FILE
            if len(writes) > 1:
                entries = [
                    {"path": path, "before": self._read.get(path), "after": digest(text.encode("utf-8"))}
                    for path, text in writes.items()
                ]
                atomic_write(journal, json.dumps({"label": self.label, "files": entries}, ensure_ascii=False) + "\n")
            if len(writes) > PARALLEL_PAST:
                # fsync waits release the interpreter: a few threads overlap them (an import
                # writes tens of thousands of files). Each file is still replaced atomically.
                with ThreadPoolExecutor(max_workers=WRITER_THREADS) as pool:
                    list(pool.map(lambda item: atomic_write(self.root / item[0], item[1]), writes.items()))
            else:
                for path, text in writes.items():
                    atomic_write(self.root / path, text)
            for path, text in writes.items():
                self._read[path] = digest(text.encode("utf-8"))
            journal.unlink(missing_ok=True)

    def _drop_stale_journal(self) -> None:
        """Remove a journal whose writes all landed (a run killed between its last write and
        the journal's removal). A command with nothing left to write is the one that would
        have finished that run, and it would otherwise leave the journal for good."""
        journal = self.root / JOURNAL_FILE
        if not journal.exists():
            return
        with instance_lock(self.root):
            if journal.exists() and interrupted_run(self.root) is None:
                journal.unlink(missing_ok=True)


__all__ = [
    "JOURNAL_FILE",
    "LOCK_FILE",
    "ChangedSinceRead",
    "LockTimeout",
    "Transaction",
    "digest",
    "instance_lock",
    "interrupted_run",
]
