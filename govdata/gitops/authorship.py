"""May this author merge this change? Ownership checked by path and by review level.

For hosts that do not enforce CODEOWNERS (plain Gitea, an air-gapped GitLab CE). A person is
identified by a handle as the registry writes it (``@jiyuan-gongan/catalog``, ``@zhangsan``): a
handle belongs to every department whose ``maintainers`` list it (case-insensitive, as git
hosts treat handles). Team handles cannot be expanded offline, so on such hosts list the
people's own handles in ``maintainers`` too.

Ownership comes from the **base** revision's registry: a pull request that adds its author as
a maintainer gains nothing by it until it is merged.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from govdata.generate.codeowners import OwnershipRule, owners_of
from govdata.gitops.compare import DiffResult
from govdata.gitops.review import Level
from govdata.i18n import Text
from govdata.model.catalog import Catalog


@dataclass(frozen=True, slots=True)
class Refusal:
    """Something the author may not merge alone, and whose approval it needs."""

    path: str  # relative to the repository top
    line: int | None
    what: Text | None  # the change, for a semantic refusal; None when the whole file is refused
    owners: tuple[str, ...]  # department codes; an approval of any one of them suffices
    reason: Text


@dataclass
class AuthorshipResult:
    author: str
    author_departments: list[str]
    approvers: list[str]
    approver_departments: list[str]
    files: int
    refusals: list[Refusal] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # department code → name
    handles: dict[str, list[str]] = field(default_factory=dict)  # department code → maintainers


def departments_of(handle: str, catalog: Catalog) -> list[str]:
    """Codes of the departments whose maintainers include ``handle`` (with or without @)."""
    wanted = "@" + handle.lstrip("@").lower()
    return [d.code for d in catalog.departments if wanted in (m.lower() for m in d.maintainers)]


_NOT_OWNED = Text("文件不属于本部门", "the file belongs to another department")


def check_authorship(
    diff: DiffResult,
    base: Catalog,
    rules: list[OwnershipRule],
    changed: Iterable[str],
    author: str,
    approvers: Iterable[str] = (),
) -> AuthorshipResult:
    """Refusals for ``author`` (helped by ``approvers``) on the change ``diff`` describes.

    ``changed`` are instance-relative paths; ``rules`` come from the base revision.
    """
    approvers = list(approvers)
    own = departments_of(author, base)
    helped = sorted({code for handle in approvers for code in departments_of(handle, base)})
    allowed = set(own) | set(helped)
    paths = sorted(changed)
    result = AuthorshipResult(
        author,
        own,
        approvers,
        helped,
        len(paths),
        names={d.code: d.name for d in base.departments},
        handles={d.code: list(d.maintainers) for d in base.departments},
    )
    for path in paths:
        owners = owners_of(diff.prefix + path, rules)
        if not allowed & set(owners):
            result.refusals.append(Refusal(diff.prefix + path, None, None, owners, _NOT_OWNED))
    authority = base.config.authority
    refused = {r.path for r in result.refusals}
    if authority not in allowed:
        for entry in diff.entries:
            where = diff.prefix + entry.location.path
            # A file already refused as a whole (a registry, a schema) needs no second line.
            if entry.review.level is Level.AUTHORITY and entry.review.reason is not None and where not in refused:
                result.refusals.append(
                    Refusal(where, entry.location.line, entry.text, (authority,), entry.review.reason)
                )
    return result
