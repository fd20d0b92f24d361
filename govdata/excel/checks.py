"""The mistakes of hand-filled catalog workbooks, found across rows before anything is written.

Each finding names the cell and, where another cell is involved, that cell too: drag-filled
names (名称1, 名称2 …), names that differ only by spaces or punctuation, codes of the wrong
length, a 类/项 pair that does not belong together, and a format that cannot be shared the way
the row says.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import get_args

from govdata.diagnostics import Severity
from govdata.excel.findings import CLASS_PAIR, CODE_SHAPE, DRAG_FILL, FORMAT_METHOD, NEAR_DUPLICATE, Findings
from govdata.excel.read import Row
from govdata.i18n import Text
from govdata.identifiers.uscc import validate_uscc
from govdata.model.vocab import KNOWN_THEMES, BaseLibrary, ResourceClass

_NUMBERED = re.compile(r"^(.*?\D)(\d+)$")
_CLASSES: tuple[str, ...] = get_args(ResourceClass)
# Formats that are files, pictures or streams cannot be read as a database table.
_DATABASE_FORMATS = ("数据库", "电子表格", "自描述格式")


@dataclass(frozen=True)
class CodeRule:
    """The instance's resource code pattern, and its example to show the expected lengths."""

    pattern: re.Pattern[str]
    example: str


def normalised(name: str) -> str:
    """A name without spaces, punctuation and width differences: what a reader takes as the same."""
    folded = unicodedata.normalize("NFKC", name)
    return "".join(ch for ch in folded if not unicodedata.category(ch).startswith(("P", "Z", "S", "C")))


def check_names(rows: Sequence[Row], key: str, title: str, findings: Findings) -> None:
    """Drag-filled and near-duplicate names in one column of ``rows`` (in sheet order)."""
    seen: dict[str, Row] = {}
    previous: tuple[str, int, Row] | None = None
    for row in rows:
        name = row.values.get(key)
        if not isinstance(name, str):
            previous = None
            continue
        where = row.where(key)
        match = _NUMBERED.match(name)
        if match and previous and previous[0] == match.group(1) and int(match.group(2)) == previous[1] + 1:
            findings.add(
                DRAG_FILL,
                where,
                Text(
                    f"“{title}”“{name}”与 {previous[2].where(key)} 只差末尾序号，像是拖动填充柄复制出的名称；请填写真实名称",
                    f"{title} {name!r} differs from {previous[2].where(key)} only by its trailing number, as the fill handle makes; write the real name",
                ),
                Severity.WARNING,
            )
        previous = (match.group(1), int(match.group(2)), row) if match else None
        folded = normalised(name)
        other = seen.get(folded)
        if other is not None:
            same = other.values.get(key) == name
            findings.add(
                NEAR_DUPLICATE,
                where,
                Text(
                    f"“{title}”“{name}”与 {other.where(key)} "
                    + ("重复" if same else f"“{other.values.get(key)}”只差空格或标点，看作同一名称"),
                    f"{title} {name!r} "
                    + (
                        f"repeats {other.where(key)}"
                        if same
                        else f"differs from {other.where(key)} {other.values.get(key)!r} only by spaces or punctuation"
                    ),
                ),
            )
        else:
            seen[folded] = row


def check_code(value: object, where: str, title: str, rule: CodeRule, findings: Findings) -> None:
    if not isinstance(value, str) or rule.pattern.fullmatch(value):
        return
    expected = [len(part) for part in rule.example.split("/")]
    parts = value.split("/")
    if len(parts) == len(expected) and [len(p) for p in parts] != expected:
        wrong = [(i, len(p), e) for i, (p, e) in enumerate(zip(parts, expected, strict=True)) if len(p) != e]
        names = ("前段码", "后段码")
        detail_zh = "，".join(f"{names[min(i, 1)]}应为 {e} 位，实为 {n} 位" for i, n, e in wrong)
        detail_en = ", ".join(f"part {i + 1} has {n} characters, expected {e}" for i, n, e in wrong)
    else:
        detail_zh, detail_en = "不符合本区代码规则", "does not follow the instance's code pattern"
    findings.add(
        CODE_SHAPE,
        where,
        Text(
            f"“{title}”“{value}”{detail_zh}；示例：{rule.example}",
            f"{title} {value!r}: {detail_en}; example: {rule.example}",
        ),
    )


