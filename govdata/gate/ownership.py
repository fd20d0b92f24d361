"""Whose approval a changed file needs, by its kind: one table, so new kinds plug in by one line.

The file's *owner* is the department the ownership rules (read from the BASE registry, the same
rules as CODEOWNERS) give it, leaving the authority aside; where no department owns it, the
owner is the authority. Per kind, a change to the file needs:

- ``OWNER``: its department (the semantic diff adds the authority for each change that needs it);
- ``AUTHORITY``: the authority alone (registries, configuration, schemas, CI and repository files);
- ``OWNER_AND_AUTHORITY``: both — for what the gate cannot read: a kind it does not know, a
  binary, a symlink or submodule, a path outside the instance's folders (fail closed).
"""

from __future__ import annotations

from enum import StrEnum

from govdata.generate.codeowners import OwnershipRule, owners_of
from govdata.model.kinds import kind_of


class Need(StrEnum):
    OWNER = "owner"
    AUTHORITY = "authority"
    OWNER_AND_AUTHORITY = "owner+authority"


# Pseudo-kinds for what is no catalog document.
UNREADABLE = "unreadable"  # a symlink or submodule
UNKNOWN = "unknown"  # no file kind of govdata matches the path
REPOSITORY = "repository"  # outside the instance folder

# File kind name (govdata.model.kinds) → whose approval a change to such a file needs.
# A kind missing from this table is treated as UNKNOWN: owner and authority.
NEEDS_BY_KIND: dict[str, Need] = {
    "config": Need.AUTHORITY,
    "departments": Need.AUTHORITY,
    "legal-bases": Need.AUTHORITY,
    "classification": Need.AUTHORITY,
    "resource": Need.OWNER,
    "demands": Need.OWNER,
    "grant": Need.OWNER,
    "responsibility": Need.OWNER,
    # A department keeps its own security records (Art. 51-52); project lists and their approval
    # and acceptance are the authority's record (Art. 56).
    "security": Need.OWNER,
    "project": Need.AUTHORITY,
    # A case has no department folder: its owner is the party that may record the event the
    # change adds (govdata.cases.ownership, carried by the diff as the change's department).
    "case": Need.OWNER,
    # How the hub's access logs map to the audit's format: the authority runs the audit (Art. 28).
    "audit-mapping": Need.AUTHORITY,
    REPOSITORY: Need.AUTHORITY,
    UNREADABLE: Need.OWNER_AND_AUTHORITY,
    UNKNOWN: Need.OWNER_AND_AUTHORITY,
}


def file_kind(path: str, prefix: str, special: dict[str, str]) -> str:
    """The kind name of a repository-relative ``path``; ``special`` holds repository paths that are symlinks …"""
    if path in special:
        return UNREADABLE
    if not path.startswith(prefix):
        return REPOSITORY
    inner = path[len(prefix) :]
    kind = kind_of(inner)
    return kind.name if kind is not None else UNKNOWN


def owner_of(path: str, rules: list[OwnershipRule], authority: str) -> str:
    """The department owning ``path`` (repository-relative), or the authority when none does."""
    return next((code for code in owners_of(path, rules) if code != authority), authority)


def parties(kind: str, owner: str, authority: str) -> tuple[str, ...]:
    """Department codes whose approval a change to a file of ``kind`` needs (each one, not any one)."""
    need = NEEDS_BY_KIND.get(kind, Need.OWNER_AND_AUTHORITY)
    if need is Need.AUTHORITY:
        return (authority,)
    if need is Need.OWNER:
        return (owner,)
    return tuple(dict.fromkeys((owner, authority)))
