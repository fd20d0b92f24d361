"""Indicators of duties kept in their own files: responsibility lists, grants, demands, security."""

from __future__ import annotations

from govdata.evaluate.base import EvaluationContext, Evidence, Indicator, Measure
from govdata.fulfilment import fulfilment
from govdata.i18n import Text
from govdata.model.registry import Department

NO_LIST = Text("没有本部门的责任清单", "no responsibility list for the department")


class ResponsibilityFulfilment(Indicator):
    id = "responsibility"
    title = Text("责任清单落实率", "responsibility list fulfilment")
    article = "Art. 18, 20"
    formula = Text(
        "已汇聚且未逾期、或不汇聚资源免于汇聚的条目数 ÷ 责任清单条目数（按评价日判断逾期）",
        "entries 已汇聚 and not overdue on the evaluation day, or 免于汇聚 for a 不汇聚 resource ÷ entries",
    )

    def measure(self, ctx: EvaluationContext, department: Department) -> Measure:
        row = next((r for r in fulfilment(ctx.catalog, ctx.as_of) if r.slug == department.slug), None)
        path = f"responsibility/{department.slug}.yaml"
        if row is None:
            return Measure(None, note=NO_LIST)
        note = f"逾期 {row.overdue} / overdue {row.overdue}"
        return Measure.ratio(row.fulfilled, row.total, [Evidence(path, note=note)], Text("责任清单为空", "empty list"))


class UpdateCycle(Indicator):
    id = "update_cycle"
    title = Text("按更新周期汇聚", "aggregated per declared update cycle")
    article = "Art. 14, 23"
    formula = Text(
        "记有最近汇聚日期且下次到期日不早于评价日的条目数 ÷ 记有最近汇聚日期和到期日的条目数",
        "entries whose next due date (last aggregation + update cycle) is on or after the evaluation day "
        "÷ entries with a last aggregation date and a due date",
    )

    def measure(self, ctx: EvaluationContext, department: Department) -> Measure:
        listing = next((d for d in ctx.catalog.responsibility_lists if d.model.department == department.code), None)
        if listing is None:
            return Measure(None, note=NO_LIST)
        known = [e for e in listing.model.resources if e.last_aggregated is not None and e.next_due is not None]
        on_time = [e for e in known if e.next_due is not None and e.next_due >= ctx.as_of]
        evidence = [Evidence(listing.path, note=f"{e.code} {e.update_cycle} → {e.next_due}") for e in known]
        none = Text("责任清单未记录最近汇聚日期", "no last aggregation date recorded")
        return Measure.ratio(len(on_time), len(known), evidence, none)


class GrantsUsed(Indicator):
    id = "grants_used"
    title = Text("共享申请获批使用", "grants requested and approved")
    article = "Art. 7, 9"
    formula = Text(
        "本年度提出且经批准的共享申请数 ÷ 本年度提出的共享申请数（本部门为申请部门）",
        "grants the department requested in the year and that were approved ÷ grants it requested in the year",
    )

    def measure(self, ctx: EvaluationContext, department: Department) -> Measure:
        requested = [
            d
            for d in ctx.catalog.grants
            if d.model.applicant == department.code and d.model.history[0].date.year == ctx.year
        ]
        used = [d for d in requested if d.model.decision is not None and d.model.decision.outcome == "批准"]
        evidence = [Evidence(d.path, note=d.model.status) for d in requested]
        none = Text("本年度未提出共享申请", "no grant requested in the year")
        return Measure.ratio(len(used), len(requested), evidence, none)


class DemandsMet(Indicator):
    id = "demands_met"
    title = Text("需求清单满足率", "demand list met")
    article = "Art. 16"
    formula = Text("状态为“已匹配”的需求数 ÷ 需求清单中的需求数", "demands 已匹配 ÷ demands in the list")

    def measure(self, ctx: EvaluationContext, department: Department) -> Measure:
        path = f"catalogs/{department.slug}/demands.yaml"
        listing = next((d for d in ctx.catalog.demand_lists if d.path == path), None)
        demands = listing.model.demands if listing else []
        met = [d for d in demands if d.status == "已匹配"]
        evidence = [Evidence(path, note=f"{d.id} {d.status}") for d in demands]
        return Measure.ratio(len(met), len(demands), evidence, Text("没有需求清单", "no demand list"))


class SecurityRecords(Indicator):
    id = "security"
    title = Text("数据安全工作记录", "security records present and current")
    article = "Art. 51, 52"
    formula = Text(
        "security/<部门>/<年度>.yaml 的五项检查通过数 ÷ 5：记录存在、有风险评估、有应急预案、有应急演练、"
        "安全事件均按时报告（无 GD505 问题）。记录缺失计 0。",
        "checks passed of 5 on security/<dept>/<year>.yaml: the record exists, has a risk assessment, an "
        "emergency plan, a drill, and every incident reported in time (no GD505 finding). No record scores 0.",
    )

    def measure(self, ctx: EvaluationContext, department: Department) -> Measure:
        path = f"security/{department.slug}/{ctx.year}.yaml"
        record = next((d for d in ctx.catalog.security_records if d.path == path), None)
        if record is None:
            note = "缺失 / missing" if path not in ctx.catalog.unloaded else "未能加载 / does not load"
            return Measure(0.0, 0, 5, (Evidence(path, note=note),))
        checks = {
            "风险评估": bool(record.model.risk_assessments),
            "应急预案": record.model.emergency_plan is not None,
            "应急演练": bool(record.model.drills),
            "事件报告": not ctx.rule_hits(path, "GD505"),
        }
        missing = "、".join(name for name, ok in checks.items() if not ok) or "无缺项"
        passed = 1 + sum(checks.values())
        return Measure(passed / 5, passed, 5, (Evidence(path, note=missing),))
