"""What a run of ``validate`` reads besides the files' contents: git's listing of the instance
(started by the caller, or here), the instance's files from it (or from a walk), the validation
cache of this context, read while git lists, and each file's content id.

When the cache's main file keeps the listing it was written from (``main_file.Base``), git's
listing is told against it (``blobs.IndexListing.since``): the files are the main file's own
paths with the few that git says changed put right, and only those get a content id and a
look-up, so a pull request's re-check makes no dictionary of 100,000 paths.
"""

from __future__ import annotations

import contextlib
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import partial
from itertools import chain, filterfalse
from pathlib import Path

from govdata.diagnostics import Diagnostic
from govdata.instance import Instance, InstanceFiles, scan, sort_listing, start_listing
from govdata.io.transaction import CACHE_FOLDER
from govdata.validation.blobs import GitChanges, GitIndex, IndexListing, content_ids, tracked_under
from govdata.validation.cache import ResultCache, context_key
from govdata.validation.jobs import REGISTRY_PATHS
from govdata.validation.layout import committed_cache
from govdata.validation.loading import Reader
from govdata.validation.main_file import Base, MainFile


@contextlib.contextmanager
def git_listing(instance: Instance, started: IndexListing | None, wanted: bool) -> Iterator[IndexListing | None]:
    """git's listing of the instance when the cache is wanted: the caller's (``started``), else one of our own."""
    if not wanted or started is not None:
        yield started if wanted else None
        return
    with start_listing(instance.root) as listing:
        yield listing


def open_cache(instance: Instance, read: Reader) -> ResultCache | None:
    """The cache of this context: the code, ``govdata.yaml`` and the registries (at their
    paths, known before any file is listed)."""
    try:
        config = instance.config_path.read_bytes()
        registries: dict[str, bytes] = {}
        for path in REGISTRY_PATHS:
            with contextlib.suppress(FileNotFoundError):
                registries[path] = read(path)
        context = context_key(config, registries)
    except OSError:
        return None
    return ResultCache(instance.root, context)


@dataclass(frozen=True)
class FileSet:
    """The instance's files, and what git said of them."""

    found: InstanceFiles  # every file, and the leftover temporaries
    # The files that may need a job: every file, or after a change set all but the main
    # file's resources without findings that git says are unchanged (most of them).
    candidates: list[str]
    index: GitIndex | None  # git's index: of every file, or of the ``touched`` paths alone
    touched: frozenset[str] | None  # after a change set: the paths that may differ from the main file

    @property
    def keepable(self) -> bool:
        """Whether a main file written from this run may keep its listing: git vouched for
        every file (``GitIndex.listing``), and none was untracked or a leftover temporary."""
        index, found = self.index, self.found
        if index is None or index.listing is None or found.temporaries:
            return False
        return not any(map(partial(_holds, found.files), index.untracked))  # a look-up per untracked path

    def base(self, saved: set[str]) -> Base | None:
        """What a main file holding the results of the ``saved`` paths keeps of this
        ``keepable`` run's listing: nothing unless every saved path is one of the files."""
        assert self.index is not None and self.index.listing is not None
        files = set(self.found.files)
        return Base(self.index.listing, tuple(sorted(files - saved))) if saved <= files else None


def _holds(ordered: list[str], path: str) -> bool:
    """Whether the sorted list ``ordered`` holds ``path``."""
    position = bisect_left(ordered, path)
    return position < len(ordered) and ordered[position] == path


def list_files(root: Path, listing: IndexListing | None, cache: ResultCache | None) -> FileSet:
    """The instance's files: since the main file's listing where it keeps one and git can
    tell, else from git's whole listing, else from one walk."""
    main = cache.main if cache is not None else None
    if listing is not None and main is not None and main.base is not None:
        changes = listing.since(main.base.listing)
        if changes is not None:
            return _since(root, changes, main, main.base)
    index = listing.result() if listing is not None else None
    worktree = index.worktree if index is not None else None
    found = scan(root) if worktree is None else sort_listing(root, worktree)
    return FileSet(found, found.files, index, None)


def _since(root: Path, changes: GitChanges, main: MainFile, base: Base) -> FileSet:
    """The files: the main file's paths and the base's other files, less those git touched,
    and the touched ones that are there now."""
    assert changes.index.worktree is not None  # ``since`` gives none without it
    present = sort_listing(root, changes.index.worktree)
    skip = changes.touched.union(present.files)
    files = sorted([*filterfalse(skip.__contains__, chain(main.paths, base.extras)), *present.files])
    with_findings = [main.paths[position] for position in main.others]
    candidates = sorted({*present.files, *filterfalse(skip.__contains__, chain(base.extras, with_findings))})
    return FileSet(InstanceFiles(files, present.temporaries), candidates, changes.index, changes.touched)


class ContentIds(Mapping[str, str]):
    """Every file's content id after a change set: the main file's for the paths git did not
    touch, else the one found this run (``explicit``)."""

    def __init__(self, explicit: dict[str, str], main: MainFile, touched: frozenset[str]) -> None:
        self._explicit, self._main, self._touched = explicit, main, touched

    def __getitem__(self, path: str) -> str:
        if path in self._explicit:
            return self._explicit[path]
        if path in self._touched or (blob := self._main.blob(path)) is None:
            raise KeyError(path)
        return blob

    def __iter__(self) -> Iterator[str]:
        unchanged = filterfalse(self._touched.__contains__, self._main.paths)
        return chain(self._explicit, filterfalse(self._explicit.__contains__, unchanged))

    def __len__(self) -> int:
        return sum(1 for _ in self)


def usable(
    cache: ResultCache | None, listed: FileSet, read: Reader, diagnostics: list[Diagnostic]
) -> tuple[ResultCache | None, Mapping[str, str]]:
    """The cache and every file's content id; none without the cache, and none when the cache
    was committed, which could carry forged results into CI: it is not used, and named in
    ``diagnostics`` (fail closed). (It was read already, beside git's listing: reading a forged
    file runs no code, marshal; at worst it is damaged, which is no cache.)"""
    index = listed.index
    if cache is None or index is None:
        return None, {}
    if committed := tracked_under(index, CACHE_FOLDER):
        diagnostics.append(committed_cache(committed[0]))
        return None, {}
    if listed.touched is None:
        return cache, content_ids(listed.found.files, read, index)
    main, touched = cache.main, listed.touched
    unknown = [path for path in listed.candidates if path in touched or main.blob(path) is None]
    return cache, ContentIds(content_ids(unknown, read, index), main, touched)
