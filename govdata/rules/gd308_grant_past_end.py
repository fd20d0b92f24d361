"""GD308: a grant still in force after its end date."""

from __future__ import annotations

from collections.abc import Iterator

from govdata.i18n import Text
from govdata.model.grant import IN_FORCE
from govdata.rules.base import Finding, Rule, RuleContext


class GrantPastEnd(Rule):
    """A grant is recorded as in force after its validity period ended.

    ## What it checks
    Every grant in status 已批准 or 已暂停 whose `valid_until` is before today.

    ## Why
    Data may be used only within the authorised scope (Art. 9), and a grant ends with its
    term; Art. 36 has the authority stop service that runs outside it. A record that still
    says 已批准 misleads the hub operators and the annual evaluation (Art. 53).

    ## How to fix
    Record the end with `govdata grant expire ID`, or, if the scenario continues,
    `govdata grant renew ID --until YYYY-MM-DD --by … --reason …`.

    """

    explanation_zh = """
    授权的有效期已过，记录上却仍在生效。

    ## 检查什么
    每个状态为“已批准”或“已暂停”、`valid_until` 早于今天的授权。

    ## 为什么
    数据只能在授权范围内使用（第九条），授权随期限届满而终止；第三十六条要求主管部门停止超出授权范围的服务。
    仍写着“已批准”的记录，会误导共享平台运维人员和年度评估（第五十三条）。

    ## 如何修改
    用 `govdata grant expire ID` 记录授权终止；场景仍在继续的，用
    `govdata grant renew ID --until YYYY-MM-DD --by … --reason …` 续期。
    """

    id = "GD308"
    name = "grant-past-end"
    title = Text("授权已过有效期仍在生效", "grant in force past its end date")
    article = "Art. 9, 36"
    tags = frozenset({"grant", "deadline"})

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        today = ctx.today
        for document in ctx.catalog.grants:
            grant = document.model
            if grant.status in IN_FORCE and grant.valid_until < today:
                yield Finding(
                    document.path,
                    ("valid_until",),
                    Text(
                        f"授权已于 {grant.valid_until} 到期，状态仍为“{grant.status}”",
                        f"the grant ended on {grant.valid_until} but is still {grant.status}",
                    ),
                    Text("执行 govdata grant expire 或 renew", "run govdata grant expire or renew"),
                )
