"""GD004: a waiver in govdata.yaml has passed its expiry date."""

from __future__ import annotations

from collections.abc import Iterator

from govdata.i18n import Text
from govdata.rules.base import Finding, Rule, RuleContext


class WaiverExpired(Rule):
    """A waiver has expired.

    ## What it checks
    Each entry under `waivers:` in `govdata.yaml` whose `expires` date is before today.
    An expired waiver no longer suppresses anything, and is reported itself.

    ## Why
    A waiver is an exception the data authority granted for a time; the regulation's
    obligations (for instance timely catalog updates, Art. 19 and 57(8)) come back when it
    ends, and an outdated exception in the config misleads reviewers.

    ## How to fix
    Fix the findings the waiver covered and delete it, or have the data authority extend
    `expires` with a reason.

    """

    explanation_zh = """
    豁免已经过期。

    ## 检查什么
    `govdata.yaml` 中 `waivers:` 下每一项，只要 `expires` 日期早于今天就会报告。过期的豁免不再屏蔽任何问题，它本身也会被报告。

    ## 为什么
    豁免是数据主管部门在一段时间内准许的例外；期限一到，管理办法规定的义务（例如第十九条、第五十七条第（八）项要求
    及时更新目录）就恢复了。配置里留着过时的例外，会误导审核人员。

    ## 如何修改
    改正该豁免所覆盖的问题后删除这一项；或者请数据主管部门说明理由，延长 `expires`。
    """

    id = "GD004"
    name = "waiver-expired"
    title = Text("豁免已过期", "waiver expired")
    article = "Art. 19"
    tags = frozenset({"config"})

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        today = ctx.today
        for index, waiver in enumerate(ctx.catalog.config.waivers):
            if waiver.expires is not None and waiver.expires < today:
                yield Finding(
                    ctx.catalog.config_path,
                    ("waivers", index, "expires"),
                    Text(
                        f"规则 {waiver.rule} 的豁免已于 {waiver.expires} 到期",
                        f"the waiver of {waiver.rule} expired on {waiver.expires}",
                    ),
                    Text(
                        "修复相关问题后删除该豁免，或经批准后延期", "fix the findings and remove it, or get it extended"
                    ),
                )