def check_provider(row: Row, departments: dict[str, str], findings: Findings) -> None:
    """The provider code is a valid 统一社会信用代码 of a registered department, with its name."""
    code, name = row.values.get("provider.code"), row.values.get("provider.name")
    if not isinstance(code, str):
        return
    problems = validate_uscc(code)
    if problems:
        findings.add(
            CODE_SHAPE,
            row.where("provider.code"),
            Text(
                f"“信息资源提供方代码”“{code}”：" + "；".join(p.zh for p in problems),
                f"provider code {code!r}: " + "; ".join(p.en for p in problems),
            ),
        )
        return
    registered = departments.get(code)
    if registered is None:
        findings.add(
            CODE_SHAPE,
            row.where("provider.code"),
            Text(
                f"“信息资源提供方代码”“{code}”不在部门名录中；请从下拉列表选择，或先用 govdata new department 登记",
                f"provider code {code} is not in the department registry",
            ),
        )
    elif isinstance(name, str) and name != registered:
        findings.add(
            CODE_SHAPE,
            row.where("provider.name"),
            Text(
                f"“信息资源提供方”应为部门名录中的“{registered}”，而不是“{name}”",
                f"provider name should be {registered!r} as registered, not {name!r}",
            ),
        )


def check_classification(
    row: Row, rule: CodeRule, findings: Findings, synonyms: Mapping[str, str] | None = None
) -> None:
    """The 类/项 pair and the code's class digit agree; ``synonyms`` (from the classification
    registry) map other spellings to the node's name, so 人口 counts as 人口基础信息资源."""
    klass, group = row.values.get("classification.class"), row.values.get("classification.group")
    if isinstance(klass, str) and isinstance(group, str):
        names = synonyms or {}
        klass, group = names.get(klass, klass), names.get(group, group)
        belongs = (
            "基础信息资源" if group in get_args(BaseLibrary) else "主题信息资源" if group in KNOWN_THEMES else None
        )
        if belongs is not None and belongs != klass:
            findings.add(
                CLASS_PAIR,
                row.where("classification.group"),
                Text(
                    f"“项”“{group}”属于“{belongs}”，与“类”“{klass}”（{row.where('classification.class')}）不配套",
                    f"group {group!r} belongs to class {belongs!r}, not {klass!r}",
                ),
            )
        elif klass == "基础信息资源" and belongs is None:
            findings.add(
                CLASS_PAIR,
                row.where("classification.group"),
                Text(
                    f"“类”为基础信息资源时，“项”应为五大基础库之一：{'、'.join(get_args(BaseLibrary))}",
                    f"a base resource's group must be one of: {', '.join(get_args(BaseLibrary))}",
                ),
            )
    code = row.values.get("code")
    match = rule.pattern.fullmatch(code) if isinstance(code, str) else None
    digit = match.groupdict().get("class") if match else None
    if (
        digit
        and isinstance(klass, str)
        and digit.isdigit()
        and 1 <= int(digit) <= len(_CLASSES)
        and _CLASSES[int(digit) - 1] != klass
    ):
        findings.add(
            CLASS_PAIR,
            row.where("code"),
            Text(
                f"代码首位 {digit} 表示“{_CLASSES[int(digit) - 1]}”，与“类”“{klass}”不配套",
                f"the code's first digit {digit} means {_CLASSES[int(digit) - 1]!r}, not {klass!r}",
            ),
        )


def check_format_method(row: Row, findings: Findings) -> None:
    category, methods = row.values.get("format.category"), row.values.get("sharing.methods")
    if (
        isinstance(category, str)
        and isinstance(methods, list)
        and "数据库" in methods
        and category not in _DATABASE_FORMATS
    ):
        findings.add(
            FORMAT_METHOD,
            row.where("sharing.methods"),
            Text(
                f"“格式分类”为“{category}”的资源不能以“数据库”方式共享；请改为“文件”或“接口”，或更正格式分类",
                f"a {category} resource cannot be shared by database; use 文件 or 接口, or correct the format",
            ),
        )


__all__ = [
    "CodeRule",
    "check_classification",
    "check_code",
    "check_format_method",
    "check_names",
    "check_provider",
    "normalised",
]
