"""Judging cited legal bases by their level: which levels a restriction needs, and what falls short.

Unknown ids are GD015's to report. A list holding one is not judged here until it resolves,
since the unknown id may be a misspelt law that would suffice.
"""

from __future__ import annotations

from collections.abc import Sequence

from govdata.i18n import Text
from govdata.model.catalog import Catalog
from govdata.model.vocab import LegalLevel

# Art. 32(1): a law, an administrative regulation, or a Party Central Committee / State Council policy.
SHARING_LEVELS: tuple[LegalLevel, ...] = ("法律", "行政法规", "党中央国务院政策")
# Art. 39: a law, a regulation, or a national document.
OPENING_LEVELS: tuple[LegalLevel, ...] = (
    "法律",
    "行政法规",
    "地方性法规",
    "党中央国务院政策",
    "部门规章",
    "国家规范性文件",
)
# Art. 8: laws, regulations (法规: administrative and local) and Party Central / State Council policy.
AGGREGATION_LEVELS: tuple[LegalLevel, ...] = ("法律", "行政法规", "地方性法规", "党中央国务院政策")


def levels_text(levels: Sequence[str]) -> Text:
    names = "、".join(levels)
    return Text(
        f"须至少引用一项效力层级为{names}的依据",
        f"cite at least one basis of level {', '.join(levels)}",
    )


def basis_shortfall(catalog: Catalog, ids: Sequence[str], levels: Sequence[str]) -> Text | None:
    """Why ``ids`` cannot carry a restriction that needs one of ``levels``; None if they can.

    None also when the registry is missing or an id is unknown: those are reported elsewhere.
    """
    if catalog.legal_bases_doc is None:
        return None
    known = catalog.basis_by_id
    if not ids:
        return Text("未引用任何法律依据", "no legal basis is cited")
    if any(basis_id not in known for basis_id in ids):
        return None
    bases = [known[basis_id] for basis_id in ids]
    if any(basis.level in levels for basis in bases):
        return None
    named_zh = "、".join(f"“{b.id}”（{b.title}，{b.level}）" for b in bases)
    named_en = ", ".join(f"{b.id} ({b.title}, {b.level})" for b in bases)
    return Text(
        f"所引依据{named_zh}的效力层级不足，单独不能作为依据",
        f"the cited {named_en} is not of a sufficient level on its own",
    )
