"""``govdata owners``: write (or ``--check``) the CODEOWNERS files from the department registry."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from govdata.cli.common import ConfigOption

if TYPE_CHECKING:
    from govdata.instance import Instance
    from govdata.model.catalog import Catalog

REGISTRY = "registry/departments.yaml"


def owners(
    check: Annotated[bool, typer.Option("--check", help="只检查是否过期，过期则以 1 退出 / fail if stale")] = False,
    approvals: Annotated[
        int, typer.Option("--approvals", min=1, help="GitLab 每个分节须有的批准人数 / approvals per GitLab section")
    ] = 1,
    config: ConfigOption = None,
) -> None:
    """按部门名录生成 .github/CODEOWNERS 和 .gitlab/CODEOWNERS：各部门维护人负责本部门目录。

    Write .github/CODEOWNERS and .gitlab/CODEOWNERS (GitLab sections with required approvals)
    at the top of the repository from registry/departments.yaml: each department's maintainers
    own catalogs/<dept>/, grants/<dept>/ and responsibility/<dept>.yaml; the data authority
    owns the registries, schemas, configuration, CI files and grant decisions.
    With --check, write nothing and exit 1 when a file is out of date.
    """
    from govdata.cli.generated import write_or_check
    from govdata.generate.codeowners import codeowners_files
    from govdata.instance import open_instance

    instance = open_instance(Path.cwd(), config)
    top, prefix = repository_top(instance.root)
    catalog = working_registry(instance)
    write_or_check(
        top, codeowners_files(catalog, prefix, approvals), check, "CODEOWNERS", owns_folder=False, fix="govdata owners"
    )


def repository_top(root: Path) -> tuple[Path, str]:
    """The repository's top folder and the instance's folder in it ('' or ending in /).

    Outside git (a fresh ``govdata init``), the instance root is the top.
    """
    from govdata.gitops.repo import RepositoryError, open_repository

    try:
        repo = open_repository(root)
    except RepositoryError:
        return root, ""
    relative = repo.relative(root)
    return repo.root, f"{relative}/" if relative else ""


def working_registry(instance: Instance) -> Catalog:
    """The instance's catalog holding just the department registry, as it is on disk."""
    from govdata.errors import ConfigError
    from govdata.i18n import Text
    from govdata.validation.engine import load_catalog

    path = instance.root / REGISTRY
    if not path.is_file():
        raise ConfigError(Text(f"找不到部门名录 {REGISTRY}", f"no department registry at {REGISTRY}"))
    catalog, problems = load_catalog(instance.config, [REGISTRY], lambda p: (instance.root / p).read_bytes())
    if problems:
        lines = "; ".join(f"{d.location}: {d.message.zh}" for d in problems)
        lines_en = "; ".join(f"{d.location}: {d.message.en}" for d in problems)
        raise ConfigError(Text(f"部门名录有误，请先修正：{lines}", f"fix the department registry first: {lines_en}"))
    return catalog
