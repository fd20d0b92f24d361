"""What a run of ``validate`` reads besides the files' contents: git's listing of the instance
(started by the caller, or here), the instance's files from it (or from a walk), the validation
cache of this context, read while git lists, and each file's content id.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from govdata.diagnostics import Diagnostic
from govdata.instance import Instance, InstanceFiles, scan, sort_listing, start_listing
from govdata.io.transaction import CACHE_FOLDER
from govdata.validation.blobs import GitIndex, IndexListing, content_ids, tracked_under
from govdata.validation.cache import ResultCache, context_key
from govdata.validation.jobs import REGISTRY_PATHS
from govdata.validation.layout import committed_cache
from govdata.validation.loading import Reader


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


def instance_files(root: Path, index: GitIndex | None) -> InstanceFiles:
    """The instance's files and leftover temporaries: from git's listing where it lists them as a
    walk would, else from one walk."""
    worktree = index.worktree if index is not None else None
    return scan(root) if worktree is None else sort_listing(root, worktree)


def usable(
    cache: ResultCache | None,
    index: GitIndex | None,
    paths: list[str],
    read: Reader,
    diagnostics: list[Diagnostic],
) -> tuple[ResultCache | None, dict[str, str]]:
    """The cache and every file's content id; none without the cache, and none when the cache
    was committed, which could carry forged results into CI: it is not used, and named in
    ``diagnostics`` (fail closed). (It was read already, beside git's listing: reading a forged
    file runs no code, marshal; at worst it is damaged, which is no cache.)"""
    if cache is None or index is None:
        return None, {}
    if committed := tracked_under(index, CACHE_FOLDER):
        diagnostics.append(committed_cache(committed[0]))
        return None, {}
    return cache, content_ids(paths, read, index)
