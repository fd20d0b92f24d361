"""GD013: every provider, and the authority, is a registered department."""

from __future__ import annotations

from collections.abc import Iterator

from govdata.i18n import Text
from govdata.rules.base import Finding, Rule, RuleContext, Scope


class ProviderRegistered(Rule):
    """A resource's provider, or the instance's authority, is not in the department registry.

    ## What it checks
    `provider.code` of every resource is the 统一社会信用代码 of a department in
    `registry/departments.yaml`, and `provider.name` is that department's registered name.
    `authority` in `govdata.yaml` is a registered department with the role 数据主管部门.

    ## Why
    Only government departments (Art. 2) and the bodies listed in Art. 63 compile catalogs,
    and the data authority (Art. 4) reviews them; the registry is where the authority says
    who they are. An unregistered provider has no owner to approve its changes.

    ## How to fix
    Correct the code or name to the registry entry, or ask the data authority to register
    the department first.
    """

    explanation_zh = """
    资源的提供方或实例的主管部门没有在部门名录中登记。

    ## 检查什么
    每条资源的 `provider.code` 必须是 `registry/departments.yaml` 中某个部门的统一社会信用代码，`provider.name`
    必须是该部门登记的名称。`govdata.yaml` 中的 `authority` 必须是已登记、角色为“数据主管部门”的部门。

    ## 为什么
    只有政务部门（第二条）和第六十三条所列单位编制目录，由数据主管部门（第四条）审核；名录就是主管部门确认这些单位的地方。
    未登记的提供方没有负责人来审批它的修改。

    ## 如何修改
    按名录中的条目改正代码或名称；或者先请数据主管部门登记该部门。
    """

    id = "GD013"
    name = "provider-registered"
    title = Text("提供方未在部门名录中登记", "provider is not a registered department")
    article = "Art. 2"
    tags = frozenset({"integrity", "registry"})

    scope = Scope.FILE

    def check_index(self, ctx: RuleContext) -> Iterator[Finding]:
        catalog = ctx.catalog
        if catalog.departments_doc is None:
            return
        authority = catalog.authority
        if authority is None:
            yield Finding(
                catalog.config_path,
                ("authority",),
                Text(
                    f"数据主管部门“{catalog.config.authority}”未在部门名录中登记",
                    f"the authority {catalog.config.authority} is not in the department registry",
                ),
            )
        elif "数据主管部门" not in authority.roles:
            yield Finding(
                catalog.config_path,
                ("authority",),
                Text(
                    f"“{authority.name}”在部门名录中没有“数据主管部门”角色",
                    f"{authority.name} lacks the role 数据主管部门",
                ),
            )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        catalog = ctx.catalog
        if catalog.departments_doc is None:
            return
        for document in catalog.resources:
            provider = document.model.provider
            registered = catalog.department_by_code.get(provider.code)
            if registered is None:
                yield Finding(
                    document.path,
                    ("provider", "code"),
                    Text(
                        f"提供方代码“{provider.code}”未在部门名录中登记",
                        f"provider code {provider.code} is not in the department registry",
                    ),
                )
            elif registered.name != provider.name:
                yield Finding(
                    document.path,
                    ("provider", "name"),
                    Text(
                        f"提供方名称应为登记名称“{registered.name}”，实为“{provider.name}”",
                        f"provider name should be the registered {registered.name!r}, not {provider.name!r}",
                    ),
                )
