"""GD404: a refusal without reasons or without a basis."""

from __future__ import annotations

from collections.abc import Iterator

from govdata.i18n import Text
from govdata.rules.base import Finding, Rule, RuleContext


class CaseRefusalReasons(Rule):
    """A refusal states no reasons, or (for a citizen's request) no basis.

    ## What it checks
    An `answered` event with outcome `不同意` on a correction request (Art. 40) or a
    conditional open-data application (Art. 41) has both `reason` and `basis`; a
    `decided` event with outcome `不更正` on a problem-data case (Art. 24) has a `reason`.

    ## Why
    Art. 40 and 41 require a producer that refuses to explain why and to give the basis
    (the law, regulation or document) of the refusal. Art. 24 has the producer tell the
    authority its decision; a decision not to correct without a reason cannot be checked
    by the authority or the department that reported the problem.

    ## How to fix
    Add `reason:` and `basis:` to the event from the written answer.
    """

    explanation_zh = """
    不予同意或不予更正，却没有说明理由（公民申请还要说明依据）。

    ## 检查什么
    对更正申请（第四十条）或有条件开放数据申请（第四十一条），结论为“不同意”的 `answered`（已答复）记录要同时写 `reason`
    （理由）和 `basis`（依据）；对问题数据事项（第二十四条），结论为“不更正”的 `decided`（已决定）记录要写 `reason`。

    ## 为什么
    第四十条、第四十一条要求数据产生部门拒绝时说明理由，并给出依据（法律、法规或文件）。第二十四条要求数据产生部门
    把决定告知主管部门；不更正又不说理由，主管部门和报告问题的部门都无法核实。

    ## 如何修改
    按书面答复，在记录中补上 `reason:` 和 `basis:`。
    """

    id = "GD404"
    name = "case-refusal-reasons"
    title = Text("不予同意或不予更正未说明理由和依据", "refusal without reasons or basis")
    article = "Art. 24, 40, 41"
    tags = frozenset({"case", "opening"})

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for document in ctx.catalog.cases:
            for index, event in enumerate(document.model.events):
                needed: list[str] = []
                if event.type == "answered" and event.outcome == "不同意":
                    needed = [key for key in ("reason", "basis") if getattr(event, key) is None]
                elif event.type == "decided" and event.outcome == "不更正" and event.reason is None:
                    needed = ["reason"]
                if needed:
                    yield Finding(
                        document.path,
                        ("events", index, "outcome"),
                        Text(
                            f"“{event.outcome}”须说明{'和'.join({'reason': '理由 reason', 'basis': '依据 basis'}[k] for k in needed)}",
                            f"the refusal ({event.outcome}) needs {' and '.join(needed)}",
                        ),
                    )
