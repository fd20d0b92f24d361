"""GD405: events out of order, or not possible in the state the earlier events left."""

from __future__ import annotations

from collections.abc import Iterator

from govdata.cases.flow import replay
from govdata.i18n import Text
from govdata.rules.base import Finding, Rule, RuleContext


class CaseEvents(Rule):
    """A case's events are out of date order, impossible in their state, or incomplete.

    ## What it checks
    Replays every case's events (see `govdata cases --help` for the order of each kind):
    each event is one the kind has and the state after the earlier events allows; dates
    never go backwards; `decided` on problem data and `answered` on a citizen's request
    carry their `outcome`; `extended`, `paused` and `withdrawn` give a `reason`; nothing
    follows a final event (answered, withdrawn, re-aggregated, decided 不更正), except the
    open-catalog change after an agreed correction.

    ## Why
    Due dates and the state are computed from the events (Art. 8, 19, 24, 40, 41, 55);
    an event written out of order, or one that skips a step, makes them say something the
    department did not do. The events are the record the yearly evaluation (Art. 54) reads.

    ## How to fix
    Record events only with `govdata cases event`, which refuses impossible ones. To mend
    a hand edit, put the events back in the order they happened and restore the missing one
    from the paperwork.
    """

    explanation_zh = """
    事项的办理记录日期顺序不对、在当时的状态下不可能发生，或者内容不全。

    ## 检查什么
    按顺序重放每个事项的办理记录（各类事项的顺序见 `govdata cases --help`）：每条记录都是该类事项有的、且前面的记录
    所形成的状态允许的；日期不能倒退；问题数据的 `decided` 和公民申请的 `answered` 要写 `outcome`（结论）；
    `extended`、`paused`、`withdrawn` 要写 `reason`；终结性记录（已答复、已撤回、已重新汇聚、决定不更正）之后不能再有记录，
    同意更正后对开放目录的修改除外。

    ## 为什么
    到期日和状态都是根据办理记录算出来的（第八条、第十九条、第二十四条、第四十条、第四十一条、第五十五条）；
    顺序写错或跳过一步，算出来的就是部门没有做过的事。这些记录也是年度评估（第五十四条）查看的依据。

    ## 如何修改
    只用 `govdata cases event` 登记办理记录，它会拒绝不可能的记录。修补手工修改时，把记录按实际发生的顺序排好，
    并按纸质材料补上缺失的一条。
    """

    id = "GD405"
    name = "case-events"
    title = Text("办理记录顺序或内容不正确", "case events out of order")
    article = "Art. 8, 19, 24, 40, 41, 55"
    tags = frozenset({"case", "integrity"})

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for document in ctx.catalog.cases:
            for pointer, message in replay(document.model).problems:
                yield Finding(document.path, pointer, message, at_key=len(pointer) == 2)
