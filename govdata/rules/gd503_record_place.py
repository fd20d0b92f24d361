"""GD503: a project or security record names an unregistered department or sits in the wrong file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePosixPath

from govdata.i18n import Text
from govdata.rules.base import Finding, Rule, RuleContext


class RecordPlace(Rule):
    """A project or security record names an unregistered department, or its file name disagrees with it.

    ## What it checks
    - `projects/<id>.yaml`: `department` is registered and the file is named after `id`.
    - `security/<dept>/<year>.yaml`: `department` is the registered department whose folder
      is `<dept>`, and the file name is the record's `year`.

    ## Why
    The yearly evaluation (Art. 54) and the project gates (Art. 56) credit each record to a
    department and a year by where it is; a misplaced record counts for the wrong one.

    ## How to fix
    Register the department, move the file to the folder of its department, and name it after
    its id (projects) or its year (security records).
    """

    explanation_zh = """
    项目或安全记录写的部门未登记，或者文件名与内容不符。

    ## 检查什么
    - `projects/<编号>.yaml`：`department` 已登记，文件按 `id` 命名。
    - `security/<部门>/<年份>.yaml`：`department` 是文件夹名为 `<部门>` 的已登记部门，文件名是记录中的 `year`。

    ## 为什么
    年度评估（第五十四条）和项目关口（第五十六条）按文件所在位置把每份记录算到某个部门、某一年；放错位置的记录会算错对象。

    ## 如何修改
    登记该部门，把文件移到所属部门的文件夹，按编号（项目）或年份（安全记录）命名。
    """

    id = "GD503"
    name = "record-place"
    title = Text("项目或安全记录的位置与内容不符", "project or security record misplaced")
    article = "Art. 54, 56"
    tags = frozenset({"project", "security", "layout"})

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        departments = ctx.catalog.department_by_code
        for document in ctx.catalog.projects:
            project = document.model
            if project.department not in departments:
                yield _unregistered(document.path, project.department)
            if PurePosixPath(document.path).stem != project.id:
                yield Finding(
                    document.path,
                    ("id",),
                    Text(
                        f"项目编号 {project.id} 与文件名不一致，应为 projects/{project.id}.yaml",
                        f"project id {project.id} does not match the file name; use projects/{project.id}.yaml",
                    ),
                )
        for entry in ctx.catalog.security_records:
            record = entry.model
            department = departments.get(record.department)
            path = PurePosixPath(entry.path)
            if department is None:
                yield _unregistered(entry.path, record.department)
            elif path.parent.name != department.slug:
                yield Finding(
                    entry.path,
                    ("department",),
                    Text(
                        f"记录属于 {department.name}，应放在 security/{department.slug}/ 下",
                        f"the record belongs to {department.name}; move it to security/{department.slug}/",
                    ),
                )
            if path.stem != str(record.year):
                yield Finding(
                    entry.path,
                    ("year",),
                    Text(
                        f"年度 {record.year} 与文件名 {path.name} 不一致",
                        f"year {record.year} does not match the file name {path.name}",
                    ),
                )


def _unregistered(path: str, code: str) -> Finding:
    return Finding(
        path,
        ("department",),
        Text(f"部门代码 {code} 不在部门名录中", f"department {code} is not in the registry"),
        Text("先在 registry/departments.yaml 中登记该部门", "register the department in registry/departments.yaml"),
    )
