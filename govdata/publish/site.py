"""The static open-data site (``govdata publish --site``): Jinja2 pages from the open records.

Pages link with relative addresses only and load no external resource, so the site works from
``file://``, on an intranet and behind any base path. Only open records reach the templates.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from govdata.model.catalog import Catalog
from govdata.publish.dcat import catalog_title
from govdata.publish.records import Record
from govdata.publish.search import build_index, index_script

DATA_TYPES = {
    "C": "字符型",
    "N": "数值型",
    "Y": "货币型",
    "D": "日期型",
    "T": "日期时间型",
    "L": "逻辑型",
    "M": "备注型",
    "G": "通用型",
    "B": "双精度型",
    "I": "整型",
    "F": "浮点型",
}
# (data attribute, Chinese label, English label, values of a record)
FACETS: list[tuple[str, str, str, Any]] = [
    ("department", "部门", "Department", lambda r: [r["department"]]),
    ("theme", "主题", "Theme", lambda r: [r["classification"]["group"]]),
    # every format the dataset is offered in, each category once (xlsx and csv are both 电子表格)
    ("format", "格式", "Format", lambda r: list(dict.fromkeys(f.split("（")[0] for f in r["formats"]))),
    ("open", "开放类型", "Open type", lambda r: [r["opening"]["type"]]),
    ("cycle", "更新周期", "Update cycle", lambda r: [r["update_cycle"]]),
]
DOWNLOADS = [
    ("catalog.json", "JSON"),
    ("catalog.csv", "CSV（Excel）"),
    ("catalog.xlsx", "XLSX"),
    ("dcat.ttl", "DCAT-AP 3.0 Turtle"),
    ("dcat.jsonld", "DCAT-AP 3.0 JSON-LD"),
]


@dataclass(frozen=True)
class SiteOptions:
    base_url: str
    repository_url: str | None


@lru_cache(maxsize=1)
def _environment() -> Environment:
    """One environment per process: templates compile once (a quarter of a small site's time)."""
    environment = Environment(
        loader=PackageLoader("govdata.publish", "templates"),
        autoescape=select_autoescape(["html", "xml"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["data_type"] = lambda code: DATA_TYPES.get(code, code)
    environment.filters["slug"] = lambda code: code.replace("/", "-")
    return environment


def _json_ld(data: Any) -> Markup:
    # "</" would end the script element early; JSON allows "<\/" for it.
    return Markup(json.dumps(data, ensure_ascii=False, indent=2).replace("</", "<\\/"))  # noqa: S704


def _schema_org(record: Record, url: str, department_url: str) -> Markup:
    return _json_ld(
        {
            "@context": "https://schema.org",
            "@type": "Dataset",
            "name": record["name"],
            "description": record["abstract"],
            "identifier": record["code"],
            "url": url,
            "keywords": record["keywords"],
            "inLanguage": "zh-CN",
            "datePublished": record["issued"],
            "dateModified": record["modified"],
            "isAccessibleForFree": True,
            "conditionsOfAccess": record["opening"]["condition"] or record["opening"]["type"],
            "creator": {
                "@type": "GovernmentOrganization",
                "name": record["provider"]["name"],
                "identifier": record["provider"]["code"],
                "url": department_url,
            },
            "variableMeasured": [item["name"] for item in record["items"]],
        }
    )


def _issue_links(options: SiteOptions, code: str) -> dict[str, str] | None:
    if not options.repository_url:
        return None
    base = f"{options.repository_url}/issues/new?template="
    return {
        "correction": f"{base}correction.yml&resource_code={quote(code, safe='')}",
        "open_application": f"{base}open-application.yml&resource_code={quote(code, safe='')}",
    }


def _facets(records: list[Record], department_names: dict[str, str]) -> list[dict[str, Any]]:
    facets = []
    for key, zh, en, values in FACETS:
        counts = Counter(value for record in records for value in values(record))
        options = [
            {"value": value, "label": department_names.get(value, value) if key == "department" else value, "count": n}
            for value, n in sorted(counts.items())
        ]
        facets.append({"key": key, "zh": zh, "en": en, "options": options})
    return facets


def _themes(records: list[Record]) -> list[dict[str, Any]]:
    by_class: dict[str, Counter[str]] = {}
    for record in records:
        by_class.setdefault(record["classification"]["class"], Counter())[record["classification"]["group"]] += 1
    return [
        {"label": label, "groups": sorted(groups.items()), "count": sum(groups.values())}
        for label, groups in sorted(by_class.items())
    ]


def site_files(catalog: Catalog, records: list[Record], options: SiteOptions) -> dict[str, bytes]:
    """Every file of the site but the downloads, as ``{path: bytes}``."""
    environment = _environment()
    departments = [d for d in catalog.departments if any(r["department"] == d.slug for r in records)]
    names = {d.slug: d.name for d in departments}
    for record in records:  # a provider missing from the registry still gets a page
        names.setdefault(record["department"], record["provider"]["name"])
    common = {
        "title": catalog_title(catalog),
        "region": catalog.config.region.name,
        "sample_data": catalog.config.sample_data,
        "downloads": DOWNLOADS,
    }
    documents = [
        [
            r["code"],
            r["name"],
            r["abstract"],
            *r["keywords"],
            *(i["name"] for i in r["items"]),
        ]
        for r in records
    ]
    facet_values = {key: values for key, _zh, _en, values in FACETS}
    listed = [
        {"record": r, "facets": {key: "|".join(values(r)) for key, values in facet_values.items()}} for r in records
    ]
    counts = Counter(r["opening"]["type"] for r in records)
    out: dict[str, bytes] = {}

    def render(path: str, template: str, root: str, **values: Any) -> None:
        page = environment.get_template(template).render(root=root, path=path, **common, **values)
        out[path] = page.encode("utf-8")

    render(
        "index.html",
        "index.html",
        "",
        listed=listed,
        facets=_facets(records, names),
        themes=_themes(records),
        departments=[(slug, names[slug], sum(1 for r in records if r["department"] == slug)) for slug in sorted(names)],
        counts={
            "datasets": len(records),
            "departments": len(names),
            "unconditional": counts["无条件开放"],
            "conditional": counts["有条件开放"],
            "item_count": sum(len(r["items"]) for r in records),
        },
    )
    for record in records:
        slug = record["code"].replace("/", "-")
        url = f"{options.base_url}datasets/{slug}.html"
        department_url = f"{options.base_url}departments/{record['department']}.html"
        render(
            f"datasets/{slug}.html",
            "dataset.html",
            "../",
            record=record,
            department_name=names[record["department"]],
            issues=_issue_links(options, record["code"]),
            json_ld=_schema_org(record, url, department_url),
        )
    for slug, name in sorted(names.items()):
        department = catalog.department_by_slug.get(slug)
        render(
            f"departments/{slug}.html",
            "department.html",
            "../",
            name=name,
            code=department.code
            if department
            else next(r["provider"]["code"] for r in records if r["department"] == slug),
            records=[r for r in records if r["department"] == slug],
        )
    pages = ["index.html", *(p for p in sorted(out) if p != "index.html")]
    modified = {f"datasets/{r['code'].replace('/', '-')}.html": r["modified"] for r in records}
    sitemap = environment.get_template("sitemap.xml").render(
        base=options.base_url, pages=[(p, modified.get(p)) for p in pages]
    )
    out["sitemap.xml"] = sitemap.encode("utf-8")
    # Searchable, but the words of a department's or catalog's name are not the data's own.
    context = [[r["provider"]["name"], r["classification"]["group"]] for r in records]
    out["assets/search-index.js"] = index_script(build_index(documents, context)).encode("utf-8")
    for asset in ("search.js", "style.css"):
        out[f"assets/{asset}"] = files("govdata.publish").joinpath("assets", asset).read_bytes()
    return out
