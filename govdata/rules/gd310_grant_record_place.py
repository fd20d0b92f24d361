"""GD310: a grant file sits in its applicant's folder, is named by its id, and the id is unique."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import PurePosixPath

from govdata.i18n import Text
from govdata.rules.base import Finding, Rule, RuleContext


class GrantRecordPlace(Rule):
    """A grant's applicant is unregistered, its file is misplaced or misnamed, or its id is reused.

    ## What it checks
    `applicant` is a department in `registry/departments.yaml`; the file is
    `grants/<applicant slug>/<id>.yaml`; no two grant files share an `id`.

    ## Why
    Grants are requested by application departments (Art. 9) and decided per request by
    the authority (Art. 7); the folder tells who owns and reviews a request, and the id is
    how commands, the hub operators and later decisions refer to it.

    ## How to fix
    Register the department first, move the file to its applicant's folder, name it after
    its id, and give a copied grant a new id. `govdata grant new` does all of this.
    """

    explanation_zh = """
    授权的申请部门未登记、文件位置或文件名不对，或者编号重复。

    ## 检查什么
    `applicant` 是 `registry/departments.yaml` 中的部门；文件位于 `grants/<申请部门 slug>/<编号>.yaml`；
    任意两个授权文件的 `id` 不能相同。

    ## 为什么
    授权由申请部门提出（第九条），由主管部门逐件审批（第七条）。文件夹说明申请归谁所有、由谁审核；编号是命令、
    平台运维人员和以后的决定引用这份申请的依据。

    ## 如何修改
    先登记该部门，把文件移到申请部门的文件夹，按编号命名，复制来的授权要换一个新编号。`govdata grant new` 会自动完成这些。
    """

    id = "GD310"
    name = "grant-record-place"
    title = Text("授权文件位置或编号不正确", "grant file misplaced or id reused")
    article = "Art. 7, 9"
    tags = frozenset({"grant", "integrity", "layout"})

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        by_id: dict[str, list[str]] = defaultdict(list)
        for document in ctx.catalog.grants:
            grant = document.model
            path = PurePosixPath(document.path)
            by_id[grant.id].append(document.path)
            applicant = ctx.catalog.department_by_code.get(grant.applicant)
            if ctx.catalog.departments_doc is not None and applicant is None:
                yield Finding(
                    document.path,
                    ("applicant",),
                    Text(
                        f"申请部门“{grant.applicant}”未在部门名录中登记",
                        f"applicant {grant.applicant} is not registered",
                    ),
                )
            elif applicant is not None and path.parent.name != applicant.slug:
                yield Finding(
                    document.path,
                    ("applicant",),
                    Text(
                        f"申请部门“{applicant.name}”的授权应放在 grants/{applicant.slug}/，文件却在 {path.parent}/",
                        f"grants of {applicant.name} belong in grants/{applicant.slug}/, not {path.parent}/",
                    ),
                )
            if path.name != f"{grant.id}.yaml":
                yield Finding(
                    document.path,
                    ("id",),
                    Text(
                        f"文件名应为“{grant.id}.yaml”（由授权编号得出），实为“{path.name}”",
                        f"the file should be named {grant.id}.yaml after its id, not {path.name}",
                    ),
                )
        for grant_id, paths in by_id.items():
            for duplicate in paths[1:]:
                yield Finding(
                    duplicate,
                    ("id",),
                    Text(
                        f"授权编号“{grant_id}”重复，另见 {paths[0]}",
                        f"grant id {grant_id!r} is also used by {paths[0]}",
                    ),
                    related=((paths[0], ("id",)),),
                )
