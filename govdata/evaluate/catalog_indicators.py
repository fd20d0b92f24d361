"""Indicators read from the catalog as it stands: metadata quality, sharing and opening (Art. 14, 32, 38-39, 41)."""

from __future__ import annotations

from govdata.evaluate.base import EvaluationContext, Evidence, Indicator, Measure
from govdata.evaluate.case_indicators import open_applications_answered
from govdata.i18n import Text
from govdata.model.catalog import Document
from govdata.model.registry import Department
from govdata.model.resource import Resource

NO_RESOURCES = Text("目录中没有本部门的信息资源", "the department has no resources in the catalog")


def department_resources(ctx: EvaluationContext, department: Department) -> list[Document[Resource]]:
    return [d for d in ctx.catalog.resources if d.model.provider.code == department.code]


def unloaded_resources(ctx: EvaluationContext, department: Department) -> list[str]:
    """Resource files of the department that failed to load: they count, as failing, never vanish."""
    prefix = f"catalogs/{department.slug}/"
    return [p for p in ctx.catalog.unloaded if p.startswith(prefix) and not p.endswith("/demands.yaml")]


def metadata_checks(resource: Resource, clean: bool) -> list[float]:
    """Per resource, each check 1 (passed) or 0; the items-described check is the share described."""
    checks = [
        float(bool(resource.keywords)),
        float(resource.source_system is not None),
        float(bool(resource.business_items)),
        float(resource.format.type is not None),
        float(clean),
    ]
    if resource.items:
        checks.append(sum(item.description is not None for item in resource.items) / len(resource.items))
    return checks


class MetadataQuality(Indicator):
    id = "metadata"
    title = Text("目录完整性与元数据质量", "catalog completeness and metadata quality")
    article = "Art. 14, 57(1)"
    formula = Text(
        "每个信息资源的检查项通过率的平均值。检查项：关键字、来源系统、关联业务事项、格式类型已填写；"
        "无占位文字等 GD109 问题；有信息项时另计信息项说明率。未能加载的资源文件计 0。",
        "mean over the department's resources of the share of checks passed: keywords, source system, "
        "business items and format type filled; no GD109 finding (placeholders, future release, structured "
        "without items); with items, the share of items described. A resource file that fails to load counts 0.",
    )

    def measure(self, ctx: EvaluationContext, department: Department) -> Measure:
        documents = department_resources(ctx, department)
        broken = unloaded_resources(ctx, department)
        scores = []
        for document in documents:
            checks = metadata_checks(document.model, not ctx.rule_hits(document.path, "GD109"))
            scores.append(sum(checks) / len(checks))
        evidence = [Evidence(d.path, note=f"{s:.2f}") for d, s in zip(documents, scores, strict=True)]
        evidence += [Evidence(p, note="未能加载 / does not load") for p in broken]
        return Measure.ratio(sum(scores), len(documents) + len(broken), evidence, NO_RESOURCES)


class UnconditionalSharing(Indicator):
    id = "sharing"
    title = Text("无条件共享比例", "share of resources shared unconditionally")
    article = "Art. 32"
    formula = Text("无条件共享的信息资源数 ÷ 信息资源总数", "resources 无条件共享 ÷ all resources")

    def measure(self, ctx: EvaluationContext, department: Department) -> Measure:
        documents = department_resources(ctx, department)
        shared = [d for d in documents if d.model.sharing.type == "无条件共享"]
        return Measure.ratio(len(shared), len(documents), [Evidence(d.path) for d in shared], NO_RESOURCES)


class RestrictedSharingBasis(Indicator):
    id = "sharing_basis"
    title = Text("受限共享依据充分率", "restricted sharing with sufficient basis")
    article = "Art. 14, 32"
    formula = Text(
        "有条件共享或不予共享、且无 GD101（依据不足）问题的资源数 ÷ 有条件共享和不予共享的资源数",
        "restricted resources (有条件共享, 不予共享) without a GD101 finding ÷ restricted resources",
    )

    def measure(self, ctx: EvaluationContext, department: Department) -> Measure:
        restricted = [d for d in department_resources(ctx, department) if d.model.sharing.type != "无条件共享"]
        sound = [d for d in restricted if not ctx.rule_hits(d.path, "GD101")]
        evidence = [Evidence(d.path, note="依据充分" if d in sound else "GD101") for d in restricted]
        none = Text("本部门没有受限共享的资源", "the department restricts no resource")
        return Measure.ratio(len(sound), len(restricted), evidence, none)


class OpenRatio(Indicator):
    id = "opening"
    title = Text("开放比例与开放申请按时答复", "open ratio and open applications answered in time")
    article = "Art. 38-39, 41"
    formula = Text(
        "两部分的平均：① 无条件开放和有条件开放的信息资源数 ÷ 信息资源总数；② 本年度到期的有条件开放申请中"
        "按时答复数 ÷ 已有结果的申请数（10 个工作日，依法批准延期再加 10 个，第四十一条；期限由 cases/ 计算）。"
        "本年度没有到期的开放申请时只计①。",
        "mean of two parts: (1) resources 无条件开放 or 有条件开放 ÷ all resources; (2) open applications falling "
        "due in the year answered in time ÷ those decided (10 working days, +10 when lawfully extended, Art. 41; "
        "due dates from cases/). Without an open application due in the year, (1) alone.",
    )

    def measure(self, ctx: EvaluationContext, department: Department) -> Measure:
        documents = department_resources(ctx, department)
        opened = [d for d in documents if d.model.opening.type != "不予开放"]
        ratio = Measure.ratio(len(opened), len(documents), [Evidence(d.path) for d in opened], NO_RESOURCES)
        answered = open_applications_answered(ctx, department)
        evidence = ratio.evidence + answered.evidence
        if ratio.value is None or answered.value is None:  # one part alone keeps its own counts
            alone = answered if ratio.value is None and answered.value is not None else ratio
            note = ratio.note if alone.value is None else (answered.note if alone is ratio else None)
            return Measure(alone.value, alone.numerator, alone.denominator, evidence, note)
        return Measure((ratio.value + answered.value) / 2, ratio.value + answered.value, 2, evidence)
