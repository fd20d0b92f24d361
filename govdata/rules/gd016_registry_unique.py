"""GD016: registry entries are unique by code, slug, catalog code and id."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from govdata.i18n import Text
from govdata.rules.base import Finding, Rule, RuleContext

_DEPARTMENT_KEYS = (
    ("code", "统一社会信用代码"),
    ("slug", "目录文件夹名"),
    ("catalog_code", "部门目录编码"),
    ("name", "部门名称"),
)


def _duplicates(path: str, list_key: str, entries: Sequence[Any], field: str, label: str) -> Iterator[Finding]:
    first_index: dict[object, int] = {}
    for index, entry in enumerate(entries):
        value = getattr(entry, field)
        if value is None:
            continue
        if value in first_index:
            yield Finding(
                path,
                (list_key, index, field),
                Text(
                    f"{label}“{value}”与第 {first_index[value] + 1} 个条目重复",
                    f"{field} {value!r} repeats entry {first_index[value] + 1}",
                ),
                related=((path, (list_key, first_index[value], field)),),
            )
        else:
            first_index[value] = index


class RegistryUnique(Rule):
    """Two registry entries share an identity.

    ## What it checks
    In `registry/departments.yaml`, no two departments share a 统一社会信用代码, a folder
    `slug`, a `catalog_code` or a name. In `registry/legal-bases.yaml`, no two entries
    share an `id`.

    ## Why
    Departments are identified by their code (Art. 20) and own their catalog folder
    (Art. 14); a repeated identity makes ownership and every reference ambiguous.

    ## How to fix
    Remove the repeated entry or correct its identity; merge the two if they describe the
    same department or law.
    """

    explanation_zh = """
    名录中两个条目的身份重复。

    ## 检查什么
    `registry/departments.yaml` 中，任意两个部门的统一社会信用代码、文件夹 `slug`、`catalog_code` 和名称都不能相同。
    `registry/legal-bases.yaml` 中，任意两个条目的 `id` 不能相同。

    ## 为什么
    部门以统一社会信用代码为标识（第二十条），并各自负责自己的目录文件夹（第十四条）；身份重复会让归属和所有引用都含糊不清。

    ## 如何修改
    删除重复的条目或改正其身份信息；如果两条说的是同一个部门或同一部法律，把它们合并。
    """

    id = "GD016"
    name = "registry-unique"
    title = Text("名录条目重复", "duplicate registry entry")
    article = "Art. 14"
    tags = frozenset({"integrity", "registry"})

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        departments = ctx.catalog.departments_doc
        if departments is not None:
            for field, label in _DEPARTMENT_KEYS:
                yield from _duplicates(departments.path, "departments", departments.model.departments, field, label)
        bases = ctx.catalog.legal_bases_doc
        if bases is not None:
            yield from _duplicates(bases.path, "legal_bases", bases.model.legal_bases, "id", "依据编号")
