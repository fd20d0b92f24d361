"""The open catalog as DCAT-AP 3.0 (rdflib): Turtle and JSON-LD with reproducible bytes.

Every node has an IRI under the site's base address (no blank nodes), and the JSON-LD is
re-ordered after serialisation, so the same catalog gives the same bytes whatever the hash seed.
Vocabularies are the EU publications office authority tables that DCAT-AP recommends.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import quote

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, SKOS, XSD

from govdata.model.catalog import Catalog
from govdata.model.resource import Resource
from govdata.publish import accessors as at
from govdata.publish.records import open_resources

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")  # rdflib's VCARD is the 2001 RDF form
EU = "http://publications.europa.eu/resource/authority/"
FREQUENCY = Namespace(EU + "frequency/")
ACCESS_RIGHT = Namespace(EU + "access-right/")
FILE_TYPE = Namespace(EU + "file-type/")
LANGUAGE_ZH = URIRef(EU + "language/ZHO")
PUBLISHER_TYPE_LOCAL = URIRef("http://purl.org/adms/publishertype/LocalAuthority")
ZH = "zh"

# Update cycle -> EU frequency authority table (every value of vocab.UpdateCycle; a test keeps it so).
FREQUENCIES = {
    "实时": "CONT",
    "每日": "DAILY",
    "每周": "WEEKLY",
    "每旬": "THREE_TIMES_A_MONTH",
    "每半月": "MONTHLY_2",
    "每月": "MONTHLY",
    "每季度": "QUARTERLY",
    "每半年": "ANNUAL_2",
    "每年": "ANNUAL",
    "不定期": "IRREG",
    "其他": "OTHER",
    "不更新": "NEVER",
}
OBTAIN_NOTE = {
    "无条件开放": "无条件开放：通过开放平台身份认证后直接获取（第四十一条）。",
    "有条件开放": "有条件开放：向数据生产部门提出申请，10个工作日内答复，可延长不超过10个工作日（第四十一条）。",
}
ACCESS_RIGHTS = {"无条件开放": "PUBLIC", "有条件开放": "RESTRICTED"}
FILE_TYPES = {
    "csv": "CSV",
    "xlsx": "XLSX",
    "xls": "XLS",
    "pdf": "PDF",
    "json": "JSON",
    "xml": "XML",
    "doc": "DOC",
    "docx": "DOCX",
    "shp": "SHP",
    "jpeg": "JPEG",
    "jpg": "JPEG",
    "png": "PNG",
    "tiff": "TIFF",
    "zip": "ZIP",
    "html": "HTML",
    "txt": "TXT",
}


class Addresses:
    """IRIs of the published things, all under the site's base address."""

    def __init__(self, base_url: str) -> None:
        self.base = base_url

    def catalog(self) -> URIRef:
        return URIRef(self.base + "id/catalog")

    def dataset(self, resource: Resource) -> URIRef:
        return URIRef(f"{self.base}id/dataset/{at.dataset_slug(resource)}")

    def page(self, resource: Resource) -> URIRef:
        return URIRef(f"{self.base}datasets/{at.dataset_slug(resource)}.html")

    def distribution(self, resource: Resource, index: int) -> URIRef:
        return URIRef(f"{self.base}id/distribution/{at.dataset_slug(resource)}/{index}")

    def service(self, resource: Resource) -> URIRef:
        return URIRef(f"{self.base}id/service/{at.dataset_slug(resource)}")

    def agent(self, code: str) -> URIRef:
        return URIRef(f"{self.base}id/agent/{code}")

    def contact(self, code: str, resource: Resource | None = None) -> URIRef:
        tail = f"/{at.dataset_slug(resource)}" if resource is not None else ""
        return URIRef(f"{self.base}id/contact/{code}{tail}")

    def region(self, division_code: str) -> URIRef:
        return URIRef(f"{self.base}id/region/{division_code}")

    def scheme(self) -> URIRef:
        return URIRef(self.base + "id/themes")

    def theme(self, class_label: str, group_label: str | None = None) -> URIRef:
        tail = quote(class_label) + (f"/{quote(group_label)}" if group_label else "")
        return URIRef(f"{self.base}id/themes/{tail}")


def _date(value: Any) -> Literal:
    return Literal(value.isoformat(), datatype=XSD.date)


def _agent(graph: Graph, iri: URIRef, name: str, code: str) -> None:
    graph.add((iri, RDF.type, FOAF.Agent))
    graph.add((iri, FOAF.name, Literal(name, lang=ZH)))
    graph.add((iri, DCTERMS.identifier, Literal(code)))  # 统一社会信用代码 (GB 32100)
    graph.add((iri, DCTERMS.type, PUBLISHER_TYPE_LOCAL))


