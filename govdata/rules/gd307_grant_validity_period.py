"""GD307: a grant's validity period is well ordered and no longer than the configured maximum."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator

from pydantic import Field

from govdata.i18n import Text
from govdata.model.grant import LIVE, Grant
from govdata.rules.base import Finding, Rule, RuleContext, RuleOptions


class GrantValidityPeriodOptions(RuleOptions):
    max_months: int = Field(36, ge=1)
    """The longest term one approval or renewal may grant, in months."""


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, or the month's last day when it is shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def term_start(grant: Grant) -> dt.date:
    """Where the current term began: the last renewal, else ``valid_from``."""
    renewals = [entry.date for entry in grant.history if entry.valid_until is not None]
    return max([grant.valid_from, *renewals])


class GrantValidityPeriod(Rule):
    """A grant's validity period ends before it starts, or runs longer than allowed.

    ## What it checks
    For every pending or in-force grant, `valid_until` is not before `valid_from`, and the
    current term — from `valid_from`, or from the date of the last renewal — lasts at
    most `max_months` months.

    ## Why
    Art. 7 asks for authorisation scoped to an application scenario and kept to what is
    needed; a grant without a bounded term never comes back to the authority, who under
    Art. 36 must be able to review and end it.

    ## How to fix
    Shorten `valid_until`. When the scenario lasts longer, let the grant run out and renew
    it with `govdata grant renew ID --until YYYY-MM-DD`.

    ## Options
    `max_months`: the longest term of one approval or renewal, in months (default 36).
    """

    explanation_zh = """
    授权有效期的结束日期早于开始日期，或者期限超过允许的长度。

    ## 检查什么
    对每个申请中或生效中的授权，`valid_until` 不早于 `valid_from`，并且当前这一期——从 `valid_from` 或最近一次续期之日算起——
    不超过 `max_months` 个月。

    ## 为什么
    第七条要求授权限于具体应用场景、按需授予；没有期限的授权永远不会再回到主管部门手中，而按照第三十六条，
    主管部门必须能够复核和终止授权。

    ## 如何修改
    缩短 `valid_until`。场景持续更久的，让授权到期后用 `govdata grant renew ID --until YYYY-MM-DD` 续期。

    ## 选项
    `max_months`：一次批准或续期的最长期限，单位为月（默认 36）。
    """

    id = "GD307"
    name = "grant-validity-period"
    title = Text("授权有效期不合理", "grant validity period out of bounds")
    article = "Art. 7, 36"
    tags = frozenset({"grant"})
    Options = GrantValidityPeriodOptions

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        assert isinstance(ctx.options, GrantValidityPeriodOptions)
        limit = ctx.options.max_months
        for document in ctx.catalog.grants:
            grant = document.model
            if grant.status not in LIVE:
                continue
            if grant.valid_until < grant.valid_from:
                yield Finding(
                    document.path,
                    ("valid_until",),
                    Text(
                        f"有效期止 {grant.valid_until} 早于有效期起 {grant.valid_from}",
                        f"valid_until {grant.valid_until} is before valid_from {grant.valid_from}",
                    ),
                )
                continue
            start = term_start(grant)
            latest = add_months(start, limit) - dt.timedelta(days=1)
            if grant.valid_until > latest:
                yield Finding(
                    document.path,
                    ("valid_until",),
                    Text(
                        f"有效期自 {start} 起超过 {limit} 个月，最晚可至 {latest}",
                        f"the term from {start} exceeds {limit} months; it may run to {latest} at most",
                    ),
                    Text("缩短有效期，到期后再续期", "shorten it and renew when it runs out"),
                )
