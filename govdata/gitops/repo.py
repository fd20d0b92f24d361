"""The git repository behind an instance: revisions, trees, changed paths, blobs and history.

The only module of govdata that imports ``git`` (GitPython), and only inside
:func:`open_repository`, since the import alone costs ~0.2 s. The choices follow the bench
(``measurements-2026-11.md`` table G): ``git ls-tree -r -z`` lists a revision, ``git diff
--name-only --no-renames -z`` finds changed paths, and blobs are read through one ``git
cat-file --batch`` per call — one process for any number of blobs, ~26× faster than one ``git
show`` per file. Paths here are relative to the repository's top folder.
"""

from __future__ import annotations

import contextlib
import datetime
import re
import subprocess
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from govdata.errors import GovdataError
from govdata.i18n import Text

NULL_SHA = "0" * 40
# Branches tried, in order, when the caller does not name the main branch.
MAIN_CANDIDATES = ("origin/HEAD", "origin/main", "origin/master", "main", "master")


class RepositoryError(GovdataError):
    """Git could not answer: not a repository, an unknown revision, a failed command."""


@dataclass(frozen=True, slots=True)
class CommitInfo:
    sha: str
    parents: tuple[str, ...]
    author: str
    email: str
    date: str  # ISO 8601 with offset, as git prints it (%aI)
    subject: str


@dataclass(frozen=True, slots=True)
class FileChange:
    """One path changed by a commit against its first parent (``--no-renames``: A, M, D or T)."""

    status: str
    path: str
    old_blob: str | None
    new_blob: str | None


@dataclass(frozen=True, slots=True)
class Landing:
    """A commit of the main line and the files it changed against its first parent."""

    sha: str
    parents: tuple[str, ...]
    authored: str  # ISO 8601: earliest author date of what it brought in
    committed: str  # ISO 8601: when it landed on the main line
    files: tuple[str, ...]


