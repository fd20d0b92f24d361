"""The defaults file: values no listing carries, reviewed by the data authority, used visibly.

No listing of the 52 measured carries sharing attributes, aggregation mode, data subject,
security level or legal bases. The import takes them only from this file; every use is an
event of the loss report (``defaulted``). Fields the source usually carries (update cycle,
opening, release date, format, abstract) may have a fallback here for records that lack them;
without one such a record is skipped and reported.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from govdata.i18n import Text
from govdata.imports.settings_file import load_settings
from govdata.model.base import IsoDate, Model, NonEmptyText, gb
from govdata.model.resource import Aggregation, Format, Opening, Sharing
from govdata.model.vocab import DataSubject, SecurityLevel, UpdateCycle

# Copy the record's name into the abstract (30,398 real abstracts are the name anyway).
ABSTRACT_FROM_NAME = "=name"


class Defaults(Model, title="导入默认值"):
    reviewed_by: NonEmptyText | None = gb("审核人", "审核这些默认值的数据主管部门人员或文件", None)
    sharing: Sharing | None = gb("共享属性", "各记录的共享类型、条件、依据与方式", None)
    aggregation: Aggregation | None = gb("汇聚属性", "各记录的汇聚方式", None)
    data_subject: DataSubject | None = gb("数据主体", "各记录的数据主体", None)
    security_level: SecurityLevel | None = gb("数据安全级别", "各记录的数据安全级别", None)
    opening: Opening | None = gb("开放属性", "来源未给出可识别的开放类型时使用", None)
    update_cycle: UpdateCycle | None = gb("更新周期", "来源未给出可识别的更新周期时使用", None)
    release_date: IsoDate | None = gb("发布日期", "来源未给出可识别的发布日期时使用", None)
    format: Format | None = gb("信息资源格式", "来源未给出可识别的格式时使用", None)
    abstract: NonEmptyText | None = gb("信息资源摘要", "来源没有摘要时使用；写 =name 表示取资源名称", None)


def load_defaults(path: Path | None) -> Defaults:
    if path is None:
        return Defaults()
    return load_settings(path, Defaults, Text("默认值文件", "defaults file"))


def leaves(prefix: str, value: Any) -> list[tuple[str, Any]]:
    """``sharing`` → [(sharing.type, 有条件共享), (sharing.methods, [接口]) …]: what a default sets."""
    if isinstance(value, Model):
        dumped = value.model_dump(mode="json", by_alias=True, exclude_defaults=True)
        return [(f"{prefix}.{key}", inner) for key, inner in dumped.items()]
    return [(prefix, value.isoformat() if hasattr(value, "isoformat") else value)]
