"""GD109: core metadata is meaningful: no placeholder text, no future release, items of structured data."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Iterator
from typing import Any, get_args

from pydantic import BaseModel

from govdata.diagnostics import Pointer
from govdata.i18n import Text
from govdata.model.resource import Resource
from govdata.rules.base import Finding, Rule, RuleContext, RuleOptions, Scope

STRUCTURED_FORMATS = ("数据库", "电子表格")
DEFAULT_PLACEHOLDERS = (
    "暂无",
    "无",
    "空",
    "略",
    "-",
    "--",
    "—",
    "/",
    "TBD",
    "TODO",
    "待定",
    "待补充",
    "待完善",
    "N/A",
    "NA",
    "同上",
)


class MetadataCompleteOptions(RuleOptions):
    placeholders: tuple[str, ...] = DEFAULT_PLACEHOLDERS
    """Texts that stand for a missing value (compared ignoring width, case and surrounding spaces)."""


def _canonical(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().rstrip("。.").strip().casefold()


@functools.cache
def _placeholder_test(placeholders: tuple[str, ...]) -> Callable[[str], bool]:
    """Whether a text is one of ``placeholders``, remembered per short text (a catalog repeats
    the same item names and short values across thousands of files; each file is one job)."""
    canonical = {_canonical(p) for p in placeholders}
    # Longer texts cannot be a placeholder: skip normalising the many real names and abstracts.
    longest = 2 * max((len(p) for p in placeholders), default=0) + 2
    known: dict[str, bool] = {}

    def test(value: str) -> bool:
        if len(value) > longest and len(value.strip()) > longest:
            return False
        found = known.get(value)
        if found is None:
            found = known[value] = _canonical(value) in canonical
        return found

    return test


def text_fields(resource: Resource) -> Iterator[tuple[Pointer, str | None]]:
    """Every free-text value of a resource with its pointer (None where absent)."""
    yield ("name",), resource.name
    yield ("abstract",), resource.abstract
    yield ("provider", "name"), resource.provider.name
    yield ("provider", "internal_unit"), resource.provider.internal_unit
    for key in ("group", "category", "subcategory"):
        yield ("classification", key), getattr(resource.classification, key)
    yield ("format", "type"), resource.format.type
    yield ("format", "description"), resource.format.description
    for index, format_ in enumerate(resource.other_formats):
        yield ("other_formats", index, "type"), format_.type
        yield ("other_formats", index, "description"), format_.description
    for index, item in enumerate(resource.items):
        # Most of a resource's texts are its items': pointers only for the fields present.
        yield ("items", index, "name"), item.name
        if item.description is not None:
            yield ("items", index, "description"), item.description
        if item.sharing_condition is not None:
            yield ("items", index, "sharing_condition"), item.sharing_condition
        if item.opening_condition is not None:
            yield ("items", index, "opening_condition"), item.opening_condition
    yield ("update_note",), resource.update_note
    yield ("district",), resource.district
    yield ("version",), resource.version
    yield ("sharing", "condition"), resource.sharing.condition
    yield ("opening", "condition"), resource.opening.condition
    yield ("opening", "desensitisation"), resource.opening.desensitisation
    yield ("aggregation", "filing"), resource.aggregation.filing
    yield ("aggregation", "interface"), resource.aggregation.interface
    yield ("source_system",), resource.source_system
    for key in ("keywords", "business_items", "scenes"):
        for index, value in enumerate(getattr(resource, key)):
            yield (key, index), value


def element_title(pointer: Pointer) -> str:
    """The GB element name of the field at ``pointer`` (list positions skipped), from the models."""
    model: Any = Resource
    title = ""
    for part in pointer:
        if isinstance(part, int):
            continue
        field = model.model_fields[part]
        title = field.title or str(part)
        inner = [a for a in get_args(field.annotation) or (field.annotation,) if isinstance(a, type)]
        model = next((a for a in inner if issubclass(a, BaseModel)), None)
        if model is None:
            break
    return title


class MetadataComplete(Rule):
    """Core metadata is a placeholder, dated in the future, or a structured resource has no items.

    ## What it checks
    - No free-text value of a resource (name, abstract, classification, format, item names
      and descriptions, conditions, desensitisation, filing, interface, source system,
      keywords, business items) is a placeholder such as 暂无, 无, -, TBD, 待定, 待补充,
      N/A or 同上 (the list is configurable; width, case and a final full stop are ignored).
    - `release_date` is not later than today.
    - A resource in a structured format (数据库, 电子表格) lists its information items.
    - An update cycle of 其他 says what it is in `update_note` (不更新 marks static data and
      needs no note).

    Presence of the required core metadata, and the controlled vocabularies such as the
    update cycle (`update_cycle`: 实时 … 不定期, 其他, 不更新), are enforced by the schema (GD002).

    ## Why
    Each department catalogues all its data with the core metadata of the national guide
    (Art. 14), and concealing or omitting catalog content is prohibited (Art. 57(1)). A
    placeholder passes a presence check yet tells the reader nothing, and a condition
    written as 暂无 makes a restriction look justified when it is not.

    ## How to fix
    Write the real value; if a field does not apply, leave out the optional key rather than
    writing a placeholder. Correct a release date typed with the wrong year. List the
    fields (name, data type, length) of database tables and spreadsheets under `items`.

    ## Options
    `placeholders`: the texts that count as placeholders.
    """

    explanation_zh = """
    核心元数据是占位文字、日期在未来，或者结构化资源没有信息项。

    ## 检查什么
    - 资源的自由文本（名称、摘要、分类、格式、信息项名称和说明、条件、脱敏方式、备案号、接口、来源系统、关键词、
      业务事项）不能是“暂无”“无”“-”“TBD”“待定”“待补充”“N/A”“同上”之类的占位文字（清单可以配置；
      不区分全角半角和大小写，末尾句号忽略）。
    - `release_date` 不晚于今天。
    - 结构化格式（数据库、电子表格）的资源要列出信息项。
    - 更新周期选“其他”的，要在 `update_note` 中说明是什么周期（“不更新”表示静态数据，不需要说明）。

    必填的核心元数据是否齐全，以及更新周期（`update_cycle`：实时……不定期、其他、不更新）等受控词表，由数据规范检查（GD002）。

    ## 为什么
    各部门要按国家指南的核心元数据编目全部数据（第十四条），禁止隐瞒、漏报目录内容（第五十七条第（一）项）。
    占位文字能通过“是否填写”的检查，却什么也没告诉读者；条件写成“暂无”，会让一个限制看起来有理有据，其实并没有。

    ## 如何修改
    填写真实内容；某个字段不适用时，直接不写这个可选键，而不是填占位文字。改正年份打错的发布日期。
    数据库表和电子表格在 `items` 下列出字段（名称、数据类型、长度）。

    ## 选项
    `placeholders`：视为占位文字的文本。
    """

    id = "GD109"
    name = "metadata-complete"
    title = Text("核心元数据不完整", "core metadata incomplete")
    article = "Art. 14, 57(1)"
    tags = frozenset({"catalog", "metadata"})
    Options = MetadataCompleteOptions

    scope = Scope.FILE

    def check_index(self, ctx: RuleContext) -> Iterator[Finding]:
        # The day changes while the file does not: judged over the facts at every run, never cached.
        today = ctx.today.isoformat()
        for resource in ctx.catalog.resource_facts:
            if resource.release_date > today:
                yield Finding(
                    resource.path,
                    ("release_date",),
                    Text(
                        f"发布日期 {resource.release_date} 晚于今天（{ctx.today}）",
                        f"release date {resource.release_date} is after today ({ctx.today})",
                    ),
                    Text("填写资源实际发布的日期", "give the date the resource was actually released"),
                )

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        assert isinstance(ctx.options, MetadataCompleteOptions)
        is_placeholder = _placeholder_test(ctx.options.placeholders)
        for document in ctx.catalog.resources:
            resource = document.model
            for pointer, value in text_fields(resource):
                if value is not None and is_placeholder(value):
                    yield Finding(
                        document.path,
                        pointer,
                        Text(
                            f"{element_title(pointer)}“{value}”是占位文字，不是实际内容",
                            f"{'.'.join(str(p) for p in pointer)}: '{value}' is a placeholder, not a value",
                        ),
                        Text(
                            "填写实际内容；不适用的可选项直接删除",
                            "write the real value, or drop an optional key that does not apply",
                        ),
                    )
            if resource.update_cycle == "其他" and resource.update_note is None:
                yield Finding(
                    document.path,
                    ("update_cycle",),
                    Text(
                        "更新周期为“其他”，但未写明更新说明（update_note）",
                        "update cycle 其他 without an update_note saying what it is",
                    ),
                    Text("在 update_note 中写明实际的更新安排", "state the actual update schedule in update_note"),
                )
            if resource.format.category in STRUCTURED_FORMATS and not resource.items:
                yield Finding(
                    document.path,
                    ("format", "category"),
                    Text(
                        f"格式为“{resource.format.category}”的结构化资源须列出信息项（items）",
                        f"a structured resource ({resource.format.category}) must list its items",
                    ),
                    Text(
                        "在 items 下列出每个字段的名称、数据类型和长度",
                        "list each field's name, data type and length under items",
                    ),
                )
