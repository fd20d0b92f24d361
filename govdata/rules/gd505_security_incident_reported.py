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
