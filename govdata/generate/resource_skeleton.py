"""A new resource file: the next free code of a department, and a valid skeleton with Chinese comments.

The comments come from the model's field descriptions, so a field added to the model is
explained in new files without a change here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, get_args

from ruamel.yaml.comments import CommentedMap

from govdata.fmt.canonical import format_text
from govdata.io.edit import commented, quoted
from govdata.io.roundtrip import dump_round_trip
from govdata.model.resource import Resource
from govdata.model.vocab import KNOWN_THEMES, BaseLibrary

DEPARTMENT_GROUP = "07"  # the guide's 项 code of departments' own catalogs (部门信息资源)
SEQUENCE_DIGITS = 6


def group_code(klass: str, group: str) -> str | None:
    """The two-digit 项 code of ``group``: base libraries 01–05, the guide's themes 01–12."""
    if klass == "基础信息资源" and group in get_args(BaseLibrary):
        return f"{get_args(BaseLibrary).index(group) + 1:02d}"
    if klass == "主题信息资源" and group in KNOWN_THEMES:
        return f"{KNOWN_THEMES.index(group) + 1:02d}"
    return DEPARTMENT_GROUP if klass == "部门信息资源" else None


def next_free_code(front: str, taken: Iterable[str]) -> str:
    """``front/NNNNNN`` with the sequence after the highest one in use under ``front``."""
    used = [
        int(code.split("/", 1)[1]) for code in taken if code.startswith(front + "/") and code.split("/", 1)[1].isdigit()
    ]
    return f"{front}/{max(used, default=0) + 1:0{SEQUENCE_DIGITS}d}"


def code_front(
    pattern: str, class_codes: dict[str, str], klass: str, group: str, catalog_code: str | None
) -> str | None:
    """The front segment the instance's code grammar gives a resource of ``klass``/``group``; None if unknown."""
    digit = next((code for code, name in class_codes.items() if name == klass), None)
    group_digits = group_code(klass, group)
    if digit is None or group_digits is None or catalog_code is None:
        return None
    front = f"{digit}{group_digits}{catalog_code}"
    return front if re.fullmatch(pattern, f"{front}/{'0' * (SEQUENCE_DIGITS - 1)}1") else None


@dataclass(frozen=True)
class Skeleton:
    code: str
    name: str
    abstract: str
    provider_code: str
    provider_name: str
    klass: str
    group: str
    # A database or spreadsheet must list its items (GD109); a new file starts as a document
    # until they are written down, and the comment on ``format`` says so.
    format_category: str = "电子文件"
    update_cycle: str = "不定期"
    data_subject: str = "其他"
    security_level: str = "一般数据2级"


# A skeleton must validate: unconditional sharing and opening need no legal basis. The
# comment above them says to change them when they do not fit (Art. 14, 32, 39).
_REVIEW = {
    "sharing": "请按实际情况修改：有条件共享、不予共享须写明条件并引用法律依据（第十四条、第三十二条）",
    "opening": "请按实际情况修改：有条件开放、不予开放须引用法律法规依据（第三十九条）",
    "format": "数据库、电子表格等结构化资源请改 category，并在 items 下列出信息项",
    "items": "结构化资源请逐项填写字段：name 名称、data_type 数据类型、length 长度",
}


def skeleton_data(seed: Skeleton, today: dt.date) -> dict[str, Any]:
    return {
        "code": quoted(seed.code),
        "name": seed.name,
        "provider": {"code": seed.provider_code, "name": seed.provider_name},
        "classification": {"class": seed.klass, "group": seed.group},
        "abstract": seed.abstract,
        "format": {"category": seed.format_category},
        "items": [],
        "sharing": {"type": "无条件共享", "methods": ["接口"]},
        "opening": {"type": "无条件开放"},
        "update_cycle": seed.update_cycle,
        "release_date": quoted(today),
        "aggregation": {"mode": "实时汇聚"},
        "data_subject": seed.data_subject,
        "security_level": seed.security_level,
    }


def _comment_nested(value: Any, annotation: Any) -> None:
    """An end-of-line comment with the GB element name on each key of a nested mapping."""
    from govdata.fmt.canonical import _models_in

    model, _ = _models_in(annotation)
    if model is None or not isinstance(value, CommentedMap):
        return
    fields = {info.alias or name: info for name, info in model.model_fields.items()}
    for key in value:
        info = fields.get(key)
        if info is not None and info.title:
            # Two spaces after the value, counted in characters as ruamel places comments.
            shown = value[key] if isinstance(value[key], str) else ""
            value.yaml_add_eol_comment(info.title, key, column=2 + len(key) + 2 + len(shown) + 2)


def skeleton_text(path: str, seed: Skeleton, today: dt.date) -> str:
    """The file text: modeline, and a Chinese comment above each key saying what it holds."""
    tree = commented(skeleton_data(seed, today))
    assert isinstance(tree, CommentedMap)
    for key in list(tree):
        info = Resource.model_fields.get("class_" if key == "class" else key)
        if info is None:
            continue
        lines = [f"{info.title}：{info.description}"]
        if key in _REVIEW:
            lines.append(_REVIEW[key])
        tree.yaml_set_comment_before_after_key(key, before="\n".join(lines))
        _comment_nested(tree[key], info.annotation)
    formatted = format_text(path, dump_round_trip(tree))
    assert isinstance(formatted, str)
    return formatted


__all__ = ["Skeleton", "code_front", "group_code", "next_free_code", "skeleton_text"]
