"""git's listing of an instance's files is what a walk finds, in every state a working tree can
be in (``validation.blobs._worktree``, ``instance.sort_listing``); where git lists less than
the walk (a nested repository, a submodule) it says so and ``validate`` walks instead.

The repositories are real: each state is made with git itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from govdata.instance import InstanceFiles, open_instance, scan, sort_listing
from govdata.validation.blobs import IndexListing, blob_id, content_ids
from govdata.validation.engine import validate
from tests.conftest import build_instance
from tests.engine.working_trees import FOLDERS, commit, conflict, git, messy, repository, write


def _listed(root: Path) -> InstanceFiles | None:
    with IndexListing(root, FOLDERS) as listing:
        worktree = listing.result().worktree
    return None if worktree is None else sort_listing(root, worktree)


def test_every_state_of_a_working_tree_is_listed_as_the_walk_lists_it(tmp_path: Path) -> None:
    root = repository(tmp_path)
    assert _listed(root) == scan(root)
    messy(root)
    walked = scan(root)
    assert _listed(root) == walked
    # The states the test sets out to make are there, so the comparison covers them.
    assert {"catalogs/gongan/new.yaml", "catalogs/gongan/secret.ign.yaml", "catalogs/ignored-folder/a.yaml"} <= set(
        walked.files
    )
    assert {"catalogs/gongan/sparse-present.yaml", "catalogs/gongan/became-folder.yaml/inside.yaml"} <= set(
        walked.files
    )
    assert {"catalogs/gongan/link.yaml", "catalogs/gongan/UPPER.YAML", "catalogs/gongan/short.yml"} <= set(walked.files)
    assert not {"catalogs/gongan/gone.yaml", "catalogs/gongan/sparse-absent.yaml", "docs/outside.yaml"} & set(
        walked.files
    )
    assert not {"catalogs/gongan/folder-link.yaml", "catalogs/gongan/untracked-folder-link.yaml"} & set(walked.files)
    assert len(walked.temporaries) == 3


def test_git_vouches_only_for_what_it_has_compared(tmp_path: Path) -> None:
    """A file marked assume-unchanged or skip-worktree is not compared by git: its id is hashed."""
    root = repository(tmp_path)
    messy(root)
    with IndexListing(root, FOLDERS) as listing:
        index = listing.result()
    assert index.worktree is not None
    paths = sort_listing(root, index.worktree).files
    ids = content_ids(paths, lambda path: (root / path).read_bytes(), index)
    for path in (
        "catalogs/gongan/assumed.yaml",
        "catalogs/gongan/sparse-present.yaml",
        "catalogs/gongan/101002-000001.yaml",
    ):
        assert path not in index.ids
        assert ids[path] == blob_id((root / path).read_bytes())
    assert ids["catalogs/gongan/short.yml"] == index.ids["catalogs/gongan/short.yml"]  # vouched for


def test_a_conflicted_file_is_listed_once_and_hashed(tmp_path: Path) -> None:
    root = repository(tmp_path)
    path = conflict(root)
    assert len(git(root, "ls-files", "-s", "--", path).splitlines()) == 3  # unmerged: three stages
    with IndexListing(root, FOLDERS) as listing:
        index = listing.result()
    assert index.worktree is not None and index.worktree.count(path) == 1
    assert sort_listing(root, index.worktree) == scan(root)
    assert path not in index.ids


@pytest.mark.parametrize("nesting", ["repository", "submodule"])
def test_where_git_lists_less_than_the_walk_it_says_so_and_validate_walks(tmp_path: Path, nesting: str) -> None:
    root = repository(tmp_path)
    inner = root / "catalogs/gongan/inner"
    write(root, {"catalogs/gongan/inner/101002-000077.yaml": "x: 1\n"})
    git(inner, "init", "-q")
    if nesting == "submodule":  # a gitlink in the index, as `git submodule add` leaves it
        commit(inner, "inner")
        head = git(inner, "rev-parse", "HEAD").strip()
        git(root, "update-index", "--add", "--cacheinfo", f"160000,{head},catalogs/gongan/inner")
    assert _listed(root) is None
    cached = validate(open_instance(root))
    assert cached.files_checked == validate(open_instance(root), use_cache=False).files_checked == len(scan(root).files)
    assert "catalogs/gongan/inner/101002-000077.yaml" in scan(root).files


def test_outside_git_validate_walks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = build_instance(tmp_path / "instance")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    assert _listed(root) is None
    assert validate(open_instance(root)).files_checked == len(scan(root).files)


def test_a_messy_working_tree_is_reported_alike_with_and_without_the_cache(tmp_path: Path) -> None:
    root = repository(tmp_path)
    messy(root)
    findings = [
        [f"{d.location} {d.rule_id} {d.message.en}" for d in validate(open_instance(root), use_cache=use).diagnostics]
        for use in (True, True, False)
    ]
    assert findings[0] == findings[1] == findings[2]
    assert any("temporary file left by an interrupted write" in finding for finding in findings[0])
    assert any("does not know a file kind" in finding for finding in findings[0])


@pytest.mark.parametrize("flag", ["--assume-unchanged", "--skip-worktree"])
def test_an_edit_git_was_told_not_to_look_at_is_still_checked(tmp_path: Path, flag: str) -> None:
    """git reports no modification of such a file, and its index id is stale: trusting it
    would give the old content's cached result (fail open)."""
    root = repository(tmp_path)
    resource = "catalogs/gongan/101002-000001.yaml"
    validate(open_instance(root))  # the cache now holds the clean file's result
    git(root, "update-index", flag, resource)
    with (root / resource).open("a", encoding="utf-8") as file:
        file.write("no_such_field: 1\n")
    warm, cold = (validate(open_instance(root), use_cache=use) for use in (True, False))
    assert [str(d.location) for d in warm.diagnostics] == [str(d.location) for d in cold.diagnostics]
    assert any(d.location.path == resource for d in warm.diagnostics)
    again = validate(open_instance(root))
    assert warm.files_from_cache == again.files_from_cache - 2  # all but the edited file and the link to it
