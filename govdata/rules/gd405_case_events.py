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

    id = "GD405"
    name = "case-events"
    title = Text("办理记录顺序或内容不正确", "case events out of order")
    article = "Art. 8, 19, 24, 40, 41, 55"
    tags = frozenset({"case", "integrity"})

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for document in ctx.catalog.cases:
            for pointer, message in replay(document.model).problems:
                yield Finding(document.path, pointer, message, at_key=len(pointer) == 2)
