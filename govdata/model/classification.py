"""registry/classification.yaml: the instance's classification tree, with node codes and synonyms.

The guide names four levels (类/项/目/细目); local trees go deeper (成都: six levels, codes of
1/3/6/10/15/21 digits) and reuse codes or give a child a code that does not start with its
parent's. The tree is kept nested, so a node is identified by its path even where a code
repeats; GD017 reports the repeats and the prefix breaks.
"""

from __future__ import annotations

from govdata.model.base import Model, NonEmptyText, gb


class ClassificationNode(Model, title="分类节点"):
    code: str = gb("节点编码", "该分类节点的编码，通常以上级节点编码开头", pattern=r"^[0-9A-Za-z]+$")
    name: NonEmptyText = gb("节点名称", "分类名称，如 人口基础信息资源")
    synonyms: list[NonEmptyText] = gb("同义名称", "与名称等同的其他写法，如 人口 ≡ 人口基础信息资源", [])
    children: list[ClassificationNode] = gb("下级节点", "下一级分类", [])


class ClassificationRegistry(Model, title="信息资源分类体系"):
    """registry/classification.yaml"""

    nodes: list[ClassificationNode] = gb("分类节点", "第一级分类（类）及其下各级节点", min_length=1)


def walk(
    nodes: list[ClassificationNode], path: tuple[int, ...] = ()
) -> list[tuple[tuple[int, ...], ClassificationNode, ClassificationNode | None]]:
    """Every node with its index path and its parent, depth first."""
    found: list[tuple[tuple[int, ...], ClassificationNode, ClassificationNode | None]] = []

    def visit(level: list[ClassificationNode], prefix: tuple[int, ...], parent: ClassificationNode | None) -> None:
        for index, node in enumerate(level):
            found.append(((*prefix, index), node, parent))
            visit(node.children, (*prefix, index), node)

    visit(nodes, path, None)
    return found


def pointer_of(path: tuple[int, ...]) -> tuple[str | int, ...]:
    """The JSON pointer of a node from its index path: nodes/i/children/j/…"""
    pointer: list[str | int] = ["nodes"]
    for depth, index in enumerate(path):
        if depth:
            pointer.append("children")
        pointer.append(index)
    return tuple(pointer)


__all__ = ["ClassificationNode", "ClassificationRegistry", "pointer_of", "walk"]
