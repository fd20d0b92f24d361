"""Label families, opening read from conditions, defaults recorded, and the report's exact counts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from govdata.imports.defaults import Defaults, load_defaults
from govdata.imports.labels import BUILTIN_ALIASES, load_mapping
from govdata.imports.run import ImportResult, Source, run_import
from govdata.instance import discover, open_instance
from govdata.report.imports import envelope, totals
from govdata.validation.engine import load_catalog

SAMPLE = {
    "code": "307002/000120",
    "name": "婚姻登记信息",
    "abstract": "婚姻登记的登记类型、登记日期和登记机关。",
    "provider": "测试区民政局",
    "release_date": "2023-06-16",
    "last_updated": "2024-01-02",
    "update_cycle": "每月",
    "opening": "有条件开放",
    "opening_condition": "经申请审核后提供",
    "format": "xlsx",
    "keywords": "婚姻",
    "theme": "社会保障",
    "industry": "公共管理、社会保障和社会组织",
    "national_theme": "社会保障",
    "scenes": "婚姻登记预约",
    "contact.phone": "0391-1234567",
    "contact.email": "mz@example.gov.cn",
    "contact.person": "李四",
    "data_volume.records": "1200",
    "data_volume.bytes": "20MB",
    "district": "承留镇",
    "version": "1.0",
    "detail_url": "https://data.example.gov.cn/d/1",
    "source_system": "婚姻登记系统",
    "sharing.type": "有条件",
    "sharing.condition": "仅向民政、公安部门提供",
    "sharing.methods": "共享平台-接口,核验",
}


def run(root: Path, sources: list[Path], defaults: Path | None = None, mapping: Path | None = None) -> ImportResult:
    instance = open_instance(root)
    catalog, _ = load_catalog(instance.config, discover(root), lambda p: (root / p).read_bytes())
    chosen = load_defaults(defaults) if defaults else Defaults.model_validate({})
    return run_import(catalog, [Source(path, load_mapping(mapping)) for path in sources], chosen)


FAMILIES = [(field, label) for field, labels in BUILTIN_ALIASES.items() for label in labels]


@pytest.mark.parametrize(("field", "label"), FAMILIES, ids=[f"{f}-{label}" for f, label in FAMILIES])
def test_every_label_of_every_family_maps_to_its_field(
    import_instance: Path, listing: Callable[..., Path], field: str, label: str
) -> None:
    result = run(import_instance, [listing([{label: SAMPLE[field]}])])
    (event,) = result.events
    expected = {"opening": "opening.type", "opening_condition": "opening.type", "theme": "extensions.import:主题"}
    target = {"national_theme": "extensions.import:国家主题分类", "industry": "industry.name"}
    assert event.field == expected.get(field, target.get(field, field))
    assert event.action.value in {"mapped", "normalised"}


def test_a_full_record_becomes_a_resource_with_each_use_of_a_default_recorded(
    import_instance: Path, listing: Callable[..., Path]
) -> None:
    labels = {field: labels[0] for field, labels in BUILTIN_ALIASES.items()}
    record = {labels[field]: value for field, value in SAMPLE.items()}
    result = run(import_instance, [listing([record])], import_instance.parent / "defaults.yaml")
    (outcome,) = result.outcomes
    assert outcome.skipped is None and outcome.code == "307002/000120"
    resource = outcome.resource
    assert resource is not None
    assert resource["opening"] == {
        "type": "有条件开放",
        "condition": "经申请审核后提供",
        "basis": ["gov-info-sharing-measures-2016"],
    }
    assert resource["contact"] == {"phone": "0391-1234567", "email": "mz@example.gov.cn", "person": "李四"}
    assert resource["data_volume"] == {"records": 1200, "bytes": 20 * 1024**2}
    assert resource["extensions"] == {"import:主题": "社会保障", "import:国家主题分类": "社会保障"}
    defaulted = [(e.field, e.to) for e in outcome.events if e.action.value == "defaulted"]
    # The source gave sharing type, condition and methods (a filled 1272 template): the defaults add only the basis.
    assert resource["sharing"] == {
        "type": "有条件共享",
        "condition": "仅向民政、公安部门提供",
        "methods": ["接口", "核验"],
        "basis": ["gov-info-sharing-measures-2016"],
    }
    assert defaulted == [
        ("opening.basis", '["gov-info-sharing-measures-2016"]'),
        ("sharing.basis", '["gov-info-sharing-measures-2016"]'),
        ("aggregation.mode", "非实时汇聚"),
        ("aggregation.filing", "测数备〔2026〕1号"),
        ("data_subject", "事项和事件"),
        ("security_level", "一般数据2级"),
    ]


def test_without_defaults_every_record_says_what_no_source_carries(
    import_instance: Path, listing: Callable[..., Path]
) -> None:
    result = run(import_instance, [listing([{"标题": "甲", "摘要": "乙", "数据提供方": "测试区民政局"}])])
    assert (
        result.outcomes[0].skipped
        == "缺少格式、更新周期、发布日期、开放类型、共享类型、汇聚属性、数据主体、数据安全级别（来源和默认值文件均未提供）"
    )


FIXTURE = [
    {"数据集名称": "道路运输许可", "摘要": "<p>许可&amp;证照</p>", "数据提供方": "测试区公安局", "首次发布日期": "2023-06-16 10:22:33",
     "更新频度": "不更新(更新说明:暂无新业务数据产生)", "开放类型": "可开放", "开放条件": "开放网站",
     "数据格式": "['xls', 'json']", "数据领域": "默认主题", "浏览量": "35"},
    {"数据集名称": "统计年鉴", "摘要": "统计年鉴", "数据提供方": "市统计局", "首次发布日期": 1686844800000,
     "更新频度": "每年", "开放类型": "有条件", "开放条件": "需申请", "数据格式": "电子表格-xls"},
    {"数据集名称": "园区企业", "摘要": "园区企业", "数据提供方": "高新区", "首次发布日期": "2023/06/12 17:33:10",
     "更新频度": "每两年", "开放类型": "完全开放", "数据格式": "03,0310"},
    {"数据集名称": "道路运输许可", "摘要": "<p>许可&amp;证照</p>", "数据提供方": "测试区公安局", "首次发布日期": "2023-06-16 10:22:33",
     "更新频度": "不更新(更新说明:暂无新业务数据产生)", "开放类型": "可开放", "开放条件": "开放网站",
     "数据格式": "['xls', 'json']", "数据领域": "默认主题", "浏览量": "35"},
]  # fmt: skip


def test_report_counts_exactly(import_instance: Path, listing: Callable[..., Path]) -> None:
    result = run(import_instance, [listing(FIXTURE)], import_instance.parent / "defaults.yaml")
    assert totals(result) == {
        "records": 4,
        "importable": 2,
        "written": 0,
        "skipped": 2,
        "exact_duplicates": 1,
        "near_duplicates": 0,
        "new_departments": 1,
        "values_mapped": 8,
        "values_normalised": 13,
        "values_defaulted": 17,
        "values_dropped": 11,
        "values_unknown": 3,
    }
    data = envelope(result)
    assert (data["records"], data["written"], data["skipped"]) == (4, 0, 2)
    assert data["skipped_records"] == [
        {"file": "listing.json", "record": 3, "reason": "缺少提供方、更新周期（来源和默认值文件均未提供）"},
        {"file": "listing.json", "record": 4, "reason": "与 listing.json:1 完全相同"},
    ]
    unknown = [
        (v["record"], v["label"], v["value"], v["field"], v["note"]) for v in data["values"] if v["action"] == "unknown"
    ]
    assert unknown == [
        (1, "浏览量", "35", "extensions.import:浏览量", "标签未映射，原样保留在扩展元数据"),
        (3, "数据提供方", "高新区", "extensions.import:数据提供方", "“高新区”是地名，不是部门"),
        (3, "更新频度", "每两年", "extensions.import:更新频度", "无法识别的更新周期"),
    ]
    first = [(v["label"], v["action"], v["to"]) for v in data["values"] if v["record"] == 1][:9]
    assert first == [
        ("数据集名称", "mapped", None),
        ("摘要", "normalised", "许可&证照"),
        ("数据提供方", "mapped", None),
        ("首次发布日期", "normalised", "2023-06-16"),
        ("更新频度", "normalised", "不更新；更新说明：暂无新业务数据产生"),
        ("开放类型", "normalised", "无条件开放"),
        ("开放条件", "normalised", "无条件开放"),
        ("数据格式", "normalised", "电子表格-xls、电子文件-json"),
        ("数据领域", "dropped", None),
    ]


def test_a_mapping_file_relabels_ignores_and_normalises(
    import_instance: Path, listing: Callable[..., Path], tmp_path: Path
) -> None:
    mapping = tmp_path / "portal.mapping.yaml"
    mapping.write_text(
        "source: 某市开放平台\nnamespace: mouse\nlabels:\n  fieldName: theme\n  浏览量: ignore\n"
        "normalise:\n  update_cycle: {每两年: 其他}\n",
        encoding="utf-8",
    )
    result = run(
        import_instance, [listing([{"fieldName": "交通", "浏览量": "3", "更新周期": "每两年"}])], mapping=mapping
    )
    assert [(e.label, e.field, e.action.value, e.to) for e in result.events] == [
        ("fieldName", "extensions.mouse:主题", "mapped", None),
        ("浏览量", None, "dropped", None),
        ("更新周期", "update_cycle", "normalised", "其他"),
    ]


def test_a_source_code_already_used_is_reallocated_and_reported(
    import_instance: Path, listing: Callable[..., Path]
) -> None:
    labels = {field: labels[0] for field, labels in BUILTIN_ALIASES.items()}
    record = {labels[field]: value for field, value in SAMPLE.items()}
    taken = {**record, labels["code"]: "101002/000001"}  # the base instance's population resource
    result = run(
        import_instance,
        [listing([record, {**taken, labels["name"]: "另一个"}])],
        import_instance.parent / "defaults.yaml",
    )
    first, second = result.outcomes
    assert (first.code, second.code) == ("307002/000120", "307004/000001")
    event = next(e for e in second.events if e.field == "code")
    assert (event.action.value, event.to) == ("normalised", "307004/000001")
    assert event.note == "代码 101002/000001 已被占用，另行分配 307004/000001；原代码保留在扩展元数据"
    assert second.resource is not None and second.resource["extensions"]["import:原信息资源代码"] == "101002/000001"


def test_sharing_methods_of_a_template_and_categories_that_name_no_type(
    import_instance: Path, listing: Callable[..., Path]
) -> None:
    result = run(
        import_instance,
        [listing([{"共享方式": "共享平台-接口、介质"}, {"共享方式": "邮件"}, {"是否向社会开放": "否"}])],
    )
    assert [(e.record, e.field, e.action.value, e.to, e.note) for e in result.events] == [
        (1, "sharing.methods", "normalised", "接口", "未识别的部分：介质（原值保留在扩展元数据）"),
        (2, "extensions.import:共享方式", "unknown", None, "无法识别的共享方式"),
        (3, "opening.type", "normalised", "不予开放", None),
    ]
