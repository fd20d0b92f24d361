"""govdata.yaml: the instance's region, authority, language, code grammar, rules and waivers."""

from __future__ import annotations

from typing import Any, Literal

from govdata.model.base import IsoDate, Model, NonEmptyText, Uscc, gb
from govdata.model.patterns import SPACE

SeveritySetting = Literal["error", "warning", "info", "off"]


class Region(Model, title="区域"):
    name: NonEmptyText = gb("区域名称", "本实例所属行政区域，如 济源示范区")
    division_code: str = gb("行政区划代码", "GB/T 2260 六位行政区划代码", pattern=r"^[0-9]{6}$")


class ResourceCodeGrammar(Model, title="信息资源代码规则"):
    pattern: NonEmptyText = gb(
        "信息资源代码规则",
        "本区域信息资源代码的正则表达式；可用命名分组 class（类）、group（项）、dept（部门目录编码）、seq（顺序码）",
    )
    example: NonEmptyText = gb("示例", "一个符合规则的代码，供错误提示使用")
    template: NonEmptyText | None = gb(
        "代码生成模板",
        "导入等分配新代码时使用的模板，字段 {class}（类编码）、{group}（项编码）、{dept}（部门目录编码）、"
        "{seq}（顺序码，可写宽度如 {seq:06d}），如 {class}{group}{dept}/{seq:06d}；生成的代码须符合 pattern",
        None,
    )
    group_codes: dict[str, str] = gb(
        "项编码", "“项”名称与编码的对应，如 人口基础信息资源: '01'；部门信息资源的项可写 部门信息资源: '07'", {}
    )
    class_codes: dict[str, str] = gb(
        "类编码",
        "“类”编码与分类名称的对应，如 1: 基础信息资源",
        {"1": "基础信息资源", "2": "主题信息资源", "3": "部门信息资源"},
    )


class RuleSetting(Model, title="规则设置"):
    severity: SeveritySetting | None = gb("严重程度", "覆盖该规则的默认严重程度；off 表示停用", None)
    options: dict[str, Any] = gb("规则选项", "该规则的参数", {})


class Waiver(Model, title="豁免"):
    rule: NonEmptyText = gb("规则", "被豁免的规则编号")
    path: NonEmptyText | None = gb("文件范围", "豁免的文件路径或通配符（相对实例根目录）；不填表示全部文件", None)
    reason: str = gb("豁免理由", "为何豁免，须经数据主管部门认可", min_length=4)
    expires: IsoDate | None = gb("到期日期", "豁免失效日期；到期后豁免本身会被报告", None)
    approved_by: NonEmptyText | None = gb("批准人", "批准该豁免的人员或文件", None)


class Calendar(Model, title="工作日历补充"):
    holidays: list[IsoDate] = gb("补充节假日", "官方日历尚未收录年份的法定节假日", [])
    workdays: list[IsoDate] = gb("补充调休工作日", "官方日历尚未收录年份的调休上班日", [])


class PublishSettings(Model, title="发布设置"):
    base_url: str | None = gb(
        "开放网站地址",
        "开放目录网站的公开地址（以 / 结尾），用于 DCAT 标识和 sitemap.xml；可用 govdata publish --base-url 覆盖",
        None,
        pattern=rf"^https?://[^{SPACE}]+/$",
    )
    repository_url: str | None = gb(
        "仓库地址",
        "代码托管仓库的网址，开放网站据此链接“申请更正”“申请开放”议题表单；不填则不显示这两个链接",
        None,
        pattern=rf"^https?://[^{SPACE}]+[^/{SPACE}]$",
    )


# Indicator ids of govdata/evaluate and their default weights (sum 100). A new indicator adds its
# id here with a weight; an id not in the evaluation registry is refused when evaluating.
DEFAULT_WEIGHTS: dict[str, float] = {
    "metadata": 15,
    "catalog_updates": 10,
    "update_cycle": 10,
    "sharing": 10,
    "sharing_basis": 10,
    "opening": 10,
    "grants_used": 5,
    "demands_met": 5,
    "responsibility": 10,
    "security": 10,
    "cases": 5,
}


class Band(Model, title="评价等次"):
    name: NonEmptyText = gb("等次名称", "如 优秀、良好、合格、不合格")
    min_score: float = gb("最低得分", "得分不低于此值（0-100）即为该等次", ge=0, le=100)


DEFAULT_BANDS = (
    Band(name="优秀", min_score=90),
    Band(name="良好", min_score=75),
    Band(name="合格", min_score=60),
    Band(name="不合格", min_score=0),
)


class Evaluation(Model, title="年度评价办法"):
    version: NonEmptyText = gb("办法版本", "评价办法（指标、权重、等次）的版本号，记入每一份评价结果", "2026.1")
    weights: dict[str, float] = gb(
        "指标权重", "各评价指标的权重；无数据的指标不计分，其余指标按权重比例折算为百分制", DEFAULT_WEIGHTS
    )
    bands: list[Band] = gb("评价等次", "按得分从高到低排列的等次", list(DEFAULT_BANDS))
    review_days: int = gb("目录更新审核时限", "数据主管部门审核、更新目录的工作日数（第十九条）", 5, ge=1)
    rectification_days: int = gb("整改时限", "整改通知发出后完成整改的工作日数（第六十条）", 20, ge=1)


class InstanceConfig(Model, title="实例配置"):
    """govdata.yaml"""

    region: Region = gb("区域", "本实例所属行政区域")
    authority: Uscc = gb("数据主管部门", "数据主管部门的统一社会信用代码（第四条）")
    language: Literal["zh-CN", "en"] = gb("语言", "诊断信息的默认语言", "zh-CN")
    sample_data: bool = gb("样例数据", "为真时表示目录内容为演示用样例，并非真实登记信息", False)
    resource_code: ResourceCodeGrammar = gb("信息资源代码规则", "本区域信息资源代码的语法")
    rules: dict[str, RuleSetting] = gb("规则设置", "按规则编号覆盖严重程度与选项", {})
    waivers: list[Waiver] = gb("豁免", "经批准的规则豁免，须写明理由", [])
    calendar: Calendar = gb("工作日历补充", "官方日历以外年份的节假日与调休", Calendar())
    publish: PublishSettings = gb("发布设置", "govdata publish 生成开放目录网站时使用的地址", PublishSettings())
    evaluation: Evaluation = gb(
        "年度评价办法", "年度评价的指标权重、等次和时限（第五十四条）；不填时用默认办法", Evaluation()
    )
