"""GD501: a project approved without its catalog list, or accepted without approval."""

from __future__ import annotations

from collections.abc import Iterator

from govdata.i18n import Text
from govdata.rules.base import Finding, Rule, RuleContext


class ProjectCatalogList(Rule):
    """An informatization project is approved without a catalog list, or accepted before approval.

    ## What it checks
    - A project with an `approved` date lists at least one resource under
      `catalog_list.produces` or `catalog_list.consumes`.
    - A project with an `accepted` date also has an `approved` date, not later than acceptance.

    ## Why
    A government informatization project compiles its data catalog list before it applies
    for approval, and that list is a condition of approval (Art. 56). Acceptance follows
    approval; a project accepted without one has skipped the gate.

    ## How to fix
    List the resource codes the project's systems will produce and the ones they will use
    under `catalog_list`, or remove the `approved` date if the project is not approved yet.
    Record the approval date before the acceptance date.
    """

    explanation_zh = """
    信息化项目审批时没有政务数据目录清单，或者未经审批就已验收。

    ## 检查什么
    - 有 `approved`（审批）日期的项目，在 `catalog_list.produces` 或 `catalog_list.consumes` 下至少列出一条资源。
    - 有 `accepted`（验收）日期的项目，也要有 `approved` 日期，且不晚于验收日期。

    ## 为什么
    政务信息化项目在申请审批前就要编制数据目录清单，这份清单是审批的条件（第五十六条）。验收在审批之后；
    没有审批就验收的项目，绕过了这道关口。

    ## 如何修改
    在 `catalog_list` 下列出项目系统将产生的资源代码和将使用的资源代码；项目还没有审批的，去掉 `approved` 日期。
    审批日期要登记在验收日期之前。
    """

    id = "GD501"
    name = "project-catalog-list"
    title = Text("项目审批缺少政务数据目录清单", "project approved without a catalog list")
    article = "Art. 56"
    tags = frozenset({"project", "deadline"})

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for document in ctx.catalog.projects:
            project = document.model
            if project.approved is not None and not project.catalog_list.codes():
                yield Finding(
                    document.path,
                    ("approved",),
                    Text(
                        f"项目于 {project.approved} 获批，但未预编制政务数据目录清单（catalog_list 为空）",
                        f"approved on {project.approved} without a catalog list (catalog_list is empty)",
                    ),
                    Text(
                        "在 catalog_list.produces / consumes 下列出项目产生和使用的信息资源代码",
                        "list the resource codes the project produces and uses under catalog_list",
                    ),
                    at_key=True,
                )
            if project.accepted is not None and (project.approved is None or project.approved > project.accepted):
                yield Finding(
                    document.path,
                    ("accepted",),
                    Text(
                        f"项目于 {project.accepted} 验收，但没有此前的审批日期",
                        f"accepted on {project.accepted} without an earlier approval date",
                    ),
                    Text("补记审批日期（approved），审批须早于验收", "record the approval date, before acceptance"),
                    at_key=True,
                )
