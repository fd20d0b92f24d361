"""Which source label holds which field: the aliases measured on 52 portals, and the mapping file.

A mapping file (YAML, one per source) names the source, the namespace its unmapped labels are
kept under in ``extensions``, and overrides: ``labels`` (label → field, or ``ignore``) and
``normalise`` (per field, spelling → canonical value). Labels absent from both are kept under
``extensions`` as ``<namespace>:<label>`` and reported as not understood.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from govdata.errors import UsageError
from govdata.i18n import Text
from govdata.imports.settings_file import load_settings

IGNORE = "ignore"

# Field names a label can map to (the converter knows each one).
FIELDS: tuple[str, ...] = (
    "code",
    "name",
    "abstract",
    "provider",
    "release_date",
    "last_updated",
    "update_cycle",
    "opening",
    "opening_condition",
    "sharing.type",
    "sharing.condition",
    "sharing.methods",
    "format",
    "keywords",
    "theme",
    "industry",
    "national_theme",
    "scenes",
    "contact.phone",
    "contact.email",
    "contact.person",
    "data_volume.records",
    "data_volume.bytes",
    "district",
    "version",
    "detail_url",
    "source_system",
)

BUILTIN_ALIASES: dict[str, tuple[str, ...]] = {
    "code": ("信息资源代码", "资源代码", "目录代码", "资源编码", "resourceCode"),
    "name": (
        "数据集名称",
        "资源名称",
        "标题",
        "目录名称",
        "资源信息名称",
        "信息资源名称",
        "数据名称",
        "subjectBaseName",
        "name",
        "title",
    ),
    "abstract": (
        "摘要",
        "数据摘要",
        "描述",
        "目录摘要",
        "资源描述",
        "服务描述",
        "信息资源摘要",
        "资源摘要",
        "数据描述",
        "简介",
        "内容描述",
        "tableRemark",
        "description",
    ),
    "provider": (
        "数据提供方",
        "发布部门",
        "数源单位",
        "提供机构",
        "提供部门",
        "所属单位",
        "提供单位",
        "来源部门",
        "信息资源提供方",
        "数据提供单位",
        "数据来源单位",
        "所属部门",
        "orgName",
    ),
    "release_date": (
        "首次发布日期",
        "发布时间",
        "发布日期",
        "创建时间",
        "创建日期",
        "目录发布时间",
        "上线时间",
        "首次发布时间",
        "releaseTime",
        "createTime",
    ),
    "last_updated": (
        "更新日期",
        "更新时间",
        "资源更新日期",
        "数据更新时间",
        "最近更新时间",
        "最后更新时间",
        "updateTime",
    ),
    "update_cycle": ("更新频度", "更新周期", "更新频率", "frequency"),
    "opening": ("开放属性", "开放类型", "开放状态", "开放等级", "开放方式", "openTypeName", "是否向社会开放"),
    "opening_condition": ("开放条件",),
    # A filled 1272 template carries the sharing attributes that portals never do.
    "sharing.type": ("共享类型", "共享属性"),
    "sharing.condition": ("共享条件", "共享条件/不予共享依据", "不予共享依据"),
    "sharing.methods": ("共享方式", "共享方式类型"),
    "format": ("数据格式", "资源格式", "格式类型", "资源类型", "文件格式", "dataType"),
    "keywords": ("数据标签", "关键字", "关键词", "标签", "label"),
    "theme": ("数据领域", "重点领域", "所属主题", "主题名称", "主题分类", "所属领域"),
    "industry": ("行业分类", "所属行业", "行业名称", "industry"),
    "national_theme": ("国家主题分类",),
    "scenes": ("场景分类", "应用场景"),
    "contact.phone": ("联系方式", "联系电话", "部门电话", "orgPhone"),
    "contact.email": ("部门邮箱", "联系邮箱", "电子邮箱", "orgEmail"),
    "contact.person": ("联系人",),
    "data_volume.records": ("数据量", "数据条数", "记录数", "dataNumSum"),
    "data_volume.bytes": ("数据大小", "存储量"),
    "district": ("所属区县", "区县"),
    "version": ("版本号", "版本"),
    "detail_url": ("详情页网址", "详情页", "详情链接", "url"),
    "source_system": ("所属系统", "来源系统"),
}


def label_key(label: str) -> str:
    """A label as compared: width-folded, without spaces, colons and case."""
    text = unicodedata.normalize("NFKC", label)
    return re.sub(r"[\s:：*＊]", "", text).casefold()


BUILTIN_LABELS: dict[str, str] = {label_key(a): f for f, aliases in BUILTIN_ALIASES.items() for a in aliases}


class Mapping(BaseModel):
    """A source's mapping file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str = Field("", description="来源名称，如 上海市公共数据开放平台")
    namespace: str = Field("import", pattern=r"^[a-z][a-z0-9-]*$", description="扩展元数据键的命名空间")
    labels: dict[str, str] = Field(default_factory=dict, description="标签 → 字段，或 ignore")
    normalise: dict[str, dict[str, str]] = Field(default_factory=dict, description="字段 → {原写法: 规范值}")
    provider: str | None = Field(None, description="本来源全部记录的提供方（来源不带提供方时）")

    def field_of(self, label: str) -> str | None:
        """The field ``label`` maps to, ``ignore``, or None when nothing knows it."""
        key = label_key(label)
        own = next((v for k, v in self.labels.items() if label_key(k) == key), None)
        return own or BUILTIN_LABELS.get(key)


def load_mapping(path: Path | None) -> Mapping:
    """The mapping file at ``path`` (UTF-8 YAML), or the built-in mapping; bad files stop the run."""
    if path is None:
        return Mapping.model_validate({})
    where = str(path)
    mapping = load_settings(path, Mapping, Text("映射文件", "mapping file"))
    unknown = sorted({f for f in mapping.labels.values() if f not in FIELDS and f != IGNORE})
    if unknown:
        raise UsageError(
            Text(
                f"{where}: labels 中的字段 {'、'.join(unknown)} 不存在；可用：{'、'.join(FIELDS)}、{IGNORE}",
                f"{where}: unknown fields {', '.join(unknown)} in labels; known: {', '.join(FIELDS)}, {IGNORE}",
            )
        )
    return mapping
