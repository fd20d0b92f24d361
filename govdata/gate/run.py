"""The gate end to end: resolve the revisions, diff BASE…HEAD, read ownership at BASE, decide."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from govdata.errors import GovdataError
from govdata.gate.approvals import Approval, counted
from govdata.gate.decision import GateResult, decide
from govdata.gate.teams import Directory, Expander, no_expansion
from govdata.i18n import Text
from govdata.model.grant import INITIAL


def run_gate(
    root: Path,
    base: str,
    head: str,
    author: str,
    approvals: Iterable[Approval],
    *,
    expand: Expander = no_expansion,
    literal: Iterable[str] = (),
) -> tuple[GateResult, str]:
    """The decision for the pull request ``base``…``head`` of the instance at ``root``, and the head commit.

    The change is HEAD against its merge base with BASE (what the pull request adds); the
    registry, configuration and ownership rules are BASE's own, so a change cannot grant itself
    rights. ``literal`` are handles given on the command line (they may be team handles).
    """
    from govdata.generate.codeowners import ownership_rules
    from govdata.gitops.compare import compare
    from govdata.gitops.repo import open_repository
    from govdata.gitops.snapshot import RevisionReader

    repo = open_repository(root)
    base_sha, head_sha = repo.resolve(base), repo.resolve(head)
    fork = repo.merge_base(base_sha, head_sha)
    reader = RevisionReader.for_instance(repo, root)
    diff = compare(reader, root, fork, head_sha, (f"{base} ({fork[:10]})", f"{head} ({head_sha[:10]})"))
    registry = reader.snapshot(base_sha, lambda tree: [p for p in tree if p.startswith(("registry/", "grants/"))])
    if registry.diagnostics or not registry.catalog.departments:
        where = (
            "; ".join(f"{d.location}: {d.message.en}" for d in registry.diagnostics[:3]) or "registry/departments.yaml"
        )
        raise GovdataError(
            Text(
                f"基线版本 {base} 的部门名录无法读取，无法判断谁能批准：{where}",
                f"the department registry at {base} cannot be read, so nobody's approval can be checked: {where}",
            )
        )
    catalog = registry.catalog
    authority = catalog.config.authority
    changed = repo.changed_paths(fork, head_sha)
    special = {p: what for rev in (fork, head_sha) for p, what in repo.special_files(rev).items() if p in changed}
    directory = Directory.build(catalog, expand, literal)
    approvers, ignored = counted(approvals, author, head_sha)
    result = decide(
        diff,
        changed,
        ownership_rules(catalog, reader.prefix),
        directory,
        authority=authority,
        author=author,
        head=head_sha,
        approvers=approvers,
        ignored=ignored,
        special=special,
        settled=frozenset(d.model.id for d in registry.catalog.grants if d.model.status != INITIAL),
        names={d.code: d.name for d in catalog.departments},
        handles={d.code: list(d.maintainers) for d in catalog.departments},
    )
    return result, head_sha
