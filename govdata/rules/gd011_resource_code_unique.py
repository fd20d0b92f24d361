"""GD011: a resource code names exactly one resource in the whole instance."""

from __future__ import annotations

from collections.abc import Iterator

from govdata.i18n import Text
from govdata.rules.base import Finding, Rule, RuleContext


class ResourceCodeUnique(Rule):
    """Two resource files carry the same resource code.

    ## What it checks
    Across every department's catalog, each 信息资源代码 appears in exactly one file. Each
    file of a duplicate pair is reported, with the other file as a related location.

    ## Why
    The zone catalog is one unified catalog (Art. 13, 17): the code is how grants,
    responsibility lists and the published catalogs refer to a resource, so a duplicate
    makes every such reference ambiguous.

    ## How to fix
    Give the newer resource the next free sequence number of its class, and rename its
    file to match.
    """

    id = "GD011"
    name = "resource-code-unique"
    title = Text("信息资源代码重复", "duplicate resource code")
    article = "Art. 13"
    tags = frozenset({"integrity", "catalog"})

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for code, documents in ctx.catalog.resources_by_code.items():
            if len(documents) < 2:
                continue
            for document in documents:
                others = [d.path for d in documents if d is not document]
                yield Finding(
                    document.path,
                    ("code",),
                    Text(
                        f"信息资源代码“{code}”重复，另见 {'、'.join(others)}",
                        f"resource code {code!r} is also used by {', '.join(others)}",
                    ),
                    related=tuple((other, ("code",)) for other in others),
                )
