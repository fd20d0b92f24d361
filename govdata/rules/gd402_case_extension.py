"""GD402: an extension beyond what the article allows, or without approval."""

from __future__ import annotations

from collections.abc import Iterator

from govdata.cases.deadlines import EXTENSION_LIMITS
from govdata.i18n import Text
from govdata.model.case import KIND_LABELS
from govdata.rules.base import Finding, Rule, RuleContext


class CaseExtension(Rule):
    """A case records an extension the article does not allow, or one nobody approved.

    ## What it checks
    Every `extended` event: the kind of case allows extensions at all (Art. 8, 40, 41
    do; Art. 19, 24 and 55 do not); it is the first extension (each article allows one);
    it names `days`, at most the article's maximum (Art. 8: 5 working days, Art. 40, 41:
    10); it names the `approver` and gives the written `reason`.

    ## Why
    Art. 8 allows an interface to come late only on a written request the authority
    approves, by at most 5 working days; Art. 40 and 41 allow the answer to a citizen's
    request to be extended once, by at most 10 working days, with the approval of the
    producer's principal head. An extension outside these limits extends nothing: due
    dates ignore it (fail closed), and this rule says why.

    ## How to fix
    Record the approver and the number of days as approved; remove an extension the
    article does not provide and answer within the original period.
    """

    explanation_zh = """
    登记的延期超出条款规定，或者没有经过批准。

    ## 检查什么
    每条 `extended`（延期）记录：该类事项允许延期（第八条、第四十条、第四十一条允许；第十九条、第二十四条、第五十五条不允许）；
    是第一次延期（每条规定只允许延期一次）；写明了 `days`，且不超过该条规定的上限（第八条为 5 个工作日，第四十条、
    第四十一条为 10 个工作日）；写明了批准人 `approver` 和书面理由 `reason`。

    ## 为什么
    第八条规定，接口只有经书面申请、主管部门批准，才能推迟，最多 5 个工作日；第四十条、第四十一条规定，对公民申请的答复
    经数据产生部门主要负责人批准，可以延期一次，最多 10 个工作日。超出这些限制的延期不产生任何效果：计算到期日时不予理会
    （从严处理），本规则说明原因。

    ## 如何修改
    登记批准人和批准的天数；条款不允许的延期要删除，并在原期限内答复。
    """

    id = "GD402"
    name = "case-extension"
    title = Text("延期超出规定或未经批准", "extension not allowed or not approved")
    article = "Art. 8, 40, 41"
    tags = frozenset({"case", "deadline"})

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for document in ctx.catalog.cases:
            case = document.model
            limit = EXTENSION_LIMITS.get(case.kind)
            seen = 0
            for index, event in enumerate(case.events):
                if event.type != "extended":
                    continue
                seen += 1
                pointer = ("events", index)
                if limit is None:
                    label = KIND_LABELS[case.kind]
                    yield Finding(
                        document.path,
                        (*pointer, "type"),
                        Text(f"{label.zh}的期限不能延长", f"a {label.en} case has no extension"),
                    )
                    continue
                if seen > limit.times:
                    yield Finding(
                        document.path,
                        (*pointer, "type"),
                        Text(
                            f"只能延期 {limit.times} 次，这是第 {seen} 次",
                            f"only {limit.times} extension is allowed; this is number {seen}",
                        ),
                    )
                if event.days is None or event.days > limit.days:
                    yield Finding(
                        document.path,
                        (*pointer, "days") if event.days is not None else pointer,
                        Text(
                            f"延期至多 {limit.days} 个工作日，记录为 {event.days if event.days is not None else '未写明'}",
                            f"an extension is at most {limit.days} working days, recorded: {event.days if event.days is not None else 'none'}",
                        ),
                    )
                if event.approver is None:
                    yield Finding(
                        document.path,
                        pointer,
                        Text(
                            f"延期须经{limit.approver.zh}批准，请写明批准人 approver",
                            f"an extension needs the approval of {limit.approver.en}: name the approver",
                        ),
                    )
