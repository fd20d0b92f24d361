"""``git_repo``: a real git repository in a temporary folder, committed from dicts of files.

Author and dates are fixed per commit, so commit ids are the same on every run and golden
files may contain them.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import BASE_INSTANCE

Files = dict[str, str | None]  # path → content; None deletes the file


def base_files() -> dict[str, str]:
    """The minimal test instance (tests/rules/_base) as ``{path: text}``."""
    return {
        p.relative_to(BASE_INSTANCE).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(BASE_INSTANCE.rglob("*"))
        if p.is_file()
    }


@dataclass
class GitRepo:
    root: Path
    _clock: int = field(default=0)

    def git(self, *args: str, env: dict[str, str] | None = None) -> str:
        completed = subprocess.run(
            ["git", *args], cwd=self.root, check=True, capture_output=True, text=True, env={**os.environ, **(env or {})}
        )
        return completed.stdout.strip()

    def write(self, files: Files) -> None:
        for name, content in files.items():
            path = self.root / name
            if content is None:
                path.unlink()
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(content, encoding="utf-8")

    def _stamp(self, author: str) -> dict[str, str]:
        self._clock += 1
        date = f"2026-11-{1 + self._clock // 60:02d}T09:{self._clock % 60:02d}:00+08:00"
        name, _, email = author.partition(" <")
        return {
            "GIT_AUTHOR_NAME": name,
            "GIT_AUTHOR_EMAIL": email.rstrip(">") or f"{name}@example.invalid",
            "GIT_COMMITTER_NAME": name,
            "GIT_COMMITTER_EMAIL": email.rstrip(">") or f"{name}@example.invalid",
            "GIT_AUTHOR_DATE": date,
            "GIT_COMMITTER_DATE": date,
        }

    def commit(self, files: Files, message: str, author: str = "张三 <zhangsan@example.invalid>") -> str:
        """Write ``files``, stage everything and commit; returns the commit id."""
        self.write(files)
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message, env=self._stamp(author))
        return self.head()

    def head(self) -> str:
        return self.git("rev-parse", "HEAD")

    def branch(self, name: str, start: str = "HEAD") -> None:
        self.git("switch", "-q", "-c", name, start)

    def switch(self, name: str) -> None:
        self.git("switch", "-q", name)

    def merge(self, name: str, message: str, author: str = "数据局 <dashuju@example.invalid>") -> str:
        self.git("merge", "-q", "--no-ff", "-m", message, name, env=self._stamp(author))
        return self.head()

    def text(self, name: str) -> str:
        return (self.root / name).read_text(encoding="utf-8")


@pytest.fixture
def git_repo(tmp_path: Path) -> Callable[..., GitRepo]:
    """``git_repo(files=None)``: a repository on branch main; with ``files``, one first commit of them."""

    def make(files: Files | None = None, folder: str = "repo") -> GitRepo:
        root = tmp_path / folder
        root.mkdir()
        repo = GitRepo(root)
        repo.git("init", "-q", "-b", "main")
        repo.git("config", "commit.gpgsign", "false")
        if files:
            repo.commit(files, "初始目录 / initial catalog")
        return repo

    return make
