"""GD407: a case lacks what its kind needs, sits in the wrong place, or reuses an id."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import PurePosixPath

from govdata.i18n import Text
from govdata.model.case import KIND_LABELS
from govdata.rules.base import Finding, Rule, RuleContext

# kind -> header keys it needs, with what each is for.
REQUIRED: dict[str, tuple[tuple[str, Text], ...]] = {
    "interface": (("agreed_date", Text("双方协商的提供日期（第八条）", "the agreed date (Art. 8)")),),
    "catalog-update": (
        ("changed_on", Text("法律法规修改或职能变更之日（第十九条）", "the day the law or duty changed (Art. 19)")),
    ),
    "problem-data": (
        ("reporter", Text("报告问题的数据应用部门（第二十三条）", "the reporting application department (Art. 23)")),
        ("resource", Text("问题数据所在的信息资源", "the resource holding the data")),
        ("description", Text("简洁准确的问题描述（第二十三条）", "a short, exact description (Art. 23)")),
        ("evidence", Text("佐证材料（第二十三条）", "evidence (Art. 23)")),
    ),
    "correction": (
        ("requester", Text("申请人及联系方式（第四十条）", "the requester and contact (Art. 40)")),
        ("resource", Text("所申请更正的开放目录条目", "the open-catalog entry concerned")),
        ("description", Text("需更正的内容（第四十条）", "what should be corrected (Art. 40)")),
    ),
    "open-application": (
        ("requester", Text("申请人及联系方式（第四十一条）", "the requester and contact (Art. 41)")),
        ("resource", Text("所申请的有条件开放资源", "the conditional-open resource applied for")),
        ("description", Text("使用场景和用途", "the use scenario")),
    ),
    "annual-report": (("report_year", Text("所报告的年度（第五十五条）", "the year reported (Art. 55)")),),
}


class CaseHeader(Rule):
    """A case lacks a header field its kind needs, is misplaced or misnamed, or reuses an id.

    ## What it checks
    Each kind has what its deadline and its article need: an interface request its
    `agreed_date`, a catalog update the `changed_on` day, problem data its `reporter`,
    `resource`, `description` and `evidence`, a correction request or open-data
    application its `requester`, `resource` and `description`, a yearly report its
    `report_year`. The id begins with the kind, the file is `cases/<year of the id>/<id>.yaml`,
    and no two case files share an id.

    ## Why
    Without the agreed date (Art. 8) or the day of the change (Art. 19) no due date can
    be computed; Art. 23 asks the reporting department for a concise description with
    evidence; Art. 40 and 41 answers go to a requester who can be reached. The file's place
    is how commands and reviewers find a case.

    ## How to fix
    Add the missing field from the paperwork; create cases with `govdata cases new`, which
    names and places them.
    """

    explanation_zh = """
    事项缺少其类型必需的信息，或者文件位置、文件名不对，或者编号重复。

    ## 检查什么
    每类事项都要有计算期限和适用条款所需的信息：接口需求要有 `agreed_date`（约定日期），目录更新要有 `changed_on`（变更日），
    问题数据要有 `reporter`、`resource`、`description` 和 `evidence`，更正申请或开放数据申请要有 `requester`、
    `resource` 和 `description`，年度报告要有 `report_year`。编号以事项类型开头，文件位于
    `cases/<编号中的年份>/<编号>.yaml`，任意两个事项文件的编号不能相同。

    ## 为什么
    没有约定日期（第八条）或变更日（第十九条），就算不出到期日；第二十三条要求报告部门附上简要说明和证明材料；
    第四十条、第四十一条的答复要送达能联系到的申请人。文件位置是命令和审核人员找到事项的方式。

    ## 如何修改
    按纸质材料补上缺少的信息；用 `govdata cases new` 新建事项，它会自动命名并放到正确位置。
    """

    id = "GD407"
    name = "case-header"
    title = Text("事项缺少必要信息或位置不正确", "case header incomplete or misplaced")
    article = "Art. 8, 19, 23, 40, 41, 55"
    tags = frozenset({"case", "integrity", "layout"})

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        by_id: dict[str, list[str]] = defaultdict(list)
        for document in ctx.catalog.cases:
            case = document.model
            by_id[case.id].append(document.path)
            for key, purpose in REQUIRED[case.kind]:
                if getattr(case, key) in (None, []):
                    label = KIND_LABELS[case.kind]
                    yield Finding(
                        document.path,
                        ("kind",),
                        Text(f"{label.zh}须填写 {key}：{purpose.zh}", f"a {label.en} case needs {key}: {purpose.en}"),
                        at_key=True,
                    )
            path = PurePosixPath(document.path)
            year = case.id.rsplit("-", 2)[-2]
            expected = f"cases/{year}/{case.id}.yaml"
            if not case.id.startswith(case.kind + "-"):
                yield Finding(
                    document.path,
                    ("id",),
                    Text(f"事项编号应以类型“{case.kind}-”开头", f"the id should begin with its kind, {case.kind}-"),
                )
            elif str(path) != expected:
                yield Finding(
                    document.path,
                    ("id",),
                    Text(f"事项文件应为 {expected}（由编号得出）", f"the case file should be {expected}, after its id"),
                )
        for case_id, paths in by_id.items():
            for duplicate in paths[1:]:
                yield Finding(
                    duplicate,
                    ("id",),
                    Text(
                        f"事项编号“{case_id}”重复，另见 {paths[0]}", f"case id {case_id!r} is also used by {paths[0]}"
                    ),
                    related=((paths[0], ("id",)),),
                )