def _themes(graph: Graph, iris: Addresses, resources: list[Resource], title: str) -> None:
    scheme = iris.scheme()
    graph.add((scheme, RDF.type, SKOS.ConceptScheme))
    graph.add((scheme, DCTERMS.title, Literal(title, lang=ZH)))
    for resource in resources:
        theme = at.theme_of(resource)
        top, group = iris.theme(theme.class_label), iris.theme(theme.class_label, theme.group_label)
        for concept, label in ((top, theme.class_label), (group, theme.group_label)):
            graph.add((concept, RDF.type, SKOS.Concept))
            graph.add((concept, SKOS.prefLabel, Literal(label, lang=ZH)))
            graph.add((concept, SKOS.inScheme, scheme))
        graph.add((scheme, SKOS.hasTopConcept, top))
        graph.add((top, SKOS.topConceptOf, scheme))
        graph.add((group, SKOS.broader, top))


def _keywords(resource: Resource) -> list[str]:
    """The resource's keywords and its GB/T 4754 industry (a keyword: the standard has no IRIs)."""
    industry = at.industry_of(resource)
    extra = [industry] if industry and industry not in resource.keywords else []
    return [*resource.keywords, *extra]


def _contact_point(graph: Graph, iris: Addresses, catalog: Catalog, resource: Resource, contact: at.Contact) -> URIRef:
    """The department's vCard; a resource naming its own person, phone or e-mail gets its own."""
    point = iris.contact(contact.code, resource if contact.personal else None)
    graph.add((point, RDF.type, VCARD.Organization))
    name = f"{contact.name} {contact.person}" if contact.person else contact.name
    graph.add((point, VCARD.fn, Literal(name, lang=ZH)))
    graph.add((point, VCARD.hasURL, URIRef(f"{iris.base}departments/{at.department_slug(catalog, resource)}.html")))
    phone = re.sub(r"[^0-9+\-]", "", contact.phone or "")
    if phone:
        graph.add((point, VCARD.hasTelephone, URIRef(f"tel:{phone}")))
    if contact.email:
        graph.add((point, VCARD.hasEmail, URIRef(f"mailto:{quote(contact.email, safe='@.+-_')}")))
    return point


def _dataset(graph: Graph, iris: Addresses, catalog: Catalog, resource: Resource) -> URIRef:
    dataset, page = iris.dataset(resource), iris.page(resource)
    contact = at.contact_of(resource)
    theme = at.theme_of(resource)
    graph.add((dataset, RDF.type, DCAT.Dataset))
    graph.add((dataset, DCTERMS.title, Literal(resource.name, lang=ZH)))
    graph.add((dataset, DCTERMS.description, Literal(resource.abstract, lang=ZH)))
    graph.add((dataset, DCTERMS.identifier, Literal(resource.code)))
    for keyword in _keywords(resource):
        graph.add((dataset, DCAT.keyword, Literal(keyword, lang=ZH)))
    graph.add((dataset, DCAT.theme, iris.theme(theme.class_label, theme.group_label)))
    graph.add((dataset, DCTERMS.publisher, iris.agent(resource.provider.code)))
    _agent(graph, iris.agent(resource.provider.code), resource.provider.name, resource.provider.code)
    point = _contact_point(graph, iris, catalog, resource, contact)
    graph.add((dataset, DCAT.contactPoint, point))
    graph.add((dataset, DCTERMS.accrualPeriodicity, FREQUENCY[FREQUENCIES[resource.update_cycle]]))
    graph.add((dataset, DCTERMS.issued, _date(at.issued_of(resource))))
    graph.add((dataset, DCTERMS.modified, _date(at.modified_of(resource))))
    graph.add((dataset, DCTERMS.language, LANGUAGE_ZH))
    graph.add((dataset, DCTERMS.accessRights, ACCESS_RIGHT[ACCESS_RIGHTS[resource.opening.type]]))
    graph.add((dataset, DCAT.landingPage, page))
    detail = at.detail_url_of(resource)
    if detail is not None:  # the resource's page on the catalog or open platform
        graph.add((dataset, DCAT.landingPage, URIRef(detail)))
        graph.add((URIRef(detail), RDF.type, FOAF.Document))
    _, size = at.volume_of(resource)
    graph.add((dataset, DCTERMS.spatial, iris.region(catalog.config.region.division_code)))
    for index, form in enumerate(at.formats_of(resource), start=1):
        distribution = iris.distribution(resource, index)
        graph.add((dataset, DCAT.distribution, distribution))
        graph.add((distribution, RDF.type, DCAT.Distribution))
        graph.add((distribution, DCTERMS.title, Literal(form.label, lang=ZH)))
        graph.add((distribution, DCAT.accessURL, URIRef(f"{page}#obtain")))
        graph.add((distribution, DCTERMS.description, Literal(OBTAIN_NOTE[resource.opening.type], lang=ZH)))
        file_type = FILE_TYPES.get((form.type or "").lower())
        if file_type:
            graph.add((distribution, DCTERMS.format, FILE_TYPE[file_type]))
        if size is not None and index == 1:  # the volume recorded is that of the primary format
            graph.add((distribution, DCAT.byteSize, Literal(size, datatype=XSD.nonNegativeInteger)))
        if at.offers_interface(resource):
            graph.add((distribution, DCAT.accessService, iris.service(resource)))
    if at.offers_interface(resource):
        service = iris.service(resource)
        graph.add((service, RDF.type, DCAT.DataService))
        title = at.interface_name(resource) or f"{resource.name}接口服务"
        graph.add((service, DCTERMS.title, Literal(title, lang=ZH)))
        # The model records no endpoint address yet: the landing page says how to reach it.
        graph.add((service, DCAT.endpointURL, URIRef(f"{page}#obtain")))
        graph.add((service, DCAT.servesDataset, dataset))
        graph.add((service, DCAT.endpointDescription, page))
        graph.add((service, DCAT.contactPoint, point))
        graph.add((service, DCAT.theme, iris.theme(theme.class_label, theme.group_label)))
        for keyword in _keywords(resource):
            graph.add((service, DCAT.keyword, Literal(keyword, lang=ZH)))
        graph.add((service, DCTERMS.publisher, iris.agent(resource.provider.code)))
        graph.add((service, DCTERMS.accessRights, ACCESS_RIGHT[ACCESS_RIGHTS[resource.opening.type]]))
        graph.add((iris.catalog(), DCAT.service, service))
    return dataset


