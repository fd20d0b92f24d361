"""``govdata publish``: the share catalog (Art. 33), the open catalog (Art. 37, 40, 41) as JSON,
CSV and XLSX, the open catalog as DCAT-AP 3.0, and a static open-data site.

Everything is derived as ``{path: bytes}`` with reproducible bytes; :mod:`.output` writes it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from govdata.errors import GovdataError
from govdata.i18n import Text
from govdata.model.catalog import Catalog
from govdata.publish import accessors as at
from govdata.publish.dcat import dcat_graph, jsonld_bytes, turtle_bytes
from govdata.publish.records import open_records, open_resources, share_records
from govdata.publish.shacl import ShapeResult, check, own_shapes
from govdata.publish.tables import OPEN_COLUMNS, SHARE_COLUMNS, csv_bytes, envelope, json_bytes
from govdata.publish.workbook import xlsx_bytes

PLACEHOLDER_BASE = "https://open-data.invalid/"
EPOCH = dt.date(2000, 1, 1)


class PublishError(GovdataError):
    """The export failed its own checks; nothing was written."""

    exit_code = 1


@dataclass(frozen=True)
class PublishOptions:
    base_url: str = PLACEHOLDER_BASE
    repository_url: str | None = None
    site: bool = False


@dataclass(frozen=True)
class Publication:
    files: dict[str, bytes]
    shapes: ShapeResult
    share_count: int
    open_count: int


def _stamp(catalog: Catalog) -> dt.date:
    """The catalog's own date (its latest change), used where a file format wants a time."""
    dates = [at.modified_of(d.model) for d in catalog.resources]
    return max(dates, default=EPOCH)


def publish(catalog: Catalog, options: PublishOptions) -> Publication:
    """Every derived file; raises :class:`PublishError` when the DCAT export fails the project's shapes."""
    stamp = _stamp(catalog)
    shared, opened = share_records(catalog), open_records(catalog)
    files = {
        "share/catalog.json": json_bytes(envelope("share", catalog, shared)),
        "share/catalog.csv": csv_bytes(SHARE_COLUMNS, shared),
        "share/catalog.xlsx": xlsx_bytes(SHARE_COLUMNS, shared, "sharing_type", stamp),
        "open/catalog.json": json_bytes(envelope("open", catalog, opened)),
        "open/catalog.csv": csv_bytes(OPEN_COLUMNS, opened),
        "open/catalog.xlsx": xlsx_bytes(OPEN_COLUMNS, opened, "opening_type", stamp),
    }
    graph = dcat_graph(catalog, options.base_url)
    result = check(graph, own_shapes())
    if not result.conforms:
        lines = "\n".join(f"  {focus} {path}: {message}" for _s, focus, path, message in result.results[:20])
        raise PublishError(
            Text(
                f"DCAT 导出不符合项目约束（{len(result.results)} 处），未写入任何文件：\n{lines}",
                f"the DCAT export fails the project's shapes ({len(result.results)} results); nothing written:\n{lines}",
            )
        )
    files["open/dcat.ttl"] = turtle_bytes(graph)
    files["open/dcat.jsonld"] = jsonld_bytes(graph)
    if options.site:
        from govdata.publish.site import SiteOptions, site_files

        pages = site_files(catalog, opened, SiteOptions(options.base_url, options.repository_url))
        files.update({f"site/{path}": content for path, content in pages.items()})
        for name in ("catalog.json", "catalog.csv", "catalog.xlsx", "dcat.ttl", "dcat.jsonld"):
            files[f"site/downloads/{name}"] = files[f"open/{name}"]
    return Publication(files, result, len(shared), len(open_resources(catalog)))
