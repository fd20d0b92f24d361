"""Real git repositories in the states a working tree can be in, for the tests of git's listing
(``test_git_listing``) and of the change set told against a cache's listing (``test_git_changes``)."""

from __future__ import annotations

import contextlib
import subprocess
from pathlib import Path

from govdata.instance import CONFIG_NAME, INSTANCE_FOLDERS
from govdata.validation.cache import FOLDER as CACHE_FOLDER
from tests.conftest import build_instance

FOLDERS = (CONFIG_NAME, *INSTANCE_FOLDERS, CACHE_FOLDER)
COMMITTED = {
    "catalogs/gongan/UPPER.YAML": "x: 1\n",
    "catalogs/gongan/short.yml": "x: 1\n",
    "catalogs/.hidden/101002-000009.yaml": "x: 1\n",
    "catalogs/gongan/.draft.yaml": "x: 1\n",
    "docs/outside.yaml": "x: 1\n",
    "catalogs/gongan/gone.yaml": "x: 1\n",
    "catalogs/gongan/sparse-absent.yaml": "x: 1\n",
    "catalogs/gongan/sparse-present.yaml": "x: 1\n",
    "catalogs/gongan/became-folder.yaml": "x: 1\n",
    "catalogs/gongan/assumed.yaml": "x: 1\n",
    "grants/2026/linked-folder/g.yaml": "x: 1\n",
}
UNTRACKED = {
    "catalogs/gongan/new.yaml": "x: 2\n",
    "catalogs/gongan/secret.ign.yaml": "x: 2\n",  # ignored by .gitignore: still the instance's
    "catalogs/ignored-folder/a.yaml": "x: 2\n",
    "catalogs/gongan/.git/config.yaml": "x: 2\n",  # a folder named .git that is no repository
    "catalogs/gongan/notes.txt": "x\n",
    "catalogs/gongan/became-folder.yaml/inside.yaml": "x: 2\n",
    ".govdata.yaml.a1b2c3.govdata.tmp": "x\n",  # temporaries of interrupted writes
    "catalogs/gongan/.101002-000001.yaml.k2j3h4.govdata.tmp": "x\n",
    "catalogs/.hidden/.x.yaml.q1w2e3.govdata.tmp": "x\n",
    f"{CACHE_FOLDER}/.validate-x.marshal.z9y8x7.govdata.tmp": "x\n",  # the cache's own: not the instance's
}


def git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True)
    return done.stdout


def commit(root: Path, message: str = "change") -> None:
    git(root, "add", "-A")
    git(root, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", message)


def write(root: Path, files: dict[str, str]) -> None:
    for path, text in files.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")


def repository(tmp_path: Path, *, links: bool = True) -> Path:
    """The base instance with ``COMMITTED`` and, with ``links``, a link to a file and one to a folder, committed."""
    root = build_instance(tmp_path / "instance")
    git(root, "init", "-q", "-b", "main")
    write(root, COMMITTED)
    if links:
        (root / "catalogs/gongan/link.yaml").symlink_to("101002-000001.yaml")
        (root / "catalogs/gongan/folder-link.yaml").symlink_to("../../grants/2026/linked-folder")
    commit(root, "catalog")
    return root


def conflict(root: Path, path: str = "catalogs/gongan/short.yml") -> str:
    """``path`` changed on two branches and merged: unmerged, with three stages in the index."""
    git(root, "checkout", "-q", "-b", "other")
    write(root, {path: "x: other\n"})
    commit(root)
    git(root, "checkout", "-q", "main")
    write(root, {path: "x: main\n"})
    commit(root)
    with contextlib.suppress(subprocess.CalledProcessError):  # the merge stops at the conflict
        git(root, "merge", "-q", "other")
    return path


def messy(root: Path) -> None:
    """Every state at once: removed, modified, untracked, ignored, sparse, assumed unchanged,
    a file become a folder, links to files and folders, hidden files, temporaries."""
    (root / ".gitignore").write_text("*.ign.yaml\ncatalogs/ignored-folder/\n*.tmp\n", encoding="utf-8")
    (root / "catalogs/gongan/gone.yaml").unlink()
    with (root / "catalogs/gongan/101002-000001.yaml").open("a", encoding="utf-8") as file:
        file.write("\n")
    git(
        root,
        "update-index",
        "--skip-worktree",
        "catalogs/gongan/sparse-absent.yaml",
        "catalogs/gongan/sparse-present.yaml",
    )
    (root / "catalogs/gongan/sparse-absent.yaml").unlink()
    (root / "catalogs/gongan/sparse-present.yaml").write_text("x: changed\n", encoding="utf-8")
    git(root, "update-index", "--assume-unchanged", "catalogs/gongan/assumed.yaml")
    (root / "catalogs/gongan/assumed.yaml").write_text("x: assumed\n", encoding="utf-8")
    (root / "catalogs/gongan/became-folder.yaml").unlink()
    write(root, UNTRACKED)
    (root / "catalogs/gongan/untracked-folder-link.yaml").symlink_to("../ignored-folder")