def catalog_title(catalog: Catalog) -> str:
    return f"{catalog.config.region.name}政务数据开放目录"


def dcat_graph(catalog: Catalog, base_url: str) -> Graph:
    iris = Addresses(base_url)
    graph = Graph()
    graph.bind("dcat", DCAT)
    graph.bind("dct", DCTERMS)
    graph.bind("foaf", FOAF)
    graph.bind("skos", SKOS)
    graph.bind("vcard", VCARD)
    resources = open_resources(catalog)
    node = iris.catalog()
    region = catalog.config.region.name
    graph.add((node, RDF.type, DCAT.Catalog))
    graph.add((node, DCTERMS.title, Literal(catalog_title(catalog), lang=ZH)))
    description = f"{region}数据主管部门依《政务数据共享管理暂行办法》第三十七条、第四十条发布的政务数据开放目录。"
    graph.add((node, DCTERMS.description, Literal(description, lang=ZH)))
    authority = catalog.authority
    graph.add((node, DCTERMS.publisher, iris.agent(catalog.config.authority)))
    _agent(
        graph, iris.agent(catalog.config.authority), authority.name if authority else region, catalog.config.authority
    )
    graph.add((node, DCTERMS.language, LANGUAGE_ZH))
    graph.add((node, FOAF.homepage, URIRef(base_url)))
    graph.add((node, DCAT.themeTaxonomy, iris.scheme()))
    place = iris.region(catalog.config.region.division_code)
    graph.add((node, DCTERMS.spatial, place))
    graph.add((place, RDF.type, DCTERMS.Location))
    graph.add((place, SKOS.prefLabel, Literal(region, lang=ZH)))
    graph.add((place, SKOS.notation, Literal(catalog.config.region.division_code)))  # GB/T 2260
    if resources:
        graph.add((node, DCTERMS.issued, _date(min(at.issued_of(r) for r in resources))))
        graph.add((node, DCTERMS.modified, _date(max(at.modified_of(r) for r in resources))))
    _themes(graph, iris, resources, f"{region}政务信息资源分类")
    for resource in resources:
        graph.add((node, DCAT.dataset, _dataset(graph, iris, catalog, resource)))
    return graph


def _ordered(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _ordered(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        items = [_ordered(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    return value


def turtle_bytes(graph: Graph) -> bytes:
    return graph.serialize(format="turtle", encoding="utf-8")


def jsonld_bytes(graph: Graph) -> bytes:
    context = {prefix: str(namespace) for prefix, namespace in graph.namespaces() if prefix in _PREFIXES}
    text = graph.serialize(format="json-ld", context=context, auto_compact=True)
    data = _ordered(json.loads(text))
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


_PREFIXES = {"dcat", "dct", "foaf", "skos", "vcard", "xsd", "rdf"}
