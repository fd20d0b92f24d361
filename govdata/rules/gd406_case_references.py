"""GD406: a case names a department, resource or item that does not exist."""

from __future__ import annotations

from collections.abc import Iterator

from govdata.i18n import Text
from govdata.rules.base import Finding, Rule, RuleContext


class CaseReferences(Rule):
    """A case's department, reporting department, resource or items are not in the catalog.

    ## What it checks
    `department` and `reporter` are slugs of departments in `registry/departments.yaml`;
    `resource` is the code of a resource in the catalog; every name in `items` is an item
    of that resource. A resource whose file exists but does not load is reported by the
    load and schema rules instead.

    ## Why
    Art. 23-24 route problem data from the application department through the authority
    to the producer of exactly the data concerned; Art. 40 and 41 requests concern entries
    of the published open catalog. A case about data the catalog does not hold cannot be
    dispatched or answered, and its deadlines would be kept by nobody.

    ## How to fix
    Use the department's folder name (`govdata cases new --department`), the resource code
    and the item names as the catalog writes them; when the public named something the
    catalog does not have, answer the request saying so.
    """

    explanation_zh = """
    事项涉及的部门、资源或信息项在目录中不存在。

    ## 检查什么
    `department` 和 `reporter` 是 `registry/departments.yaml` 中部门的文件夹名（slug）；`resource` 是目录中资源的代码；
    `items` 中的每个名称都是该资源的信息项。资源文件存在但读取失败的，由读取和数据规范规则报告。

    ## 为什么
    第二十三条、第二十四条规定，问题数据由申请部门经主管部门转给相应数据的产生部门；第四十条、第四十一条的申请针对的是
    已发布开放目录中的条目。目录中没有的数据，事项无法分派、无法答复，期限也没有人负责。

    ## 如何修改
    使用部门的文件夹名（`govdata cases new --department`）、目录中写的资源代码和信息项名称；公众提到的内容目录里没有的，
    答复申请时说明这一点。
    """

    id = "GD406"
    name = "case-references"
    title = Text("事项所涉部门、资源或信息项不存在", "case names a department, resource or item that does not exist")
    article = "Art. 23, 24, 40, 41"
    tags = frozenset({"case", "integrity"})

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        catalog = ctx.catalog
        for document in catalog.cases:
            case = document.model
            for key in ("department", "reporter"):
                slug = getattr(case, key)
                if slug and catalog.departments_doc is not None and slug not in catalog.department_by_slug:
                    yield Finding(
                        document.path,
                        (key,),
                        Text(f"部门名录中没有“{slug}”", f"no department {slug!r} in the registry"),
                        Text("填写部门目录文件夹名，如 gongan", "use the department's folder name, e.g. gongan"),
                    )
            if (
                case.resource is None
                or catalog.resource_file_present(case.resource)
                and not catalog.resource(case.resource)
            ):
                continue
            resource = catalog.resource(case.resource)
            if resource is None:
                yield Finding(
                    document.path,
                    ("resource",),
                    Text(f"目录中没有信息资源“{case.resource}”", f"no resource {case.resource} in the catalog"),
                )
                continue
            for index, name in enumerate(case.items):
                if resource.item_named(name) is None:
                    yield Finding(
                        document.path,
                        ("items", index),
                        Text(
                            f"信息资源“{resource.name}”（{resource.code}）没有信息项“{name}”",
                            f"resource {resource.code} has no item {name!r}",
                        ),
                    )
