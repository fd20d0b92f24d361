"""The registries the authority keeps: departments (部门名录) and legal bases (法律依据)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from govdata.model.base import IsoDate, Model, NonEmptyText, Uscc, gb
from govdata.model.vocab import DepartmentKind, DepartmentRole, LegalLevel

SLUG_PATTERN = r"^[a-z][a-z0-9-]*$"
MAINTAINER_PATTERN = r"^@[A-Za-z0-9][A-Za-z0-9_.-]*(/[A-Za-z0-9][A-Za-z0-9_.-]*)?$"
BASIS_ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
CATALOG_CODE_PATTERN = r"^[0-9A-Za-z]{1,20}$"
Maintainer = Annotated[str, Field(pattern=MAINTAINER_PATTERN)]


class Department(Model, title="政务部门"):
    code: Uscc = gb("统一社会信用代码", "部门的18位统一社会信用代码（GB 32100），是部门的唯一标识")
    name: NonEmptyText = gb("部门名称", "部门全称")
    aliases: list[NonEmptyText] = gb(
        "别名", "其他平台、清单中对本部门的写法（简称、旧称、无地名前缀的名称），供导入识别提供方", []
    )
    slug: str = gb("目录文件夹名", "catalogs/ 下该部门文件夹的名称，小写字母、数字和连字符", pattern=SLUG_PATTERN)
    kind: DepartmentKind = gb("部门类别", "第二条所称政务部门，或第六十三条参照执行的单位类别")
    roles: list[DepartmentRole] = gb("角色", "数据主管部门、数据生产部门、数据应用部门或技术服务单位", min_length=1)
    leads: list[NonEmptyText] = gb("牵头建设", "由本部门牵头编制维护的基础信息资源库或主题信息资源", [])
    catalog_code: str | None = gb(
        "部门目录编码",
        "信息资源代码中代表本部门的编码，位数由本区域编码规则决定（如三位数字；多城市合编时可更长）",
        None,
        pattern=CATALOG_CODE_PATTERN,
    )
    needs_uscc: bool = gb(
        "待补统一社会信用代码",
        "为真时表示该部门由导入登记，code 为临时代码，须由数据主管部门补登真实的统一社会信用代码",
        False,
    )
    maintainers: list[Maintainer] = gb(
        "目录维护人", "负责审核本部门目录变更的代码托管平台账号或团队，如 @jiyuan-gongan/catalog", []
    )


class DepartmentRegistry(Model, title="政务部门名录"):
    """registry/departments.yaml"""

    departments: list[Department] = gb("部门名录", "本区域全部政务部门及参照执行单位", min_length=1)


class LegalBasis(Model, title="法律依据"):
    id: str = gb("依据编号", "在本仓库内唯一的依据标识，小写字母、数字和连字符", pattern=BASIS_ID_PATTERN)
    title: NonEmptyText = gb("名称", "法律、法规或政策文件的全称")
    issuer: NonEmptyText = gb("制定机关", "发布该依据的机关")
    number: NonEmptyText | None = gb("文号", "发文字号或令号", None)
    date: IsoDate = gb("发布日期", "通过或发布日期，格式 YYYY-MM-DD")
    level: LegalLevel = gb("效力层级", "法律、行政法规、党中央国务院政策、部门规章、地方性法规等")
    articles: NonEmptyText | None = gb("相关条款", "通常引用的条款（可选）", None)


class LegalBasisRegistry(Model, title="法律依据名录"):
    """registry/legal-bases.yaml"""

    legal_bases: list[LegalBasis] = gb("法律依据名录", "可作为共享、开放限制依据的法律、法规和政策", min_length=1)


__all__ = ["Department", "DepartmentRegistry", "Field", "LegalBasis", "LegalBasisRegistry"]
