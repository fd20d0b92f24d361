"""GD014: every 统一社会信用代码 is valid by GB 32100."""

from __future__ import annotations

from collections.abc import Iterator

from govdata.diagnostics import Pointer
from govdata.i18n import Text, join
from govdata.identifiers.uscc import validate_uscc
from govdata.model.catalog import Catalog
from govdata.rules.base import Finding, Rule, RuleContext, Scope


def _registered_codes(catalog: Catalog) -> Iterator[tuple[str, Pointer, str]]:
    yield catalog.config_path, ("authority",), catalog.config.authority
    if catalog.departments_doc is not None:
        for index, department in enumerate(catalog.departments):
            yield catalog.departments_doc.path, ("departments", index, "code"), department.code


def _cited_codes(catalog: Catalog) -> Iterator[tuple[str, Pointer, str]]:
    for document in catalog.resources:
        yield document.path, ("provider", "code"), document.model.provider.code
    for demand_list in catalog.demand_lists:
        for index, demand in enumerate(demand_list.model.demands):
            yield demand_list.path, ("demands", index, "provider"), demand.provider


class UsccValid(Rule):
    """A 统一社会信用代码 fails the GB 32100 checks.

    ## What it checks
    Every unified social credit code in the instance — departments in the registry, the
    authority in `govdata.yaml`, resource providers, demand providers — passes GB 32100:
    the 31-character set, the registration-authority and organisation-category tables,
    the check digit of the embedded organisation code (GB 11714) and the final check digit.
    Codes beginning with A, N or Y are valid (python-stdnum wrongly rejects them).
    A department an import registered (`needs_uscc: true`) carries a placeholder code and
    is reported until the authority enters its real code.

    ## Why
    Departments are identified by their unified social credit code (Art. 20 makes it the
    key for legal persons and other organisations); a mistyped code silently points at
    another organisation or at none.

    ## How to fix
    Copy the code from the department's certificate (统一社会信用代码证书) or the national
    enterprise credit publicity system; the message names the position of the first wrong
    character and the expected check digit.

    ## References
    GB 32100-2015 法人和其他组织统一社会信用代码编码规则; GB 11714-1997.
    """

    explanation_zh = """
    统一社会信用代码未通过 GB 32100 校验。

    ## 检查什么
    实例中的每个统一社会信用代码——名录中的部门、`govdata.yaml` 中的主管部门、资源提供方、需求提供方——都要通过
    GB 32100 校验：31 个允许字符、登记管理部门和机构类别代码表、其中组织机构代码（GB 11714）的校验位，以及最后一位校验码。
    以 A、N、Y 开头的代码是有效的（python-stdnum 会误判）。导入时登记的部门（`needs_uscc: true`）使用的是占位代码，
    在主管部门填入真实代码之前一直会被报告。

    ## 为什么
    部门以统一社会信用代码作为标识（第二十条规定它是法人和其他组织数据的关联标识）；代码打错一位，就会悄悄指向别的单位，或者谁也不指。

    ## 如何修改
    从部门的统一社会信用代码证书或国家企业信用信息公示系统中复制代码；提示信息会指出第一个错误字符的位置和应有的校验码。

    ## 参考
    GB 32100-2015《法人和其他组织统一社会信用代码编码规则》；GB 11714-1997。
    """

    id = "GD014"
    name = "uscc-valid"
    title = Text("统一社会信用代码无效", "invalid unified social credit code")
    article = "Art. 20"
    tags = frozenset({"integrity", "identifier"})

    scope = Scope.FILE

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        yield from _invalid(ctx.catalog, _cited_codes(ctx.catalog))

    def check_index(self, ctx: RuleContext) -> Iterator[Finding]:
        registry = ctx.catalog.departments_doc
        if registry is not None:
            for index, department in enumerate(ctx.catalog.departments):
                if department.needs_uscc:
                    yield Finding(
                        registry.path,
                        ("departments", index, "needs_uscc"),
                        Text(
                            f"部门“{department.name}”由导入登记，代码“{department.code}”为临时代码，须补登统一社会信用代码",
                            f"{department.name} was registered by an import; {department.code} is a placeholder "
                            "awaiting its unified social credit code",
                        ),
                        Text(
                            "填写真实的统一社会信用代码（各资源的 provider.code 随之修改），并删除 needs_uscc",
                            "enter the real code (and in each resource's provider.code), then remove needs_uscc",
                        ),
                    )
        yield from _invalid(ctx.catalog, _registered_codes(ctx.catalog))


def _invalid(catalog: Catalog, codes: Iterator[tuple[str, Pointer, str]]) -> Iterator[Finding]:
    placeholders = {d.code for d in catalog.departments if d.needs_uscc}
    for path, pointer, code in codes:
        if code in placeholders:
            continue
        problems = validate_uscc(code)
        if problems:
            details = join([Text(p.zh, p.en) for p in problems])
            yield Finding(
                path,
                pointer,
                Text(f"统一社会信用代码“{code}”无效：", f"unified social credit code {code} is invalid: ") + details,
            )
