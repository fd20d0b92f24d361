"""The 填写说明 sheet and the template's example resource."""

from __future__ import annotations

from typing import Any

from govdata.excel.layout import ITEMS_SHEET, LISTS_SHEET, RESOURCES_SHEET, TEMPLATE_VERSION


def instruction_lines() -> list[str]:
    return [
        f"政务信息资源目录填写模板（govdata 模板版本 {TEMPLATE_VERSION}）/ Catalog workbook (template version {TEMPLATE_VERSION})",
        "",
        f"1. 每个信息资源在“{RESOURCES_SHEET}”表中占一行；它的每个信息项在“{ITEMS_SHEET}”表中占一行，第一列填所属信息资源代码。",
        f"   One row per resource on “{RESOURCES_SHEET}”; one row per information item on “{ITEMS_SHEET}”, keyed by the resource code.",
        "2. 表头带 * 的列为必填项；表头下方一行说明该列应填写的内容，鼠标停在表头上可看到完整说明。",
        "   Columns marked * are required; the row under the header says what each column holds.",
        f"3. 有下拉箭头的列只能从列表中选择，可选值见“{LISTS_SHEET}”表；多个值（如共享依据、共享方式）用中文分号“；”分隔。",
        f"   Columns with a drop-down take the values listed on “{LISTS_SHEET}”; separate several values with “；”.",
        "4. 日期写作 2023-06-01；代码类单元格已设为文本格式，前导零（如 010）会原样保留。",
        "   Dates are written 2023-06-01; code cells are text, so leading zeros stay.",
        "5. 灰色斜体的示例行不会导入，可以保留，也可以删除；请从示例行下面一行开始填写。",
        "   The grey example rows are never imported; start filling below them.",
        "6. 不要改动第 1 行（已隐藏）和隐藏的工作表，导入时靠它们识别各列。",
        "   Do not change the hidden first row or the hidden sheet: import reads the columns from them.",
        "7. 填好后交给目录维护人运行 govdata excel import 文件.xlsx --dry-run 查看将要修改的内容，每个问题都会标明位置，如 信息项!D12。",
        "   The maintainer runs govdata excel import FILE --dry-run; every problem is reported with its place, e.g. 信息项!D12.",
    ]


def example_resource(code: str, department_code: str, department_name: str, basis: list[str]) -> dict[str, Any]:
    """A complete resource of the kind most departments keep: a register shared on conditions."""
    return {
        "code": code,
        "name": "（示例）行政许可办理结果信息",
        "provider": {"code": department_code, "name": department_name, "internal_unit": "行政审批科"},
        "classification": {"class": "部门信息资源", "group": department_name},
        "abstract": "本部门办理行政许可事项的申请人、许可内容、决定日期和有效期。",
        "keywords": ["行政许可", "办理结果"],
        "format": {"category": "数据库", "type": "mysql"},
        "items": [
            {"name": "申请人名称", "data_type": "C", "length": 100},
            {
                "name": "统一社会信用代码",
                "data_type": "C",
                "length": 18,
                "identifier": "统一社会信用代码",
            },
            {"name": "许可决定日期", "data_type": "D", "length": 8},
        ],
        "sharing": {
            "type": "有条件共享",
            "condition": "仅向办理相关审批、监管事项的部门提供",
            "basis": basis,
            "methods": ["接口"],
        },
        "opening": {"type": "不予开放", "basis": basis},
        "update_cycle": "每日",
        "release_date": "2024-01-01",
        "aggregation": {"mode": "实时汇聚"},
        "data_subject": "法人和其他组织",
        "security_level": "一般数据2级",
    }
