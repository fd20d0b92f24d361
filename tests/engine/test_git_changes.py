"""A re-check told against the listing the cache's main file was written from
(``blobs.IndexListing.since``, ``listing.list_files``): in every state a working tree can reach
from a clean checkout, the files are those a walk finds, every content id is the file's own,
and the findings are those of a run without the cache.

The main file keeps its listing only when git vouched for every file (``FileSet.base``); the
states below each start from such a file, and the test checks that the change set was used,
so a fallback to the whole listing cannot pass for it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from govdata.instance import open_instance, scan, start_listing
from govdata.io.tree import WorkingTree
from govdata.validation.blobs import blob_id
from govdata.validation.cache import FOLDER as CACHE_FOLDER
from govdata.validation.engine import validate
from govdata.validation.listing import FileSet, list_files, open_cache, usable
from govdata.validation.main_file import read_main
from tests.engine.working_trees import UNTRACKED, commit, conflict, git, messy, repository, write

RESOURCE = "catalogs/gongan/101002-000001.yaml"
COPIES = 6  # resources without findings beside the base instance's one: most files come from the cache


def _clean_repository(tmp_path: Path) -> Path:
    """A committed instance without links, so that git vouches for every file."""
    root = repository(tmp_path, links=False)
    text = (root / RESOURCE).read_text(encoding="utf-8")
    write(root, {f"catalogs/gongan/101002-00010{n}.yaml": text.replace("000001", f"00010{n}") for n in range(COPIES)})
    write(root, {".gitignore": f"{CACHE_FOLDER}/\n"})  # as ``govdata init`` writes it: commits leave the cache out
    commit(root, "resources")
    return root


def _main_file(root: Path) -> Path:
    [main] = [path for path in (root / CACHE_FOLDER).glob("validate-*.marshal") if ".recent." not in path.name]
    return main


def _main_base(root: Path) -> object:
    return read_main(_main_file(root)).base


def _listed(root: Path) -> tuple[FileSet, dict[str, str]]:
    instance = open_instance(root)
    read = WorkingTree(root)
    cache = open_cache(instance, read)
    with start_listing(root) as listing:
        listed = list_files(root, listing, cache)
    _, ids = usable(cache, listed, read, [])
    return listed, dict(ids)


def _findings(root: Path, *, use_cache: bool, keep_models: bool = False) -> list[str]:
    result = validate(open_instance(root), use_cache=use_cache, keep_models=keep_models)
    codes = sorted(document.path for document in result.catalog.resources) if keep_models else []
    return [f"{d.location} {d.rule_id} {d.message.en}" for d in result.diagnostics] + [
        str(result.files_checked),
        *codes,
    ]


def _own_ids(root: Path, files: list[str]) -> dict[str, str]:
    ids = {}
    for path in files:
        if os.path.isfile(root / path):  # a broken link has none
            ids[path] = blob_id((root / path).read_bytes())
    return ids


def _edit(root: Path, path: str = RESOURCE, text: str = "no_such_field: 1\n") -> None:
    with (root / path).open("a", encoding="utf-8") as file:
        file.write(text)


def _branch(root: Path) -> None:
    """Another branch checked out: entries of the index changed, added and gone."""
    git(root, "checkout", "-q", "-b", "other")
    _edit(root)
    (root / "catalogs/gongan/101002-000100.yaml").unlink()
    write(root, {"catalogs/gongan/added.yaml": "x: 3\n"})
    commit(root)


def _flagged(flag: str, absent: bool = False) -> Callable[[Path], None]:
    def state(root: Path) -> None:
        git(root, "update-index", flag, RESOURCE)
        if absent:
            (root / RESOURCE).unlink()
        else:
            _edit(root)

    return state


def _renamed(root: Path) -> None:
    git(root, "mv", "catalogs/gongan/101002-000101.yaml", "catalogs/gongan/101002-000199.yaml")


def _reverted(root: Path) -> None:
    """Edited, checked (the recent file holds the edit), then put back as committed."""
    _edit(root)
    validate(open_instance(root))
    git(root, "checkout", "--", RESOURCE)


def _became_folder(root: Path) -> None:
    (root / "catalogs/gongan/became-folder.yaml").unlink()
    write(root, {"catalogs/gongan/became-folder.yaml/inside.yaml": "x: 2\n"})


STATES: dict[str, Callable[[Path], None]] = {
    "edited": _edit,
    "edited and staged": lambda root: (_edit(root), git(root, "add", RESOURCE)),
    "edited and committed": lambda root: (_edit(root), commit(root)),
    "removed": lambda root: (root / RESOURCE).unlink(),
    "removed from git": lambda root: git(root, "rm", "-q", RESOURCE),
    "untracked and ignored": lambda root: write(root, {p: t for p, t in UNTRACKED.items() if "became-folder" not in p}),
    "added": lambda root: (write(root, {"catalogs/gongan/new.yaml": "x: 2\n"}), git(root, "add", "-A")),
    "renamed": _renamed,
    "assumed unchanged, edited": _flagged("--assume-unchanged"),
    "skip-worktree, edited": _flagged("--skip-worktree"),
    "skip-worktree, absent": _flagged("--skip-worktree", absent=True),
    "linked": lambda root: (root / "catalogs/gongan/link.yaml").symlink_to("101002-000001.yaml"),
    "link committed": lambda root: (
        (root / "catalogs/gongan/link.yaml").symlink_to("101002-000001.yaml"),
        commit(root),
    ),
    "file became folder": _became_folder,
    "conflict": conflict,
    "another branch": _branch,
    "edit put back": _reverted,
    "every state at once": messy,
}


@pytest.mark.parametrize("state", list(STATES))
def test_a_change_set_lists_checks_and_reports_as_the_whole_listing(tmp_path: Path, state: str) -> None:
    root = _clean_repository(tmp_path)
    validate(open_instance(root))
    assert _main_base(root) is not None  # git vouched for every file: the listing is kept
    STATES[state](root)
    listed, ids = _listed(root)
    assert listed.touched is not None  # told against the main file's listing, not listed whole
    assert listed.found == scan(root)
    assert ids == _own_ids(root, listed.found.files)
    assert _findings(root, use_cache=True) == _findings(root, use_cache=False)
    assert _findings(root, use_cache=True) == _findings(root, use_cache=False)  # and from what that run saved
    # Publishing and evaluation keep every resource's model, those from the cache too.
    assert _findings(root, use_cache=True, keep_models=True) == _findings(root, use_cache=False, keep_models=True)


def test_an_edit_is_found_and_every_other_file_comes_from_the_cache(tmp_path: Path) -> None:
    root = _clean_repository(tmp_path)
    cold = validate(open_instance(root))
    _edit(root)
    warm = validate(open_instance(root))
    assert any(d.location.path == RESOURCE for d in warm.diagnostics)
    assert not any(d.location.path == RESOURCE for d in cold.diagnostics)
    again = validate(open_instance(root))
    assert warm.files_from_cache == again.files_from_cache - 1  # all but the edited file, then that too
    assert again.files_from_cache == cold.files_checked - 3 - 3  # all but the config, the two registries
    # and the three files of no kind (two misnamed extensions, a grant in the wrong place)


@pytest.mark.parametrize(
    ("state", "why"),
    [
        (_edit, "a file modified"),
        (lambda root: write(root, {"catalogs/gongan/new.yaml": "x: 2\n"}), "an instance file untracked"),
        (lambda root: write(root, {"catalogs/gongan/.x.yaml.k2j3h4.govdata.tmp": "x\n"}), "a leftover temporary"),
        (_flagged("--assume-unchanged"), "a file git was told not to look at"),
        (lambda root: (root / "catalogs/gongan/link.yaml").symlink_to("101002-000001.yaml"), "a link"),
    ],
)
def test_a_listing_git_did_not_vouch_for_is_not_kept(tmp_path: Path, state: Callable[[Path], None], why: str) -> None:
    root = _clean_repository(tmp_path)
    state(root)
    validate(open_instance(root))
    assert _main_base(root) is None, why
    listed, _ = _listed(root)
    assert listed.touched is None  # the next run lists every file


def test_when_many_files_changed_the_whole_listing_is_read(tmp_path: Path) -> None:
    root = _clean_repository(tmp_path)
    write(root, {f"catalogs/bulk/{n}.yaml": f"x: {n}\n" for n in range(70)})  # more than ``blobs._FEW_CHANGES``
    commit(root)
    validate(open_instance(root))
    git(root, "rm", "-r", "-q", "catalogs/bulk")
    listed, ids = _listed(root)
    assert listed.touched is None
    assert ids == _own_ids(root, listed.found.files)
    assert _findings(root, use_cache=True) == _findings(root, use_cache=False)


def test_a_nested_repository_since_the_listing_is_walked(tmp_path: Path) -> None:
    root = _clean_repository(tmp_path)
    validate(open_instance(root))
    write(root, {"catalogs/gongan/inner/101002-000077.yaml": "x: 1\n"})
    git(root / "catalogs/gongan/inner", "init", "-q")
    listed, _ = _listed(root)
    assert listed.touched is None and listed.found == scan(root)
    assert _findings(root, use_cache=True) == _findings(root, use_cache=False)


NEW = "catalogs/gongan/new.yaml"
TEMPORARY = "catalogs/gongan/.101002-000001.yaml.k2j3h4.govdata.tmp"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (lambda root: write(root, {NEW: "x: 2\n"}), lambda root: (root / NEW).unlink()),  # untracked, then gone
        (lambda root: (write(root, {TEMPORARY: "x\n"}), git(root, "add", "-f", TEMPORARY)), lambda root: None),
    ],
    ids=["an untracked file removed", "a temporary committed by mistake"],
)
def test_what_the_cache_was_written_beside_is_seen_on_the_next_run(
    tmp_path: Path, before: Callable[[Path], None], after: Callable[[Path], None]
) -> None:
    root = _clean_repository(tmp_path)
    before(root)
    validate(open_instance(root))
    after(root)
    assert _findings(root, use_cache=True) == _findings(root, use_cache=False)


def test_a_cache_written_beside_an_edit_keeps_the_listing_of_the_next_clean_run(tmp_path: Path) -> None:
    root = _clean_repository(tmp_path)
    _edit(root)
    validate(open_instance(root))
    assert _main_base(root) is None
    written = _main_file(root).stat()
    _edit(root, "catalogs/gongan/101002-000100.yaml")  # a result to save, from a run whose listing cannot be kept
    validate(open_instance(root))
    assert list((root / CACHE_FOLDER).glob("*.recent.marshal"))  # saved beside the main file,
    assert _main_file(root).stat().st_mtime_ns == written.st_mtime_ns  # which is not written again
    git(root, "checkout", "--", ".")
    validate(open_instance(root))  # clean: the main file is written once more, with the listing
    assert _main_base(root) is not None
    _edit(root)
    listed, _ = _listed(root)
    assert listed.touched is not None
    assert _findings(root, use_cache=True) == _findings(root, use_cache=False)
