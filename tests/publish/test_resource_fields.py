"""Every format and the citizen-facing resource fields (issue 10) reach DCAT, the catalogs and the site.

The small instance's 药品零售企业许可信息 is offered as xlsx (primary), csv and pdf, and records its
last update, contact, detail page, data volume and industry; 市场主体登记基本信息 records none of them.
"""

from __future__ import annotations

import json
from io import BytesIO

import pytest
from openpyxl import load_workbook
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, XSD

from govdata.publish import Publication
from govdata.publish.dcat import FILE_TYPE, VCARD
from tests.publish.conftest import BASE

PHARMACY = URIRef(BASE + "id/dataset/307003-000001")
REGISTRY = URIRef(BASE + "id/dataset/102003-000001")


def _graph(publication: Publication, name: str = "open/dcat.ttl") -> Graph:
    text = publication.files[name].decode("utf-8")
    return Graph().parse(data=text, format="turtle" if name.endswith("ttl") else "json-ld")


def _page(publication: Publication) -> str:
    return publication.files["site/datasets/307003-000001.html"].decode("utf-8")


# rdflib's own JSON-LD parser builds a ConjunctiveGraph, which rdflib 7 itself deprecates.
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_one_distribution_per_format(small_publication: Publication) -> None:
    for name in ("open/dcat.ttl", "open/dcat.jsonld"):
        graph = _graph(small_publication, name)
        distributions = sorted(graph.objects(PHARMACY, DCAT.distribution))
        assert [str(d).rsplit("/", 1)[-1] for d in distributions] == ["1", "2", "3"]
        titles = [str(graph.value(d, DCTERMS.title)) for d in distributions]
        assert titles == ["电子表格（xlsx）", "电子表格（csv）", "电子文件（pdf）"]
        assert [graph.value(d, DCTERMS.format) for d in distributions] == [FILE_TYPE.XLSX, FILE_TYPE.CSV, FILE_TYPE.PDF]
        assert len(list(graph.objects(REGISTRY, DCAT.distribution))) == 1


def test_formats_in_json_csv_xlsx_and_on_the_site(small_publication: Publication) -> None:
    formats = ["电子表格（xlsx）", "电子表格（csv）", "电子文件（pdf）"]
    record = json.loads(small_publication.files["open/catalog.json"])["resources"][1]
    assert record["formats"] == formats
    assert "电子表格（xlsx）；电子表格（csv）；电子文件（pdf）" in small_publication.files["open/catalog.csv"].decode()
    sheet = load_workbook(BytesIO(small_publication.files["open/catalog.xlsx"])).worksheets[0]
    header = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(values_only=True) if r[0] == "307003/000001")
    assert row[header.index("格式 formats")] == "；".join(formats)
    page = _page(small_publication)
    assert all(f"<li>{f}</li>" in page for f in formats)
    home = small_publication.files["site/index.html"].decode("utf-8")
    assert 'data-format="电子表格|电子文件"' in home  # the facet offers each category once


def test_last_updated_is_dct_modified(small_publication: Publication) -> None:
    graph = _graph(small_publication)
    assert graph.value(PHARMACY, DCTERMS.modified) == Literal("2025-03-01", datatype=XSD.date)
    assert graph.value(REGISTRY, DCTERMS.modified) == Literal("2024-03-01", datatype=XSD.date)  # the release date
    assert "最近更新" in _page(small_publication) and "2025-03-01" in _page(small_publication)
    assert '"dateModified": "2025-03-01"' in _page(small_publication)


def test_contact_is_a_contact_point_with_phone_and_email(small_publication: Publication) -> None:
    graph = _graph(small_publication)
    point = graph.value(PHARMACY, DCAT.contactPoint)
    assert str(point).endswith("/307003-000001")  # its own vCard, not the department's
    assert str(graph.value(point, VCARD.fn)) == "测试区市场监督管理局 王药监"
    assert graph.value(point, VCARD.hasTelephone) == URIRef("tel:0391-6611234")
    assert graph.value(point, VCARD.hasEmail) == URIRef("mailto:yaojian@example.org")
    department = graph.value(REGISTRY, DCAT.contactPoint)
    assert department != point and graph.value(department, VCARD.hasTelephone) is None
    page = _page(small_publication)
    assert '<a href="tel:0391-6611234">' in page and '<a href="mailto:yaojian@example.org">' in page


def test_detail_url_is_a_landing_page(small_publication: Publication) -> None:
    graph = _graph(small_publication)
    pages = set(graph.objects(PHARMACY, DCAT.landingPage))
    assert pages == {
        URIRef(BASE + "datasets/307003-000001.html"),
        URIRef("https://data.example.org/portal/307003-000001"),
    }
    assert 'href="https://data.example.org/portal/307003-000001"' in _page(small_publication)


def test_data_volume_as_byte_size_and_on_the_site(small_publication: Publication) -> None:
    graph = _graph(small_publication)
    first, *others = sorted(graph.objects(PHARMACY, DCAT.distribution))
    assert graph.value(first, DCAT.byteSize) == Literal(524288, datatype=XSD.nonNegativeInteger)
    assert all(graph.value(d, DCAT.byteSize) is None for d in others)  # the volume is the primary format's
    assert "1280 条 records" in _page(small_publication) and "524288 字节 bytes" in _page(small_publication)


def test_industry_is_a_keyword(small_publication: Publication) -> None:
    graph = _graph(small_publication)
    assert Literal("药品零售", lang="zh") in set(graph.objects(PHARMACY, DCAT.keyword))
    assert "药品零售" not in {str(k) for k in graph.objects(REGISTRY, DCAT.keyword)}
    assert "<dt>行业" in _page(small_publication) and "药品零售" in _page(small_publication)
