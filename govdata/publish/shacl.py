"""SHACL checks of the DCAT export (pyshacl): the project's own shapes on every publish."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from rdflib import Graph
from rdflib.namespace import SH

OWN_SHAPES = "govdata-open-catalog.ttl"


@dataclass(frozen=True)
class ShapeResult:
    """Whether a graph conforms, and each result as (severity, focus node, path, message)."""

    conforms: bool
    results: list[tuple[str, str, str, str]]

    def count(self, severity: str) -> int:
        return sum(1 for result in self.results if result[0] == severity)


@lru_cache(maxsize=1)
def own_shapes() -> Graph:
    """The project's shapes, parsed once (pyshacl only reads the shapes graph)."""
    text = files("govdata.publish").joinpath("shapes", OWN_SHAPES).read_text(encoding="utf-8")
    return Graph().parse(data=text, format="turtle")


def check(data: Graph, shapes: Graph) -> ShapeResult:
    from pyshacl import validate

    conforms, report, _text = validate(data, shacl_graph=shapes, inference="none", advanced=True)
    assert isinstance(report, Graph)
    results = []
    for node in report.subjects(SH.resultSeverity, None):
        severity = str(report.value(node, SH.resultSeverity)).rsplit("#", 1)[-1]
        focus = str(report.value(node, SH.focusNode))
        path = str(report.value(node, SH.resultPath))
        message = str(report.value(node, SH.resultMessage))
        results.append((severity, focus, path, message))
    return ShapeResult(bool(conforms), sorted(results))
