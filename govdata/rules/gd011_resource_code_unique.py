"""GD011: a resource code names exactly one resource in the whole instance."""

from __future__ import annotations

from collections.abc import Iterator

from govdata.i18n import Text
from govdata.rules.base import Finding, Rule, RuleContext


class ResourceCodeUnique(Rule):
    """Two resource files carry the same resource code.

    ## What it checks
    Across every department's catalog, each 信息资源代码 appears in exactly one file. Each
    file of a duplicate pair is reported, with the other file as a related location.

    ## Why
    The zone catalog is one unified catalog (Art. 13, 17): the code is how grants,
    responsibility lists and the published catalogs refer to a resource, so a duplicate
    makes every such reference ambiguous.

    ## How to fix
    Give the newer resource the next free sequence number of its class, and rename its
    file to match.
    """

    explanation_zh = """
    两个资源文件使用了同一个资源代码。

    ## 检查什么
    在所有部门的目录中，每个信息资源代码只能出现在一个文件里。重复的两个文件都会报告，并把另一个文件列为相关位置。

    ## 为什么
    全区目录是统一的一本目录（第十三条、第十七条）。授权、责任清单和发布的目录都靠代码找到资源，代码重复会让这些引用都说不清指的是哪一条。

    ## 如何修改
    给较新的那条资源分配其分类下一个未用的顺序号，并把文件改成相同的名字。
    """

    id = "GD011"
    name = "resource-code-unique"
    title = Text("信息资源代码重复", "duplicate resource code")
    article = "Art. 13"
    tags = frozenset({"integrity", "catalog"})

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for code, documents in ctx.catalog.facts_by_code.items():
            if len(documents) < 2:
                continue
            for document in documents:
                others = [d.path for d in documents if d is not document]
                yield Finding(
                    document.path,
                    ("code",),
                    Text(
                        f"信息资源代码“{code}”重复，另见 {'、'.join(others)}",
                        f"resource code {code!r} is also used by {', '.join(others)}",
                    ),
                    related=tuple((other, ("code",)) for other in others),
                )
