"""A catalog as an XLSX workbook with reproducible bytes.

openpyxl stamps the time into the document properties and into every zip entry; both are
replaced by a fixed date so that the same catalog gives the same file.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.writer.excel import ExcelWriter

from govdata.publish.records import Record
from govdata.publish.tables import Column, cell_text, item_rows

_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def _sheet(workbook: Workbook, title: str, header: list[str], rows: list[list[Any]], first: bool) -> None:
    sheet = workbook.active if first else workbook.create_sheet()
    assert sheet is not None
    sheet.title = title
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(row)
    sheet.freeze_panes = "A2"


def _reproducible(data: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, _ZIP_EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return output.getvalue()


def xlsx_bytes(columns: list[Column], records: list[Record], type_key: str, stamp: dt.date) -> bytes:
    workbook = Workbook()
    resources = [[cell_text(value(record)) for _, value in columns] for record in records]
    _sheet(workbook, "信息资源", [header for header, _ in columns], resources, first=True)
    header, rows = item_rows(records, type_key)
    _sheet(workbook, "信息项", header, rows, first=False)
    moment = dt.datetime.combine(stamp, dt.time())
    workbook.properties.creator = "govdata"
    workbook.properties.created = moment
    workbook.properties.modified = moment
    buffer = io.BytesIO()
    # Workbook.save would stamp the current time as "modified"; the writer itself keeps ours.
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).write_data()
    return _reproducible(buffer.getvalue())
