"""``kind_of`` and ``kinds_of`` try resources first, then only the kinds of a path's folder; they
must agree with trying every kind."""

from __future__ import annotations

import re
import subprocess

from govdata.model.kinds import FILE_KINDS, FileKind, kind_of, kinds_of
from govdata.validation.jobs import REGISTRY_KINDS, REGISTRY_PATHS
from tests.conftest import REPO_ROOT


def _every_kind(path: str) -> FileKind | None:
    return next((kind for kind in FILE_KINDS if kind.matches(path)), None)


def _tracked_at_every_depth() -> set[str]:
    """Every tracked YAML file, each at every depth (fixtures hold instances in subfolders)."""
    tracked = subprocess.run(
        ["git", "-C", str(REPO_ROOT), "ls-files", "*.yaml", "*.yml"], check=True, capture_output=True, text=True
    ).stdout.split()
    return {"/".join(p.split("/")[i:]) for p in tracked for i in range(p.count("/") + 1)}


def test_kind_of_agrees_with_trying_every_kind() -> None:
    paths = _tracked_at_every_depth()  # and odd names:
    paths |= {"govdata.yaml", "GOVDATA.yaml", "catalogs/x/demands.yaml", "catalogs/demands.yaml", "cases/26/x.yaml"}
    paths |= {"registry/x.yaml", "audit/a/b.yaml", "x/catalogs/a/b.yaml", "catalogs//b.yaml", ""}
    assert sum(1 for p in paths if _every_kind(p) is not None) > 200
    for path in paths:
        assert kind_of(path) is _every_kind(path), path
    ordered = sorted(paths)
    assert list(kinds_of(ordered).items()) == [(path, _every_kind(path)) for path in ordered]


def test_the_kind_patterns_are_disjoint() -> None:
    """Why trying resources first is sound: no path has two kinds."""
    for path in _tracked_at_every_depth():
        assert sum(kind.matches(path) for kind in FILE_KINDS) <= 1, path


def test_every_kind_pattern_starts_with_its_folder_written_out() -> None:
    for kind in FILE_KINDS:
        folder = kind.path_pattern.pattern.split("/", 1)[0]
        assert "/" not in kind.path_pattern.pattern or folder.isidentifier() or folder.isalpha(), kind.name


def test_each_registry_has_one_path_written_out() -> None:
    """``validate`` reads the registries for the cache's context before it lists any file, at
    the one path each may have (``jobs.REGISTRY_PATHS``)."""
    assert len(REGISTRY_PATHS) == len(REGISTRY_KINDS) == 3
    for path, kind in zip(REGISTRY_PATHS, REGISTRY_KINDS, strict=True):
        assert kind.path_pattern.pattern == re.escape(path).replace("\\-", "-")  # nothing but this path
        assert kind_of(path) is kind
