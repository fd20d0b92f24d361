"""The fixed shape of the catalog workbook: sheet names, header rows, the hidden version sheet."""

from __future__ import annotations

TEMPLATE_VERSION = "1"
RESOURCES_SHEET = "信息资源"
ITEMS_SHEET = "信息项"
INSTRUCTIONS_SHEET = "填写说明"
LISTS_SHEET = "代码表"
META_SHEET = "_govdata"

KEY_ROW = 1  # hidden: the YAML key of each column, so that import never guesses from headers
HEADER_ROW = 2  # the GB element names; required columns end with *
DESCRIPTION_ROW = 3  # what to write, from the model's field descriptions
FIRST_ROW = 4  # the first data row (the template's example row)
ITEM_RESOURCE_KEY = "resource"  # the key column of the items sheet: the resource code

META_VERSION = "template_version"
META_EXAMPLE = "example_rows"  # rows of the example resource, skipped by import
