"""The catalogs as files: a versioned JSON envelope, CSV for Excel (UTF-8 with BOM) and XLSX.

Every byte depends on the catalog only (no clock, no locale), so the same input gives the same files.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

from govdata.model.catalog import Catalog
from govdata.publish.records import Record

ENVELOPE_VERSION = 1
Column = tuple[str, Callable[[Record], Any]]


def _joined(values: list[Any]) -> str:
    return "；".join(str(v) for v in values)


def cell_text(value: Any) -> str:
    return "" if value is None else str(value)


def _contact_text(contact: dict[str, Any] | None) -> str:
    """ "张三；0391-1234567；a@b.cn": the parts the resource names, in that order."""
    return _joined([v for v in (contact or {}).values() if v])


COMMON_COLUMNS: list[Column] = [
    ("信息资源代码 code", lambda r: r["code"]),
    ("信息资源名称 name", lambda r: r["name"]),
    ("提供方 provider", lambda r: r["provider"]["name"]),
    ("提供方代码 provider_code", lambda r: r["provider"]["code"]),
    ("类 class", lambda r: r["classification"]["class"]),
    ("项 group", lambda r: r["classification"]["group"]),
    ("摘要 abstract", lambda r: r["abstract"]),
    ("关键字 keywords", lambda r: _joined(r["keywords"])),
    ("格式 formats", lambda r: _joined(r["formats"])),
    ("更新周期 update_cycle", lambda r: r["update_cycle"]),
    ("发布日期 issued", lambda r: r["issued"]),
    ("最近更新 modified", lambda r: r["modified"]),
    ("行业 industry", lambda r: cell_text(r["industry"])),
    ("联系人 contact", lambda r: _contact_text(r["contact"])),
    ("数据量（条）records", lambda r: cell_text((r["data_volume"] or {}).get("records"))),
    ("详情页 detail_url", lambda r: cell_text(r["detail_url"])),
]
SHARE_COLUMNS: list[Column] = [
    *COMMON_COLUMNS,
    ("共享类型 sharing_type", lambda r: r["sharing"]["type"]),
    ("共享条件 sharing_condition", lambda r: cell_text(r["sharing"]["condition"])),
    ("共享方式 sharing_methods", lambda r: _joined(r["sharing"]["methods"])),
    ("共享依据 sharing_basis", lambda r: _joined(r["sharing"]["basis"])),
    ("开放类型 opening_type", lambda r: r["opening_type"]),
    ("信息项 items", lambda r: _joined([i["name"] for i in r["items"]])),
]
OPEN_COLUMNS: list[Column] = [
    *COMMON_COLUMNS,
    ("开放类型 opening_type", lambda r: r["opening"]["type"]),
    ("开放条件 opening_condition", lambda r: cell_text(r["opening"]["condition"])),
    ("开放依据 opening_basis", lambda r: _joined(r["opening"]["basis"])),
    ("脱敏方式 desensitisation", lambda r: cell_text(r["opening"]["desensitisation"])),
    ("信息项 items", lambda r: _joined([i["name"] for i in r["items"]])),
]
ITEM_COLUMNS = ["信息资源代码 code", "信息项名称 item", "数据类型 data_type", "数据长度 length", "说明 description"]


def envelope(kind: str, catalog: Catalog, records: list[Record]) -> dict[str, Any]:
    authority = catalog.authority
    return {
        "format": f"govdata-{kind}-catalog",
        "version": ENVELOPE_VERSION,
        "region": {"name": catalog.config.region.name, "division_code": catalog.config.region.division_code},
        "authority": {"code": catalog.config.authority, "name": authority.name if authority else None},
        "sample_data": catalog.config.sample_data,
        "count": len(records),
        "resources": records,
    }


def json_bytes(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode("utf-8")


def csv_bytes(columns: list[Column], records: list[Record]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([header for header, _ in columns])
    for record in records:
        writer.writerow([cell_text(value(record)) for _, value in columns])
    # The byte-order mark makes Excel read the file as UTF-8 rather than the local code page.
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


def item_rows(records: list[Record], type_key: str) -> tuple[list[str], list[list[Any]]]:
    header = [*ITEM_COLUMNS, "共享类型 sharing_type" if type_key == "sharing_type" else "开放类型 opening_type"]
    rows = [
        [r["code"], i["name"], i["data_type"], i["length"], cell_text(i["description"]), i[type_key]]
        for r in records
        for i in r["items"]
    ]
    return header, rows
