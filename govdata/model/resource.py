"""信息资源: one data resource of a department catalog, per the 2017 compilation guide."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field

from govdata.model.base import IsoDate, Model, NonEmptyText, Uscc, gb
from govdata.model.patterns import EMAIL_PATTERN, SPACE, URL_PATTERN
from govdata.model.vocab import (
    AggregationMode,
    DataSubject,
    DataType,
    FormatCategory,
    IdentifierRole,
    OpeningType,
    PersonalInfo,
    ResourceClass,
    SecretKind,
    SecurityLevel,
    SharingMethod,
    SharingType,
    UpdateCycle,
)

# The model only keeps a code usable as a file name (no spaces, no characters a file system
# refuses); its grammar (letters, prefix widths, slash or none) is the instance's, in
# govdata.yaml ``resource_code.pattern``, and GD010 checks it.
RESOURCE_CODE_PATTERN = rf'^[^{SPACE}\\:*?"<>|]+$'  # no escaped quote: ECMA-262 unicode mode refuses it
# extensions: ``namespace:key`` (a portal or tool name, a colon, any key), so that keys from
# different sources never collide and none can pass for a field of the model.
EXTENSION_KEY_PATTERN = rf"^[a-z][a-z0-9-]*:[^{SPACE}]+$"
LegalBasisIds = list[NonEmptyText]
ExtensionKey = Annotated[str, Field(pattern=EXTENSION_KEY_PATTERN)]


class Provider(Model, title="信息资源提供方"):
    code: Uscc = gb("信息资源提供方代码", "提供方部门的统一社会信用代码（18位），须在部门名录中登记")
    name: NonEmptyText = gb("信息资源提供方", "提供方部门全称，须与部门名录一致")
    internal_unit: NonEmptyText | None = gb("提供方内部部门", "负责该资源的内设机构（可选）", None)


class Classification(Model, title="信息资源分类"):
    class_: ResourceClass = gb("类", "信息资源分类第一级：基础、主题或部门信息资源", alias="class")
    group: NonEmptyText = gb("项", "第二级：基础库名称、主题名称或部门目录名称")
    category: NonEmptyText | None = gb("目", "第三级分类（可选）", None)
    subcategory: NonEmptyText | None = gb("细目", "第四级分类（可选）", None)
    deeper: list[NonEmptyText] = gb(
        "更细分类", "细目以下各级分类的名称，自上而下（地方分类体系可多于四级，如成都六级）", []
    )
    node: NonEmptyText | None = gb(
        "分类节点编码", "本资源所属的最末一级分类节点在 registry/classification.yaml 中的编码（可选）", None
    )


class Format(Model, title="信息资源格式"):
    category: FormatCategory = gb("格式分类", "信息资源格式分类，如数据库、电子表格")
    type: NonEmptyText | None = gb("格式类型", "具体格式，如 oracle、xlsx、pdf", None)
    description: NonEmptyText | None = gb("其他类型资源格式描述", "格式分类为“其他”时的说明", None)


class ItemSource(Model, title="共享来源"):
    resource: NonEmptyText = gb("来源资源代码", "通过共享获取该信息项时，权威来源资源的信息资源代码")
    item: NonEmptyText = gb("来源信息项", "权威来源资源中对应信息项的名称")


class Item(Model, title="信息项"):
    name: NonEmptyText = gb("信息项名称", "信息项（字段）的中文名称，在本资源内唯一")
    data_type: DataType = gb(
        "数据类型", "C字符型 N数值型 Y货币型 D日期型 T日期时间型 L逻辑型 M备注型 G通用型 B双精度型 I整型 F浮点型"
    )
    length: int | None = gb("数据长度", "存储长度（字节）", None, ge=1)
    description: NonEmptyText | None = gb("信息项说明", "信息项含义的说明（可选）", None)
    basic: bool = gb("基础信息项", "是否为基础信息资源库的基础信息项（须无条件共享）", False)
    identifier: IdentifierRole | None = gb("标识角色", "该信息项作为数据主体标识时的类型", None)
    personal_info: PersonalInfo = gb("个人信息标识", "是否包含个人信息或敏感个人信息", "无")
    secret: SecretKind | None = gb("涉密标识", "该信息项涉及商业秘密或国家秘密时填写；涉及国家秘密的不予开放", None)
    element_id: NonEmptyText | None = gb("数据元标识符", "对应标准数据元的标识符（可选），用于一数一源比对", None)
    sharing_type: SharingType | None = gb("信息项共享类型", "与资源共享类型不同时填写", None)
    sharing_condition: NonEmptyText | None = gb(
        "信息项共享条件", "该信息项有条件共享的条件与范围，或不予共享的理由（与资源共享条件不同时填写）", None
    )
    opening_type: OpeningType | None = gb("信息项开放类型", "与资源开放类型不同时填写", None)
    opening_condition: NonEmptyText | None = gb(
        "信息项开放条件", "该信息项有条件开放的条件与范围（与资源开放条件不同时填写）", None
    )
    obtained_from: ItemSource | None = gb("共享来源", "该信息项通过共享获取而非自行采集时，注明权威来源", None)


class Sharing(Model, title="共享属性"):
    type: SharingType = gb("共享类型", "无条件共享、有条件共享或不予共享")
    condition: NonEmptyText | None = gb("共享条件", "有条件共享的条件与范围；不予共享的理由", None)
    basis: LegalBasisIds = gb("共享依据", "法律依据编号，引用 registry/legal-bases.yaml 中的条目", [])
    methods: list[SharingMethod] = gb("共享方式类型", "数据库、文件、接口、核验或批量交换", [])


class Opening(Model, title="开放属性"):
    type: OpeningType = gb("开放类型", "无条件开放、有条件开放或不予开放")
    condition: NonEmptyText | None = gb("开放条件", "有条件开放的条件与范围", None)
    basis: LegalBasisIds = gb("开放依据", "法律依据编号，引用 registry/legal-bases.yaml 中的条目", [])
    desensitisation: NonEmptyText | None = gb("脱敏方式", "开放前对敏感信息采取的脱敏处理方法", None)


class Aggregation(Model, title="汇聚属性"):
    mode: AggregationMode = gb("汇聚方式", "实时汇聚、非实时汇聚或不汇聚（须有依据）")
    filing: NonEmptyText | None = gb("备案编号", "非实时汇聚向数据主管部门备案的编号", None)
    exemption_basis: LegalBasisIds = gb("免于汇聚依据", "不汇聚时的法律依据编号", [])
    interface: NonEmptyText | None = gb("接口服务", "不汇聚时提供的接口服务名称", None)


class Industry(Model, title="行业分类"):
    code: str | None = gb(
        "行业代码",
        "GB/T 4754 国民经济行业分类代码：门类字母，可带大类、中类、小类数字，如 S、S92",
        None,
        pattern=r"^[A-T]([0-9]{2}([0-9]{1,2})?)?$",
    )
    name: NonEmptyText = gb("行业名称", "GB/T 4754 行业名称，如 公共管理、社会保障和社会组织")


class Contact(Model, title="联系方式"):
    person: NonEmptyText | None = gb("联系人", "负责该资源的联系人", None)
    phone: NonEmptyText | None = gb("联系电话", "联系电话，如 0391-1234567", None)
    email: str | None = gb("电子邮箱", "联系邮箱", None, pattern=EMAIL_PATTERN)


class DataVolume(Model, title="数据量"):
    records: int | None = gb("记录数", "数据条数", None, ge=0)
    bytes: int | None = gb("存储量", "数据存储量（字节）", None, ge=0)


class Resource(Model, title="政务信息资源"):
    """信息资源 (one file under ``catalogs/<dept>/``)."""

    code: str = gb(
        "信息资源代码",
        "在全区唯一且不变的代码，其语法由 govdata.yaml 的 resource_code 规定（通常为 前段码/后段码）",
        pattern=RESOURCE_CODE_PATTERN,
    )
    name: NonEmptyText = gb("信息资源名称", "信息资源的中文名称")
    provider: Provider = gb("信息资源提供方", "提供该资源的政务部门")
    classification: Classification = gb("信息资源分类", "类、项、目、细目")
    abstract: NonEmptyText = gb("信息资源摘要", "资源内容的简要说明")
    keywords: list[NonEmptyText] = gb("关键字", "检索用关键字（可选）", [])
    format: Format = gb("信息资源格式", "资源的主要存在形式（主格式）")
    other_formats: list[Format] = gb("其他格式", "主格式以外同时提供的格式，如同一数据另有 csv、json 下载", [])
    items: list[Item] = gb("信息项", "结构化资源（数据库、电子表格）的字段清单", [])
    sharing: Sharing = gb("共享属性", "共享类型、条件、依据与方式")
    opening: Opening = gb("开放属性", "开放类型、条件与依据")
    update_cycle: UpdateCycle = gb("更新周期", "资源更新的频率；“其他”须在更新说明中写明，“不更新”表示静态数据")
    update_note: NonEmptyText | None = gb("更新说明", "更新周期的补充说明；更新周期为“其他”时必填", None)
    release_date: IsoDate = gb("发布日期", "提供方发布该资源的日期，格式 YYYY-MM-DD")
    last_updated: IsoDate | None = gb("最近更新日期", "资源数据最近一次更新的日期，格式 YYYY-MM-DD", None)
    related_codes: list[NonEmptyText] = gb("关联资源代码", "与本资源关联的其他信息资源代码", [])
    source_system: NonEmptyText | None = gb("来源系统", "产生该资源的政务信息系统（所属系统）", None)
    business_items: list[NonEmptyText] = gb("关联业务事项", "该资源支撑的政务服务或行政管理事项", [])
    aggregation: Aggregation = gb("汇聚属性", "向数据中台汇聚的方式（第八条、第二十六条）")
    data_subject: DataSubject = gb("数据主体", "资源描述的对象：自然人、法人和其他组织等")
    security_level: SecurityLevel = gb("数据安全级别", "按 GB/T 43697 确定的核心、重要或一般数据级别")
    detail_url: str | None = gb("详情页网址", "资源在目录或开放平台上的详情页地址", None, pattern=URL_PATTERN)
    industry: Industry | None = gb("行业分类", "资源所属行业（GB/T 4754 国民经济行业分类）", None)
    contact: Contact | None = gb("联系方式", "提供方负责该资源的联系人、电话和邮箱", None)
    data_volume: DataVolume | None = gb("数据量", "数据记录数和存储量", None)
    district: NonEmptyText | None = gb("所属区县", "资源所属的区县或功能区，如 承留镇、高新区", None)
    scenes: list[NonEmptyText] = gb("应用场景", "资源支撑的应用场景（场景分类）", [])
    version: NonEmptyText | None = gb("版本号", "资源的版本号", None)
    extensions: dict[ExtensionKey, Any] = gb(
        "扩展元数据",
        "核心元数据以外的扩展元数据，键为“命名空间:名称”（如 import:数据领域），值原样保留，不做校验",
        {},
    )

    @property
    def formats(self) -> list[Format]:
        """Every format of the resource, the primary one first."""
        return [self.format, *self.other_formats]

    def item_named(self, name: str) -> Item | None:
        return next((item for item in self.items if item.name == name), None)


__all__ = ["Contact", "DataVolume", "Field", "Format", "Industry", "Item", "Resource"]
