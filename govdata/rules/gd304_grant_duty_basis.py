"""GD304: a grant names the duty that needs the data."""

from __future__ import annotations

import re
from collections.abc import Iterator

from govdata.i18n import Text
from govdata.model.grant import LIVE
from govdata.rules.base import Finding, Rule, RuleContext, RuleOptions

# Phrases that name no duty at all: what a form gets when someone fills it in to get past it.
_VAGUE = frozenset({"工作需要", "业务需要", "履职需要", "工作需求", "业务需求", "需要", "无", "略", "同上"})


class GrantDutyBasisOptions(RuleOptions):
    min_length: int = 6
    """A duty basis shorter than this many characters cannot name a duty and its basis."""


class GrantDutyBasis(Rule):
    """A grant has no duty basis, or one that names no duty.

    ## What it checks
    Every pending or in-force grant has a `duty_basis` of at least `min_length` characters
    that is not a placeholder such as 工作需要 or 业务需要.

    ## Why
    Art. 57(4) forbids obtaining data unrelated to one's duties, and Art. 9 allows requests
    only for the performance of duties. The authority can judge a request only against a
    named duty and its source, e.g. the article of a law or the department's mandate.

    ## How to fix
    Write which duty needs the data and where that duty comes from, e.g.
    `《社会救助暂行办法》第十一条规定的最低生活保障审核确认职责`.

    ## Options
    `min_length`: the shortest acceptable duty basis, in characters (default 6).
    """

    explanation_zh = """
    授权没有履职依据，或者依据里没有写明是哪项职责。

    ## 检查什么
    每个申请中或生效中的授权都要有 `duty_basis`，长度不少于 `min_length` 个字，而且不能是“工作需要”“业务需要”之类的空话。

    ## 为什么
    第五十七条第（四）项禁止获取与履职无关的数据，第九条只允许为履行职责提出申请。主管部门只有对照写明的职责及其出处
    （如某部法律的条款或部门的“三定”职责），才能判断申请是否合理。

    ## 如何修改
    写明哪项职责需要这些数据、这项职责从何而来，例如“《社会救助暂行办法》第十一条规定的最低生活保障审核确认职责”。

    ## 选项
    `min_length`：履职依据的最少字数（默认 6）。
    """

    id = "GD304"
    name = "grant-duty-basis"
    title = Text("缺少履职依据", "no duty basis")
    article = "Art. 9, 57(4)"
    tags = frozenset({"grant", "sharing"})
    Options = GrantDutyBasisOptions

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        assert isinstance(ctx.options, GrantDutyBasisOptions)
        for document in ctx.catalog.grants:
            grant = document.model
            if grant.status not in LIVE:
                continue
            basis = grant.duty_basis
            if basis is None:
                yield Finding(
                    document.path,
                    ("scenario",),
                    Text("缺少履职依据 duty_basis（第五十七条第四项）", "duty_basis is missing (Art. 57(4))"),
                    Text(
                        "在应用场景后写明所履行的职责及其法律依据", "add the duty and its legal source after scenario"
                    ),
                    at_key=True,
                )
                continue
            bare = re.sub(r"[\s。，,.;；：:、]", "", basis)
            if bare in _VAGUE or len(bare) < ctx.options.min_length:
                yield Finding(
                    document.path,
                    ("duty_basis",),
                    Text(
                        f"履职依据“{basis}”没有写明具体职责及其依据",
                        f"duty basis {basis!r} names no duty and no source of it",
                    ),
                    Text("写明职责及其来源，如某法律某条", "name the duty and its source, e.g. the article of a law"),
                )