def _utc(stamp: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(stamp).astimezone(datetime.UTC)


@dataclass(frozen=True, slots=True)
class Repository:
    """A git repository, opened through GitPython."""

    root: Path
    _repo: Any  # git.Repo; typed loosely so that importing this module does not import git

    def _git(self, *args: str) -> str:
        import git

        try:
            return str(self._repo.git.execute(["git", *args], strip_newline_in_stdout=False))
        except git.GitCommandError as error:
            detail = str(error.stderr or "").strip().removeprefix("stderr:").strip(" '\n")
            raise RepositoryError(Text(f"git {args[0]} 失败：{detail}", f"git {args[0]} failed: {detail}")) from error

    def resolve(self, rev: str) -> str:
        """The full commit id of ``rev`` (a branch, tag, sha or expression such as ``HEAD~2``)."""
        import git

        try:
            return str(self._repo.git.rev_parse("--verify", "--quiet", f"{rev}^{{commit}}")).strip()
        except git.GitCommandError:
            raise RepositoryError(
                Text(
                    f"找不到版本“{rev}”：请检查分支名、标签或提交号",
                    f"unknown revision {rev!r}: check the branch, tag or commit",
                )
            ) from None

    def exists(self, rev: str) -> bool:
        try:
            self.resolve(rev)
        except RepositoryError:
            return False
        return True

    def main_branch(self) -> str:
        """The branch pull requests merge into: origin's default, else main or master."""
        for candidate in MAIN_CANDIDATES:
            if self.exists(candidate):
                return candidate
        raise RepositoryError(
            Text(
                "找不到主分支（origin/HEAD、main 或 master）；请用 --main 指定，或直接给出 BASE",
                "no main branch (origin/HEAD, main or master); name it with --main or give BASE",
            )
        )

    def merge_base(self, left: str, right: str) -> str:
        found = self._git("merge-base", left, right).strip()
        if not found:
            raise RepositoryError(Text(f"{left} 与 {right} 没有共同祖先", f"{left} and {right} share no history"))
        return found

    def tree(self, rev: str, prefix: str = "") -> dict[str, str]:
        """``{path: blob sha}`` of every file of ``rev`` under ``prefix`` (``git ls-tree -r -z``)."""
        args = ["ls-tree", "-r", "-z", rev]
        if prefix:
            args += ["--", prefix]
        files: dict[str, str] = {}
        for record in self._git(*args).split("\0"):
            if not record:
                continue
            meta, path = record.split("\t", 1)
            mode, kind, sha = meta.split(" ")
            if kind == "blob":
                files[path] = sha
        return files

    def special_files(self, rev: str, prefix: str = "") -> dict[str, str]:
        """Entries of ``rev`` under ``prefix`` that are no regular file: ``{path: "symlink" | "submodule"}``.

        ``tree`` lists a symlink as a blob (its content is the target's path), so a caller that
        must not follow or misread one asks here first.
        """
        args = ["ls-tree", "-r", "-z", rev] + (["--", prefix] if prefix else [])
        found: dict[str, str] = {}
        for record in self._git(*args).split("\0"):
            if not record:
                continue
            meta, path = record.split("\t", 1)
            mode = meta.split(" ")[0]
            if mode == "120000":
                found[path] = "symlink"
            elif mode == "160000":
                found[path] = "submodule"
        return found

    def changed_paths(self, base: str, head: str | None, prefix: str = "") -> list[str]:
        """Paths that differ between ``base`` and ``head`` (None: the working tree, untracked included)."""
        spec = ["--", prefix] if prefix else []
        if head is not None:
            out = self._git("diff", "--name-only", "--no-renames", "-z", base, head, *spec)
            return sorted(p for p in out.split("\0") if p)
        tracked = self._git("diff", "--name-only", "--no-renames", "-z", base, *spec)
        untracked = self._git("ls-files", "--others", "--exclude-standard", "-z", *spec)
        return sorted({p for p in (*tracked.split("\0"), *untracked.split("\0")) if p})

    def read_blobs(self, shas: Iterable[str]) -> dict[str, bytes]:
        """The content of each blob, read through one ``git cat-file --batch`` fed all ids at once.

        Not GitPython's object database: it asks for one object and waits for it before the
        next, a pipe round trip and a flush each (0.5 s of CPU for 10,000 blobs against 0.1 s
        here, issue 12). A thread writes the ids while this one reads, so neither pipe fills.
        An object git does not have is an error, never a missing file.
        """
        wanted = list(dict.fromkeys(shas))
        if not wanted:
            return {}
        process = self._repo.git.execute(["git", "cat-file", "--batch"], as_process=True, istream=subprocess.PIPE)
        feeder = threading.Thread(target=_feed, args=(process.stdin, wanted), daemon=True)
        feeder.start()
        try:
            found = read_batch(process.stdout, wanted)
        finally:  # closing first: a git stopped short of the end would block the feeder
            process.stdout.close()
            feeder.join()
            status = process.proc.wait()
            with process.stderr:
                detail = process.stderr.read().decode("utf-8", "replace").strip()
        if isinstance(found, str) or status != 0:
            what = f"{found} {detail}" if isinstance(found, str) else detail
            raise RepositoryError(
                Text(f"git cat-file 读取对象失败：{what}", f"git cat-file could not read the objects: {what}")
            )
        return found

    def history(
        self, pathspecs: Iterable[str], *, rev: str = "HEAD", max_count: int | None = None
    ) -> Iterator[tuple[CommitInfo, list[FileChange]]]:
        """Commits touching ``pathspecs``, newest first, each with its changed files and blob ids.

        One ``git log --raw --no-renames -z`` for the whole walk. Merge commits list no files
        (git's default): a change is credited to the commit that made it, not to the merge.
        """
        args = ["log", "--raw", "--no-abbrev", "--no-renames", "-z", "--format=%x1e%H%x1f%P%x1f%an%x1f%ae%x1f%aI%x1f%s"]
        if max_count is not None:
            args.append(f"--max-count={max_count}")
        args += [rev, "--", *pathspecs]
        for chunk in self._git(*args).split("\x1e"):
            if chunk:
                yield _parse_log_chunk(chunk)

    def landings(self, pathspecs: Iterable[str], rev: str = "HEAD") -> list[Landing]:
        """Commits of ``rev``'s first-parent line that changed ``pathspecs``, oldest first.

        A merge lands the commits it brings in: its changed files are taken against its first
        parent, and ``authored`` is the earliest author date among the merged commits (when the
        change was put forward). A plain commit's ``authored`` is its own author date.
        """
        fmt = "--format=%x1e%H%x1f%P%x1f%aI%x1f%cI"
        out = self._git(
            "log", "--first-parent", "--diff-merges=first-parent", "--name-only", "-z", fmt, rev, "--", *pathspecs
        )
        found: list[Landing] = []
        for chunk in out.split("\x1e"):
            if not chunk.strip("\0\n"):
                continue
            header, *rest_part = re.split(r"[\n\0]", chunk.lstrip("\0\n"), maxsplit=1)
            rest = rest_part[0] if rest_part else ""
            sha, parents, authored, committed = header.split("\x1f")
            parent_list = tuple(parents.split())
            if len(parent_list) > 1:
                dates = self._git("log", "--format=%aI", f"{parent_list[0]}..{parent_list[1]}").split()
                authored = min(dates, key=_utc, default=authored)
            files = tuple(p.strip("\n") for p in rest.split("\0") if p.strip("\n"))
            found.append(Landing(sha, parent_list, authored, committed, files))
        return found[::-1]

    def last_commit_before(self, moment: str, rev: str = "HEAD") -> str | None:
        """The newest commit of ``rev``'s first-parent line committed at or before ``moment`` (ISO 8601)."""
        out = self._git("rev-list", "--first-parent", "-1", f"--before={moment}", rev).strip()
        return out or None

    def first_parent_commits(self, rev: str = "HEAD") -> list[tuple[str, str]]:
        """``(sha, committer date)`` of ``rev``'s first-parent line, oldest first."""
        out = self._git("log", "--first-parent", "--format=%H%x1f%cI", rev)
        pairs = [line.split("\x1f", 1) for line in out.splitlines() if line]
        return [(sha, date) for sha, date in pairs][::-1]

    def renamed_from(self, parent: str, commit: str, added: str, deleted: Iterable[str]) -> str | None:
        """Which of the ``deleted`` paths git's rename detection pairs with ``added`` in ``commit``."""
        candidates = list(deleted)
        if not candidates:
            return None
        out = self._git("diff", "--name-status", "-z", "-M", parent, commit, "--", added, *candidates)
        fields = out.split("\0")
        for index, field in enumerate(fields):
            if field.startswith("R") and index + 2 < len(fields) and fields[index + 2] == added:
                return fields[index + 1]
        return None

    def relative(self, path: Path) -> str:
        """``path`` relative to the repository top, POSIX; '' for the top itself."""
        relative = path.resolve().relative_to(self.root).as_posix()
        return "" if relative == "." else relative


def _feed(stream: IO[bytes], shas: list[str]) -> None:
    """Write the object ids for ``cat-file --batch``, then close its input so that it ends."""
    # Closed even when git ended early (it says why on stderr, and the reader finds the gap).
    with contextlib.suppress(BrokenPipeError), stream:
        stream.write("".join(f"{sha}\n" for sha in shas).encode("ascii"))


def read_batch(stream: IO[bytes], shas: list[str]) -> dict[str, bytes] | str:
    """The objects ``cat-file --batch`` writes, in the order asked: ``<sha> <type> <size>``, the
    bytes, a newline. The first id not read when one is missing (``<sha> missing``) or the
    output ends short."""
    found: dict[str, bytes] = {}
    for sha in shas:
        header = stream.readline().split()
        if len(header) != 3 or header[0] != sha.encode("ascii") or not header[2].isdigit():
            return sha
        size = int(header[2])
        data = stream.read(size)
        if len(data) != size or stream.read(1) != b"\n":
            return sha
        found[sha] = data
    return found


def _parse_log_chunk(chunk: str) -> tuple[CommitInfo, list[FileChange]]:
    header, _, rest = chunk.partition("\0")
    sha, parents, author, email, date, subject = header.split("\x1f", 5)
    info = CommitInfo(sha, tuple(parents.split()), author, email, date, subject.strip())
    fields = rest.lstrip("\n").split("\0")
    changes: list[FileChange] = []
    for meta, path in zip(fields[0::2], fields[1::2], strict=False):
        if not meta.startswith(":"):
            continue
        _old_mode, _new_mode, old_sha, new_sha, status = meta[1:].split(" ")
        changes.append(
            FileChange(
                status[0], path, None if old_sha == NULL_SHA else old_sha, None if new_sha == NULL_SHA else new_sha
            )
        )
    return info, changes


def open_repository(start: Path) -> Repository:
    """The repository holding ``start``; a clear error when there is none."""
    import git

    try:
        repo = git.Repo(start, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise RepositoryError(
            Text(f"{start} 不在 git 仓库中：此命令需要目录的版本历史", f"{start} is not inside a git repository")
        ) from None
    if repo.working_tree_dir is None:
        raise RepositoryError(Text("不支持裸仓库：请在工作副本中运行", "bare repositories are not supported"))
    return Repository(Path(repo.working_tree_dir).resolve(), repo)
