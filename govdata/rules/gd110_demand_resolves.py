"""GD110: a demand names a registered provider and, once matched, its resource and items."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from govdata.i18n import Text
from govdata.identifiers.uscc import validate_uscc
from govdata.model.catalog import Catalog, Document
from govdata.model.demand import Demand, DemandList
from govdata.rules.base import Finding, Rule, RuleContext


class DemandResolves(Rule):
    """A demand names an unknown provider, resource or item, or is matched without a resource.

    ## What it checks
    In every `catalogs/<dept>/demands.yaml`, each demand's `provider` is a department in the
    registry. A demand is matched when its `status` is 已匹配 or it names a `resource`;
    then `resource` is an existing resource of that provider and every entry of `items` is
    an item of it. 已匹配 without `resource` is reported. A provider code that fails the
    GB 32100 check is left to GD014, and a resource code whose file exists but failed to
    load, or carries another code, to that file's own finding.

    ## Why
    Departments may add a demand list of the data they need from others (Art. 16). The
    authority matches demands against the catalog; a demand pointing at a department,
    resource or item that does not exist cannot be fulfilled or tracked.

    ## How to fix
    Use the provider's code from `registry/departments.yaml`, the code of the resource that
    meets the demand, and the item names exactly as that resource lists them. Set
    `resource` when marking a demand 已匹配.
    """

    explanation_zh = """
    需求清单引用了未知的提供方、资源或信息项，或者标为已匹配却没有资源。

    ## 检查什么
    在每个 `catalogs/<部门>/demands.yaml` 中，每条需求的 `provider` 都必须是名录中的部门。`status` 为“已匹配”
    或写了 `resource` 的需求算作已匹配；此时 `resource` 必须是该提供方已有的资源，`items` 中的每一项都必须是该资源的信息项。
    “已匹配”却没有 `resource` 的会报告。提供方代码未通过 GB 32100 校验的交给 GD014；资源代码对应的文件存在但读取失败，
    或文件中写的是别的代码，交给该文件自己的问题报告。

    ## 为什么
    部门可以编制需求清单，列出需要其他部门提供的数据（第十六条）。主管部门把需求与目录匹配；指向不存在的部门、资源或信息项的需求，
    既无法满足，也无法跟踪。

    ## 如何修改
    使用 `registry/departments.yaml` 中提供方的代码、能满足需求的资源代码，以及与该资源完全一致的信息项名称。
    把需求标为“已匹配”时写上 `resource`。
    """

    id = "GD110"
    name = "demand-resolves"
    title = Text("需求清单引用无效", "demand refers to nothing")
    article = "Art. 16"
    tags = frozenset({"demand", "integrity"})

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        catalog = ctx.catalog
        if catalog.departments_doc is None:
            return
        for demand_list in catalog.demand_lists:
            for index, demand in enumerate(demand_list.model.demands):
                yield from _check_demand(catalog, demand_list, index, demand)


def _check_demand(catalog: Catalog, demand_list: Document[DemandList], index: int, demand: Demand) -> Iterator[Finding]:
    path = demand_list.path
    provider = catalog.department_by_code.get(demand.provider)
    if provider is None:
        if not validate_uscc(demand.provider):
            yield Finding(
                path,
                ("demands", index, "provider"),
                Text(
                    f"需求“{demand.id}”的提供部门“{demand.provider}”未在部门名录中登记",
                    f"demand {demand.id}: provider {demand.provider} is not in the department registry",
                ),
                Text(
                    "填写 registry/departments.yaml 中该部门的统一社会信用代码",
                    "use the department's code from the registry",
                ),
            )
        return
    if demand.resource is None:
        if demand.status == "已匹配":
            yield Finding(
                path,
                ("demands", index, "status"),
                Text(
                    f"需求“{demand.id}”标为已匹配，但未填写匹配资源（resource）",
                    f"demand {demand.id} is 已匹配 but names no resource",
                ),
                Text("填写满足该需求的信息资源代码", "give the code of the resource that meets it"),
            )
        return
    documents = catalog.facts_by_code.get(demand.resource)
    if not documents and catalog.resource_file_present(demand.resource):
        return  # a broken or mis-coded file named after the code: its own finding says why
    if not documents:
        yield Finding(
            path,
            ("demands", index, "resource"),
            Text(
                f"需求“{demand.id}”匹配的资源“{demand.resource}”不在目录中（不存在，或其文件未通过校验）",
                f"demand {demand.id}: resource {demand.resource} is not in the catalog (no such code, or its file failed to load)",
            ),
            _offer(
                f"{provider.name}的资源有",
                f"{provider.name} provides",
                [f"{r.code} {r.name}" for r in catalog.resource_facts if r.provider_code == provider.code],
            ),
        )
        return
    resource = documents[0]
    if resource.provider_code != provider.code:
        yield Finding(
            path,
            ("demands", index, "resource"),
            Text(
                f"需求“{demand.id}”匹配的资源“{resource.code}”由{resource.provider_name}提供，不是需求的提供部门{provider.name}",
                f"demand {demand.id}: resource {resource.code} is provided by {resource.provider_name}, not {provider.name}",
            ),
            Text("改正 provider 或 resource，使二者一致", "correct provider or resource so that they agree"),
        )
        return
    names = list(catalog.items_of(resource).items)
    for position, wanted in enumerate(demand.items):
        if wanted in names:
            continue
        guess = difflib.get_close_matches(wanted, names, n=1)
        yield Finding(
            path,
            ("demands", index, "items", position),
            Text(
                f"需求“{demand.id}”所需信息项“{wanted}”不在资源“{resource.code}”（{resource.name}）中",
                f"demand {demand.id}: item '{wanted}' is not in resource {resource.code} ({resource.name})",
            ),
            Text(f"是否应为“{guess[0]}”？", f"did you mean '{guess[0]}'?")
            if guess
            else _offer("该资源的信息项有", "its items are", names),
        )


def _offer(zh: str, en: str, choices: list[str], limit: int = 10) -> Text | None:
    """A hint listing what could have been meant, or None when there is nothing to offer."""
    if not choices:
        return None
    shown = choices[:limit]
    more_zh = f"等 {len(choices)} 项" if len(choices) > limit else ""
    more_en = f" and {len(choices) - limit} more" if len(choices) > limit else ""
    return Text(f"{zh}：{'、'.join(shown)}{more_zh}", f"{en}: {', '.join(shown)}{more_en}")
