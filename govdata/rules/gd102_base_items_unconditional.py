"""GD102: base-library items are shared unconditionally, by the lead department, under a known 项."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from govdata.i18n import Text
from govdata.model.catalog import Catalog, Document
from govdata.model.resource import Resource
from govdata.model.vocab import KNOWN_THEMES
from govdata.rules.attributes import effective_sharing
from govdata.rules.base import Finding, Rule, RuleContext, RuleOptions, Scope
from govdata.rules.libraries import BASE_CLASS, BASE_LIBRARIES, THEME_CLASS, base_library, leads_of

UNRESTRICTED = "无条件共享"


class BaseItemsUnconditionalOptions(RuleOptions):
    themes: tuple[str, ...] = ()
    """Theme names (主题信息资源 项) this region uses beyond the guide's list."""


class BaseItemsUnconditional(Rule):
    """A base-library resource restricts its basic items, is not kept by its lead, or is misfiled.

    ## What it checks
    - Every basic item (`basic: true`) of a resource in one of the five base libraries
      (人口, 法人单位, 自然资源和空间地理, 社会信用, 电子证照 基础信息资源) is effectively
      无条件共享: its own `sharing_type` if set, else the resource's `sharing.type`.
    - A base-library resource is provided by a department whose registry entry lists that
      library under `leads`.
    - `basic: true` appears only in resources classified 基础信息资源.
    - `classification.group` of a 基础信息资源 is one of the five library names, and of a
      主题信息资源 one of the guide's themes or of the themes configured in `themes`.

    ## Why
    The basic items of the base libraries are what every department needs to do its work,
    so they must be shared without conditions (Art. 15, 32(2)), and each base library's
    catalog is compiled and maintained by its lead department (Art. 15). A 项 name that is
    not a known library or theme puts the resource outside every check that depends on it.

    ## How to fix
    Set the basic items (or the resource) to 无条件共享, or move the restricted fields into
    a business resource without `basic: true`. File a base-library resource under its lead
    department, or classify it as 部门信息资源. Spell the 项 exactly as the guide names it.

    ## Options
    `themes`: extra 主题信息资源 names this region uses (the guide's list is open).
    """

    explanation_zh = """
    基础库资源限制了基础信息项、不由牵头部门提供，或分类有误。

    ## 检查什么
    - 五大基础库（人口、法人单位、自然资源和空间地理、社会信用、电子证照基础信息资源）中资源的每个基础信息项
      （`basic: true`）实际都是无条件共享：信息项自己设了 `sharing_type` 就看它，否则看资源的 `sharing.type`。
    - 基础库资源的提供部门，在部门名录中的 `leads` 下列有该基础库。
    - 只有分类为“基础信息资源”的资源才能出现 `basic: true`。
    - “基础信息资源”的 `classification.group` 必须是五个基础库名称之一；“主题信息资源”的必须是指南中的主题或
      `themes` 中配置的主题。

    ## 为什么
    基础库的基础信息项是各部门履职都要用的，必须无条件共享（第十五条、第三十二条第（二）项）；每个基础库的目录由其牵头部门
    编制和维护（第十五条）。“项”的名称不是已知的基础库或主题，资源就会漏过所有依赖它的检查。

    ## 如何修改
    把基础信息项（或整个资源）设为无条件共享，或把受限字段移到一条不带 `basic: true` 的业务资源中。基础库资源放到其牵头部门下，
    或改为“部门信息资源”。“项”的名称按指南原样书写。

    ## 选项
    `themes`：本地区另行使用的“主题信息资源”名称（指南中的清单是开放的）。
    """

    id = "GD102"
    name = "base-items-unconditional"
    title = Text("基础信息项未无条件共享", "base-library items not shared unconditionally")
    article = "Art. 15, 32(2)"
    tags = frozenset({"sharing", "base-library"})
    Options = BaseItemsUnconditionalOptions

    scope = Scope.FILE

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        assert isinstance(ctx.options, BaseItemsUnconditionalOptions)
        themes = (*KNOWN_THEMES, *ctx.options.themes)
        for document in ctx.catalog.resources:
            resource = document.model
            yield from _group_known(document, themes, ctx.catalog)
            library = base_library(resource, ctx.catalog)
            if library is not None:
                yield from _kept_by_lead(ctx.catalog, document, library)
                yield from _basic_items_unconditional(document, library)
            elif resource.classification.class_ != BASE_CLASS:
                yield from _no_basic_items(document)


