"""The gate's decision: every approval the change needs, and which of them are still missing.

Inputs, all read at BASE except the change itself: the semantic diff (BASE…HEAD), the
ownership rules and registry of BASE, the author, and the approvals that count (see
:mod:`govdata.gate.approvals`). Each changed file needs its owner per :mod:`govdata.gate.ownership`;
each change the diff classes as authority-level needs the authority. The authority's approval
never comes from a maintainer of the department whose file it is (the applicant of a grant,
the provider of a resource), whatever handles that department lists.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from govdata.gate.approvals import Ignored
from govdata.gate.ownership import file_kind, owner_of, parties
from govdata.gate.teams import Directory
from govdata.generate.codeowners import OwnershipRule
from govdata.gitops.changes import ChangeKind
from govdata.gitops.compare import DiffResult
from govdata.gitops.review import Level
from govdata.i18n import Text

_OWNER_REASON = Text("改动的文件归该部门维护，须其维护人批准", "the changed file is this department's to approve")
_AUTHORITY_FILE = Text(
    "此文件由数据主管部门维护（名录、配置、数据规范、CI 与仓库文件）",
    "the authority keeps this file (registries, configuration, schemas, CI and repository files)",
)
_UNREADABLE_FILE = Text(
    "govdata 无法识别或读取此文件，按最严格的审批处理：所属部门和数据主管部门均须批准",
    "govdata cannot recognise or read this file, so it needs the strictest approval: its owner and the authority",
)


@dataclass(frozen=True, slots=True)
class Requirement:
    """One approval the change needs: from ``party`` (a department code), for ``what`` in ``path``."""

    party: str
    path: str  # repository-relative
    line: int | None
    what: Text | None  # the change; None for the file as a whole
    reason: Text
    excluded: str | None = None  # a department whose maintainers cannot give this approval


@dataclass
class GateResult:
    author: str
    head: str
    approvers: list[str]  # handles whose approval counts
    ignored: list[Ignored]
    requirements: list[Requirement]
    missing: list[Requirement]
    authority: str
    names: dict[str, str] = field(default_factory=dict)  # code → department name
    handles: dict[str, list[str]] = field(default_factory=dict)  # code → maintainers as registered
    unexpanded: dict[str, list[str]] = field(default_factory=dict)  # code → team handles not expanded

    @property
    def mergeable(self) -> bool:
        return not self.missing


# Changes that stand for a whole file, already covered by the file's own requirement.
_WHOLE_FILE = frozenset({ChangeKind.FILE_CHANGED, ChangeKind.FILE_UNREADABLE})
_SETTLED_AT_BASE = Text(
    "此授权在合并目标（BASE）中已不是申请中：其内容由数据主管部门决定",
    "this grant is no longer a pending request at BASE: what it says is the authority's decision",
)


def requirements(
    diff: DiffResult,
    changed: Iterable[str],
    rules: list[OwnershipRule],
    authority: str,
    special: dict[str, str],
    settled: frozenset[str] = frozenset(),
) -> list[Requirement]:
    """Every approval the change needs; ``changed`` are repository-relative paths.

    ``settled`` are ids of grants that are not pending requests at BASE: a pull request that
    forked while a grant was pending must not edit it once the authority has decided it.
    """
    needed: list[Requirement] = []
    # Files the diff already describes as a whole for the authority (a symlink, an unknown kind):
    # that line says more than the file's, so the file's own authority line is left out.
    described = {
        diff.prefix + e.location.path
        for e in diff.entries
        if e.change.kind in _WHOLE_FILE and e.review.level is Level.AUTHORITY
    }
    for path in sorted(changed):
        kind = file_kind(path, diff.prefix, special)
        for owner in _owners(diff, path, kind, rules, authority):
            for party in parties(kind, owner, authority):
                if party == authority and path in described:
                    continue
                if party != authority:
                    reason = _OWNER_REASON
                else:
                    reason = _AUTHORITY_FILE if owner == authority else _UNREADABLE_FILE
                needed.append(Requirement(party, path, None, None, reason, owner if party != owner else None))
    for entry in diff.entries:
        decided = entry.change.kind is ChangeKind.GRANT_CHANGED and entry.change.subject in settled
        if entry.review.level is not Level.AUTHORITY and not decided:
            continue
        path = diff.prefix + entry.location.path
        owner = owner_of(path, rules, authority)
        reason = entry.review.reason or (_SETTLED_AT_BASE if decided else _AUTHORITY_FILE)
        excluded = owner if owner != authority else None
        needed.append(Requirement(authority, path, entry.location.line, entry.text, reason, excluded))
    return list(dict.fromkeys(needed))


def _owners(diff: DiffResult, path: str, kind: str, rules: list[OwnershipRule], authority: str) -> list[str]:
    """The departments owning ``path``: from the ownership rules, or for a case, from its changes.

    A case file lives under ``cases/<year>/``, which no department owns; each event it gains is
    owned by the party the cases' ownership table names, which the diff records as the change's
    department. A case change with no department is the authority's (the diff says so).
    """
    if kind != "case":
        return [owner_of(path, rules, authority)]
    named = {e.change.department for e in diff.entries if diff.prefix + e.location.path == path}
    return sorted(code for code in named if code) or [authority]


def satisfied(requirement: Requirement, approvers: Iterable[str], directory: Directory) -> bool:
    for handle in approvers:
        departments = directory.of(handle)
        if requirement.party in departments and requirement.excluded not in departments:
            return True
    return False


def decide(
    diff: DiffResult,
    changed: Iterable[str],
    rules: list[OwnershipRule],
    directory: Directory,
    *,
    authority: str,
    author: str,
    head: str,
    approvers: list[str],
    ignored: list[Ignored],
    special: dict[str, str] | None = None,
    settled: frozenset[str] = frozenset(),
    names: dict[str, str] | None = None,
    handles: dict[str, list[str]] | None = None,
) -> GateResult:
    needed = requirements(diff, changed, rules, authority, special or {}, settled)
    missing = [r for r in needed if not satisfied(r, approvers, directory)]
    return GateResult(
        author,
        head,
        approvers,
        ignored,
        needed,
        missing,
        authority,
        names or {},
        handles or {},
        directory.unexpanded,
    )
