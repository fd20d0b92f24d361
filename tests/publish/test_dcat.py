"""The DCAT-AP 3.0 export: the project's shapes, the official DCAT-AP 3.0.1 shapes (read from
outside the project), the fail-closed access rights, and the same bytes under any hash seed."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, SKOS

from govdata.model.catalog import Catalog
from govdata.publish import Publication
from govdata.publish.dcat import ACCESS_RIGHT, dcat_graph
from govdata.publish.shacl import check, own_shapes
from tests.conftest import REPO_ROOT
from tests.publish.conftest import BASE, dcat_ap_folder

# Recommended DCAT-AP properties the model has nothing for (see docs/publishing.md).
KNOWN_GAPS = {"license", "temporal", "availability", "conformsTo", "format", "bbox", "centroid"}


def _graph(publication: Publication) -> Graph:
    return Graph().parse(data=publication.files["open/dcat.ttl"].decode("utf-8"), format="turtle")


# rdflib's own JSON-LD parser builds a ConjunctiveGraph, which rdflib 7 itself deprecates.
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_reference_export_conforms_to_official_mandatory_shapes(reference_publication: Publication) -> None:
    shapes = Graph().parse(dcat_ap_folder() / "shapes.ttl")
    for name in ("open/dcat.ttl", "open/dcat.jsonld"):
        data = Graph().parse(
            data=reference_publication.files[name].decode("utf-8"),
            format="turtle" if name.endswith("ttl") else "json-ld",
        )
        result = check(data, shapes)
        assert result.conforms, result.results[:5]
        assert result.count("Violation") == 0
        assert len(data) > 1000


def test_recommended_shapes_warn_only_about_known_gaps(reference_publication: Publication) -> None:
    result = check(_graph(reference_publication), Graph().parse(dcat_ap_folder() / "shapes_recommended.ttl"))
    assert result.count("Violation") == 0
    paths = Counter(path.rsplit("/", 1)[-1].rsplit("#", 1)[-1] for _s, _f, path, _m in result.results)
    assert set(paths) <= KNOWN_GAPS, paths
    print(f"shapes_recommended.ttl: {len(result.results)} warnings {dict(sorted(paths.items()))}")


def test_dcat_content(reference_publication: Publication, reference_catalog: Catalog) -> None:
    graph = _graph(reference_publication)
    datasets = set(graph.subjects(RDF.type, DCAT.Dataset))
    assert len(datasets) == reference_publication.open_count == 70
    catalog = URIRef(BASE + "id/catalog")
    assert set(graph.objects(catalog, DCAT.dataset)) == datasets
    authority = graph.value(catalog, DCTERMS.publisher)
    assert (authority, RDF.type, FOAF.Agent) in graph
    assert str(graph.value(authority, DCTERMS.identifier)) == reference_catalog.config.authority
    assert set(graph.subjects(RDF.type, DCAT.DataService)), "interface access is a dcat:DataService"
    for dataset in datasets:
        theme = graph.value(dataset, DCAT.theme)
        assert (theme, SKOS.inScheme, URIRef(BASE + "id/themes")) in graph
        assert graph.value(dataset, DCTERMS.accessRights) in {ACCESS_RIGHT.PUBLIC, ACCESS_RIGHT.RESTRICTED}


def test_own_shapes_refuse_a_dataset_that_is_not_open(small_root: Path) -> None:
    from tests.publish.conftest import load

    graph = dcat_graph(load(small_root), BASE)
    assert check(graph, own_shapes()).conforms
    dataset = next(graph.subjects(RDF.type, DCAT.Dataset))
    graph.set((dataset, DCTERMS.accessRights, ACCESS_RIGHT.NON_PUBLIC))
    result = check(graph, own_shapes())
    assert not result.conforms and any("只能含无条件开放" in message for *_rest, message in result.results)


def test_same_bytes_under_another_hash_seed(small_root: Path, small_publication: Publication, tmp_path: Path) -> None:
    script = (
        "import sys; from pathlib import Path; from tests.publish.conftest import load, BASE;"
        "from govdata.publish import publish, PublishOptions;"
        "p = publish(load(Path(sys.argv[1])), PublishOptions(base_url=BASE));"
        "Path(sys.argv[2]).write_bytes(p.files['open/dcat.ttl']); Path(sys.argv[3]).write_bytes(p.files['open/dcat.jsonld'])"
    )
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, "-c", script, str(small_root), str(tmp_path / "t"), str(tmp_path / "j")],
            cwd=REPO_ROOT,
            env=env,
            check=True,
        )
        assert (tmp_path / "t").read_bytes() == small_publication.files["open/dcat.ttl"]
        assert (tmp_path / "j").read_bytes() == small_publication.files["open/dcat.jsonld"]


def test_every_update_cycle_has_an_eu_frequency() -> None:
    from typing import get_args

    from govdata.model.vocab import UpdateCycle
    from govdata.publish.dcat import FREQUENCIES

    assert set(FREQUENCIES) == set(get_args(UpdateCycle))
