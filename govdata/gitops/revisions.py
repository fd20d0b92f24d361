"""Turning what a user types (``main``, ``A..B``, ``A...B``, nothing) into the two sides of a diff."""

from __future__ import annotations

from dataclasses import dataclass

from govdata.gitops.repo import Repository

WORKTREE_LABEL = "工作区/worktree"


@dataclass(frozen=True)
class Range:
    base: str  # commit id
    head: str | None  # commit id; None is the working tree
    base_label: str
    head_label: str


def _label(name: str, sha: str) -> str:
    return sha[:10] if name == sha else f"{name} ({sha[:10]})"


def resolve_range(repo: Repository, base: str | None, head: str | None, main: str | None = None) -> Range:
    """The diff range. Defaults: base is the merge base of the main branch and HEAD, head is the
    working tree. ``A..B`` is the same as ``A B``; ``A...B`` compares B with its merge base with A.
    """
    if base is not None and head is None and ".." in base:
        left, dots, right = base.partition("...") if "..." in base else base.partition("..")
        left, right = left or "HEAD", right or "HEAD"
        head_sha = repo.resolve(right)
        base_sha = repo.merge_base(left, right) if dots == "..." else repo.resolve(left)
        return Range(base_sha, head_sha, _label(left, base_sha), _label(right, head_sha))
    if base is None:
        branch = main or repo.main_branch()
        base_sha = repo.merge_base(repo.resolve(branch), repo.resolve("HEAD"))
        base_label = _label(f"merge-base({branch})", base_sha)
    else:
        base_sha = repo.resolve(base)
        base_label = _label(base, base_sha)
    if head is None:
        return Range(base_sha, None, base_label, WORKTREE_LABEL)
    head_sha = repo.resolve(head)
    return Range(base_sha, head_sha, base_label, _label(head, head_sha))
