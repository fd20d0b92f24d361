"""Built-in normalisation tables: each spelling measured on real listings → the canonical value.

A mapping file's ``normalise`` section overrides or extends any table per field. Keys are
compared width-folded and without spaces (:func:`spelling_key`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from govdata.rules.gd109_metadata_complete import DEFAULT_PLACEHOLDERS

# GD109's placeholders, and the ones measured on listings (默认主题 as a theme, a template's prompt).
PLACEHOLDERS: frozenset[str] = frozenset(
    p.casefold() for p in (*DEFAULT_PLACEHOLDERS, "默认主题", "请补充开放条件", "null", "none", "未知")
)

UPDATE_CYCLES: dict[str, str] = {
    **dict.fromkeys(("每年", "年", "年度", "每年一次", "每年更新", "按年"), "每年"),
    **dict.fromkeys(("实时", "即时", "实时更新", "小时级", "分钟级", "每小时", "秒级"), "实时"),
    **dict.fromkeys(("不定期", "不定时", "不定期更新", "按需", "按需更新", "随时"), "不定期"),
    **dict.fromkeys(("每月", "月", "月度", "每月一次", "按月"), "每月"),
    **dict.fromkeys(("每日", "每天", "日", "天", "按日", "每日一次"), "每日"),
    **dict.fromkeys(("其他", "其它", "自定义"), "其他"),
    **dict.fromkeys(("每季度", "季度", "季", "按季", "每季"), "每季度"),
    **dict.fromkeys(("每半年", "半年", "半年度"), "每半年"),
    **dict.fromkeys(("不更新", "静态数据", "静态", "一次性", "历史数据"), "不更新"),
    **dict.fromkeys(("每周", "周", "每星期", "按周"), "每周"),
    **dict.fromkeys(("每半月", "半月"), "每半月"),
    **dict.fromkeys(("每旬", "旬"), "每旬"),
}
# Spellings finer than the canonical value: the original is kept as the update note.
CYCLE_KEEPS_NOTE: frozenset[str] = frozenset({"小时级", "分钟级", "每小时", "秒级", "一次性", "历史数据"})

OPENING_TYPES: dict[str, str] = {
    **dict.fromkeys(("完全开放", "无条件", "无条件开放", "开放", "公开", "普遍开放"), "无条件开放"),
    # A login with no approval still opens the data to anyone: 无条件开放 (the report keeps the spelling).
    **dict.fromkeys(("登录开放", "注册开放", "登录后开放", "登录下载"), "无条件开放"),
    **dict.fromkeys(
        ("有条件", "有条件开放", "依申请开放", "申请开放", "申请后开放", "依申请", "实名开放", "审核开放", "授权开放"),
        "有条件开放",
    ),
    **dict.fromkeys(("不开放", "不予开放", "禁止开放", "非开放", "否"), "不予开放"),
}
# A type that defers to the condition text (one portal's 开放类型 is always 可开放).
OPENING_SEE_CONDITION: frozenset[str] = frozenset({"可开放", "开放类型见开放条件", "是"})

SHARING_TYPES: dict[str, str] = {
    **dict.fromkeys(("无条件共享", "无条件", "1"), "无条件共享"),
    **dict.fromkeys(("有条件共享", "有条件", "2"), "有条件共享"),
    **dict.fromkeys(("不予共享", "不共享", "不予", "3"), "不予共享"),
}
# 共享方式类型; the categories (共享平台, 邮件, 介质) name no type and are reported.
SHARING_METHODS: dict[str, str] = {
    **dict.fromkeys(("数据库", "库表", "数据库表"), "数据库"),
    **dict.fromkeys(("文件", "文件下载"), "文件"),
    **dict.fromkeys(("接口", "服务接口", "api"), "接口"),
    **dict.fromkeys(("核验", "数据核验", "比对核验"), "核验"),
    **dict.fromkeys(("批量交换", "批量"), "批量交换"),
}

# Words in a free-text opening condition that tell the type; checked in this order.
OPENING_CONDITION_WORDS: tuple[tuple[str, str], ...] = (
    (r"不予开放|不开放|禁止开放", "不予开放"),
    (r"申请|审核|审批|授权|协议|实名|签订", "有条件开放"),
    (r"开放网站|开放数据平台|开放平台|门户网站|依托于开放网站|直接下载|公开下载|无条件", "无条件开放"),
)

FORMAT_CATEGORIES: dict[str, str] = {
    "01": "电子文件",
    "02": "电子表格",
    "03": "数据库",
    "04": "图形图像",
    "05": "流媒体",
    "06": "自描述格式",
    "07": "服务接口",
}
CATEGORY_WORDS: dict[str, str] = {
    **{name: name for name in FORMAT_CATEGORIES.values()},
    "其他": "其他",
    "文件": "电子文件",
    "表格": "电子表格",
    "接口": "服务接口",
    "服务": "服务接口",
    "图片": "图形图像",
    "图像": "图形图像",
    "视频": "流媒体",
    "音频": "流媒体",
}
# Format types (lower case) → category. GIS file types (MapGIS WP/WT/WL/MPJ, shp) are named by their
# sector: 自描述格式.
FORMAT_TYPES: dict[str, str] = {
    **dict.fromkeys(
        (
            "ofd",
            "wps",
            "xml",
            "txt",
            "doc",
            "docx",
            "html",
            "htm",
            "pdf",
            "ppt",
            "pptx",
            "json",
            "rdf",
            "file",
            "zip",
            "rar",
        ),
        "电子文件",
    ),
    **dict.fromkeys(("et", "xls", "xlsx", "csv", "table"), "电子表格"),
    **dict.fromkeys(
        (
            "dm",
            "kingbasees",
            "access",
            "dbf",
            "dbase",
            "sysbase",
            "sybase",
            "oracle",
            "sql server",
            "sqlserver",
            "db2",
            "mysql",
            "postgresql",
            "gbase",
            "data",
            "database",
            "数据库表",
        ),
        "数据库",
    ),
    **dict.fromkeys(("jpg", "jpeg", "gif", "bmp", "png", "tif", "tiff"), "图形图像"),
    **dict.fromkeys(("swf", "rm", "mpg", "mp4", "avi", "mp3", "flv"), "流媒体"),
    **dict.fromkeys(("wp", "wt", "wl", "mpj", "shp", "gdb", "kml", "geojson", "dwg"), "自描述格式"),
    **dict.fromkeys(("api", "接口", "webservice", "restful", "服务接口"), "服务接口"),
}
# Words that name a category only: no type is written for them.
CATEGORY_ONLY_TYPES: frozenset[str] = frozenset({"file", "table", "data", "database", "接口", "服务接口", "数据库表"})


@lru_cache(maxsize=65536)
def spelling_key(value: str) -> str:
    """A value as looked up in a table: width-folded, no spaces, lower case."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", value)).casefold()


def is_placeholder(value: str) -> bool:
    return spelling_key(value).rstrip("。.") in PLACEHOLDERS


def folded(table: dict[str, str]) -> dict[str, str]:
    """``table`` with its keys as :func:`spelling_key` gives them."""
    return {spelling_key(k): v for k, v in table.items()}


UPDATE_CYCLES_FOLDED = folded(UPDATE_CYCLES)
OPENING_TYPES_FOLDED = folded(OPENING_TYPES)
OPENING_SEE_CONDITION_FOLDED = frozenset(spelling_key(k) for k in OPENING_SEE_CONDITION)
SHARING_TYPES_FOLDED = folded(SHARING_TYPES)
SHARING_METHODS_FOLDED = folded(SHARING_METHODS)
