"""Controlled vocabularies, spelled exactly as the national guide and ``standards.md`` §9 give them."""

from __future__ import annotations

from typing import Literal, get_args

ResourceClass = Literal["基础信息资源", "主题信息资源", "部门信息资源"]
BaseLibrary = Literal[
    "人口基础信息资源",
    "法人单位基础信息资源",
    "自然资源和空间地理基础信息资源",
    "社会信用基础信息资源",
    "电子证照基础信息资源",
]
# The guide's theme list is open ("包括但不限于"); these are the ones it names.
KNOWN_THEMES: tuple[str, ...] = (
    "公共服务",
    "健康保障",
    "社会保障",
    "食品药品安全",
    "安全生产",
    "价格监管",
    "能源安全",
    "信用体系",
    "城乡建设",
    "社区治理",
    "生态环保",
    "应急维稳",
)
FormatCategory = Literal["电子文件", "电子表格", "数据库", "图形图像", "流媒体", "自描述格式", "服务接口", "其他"]
DataType = Literal["C", "N", "Y", "D", "T", "L", "M", "G", "B", "I", "F"]
SharingType = Literal["无条件共享", "有条件共享", "不予共享"]
SharingMethod = Literal["数据库", "文件", "接口", "核验", "批量交换"]
OpeningType = Literal["无条件开放", "有条件开放", "不予开放"]
# Ordered fastest to slowest (the diff calls a later value slower). 每半月 comes from the guide's
# annex and real platforms; 其他 needs ``update_note``; 不更新 is static data (静态数据).
UpdateCycle = Literal[
    "实时", "每日", "每周", "每旬", "每半月", "每月", "每季度", "每半年", "每年", "不定期", "其他", "不更新"
]
# Cycles with no period a due date could be computed from.
UNSCHEDULED_CYCLES: tuple[str, ...] = ("实时", "不定期", "其他", "不更新")
SecurityLevel = Literal["一般数据1级", "一般数据2级", "一般数据3级", "一般数据4级", "重要数据", "核心数据"]
PersonalInfo = Literal["无", "个人信息", "敏感个人信息"]
IdentifierRole = Literal["公民身份号码", "统一社会信用代码", "其他标识"]
# Art. 12, 38: secrets the catalog must flag so that they are never opened as they are.
SecretKind = Literal["商业秘密", "国家秘密"]
DataSubject = Literal["自然人", "法人和其他组织", "自然资源和空间地理", "事项和事件", "其他"]
AggregationMode = Literal["实时汇聚", "非实时汇聚", "不汇聚"]
# Art. 2 (government departments and authorised bodies) and Art. 63 (bodies that follow the rules).
DepartmentKind = Literal[
    "政府部门",
    "法律法规授权组织",
    "中央和省属驻地机构",
    "审判机关",
    "检察机关",
    "社会团体",
    "公用事业运营单位",
]
DepartmentRole = Literal["数据主管部门", "数据生产部门", "数据应用部门", "技术服务单位"]
LegalLevel = Literal[
    "法律",
    "行政法规",
    "党中央国务院政策",
    "部门规章",
    "国家规范性文件",
    "地方性法规",
    "地方政府规章",
    "地方规范性文件",
]
DemandStatus = Literal["待匹配", "已匹配", "无法满足"]

SEVERITY_LEVEL_ORDER: tuple[str, ...] = get_args(SecurityLevel)