def _group_known(document: Document[Resource], themes: tuple[str, ...], catalog: Catalog) -> Iterator[Finding]:
    classification = document.model.classification
    if classification.class_ == BASE_CLASS:
        allowed: tuple[str, ...] = BASE_LIBRARIES
    elif classification.class_ == THEME_CLASS:
        allowed = themes
    else:
        return
    if catalog.canonical_class_name(classification.group) in allowed:
        return
    guess = _guess(classification.group, allowed)
    yield Finding(
        document.path,
        ("classification", "group"),
        Text(
            f"“{classification.class_}”的项“{classification.group}”不在已知名称中：{'、'.join(allowed)}",
            f"'{classification.group}' is not a known 项 of {classification.class_}: {', '.join(allowed)}",
        ),
        Text(f"是否应为“{guess}”？", f"did you mean '{guess}'?") if guess else None,
    )


# Short forms people write for a library or theme: 人口库, 法人基础库, 社会保障主题 …
_SUFFIX = re.compile(
    r"(基础信息资源库|基础信息资源|基础信息库|信息资源库|信息资源|基础库|数据库|信息库|资源库|库|主题)$"
)


def _guess(group: str, allowed: tuple[str, ...]) -> str | None:
    core = _SUFFIX.sub("", group.strip())
    prefixed = [name for name in allowed if core and name.startswith(core)]
    if len(prefixed) == 1:
        return prefixed[0]
    close = difflib.get_close_matches(group, allowed, n=1, cutoff=0.4)
    return close[0] if close else None


def _kept_by_lead(catalog: Catalog, document: Document[Resource], library: str) -> Iterator[Finding]:
    if catalog.departments_doc is None:
        return
    leads = leads_of(catalog, library)
    provider = document.model.provider
    if provider.code not in catalog.department_by_code:
        return  # an unregistered provider is GD013's to report
    if not leads:
        yield Finding(
            document.path,
            ("classification", "group"),
            Text(
                f"部门名录中没有登记“{library}”的牵头建设部门",
                f"no department in the registry leads {library}",
            ),
            Text(
                "请数据主管部门在 registry/departments.yaml 的 leads 中登记",
                "ask the authority to add it to a department's leads",
            ),
        )
    elif provider.code not in {lead.code for lead in leads}:
        names = "、".join(lead.name for lead in leads)
        yield Finding(
            document.path,
            ("provider", "code"),
            Text(
                f"“{library}”由牵头部门{names}编制维护，“{provider.name}”不应作为其提供方",
                f"{library} is catalogued by its lead department {names}, not by {provider.name}",
            ),
            Text(
                "将本资源归入部门信息资源，或由牵头部门在其基础库目录中编目",
                "classify it as 部门信息资源, or have the lead department catalogue it",
            ),
        )


def _basic_items_unconditional(document: Document[Resource], library: str) -> Iterator[Finding]:
    resource = document.model
    inheriting: list[str] = []
    for index, item in enumerate(resource.items):
        if not item.basic or effective_sharing(resource, item) == UNRESTRICTED:
            continue
        if item.sharing_type is None:
            inheriting.append(item.name)
            continue
        yield Finding(
            document.path,
            ("items", index, "sharing_type"),
            Text(
                f"“{library}”的基础信息项“{item.name}”必须无条件共享，不能为“{item.sharing_type}”",
                f"basic item '{item.name}' of {library} must be 无条件共享, not {item.sharing_type}",
            ),
            Text("删除 sharing_type 或改为无条件共享", "remove sharing_type or set it to 无条件共享"),
        )
    if inheriting:
        names = "、".join(f"“{name}”" for name in inheriting)
        yield Finding(
            document.path,
            ("sharing", "type"),
            Text(
                f"“{library}”的基础信息项必须无条件共享，但{names}沿用了资源的“{resource.sharing.type}”",
                f"basic items of {library} must be 无条件共享, but {', '.join(inheriting)} "
                f"take the resource's {resource.sharing.type}",
            ),
            Text(
                "将资源改为无条件共享，只给确需限制的非基础信息项单独设置 sharing_type",
                "make the resource 无条件共享 and restrict only non-basic items with their own sharing_type",
            ),
        )


def _no_basic_items(document: Document[Resource]) -> Iterator[Finding]:
    resource = document.model
    for index, item in enumerate(resource.items):
        if item.basic:
            yield Finding(
                document.path,
                ("items", index, "basic"),
                Text(
                    f"信息项“{item.name}”标为基础信息项，但本资源属于“{resource.classification.class_}”而非基础信息资源",
                    f"item '{item.name}' is marked basic, but the resource is "
                    f"{resource.classification.class_}, not a base-library resource",
                ),
                Text(
                    "删除 basic: true；基础信息项只在牵头部门的基础信息资源中标注",
                    "remove basic: true; only the lead department's base-library resources mark basic items",
                ),
            )
