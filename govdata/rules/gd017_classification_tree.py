"""GD017: the classification tree has one code per node, each starting with its parent's."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from govdata.diagnostics import Severity
from govdata.i18n import Text
from govdata.model.classification import pointer_of, walk
from govdata.rules.base import Finding, Rule, RuleContext, Scope


class ClassificationTree(Rule):
    """A classification code is reused, breaks its parent's prefix, or names no node.

    ## What it checks
    In `registry/classification.yaml`, every node code appears once in the whole tree, and a
    child's code starts with its parent's code (成都's tree: 1/3/6/10/15/21 digits). Every
    resource's `classification.node` is the code of exactly one node of that tree, and its
    `classification.group` is the name or a synonym of a node.

    ## Why
    The catalog is compiled by the classification of the national guide (Art. 14) into one
    zone catalog (Art. 17); a code that names two nodes, or a child that does not extend its
    parent's code, makes the classification code part of a resource code ambiguous, and a
    resource filed under a node nobody defined cannot be found by browsing the tree.

    ## How to fix
    Give the repeated node a code of its own under its parent (keep the old one as a
    synonym-free alias in your records), or correct the resource's `classification.node`
    to a code of the tree. A local name for a node (人口 for 人口基础信息资源) belongs in
    the node's `synonyms`.
    """

    explanation_zh = """
    分类节点编码重复、与上级编码不符，或指向不存在的节点。

    ## 检查什么
    在 `registry/classification.yaml` 中，每个节点编码在整棵分类树里只出现一次，下级节点的编码以上级编码开头
    （如成都的分类树为 1/3/6/10/15/21 位）。每条资源的 `classification.node` 必须恰好是树中一个节点的编码，
    `classification.group` 必须是某个节点的名称或同义词。

    ## 为什么
    目录要按国家指南的分类编制（第十四条），汇成一本全区目录（第十七条）。一个编码对应两个节点，或下级编码不延续上级编码，
    资源代码中的分类部分就会含糊；挂在没人定义过的节点下的资源，按分类树浏览时找不到。

    ## 如何修改
    给重复的节点在其上级下分配一个自己的编码（旧编码在自己的记录中保留备查），或把资源的 `classification.node`
    改为树中存在的编码。节点的本地叫法（如“人口”之于“人口基础信息资源”）写到该节点的 `synonyms` 中。
    """

    id = "GD017"
    name = "classification-tree"
    title = Text("分类节点编码重复或与上级不符", "classification code reused or off its parent")
    article = "Art. 14"
    severity = Severity.WARNING
    tags = frozenset({"integrity", "registry", "classification"})

    scope = Scope.FILE

    def check_index(self, ctx: RuleContext) -> Iterator[Finding]:
        document = ctx.catalog.classification_doc
        if document is None:
            return
        nodes = walk(list(document.model.nodes))
        first: dict[str, tuple[int, ...]] = {}
        repeats: dict[str, list[tuple[int, ...]]] = defaultdict(list)
        for path, node, parent in nodes:
            if node.code in first:
                repeats[node.code].append(path)
            else:
                first[node.code] = path
            if parent is not None and not node.code.startswith(parent.code):
                yield Finding(
                    document.path,
                    (*pointer_of(path), "code"),
                    Text(
                        f"节点“{node.name}”的编码“{node.code}”不以上级“{parent.name}”的编码“{parent.code}”开头",
                        f"node {node.name!r} has code {node.code!r}, which does not start with its parent's {parent.code!r}",
                    ),
                )
        for code, paths in repeats.items():
            original = first[code]
            for path in paths:
                yield Finding(
                    document.path,
                    (*pointer_of(path), "code"),
                    Text(f"分类编码“{code}”已被其他节点使用", f"classification code {code!r} is already used"),
                    related=((document.path, (*pointer_of(original), "code")),),
                )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        names = ctx.catalog.classification_synonyms
        for resource_doc in ctx.catalog.resources:
            classification = resource_doc.model.classification
            node_code = classification.node
            if node_code is not None and node_code not in ctx.catalog.classification_nodes:
                yield Finding(
                    resource_doc.path,
                    ("classification", "node"),
                    Text(
                        f"分类节点编码“{node_code}”不在 registry/classification.yaml 中",
                        f"classification node {node_code!r} is not in registry/classification.yaml",
                    ),
                )
            elif node_code is not None and len(ctx.catalog.classification_nodes[node_code]) > 1:
                yield Finding(
                    resource_doc.path,
                    ("classification", "node"),
                    Text(
                        f"分类节点编码“{node_code}”在分类体系中被多个节点使用，无法确定所属节点",
                        f"classification code {node_code!r} names several nodes; the resource's place is ambiguous",
                    ),
                )
            elif node_code is not None and classification.group not in names:
                yield Finding(
                    resource_doc.path,
                    ("classification", "group"),
                    Text(
                        f"项“{classification.group}”不是分类体系中的名称或同义名称",
                        f"项 {classification.group!r} is neither a name nor a synonym in the classification tree",
                    ),
                    Text("在对应节点的 synonyms 中登记该写法", "register the spelling among the node's synonyms"),
                )
