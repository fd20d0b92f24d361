"""The file kinds of an instance: which path holds which model, and its schema's name."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from govdata.model.audit import AuditMapping
from govdata.model.base import Model
from govdata.model.case import Case
from govdata.model.classification import ClassificationRegistry
from govdata.model.config import InstanceConfig
from govdata.model.demand import DemandList
from govdata.model.grant import Grant
from govdata.model.project import Project
from govdata.model.registry import DepartmentRegistry, LegalBasisRegistry
from govdata.model.resource import Resource
from govdata.model.responsibility import ResponsibilityList
from govdata.model.security import SecurityRecord


@dataclass(frozen=True, slots=True, eq=False)
class FileKind:
    """One kind of file: its model, its schema file, the paths it lives at.

    Each kind is one object made here, so kinds compare by identity (``eq=False``): the
    generated field-by-field ``__eq__`` cost 0.3 s for 100,000 paths tested against a tuple.
    """

    name: str
    model: type[Model]
    schema_file: str
    title: str
    description: str
    path_pattern: re.Pattern[str]

    def matches(self, path: str) -> bool:
        return self.path_pattern.fullmatch(path) is not None


CONFIG = FileKind(
    "config",
    InstanceConfig,
    "config.schema.json",
    "政务数据目录实例配置",
    "govdata.yaml：区域、数据主管部门、语言、信息资源代码规则、规则设置与豁免",
    re.compile(r"govdata\.yaml"),
)
DEPARTMENTS = FileKind(
    "departments",
    DepartmentRegistry,
    "departments.schema.json",
    "政务部门名录",
    "registry/departments.yaml：各政务部门及参照执行单位的登记信息",
    re.compile(r"registry/departments\.yaml"),
)
LEGAL_BASES = FileKind(
    "legal-bases",
    LegalBasisRegistry,
    "legal-bases.schema.json",
    "法律依据名录",
    "registry/legal-bases.yaml：可作为共享、开放限制依据的法律法规和政策",
    re.compile(r"registry/legal-bases\.yaml"),
)
CLASSIFICATION = FileKind(
    "classification",
    ClassificationRegistry,
    "classification.schema.json",
    "信息资源分类体系",
    "registry/classification.yaml：本区域信息资源分类树，含节点编码、层级与同义名称",
    re.compile(r"registry/classification\.yaml"),
)
DEMANDS = FileKind(
    "demands",
    DemandList,
    "demands.schema.json",
    "政务数据需求清单",
    "catalogs/<部门>/demands.yaml：本部门需要其他部门提供的数据（第十六条）",
    re.compile(r"catalogs/[^/]+/demands\.yaml"),
)
RESOURCE = FileKind(
    "resource",
    Resource,
    "resource.schema.json",
    "政务信息资源",
    "catalogs/<部门>/<代码>.yaml：一个政务信息资源的核心元数据（发改高技〔2017〕1272号）",
    re.compile(r"catalogs/[^/]+/(?!demands\.yaml)[^/]+\.yaml"),
)
GRANT = FileKind(
    "grant",
    Grant,
    "grant.schema.json",
    "政务数据共享授权",
    "grants/<申请部门>/<编号>.yaml：数据应用部门的一项共享申请及其审批、变更记录（第七条、第九条、第三十三条、第三十六条）",
    re.compile(r"grants/[^/]+/[^/]+\.yaml"),
)
RESPONSIBILITY = FileKind(
    "responsibility",
    ResponsibilityList,
    "responsibility.schema.json",
    "政务数据采集责任清单",
    "responsibility/<部门>.yaml：由目录生成的采集责任清单，汇聚状态等由部门手工维护（第十八条）",
    re.compile(r"responsibility/[^/]+\.yaml"),
)
PROJECT = FileKind(
    "project",
    Project,
    "project.schema.json",
    "政务信息化建设项目",
    "projects/<编号>.yaml：项目的政务数据目录清单、审批与验收日期、数据中台对接记录（第五十六条）",
    re.compile(r"projects/[^/]+\.yaml"),
)
SECURITY = FileKind(
    "security",
    SecurityRecord,
    "security.schema.json",
    "数据安全工作记录",
    "security/<部门>/<年度>.yaml：风险评估、应急预案、应急演练和安全事件报告（第五十一条、第五十二条）",
    re.compile(r"security/[^/]+/[^/]+\.yaml"),
)

CASE = FileKind(
    "case",
    Case,
    "case.schema.json",
    "办理事项",
    "cases/<年>/<编号>.yaml：一项有办理期限的事项及其办理记录，期限由工作日历计算（第八条、第十九条、第二十三至二十四条、第四十至四十一条、第五十五条）",
    re.compile(r"cases/[0-9]{4}/[^/]+\.yaml"),
)
AUDIT_MAPPING = FileKind(
    "audit-mapping",
    AuditMapping,
    "audit-mapping.schema.json",
    "访问日志映射",
    "audit/<名称>.yaml：数据中台访问日志的列名和取值如何对应 govdata audit 的标准日志格式（第二十八条）",
    re.compile(r"audit/[^/]+\.yaml"),
)

# Order matters: the first kind whose pattern matches a path wins.
FILE_KINDS: tuple[FileKind, ...] = (
    CONFIG,
    DEPARTMENTS,
    LEGAL_BASES,
    CLASSIFICATION,
    DEMANDS,
    RESOURCE,
    GRANT,
    RESPONSIBILITY,
    CASE,
    PROJECT,
    SECURITY,
    AUDIT_MAPPING,
)


def _folder(text: str) -> str:
    """The first folder of a path, or of a kind's path pattern ("" for a file at the root)."""
    return text.split("/", 1)[0] if "/" in text else ""


# The patterns are disjoint and each starts with its folder written out (tests hold them to
# both), so a path is tried against the resource pattern first (``kinds_of``: validate asks for
# 100,000 paths, nearly all of them resources), then only against the other kinds of its folder.
_KINDS_BY_FOLDER: dict[str, tuple[FileKind, ...]] = {}
for _kind in (kind for kind in FILE_KINDS if kind is not RESOURCE):
    _KINDS_BY_FOLDER.setdefault(_folder(_kind.path_pattern.pattern), ())
    _KINDS_BY_FOLDER[_folder(_kind.path_pattern.pattern)] += (_kind,)


def resource_file_name(code: str) -> str:
    """The file name of a resource: its code with ``/`` replaced by ``-`` (GD012 holds files to it)."""
    return code.replace("/", "-") + ".yaml"


def kind_of(path: str) -> FileKind | None:
    """The kind of the file at ``path`` (relative, POSIX), or None for files govdata ignores."""
    return kinds_of((path,))[path]


def kinds_of(paths: Iterable[str]) -> dict[str, FileKind | None]:
    """The kind of each path (:func:`kind_of`), in order; one loop for all, without a call per
    path, which was half the time of 100,000 paths in a pull request's re-check."""
    kinds: dict[str, FileKind | None] = {}
    is_resource = RESOURCE.path_pattern.fullmatch  # most files; the patterns are disjoint
    for path in paths:
        if is_resource(path):
            kinds[path] = RESOURCE
            continue
        found = None
        for kind in _KINDS_BY_FOLDER.get(path.partition("/")[0] if "/" in path else "", ()):
            if kind.path_pattern.fullmatch(path):
                found = kind
                break
        kinds[path] = found
    return kinds
