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
