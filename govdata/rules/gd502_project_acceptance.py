"""GD502: a project accepted while a listed resource is missing from the catalog or not integrated with the hub."""

from __future__ import annotations

from collections.abc import Iterator

from govdata.i18n import Text
from govdata.rules.base import Finding, Rule, RuleContext


class ProjectAcceptance(Rule):
    """An accepted project's listed resource is not in the catalog, or a produced one has no hub integration.

    ## What it checks
    For a project with an `accepted` date:
    - every code under `catalog_list.produces` and `catalog_list.consumes` is a resource of
      the catalog;
    - every produced resource has a `hub_integrations` record dated on or before acceptance.

    ## Why
    At acceptance, the completion of the project's catalog list and the integration of its
    systems with the zone's data sharing and exchange platform are acceptance requirements
    (Art. 56). Data produced by a self-built system is aggregated to the hub as it is produced
    (Art. 26).

    ## How to fix
    Add the missing resources to the department's catalog (`catalogs/<dept>/<code>.yaml`),
    record each integration (system, resource, date) under `hub_integrations`, or remove the
    `accepted` date until both are done.
    """

    explanation_zh = """
    已验收项目清单中的资源不在目录中，或者产生的资源没有对接数据中台。

    ## 检查什么
    对有 `accepted`（验收）日期的项目：
    - `catalog_list.produces` 和 `catalog_list.consumes` 下的每个代码都是目录中的资源；
    - 每条产生的资源都有一条 `hub_integrations`（对接记录），日期不晚于验收日期。

    ## 为什么
    验收时，项目数据目录清单是否完成、系统是否与全区数据共享交换平台对接，都是验收要求（第五十六条）。
    自建系统产生的数据，要随产生随汇聚到共享平台（第二十六条）。

    ## 如何修改
    把缺少的资源加到部门目录中（`catalogs/<部门>/<代码>.yaml`），在 `hub_integrations` 下登记每项对接（系统、资源、日期）；
    两项都完成之前，先去掉 `accepted` 日期。
    """

    id = "GD502"
    name = "project-acceptance"
    title = Text("项目验收时目录清单未完成或未对接数据中台", "project accepted without its catalog or hub integration")
    article = "Art. 56, 26"
    tags = frozenset({"project"})

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        catalog = ctx.catalog
        for document in catalog.projects:
            project = document.model
            if project.accepted is None:
                continue
            for key in ("produces", "consumes"):
                for index, code in enumerate(getattr(project.catalog_list, key)):
                    if catalog.resource(code) is None and not catalog.resource_file_present(code):
                        yield Finding(
                            document.path,
                            ("catalog_list", key, index),
                            Text(
                                f"项目已于 {project.accepted} 验收，但目录清单中的信息资源 {code} 不在目录中",
                                f"accepted on {project.accepted}, but listed resource {code} is not in the catalog",
                            ),
                            Text("将该资源编入部门目录，或更正代码", "add the resource to the catalog or fix the code"),
                        )
            integrated = {h.resource for h in project.hub_integrations if h.date <= project.accepted}
            for index, code in enumerate(project.catalog_list.produces):
                if code not in integrated:
                    yield Finding(
                        document.path,
                        ("catalog_list", "produces", index),
                        Text(
                            f"项目已于 {project.accepted} 验收，但信息资源 {code} 没有验收前的数据中台对接记录",
                            f"accepted on {project.accepted}, but {code} has no hub integration recorded by then",
                        ),
                        Text(
                            "在 hub_integrations 下记录系统、资源和对接完成日期",
                            "record system, resource and date under hub_integrations",
                        ),
                    )
