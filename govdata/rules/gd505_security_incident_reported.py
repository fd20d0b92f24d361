"""GD505: a security incident not reported, or reported late."""

from __future__ import annotations

from collections.abc import Iterator

from govdata.i18n import Text
from govdata.rules.base import Finding, Rule, RuleContext, RuleOptions


class IncidentReportedOptions(RuleOptions):
    report_within_days: int = 1
    """Calendar days from occurrence within which the report is due (the regulation says 立即, at once)."""


class SecurityIncidentReported(Rule):
    """A security incident was not reported to the competent authority, or was reported late.

    ## What it checks
    Every incident of a security record has a `reported` date no later than
    `report_within_days` (default 1) calendar days after it `occurred`, and names whom it was
    reported to (`reported_to`). An unreported incident is a finding once that time has passed.

    ## Why
    When a network security incident happens, the department starts its emergency response at
    once, keeps records and reports to the competent authorities as required (Art. 52). Failing
    security duties is a ground for a rectification notice (Art. 60(5)).

    ## How to fix
    Record the date of the report and its recipient. A late report cannot be undone: the
    finding documents it; waive it in govdata.yaml with the reason if the authority accepted it.

    ## Options
    `report_within_days`: calendar days allowed between occurrence and report.
    """

    explanation_zh = """
    安全事件没有报告主管部门，或者报告不及时。

    ## 检查什么
    安全记录中的每个事件，都要有 `reported`（报告日期），且不晚于发生日期 `occurred` 之后 `report_within_days`
    （默认 1）个自然日，并写明报告对象 `reported_to`。未报告的事件过了这个期限就会报告。

    ## 为什么
    发生网络安全事件时，部门要立即启动应急响应，做好记录，并按规定向有关主管部门报告（第五十二条）。不履行安全职责的，
    可以下发整改通知（第六十条第（五）项）。

    ## 如何修改
    登记报告日期和报告对象。迟报无法补救：这条问题就是记录；如果主管部门已经认可，可以在 govdata.yaml 中写明理由予以豁免。

    ## 选项
    `report_within_days`：从发生到报告允许的自然日天数。
    """

    id = "GD505"
    name = "security-incident-reported"
    title = Text("安全事件未及时报告", "security incident not reported in time")
    article = "Art. 52, 60(5)"
    tags = frozenset({"security", "deadline"})
    Options = IncidentReportedOptions

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        assert isinstance(ctx.options, IncidentReportedOptions)
        allowed = ctx.options.report_within_days
        for document in ctx.catalog.security_records:
            for index, incident in enumerate(document.model.incidents):
                if incident.reported is None:
                    if (ctx.today - incident.occurred).days > allowed:
                        yield Finding(
                            document.path,
                            ("incidents", index, "occurred"),
                            Text(
                                f"安全事件 {incident.id}（{incident.occurred}）未记录报告日期",
                                f"incident {incident.id} ({incident.occurred}) has no report date",
                            ),
                            Text("记录报告日期和报告对象", "record when and to whom it was reported"),
                        )
                    continue
                late = (incident.reported - incident.occurred).days
                if late > allowed or late < 0:
                    yield Finding(
                        document.path,
                        ("incidents", index, "reported"),
                        Text(
                            f"安全事件 {incident.id} 于 {incident.occurred} 发生，{incident.reported} 才报告（应在 {allowed} 日内）",
                            f"incident {incident.id} occurred {incident.occurred}, reported {incident.reported} "
                            f"(due within {allowed} days)",
                        ),
                        Text("按规定立即报告；核对日期", "report at once; check the dates"),
                    )
                if incident.reported_to is None:
                    yield Finding(
                        document.path,
                        ("incidents", index, "reported"),
                        Text(f"安全事件 {incident.id} 未写明报告对象", f"incident {incident.id} names no recipient"),
                        Text("填写 reported_to", "fill in reported_to"),
                        at_key=True,
                    )
