"""``history``: a real repository whose catalog changes land across 2024 and 2025 on known days."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.evaluate.instances import BASE_RESOURCE, FULL_RESOURCE
from tests.gitops.conftest import GitRepo, base_files


def _at(day: str) -> dict[str, str]:
    stamp = f"{day}T10:00:00+08:00"
    return {"GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}


def _commit(repo: GitRepo, files: dict[str, str], message: str, day: str) -> None:
    repo.write(files)
    repo.git("add", "-A")
    repo.git("commit", "-q", "-m", message, env=_at(day))


def _merge(repo: GitRepo, branch: str, proposed: str, landed: str, files: dict[str, str]) -> None:
    """A change put forward on ``proposed`` and merged into main on ``landed``."""
    repo.branch(branch)
    _commit(repo, files, f"{branch}: 目录变更", proposed)
    repo.switch("main")
    repo.git("merge", "-q", "--no-ff", "-m", f"合并 {branch}", branch, env=_at(landed))


@pytest.fixture
def history(git_repo: Callable[..., GitRepo]) -> GitRepo:
    repo = git_repo()
    _commit(repo, base_files(), "初始目录", "2024-03-01")
    # 2025: Mon 2 June → Wed 4 June = 2 working days (in time)
    _merge(repo, "a", "2025-06-02", "2025-06-04", {"catalogs/gongan/101002-000002.yaml": FULL_RESOURCE})
    # 2025: Tue 1 July → Tue 15 July = 10 working days (late)
    edited = BASE_RESOURCE.replace("update_cycle: 实时", "update_cycle: 每日")
    _merge(repo, "b", "2025-07-01", "2025-07-15", {"catalogs/gongan/101002-000001.yaml": edited})
    # 2025: a direct commit lands the day it is made
    _commit(repo, {"catalogs/gongan/101002-000001.yaml": BASE_RESOURCE}, "直接提交", "2025-09-01")
    return repo
