"""GD105: the security level (GB/T 43697) limits sharing and opening, and personal data raises it."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Literal

from govdata.i18n import Text
from govdata.model.catalog import Document
from govdata.model.resource import Resource
from govdata.model.vocab import SEVERITY_LEVEL_ORDER, SecurityLevel
from govdata.rules.base import Finding, Rule, RuleContext, RuleOptions, Scope

CORE = "核心数据"
IMPORTANT = "重要数据"
_RANK = {level: rank for rank, level in enumerate(SEVERITY_LEVEL_ORDER)}


class SecurityLevelExposureOptions(RuleOptions):
    personal_info_levels: dict[Literal["个人信息", "敏感个人信息"], SecurityLevel] = {
        "个人信息": "一般数据2级",
        "敏感个人信息": "一般数据3级",
    }
    """The lowest security level a resource may have when an item holds this kind of personal information."""


class SecurityLevelExposure(Rule):
    """A resource is shared or opened beyond what its security level allows, or graded too low.

    ## What it checks
    - 核心数据 is never opened (`opening.type` and every item's `opening_type` are
      不予开放) and never 无条件共享 (at resource or item level).
    - 重要数据 is never 无条件开放 (at resource or item level).
    - `security_level` is at least the level implied by the most sensitive personal
      information flag of its items (`personal_info`), as configured: by default 个人信息
      needs 一般数据2级 and 敏感个人信息 needs 一般数据3级. Levels rise in the order
      一般数据1级 … 一般数据4级, 重要数据, 核心数据.

    ## Why
    Government data management must protect national security, commercial secrets and
    personal privacy (Art. 12), and the authority builds the security system for it
    (Art. 46). GB/T 43697 grades data into core, important and general data and asks for
    the higher grade when in doubt (就高从严).

    ## How to fix
    Restrict the sharing or opening type to what the level allows, or, if the level was
    set too high, correct it after a classification review. Raise `security_level` to the
    level the personal information requires.

    ## Options
    `personal_info_levels`: a mapping from 个人信息 / 敏感个人信息 to the lowest security level.

    ## References
    GB/T 43697-2024 数据安全技术 数据分类分级规则.
    """

    explanation_zh = """
    资源的共享或开放超出了其安全级别的允许范围，或者定级过低。

    ## 检查什么
    - 核心数据一律不开放（`opening.type` 及每个信息项的 `opening_type` 都是“不予开放”），也不能无条件共享（资源和信息项都不能）。
    - 重要数据不能无条件开放（资源和信息项都不能）。
    - `security_level` 不低于其信息项中最敏感的个人信息标记（`personal_info`）所要求的级别，按配置确定：默认
      个人信息至少“一般数据2级”，敏感个人信息至少“一般数据3级”。级别由低到高依次为一般数据1级……一般数据4级、重要数据、核心数据。

    ## 为什么
    政务数据管理必须保护国家安全、商业秘密和个人隐私（第十二条），主管部门为此建立安全体系（第四十六条）。
    GB/T 43697 把数据分为核心、重要和一般数据，拿不准时就高从严。

    ## 如何修改
    把共享或开放类型收紧到该级别允许的程度；如果级别定高了，经分类分级复核后再改正。把 `security_level`
    提高到个人信息所要求的级别。

    ## 选项
    `personal_info_levels`：个人信息 / 敏感个人信息各自对应的最低安全级别。

    ## 参考
    GB/T 43697-2024《数据安全技术 数据分类分级规则》。
    """

    id = "GD105"
    name = "security-level-exposure"
    title = Text("数据安全级别与共享开放不符", "security level disagrees with sharing or opening")
    article = "Art. 12, 46"
    tags = frozenset({"security", "sharing", "opening"})
    Options = SecurityLevelExposureOptions

    scope = Scope.FILE

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        assert isinstance(ctx.options, SecurityLevelExposureOptions)
        for document in ctx.catalog.resources:
            level = document.model.security_level
            if level == CORE:
                yield from _exposed(document, "opening", "opening_type", {"无条件开放", "有条件开放"}, "开放", "opened")
                yield from _exposed(
                    document, "sharing", "sharing_type", {"无条件共享"}, "无条件共享", "shared unconditionally"
                )
            elif level == IMPORTANT:
                yield from _exposed(
                    document, "opening", "opening_type", {"无条件开放"}, "无条件开放", "opened unconditionally"
                )
            yield from _graded_for_personal_info(document, ctx.options.personal_info_levels)


def _exposed(
    document: Document[Resource], section: str, field: str, forbidden: set[str], zh: str, en: str
) -> Iterator[Finding]:
    resource = document.model
    level = resource.security_level
    places: list[tuple[tuple[str | int, ...], str, Text]] = [
        ((section, "type"), getattr(resource, section).type, Text("资源", "the resource"))
    ]
    places += [
        (("items", index, field), getattr(item, field), Text(f"信息项“{item.name}”", f"item '{item.name}'"))
        for index, item in enumerate(resource.items)
        if getattr(item, field) is not None
    ]
    for pointer, value, who in places:
        if value in forbidden:
            yield Finding(
                document.path,
                pointer,
                Text(f"{level}不得{zh}，但", f"{level} may not be {en}, but ")
                + who
                + Text(f"为“{value}”", f" is {value}"),
                Text(
                    "收紧共享或开放类型；若级别定得过高，经分类分级评估后更正 security_level",
                    "restrict the type, or correct security_level after a classification review",
                ),
            )


def _graded_for_personal_info(document: Document[Resource], required: Mapping[Any, str]) -> Iterator[Finding]:
    resource = document.model
    highest: tuple[int, str, str, str] | None = None  # (rank, level, item name, flag)
    for item in resource.items:
        needed = required.get(item.personal_info)
        if needed is not None and (highest is None or _RANK[needed] > highest[0]):
            highest = (_RANK[needed], needed, item.name, item.personal_info)
    if highest is not None and _RANK[resource.security_level] < highest[0]:
        _, needed, name, flag = highest
        yield Finding(
            document.path,
            ("security_level",),
            Text(
                f"信息项“{name}”含{flag}，数据安全级别至少应为“{needed}”，实为“{resource.security_level}”",
                f"item '{name}' holds {flag}, so the security level must be at least {needed}, "
                f"not {resource.security_level}",
            ),
            Text(f"将 security_level 提高到“{needed}”或以上", f"raise security_level to {needed} or higher"),
        )
