"""GD306: a department does not apply for a grant on its own data."""

from __future__ import annotations

from collections.abc import Iterator

from govdata.i18n import Text
from govdata.model.grant import LIVE
from govdata.rules.base import Finding, Rule, RuleContext


class GrantOwnData(Rule):
    """A grant's applicant is the provider of the resource it asks for.

    ## What it checks
    For every pending or in-force grant, `applicant` differs from the `provider.code` of
    the requested resource.

    ## Why
    Art. 9 governs how an application department obtains another department's data
    through the data hub. A department's own data needs no sharing grant; such a record
    usually means the wrong applicant or the wrong resource code was copied in.

    ## How to fix
    Correct `applicant` to the department that needs the data, or `resource` to the
    resource actually meant. Delete the file if the department wanted its own data.
    """

    explanation_zh = """
    授权的申请部门就是所申请资源的提供部门。

    ## 检查什么
    对每个申请中或生效中的授权，`applicant` 不能等于所申请资源的 `provider.code`。

    ## 为什么
    第九条规范的是申请部门通过共享平台获取其他部门数据的方式。部门使用自己的数据不需要共享授权；出现这种记录，
    通常是申请部门或资源代码复制错了。

    ## 如何修改
    把 `applicant` 改为需要数据的部门，或把 `resource` 改为真正要申请的资源。如果部门要的就是自己的数据，删除这个文件。
    """

    id = "GD306"
    name = "grant-own-data"
    title = Text("申请部门即提供部门", "applicant is the provider")
    article = "Art. 9"
    tags = frozenset({"grant", "integrity"})

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for document in ctx.catalog.grants:
            grant = document.model
            resource = ctx.catalog.resource(grant.resource)
            if grant.status in LIVE and resource is not None and resource.provider.code == grant.applicant:
                yield Finding(
                    document.path,
                    ("applicant",),
                    Text(
                        f"申请部门与信息资源“{resource.name}”的提供部门相同，本部门数据无须申请共享",
                        f"the applicant provides {resource.code} ({resource.name}) itself; own data needs no grant",
                    ),
                )
