"""How far each department has fulfilled its collection responsibility list (Art. 18).

An entry counts as fulfilled when it is 已汇聚 and its next aggregation is not overdue, or when
it is 免于汇聚 for a resource whose aggregation mode is 不汇聚. Overdue means ``next_due`` is
before the given day; an entry whose due date could not be worked out (calendar unknown) is
counted apart, never as overdue.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from govdata.model.catalog import Catalog
from govdata.model.vocab import UNSCHEDULED_CYCLES

_NO_CYCLE = UNSCHEDULED_CYCLES  # cycles without a due date by design, unlike an unknown calendar


@dataclass(frozen=True)
class Fulfilment:
    slug: str
    name: str
    total: int
    aggregated: int
    partial: int
    missing: int
    exempt: int
    overdue: int
    unknown_due: int
    fulfilled: int

    @property
    def rate(self) -> float:
        return self.fulfilled / self.total if self.total else 1.0


def fulfilment(catalog: Catalog, today: dt.date) -> list[Fulfilment]:
    """One row per responsibility list with something to collect, by department slug (a newly
    registered department's empty list has no fulfilment to speak of)."""
    rows = []
    for document in catalog.responsibility_lists:
        listing = document.model
        if not listing.resources:
            continue
        department = catalog.department_by_code.get(listing.department)
        slug = department.slug if department else document.path.rsplit("/", 1)[-1].removesuffix(".yaml")
        entries = listing.resources
        overdue = [e for e in entries if e.status != "免于汇聚" and e.next_due is not None and e.next_due < today]
        fulfilled = [
            e
            for e in entries
            if (e.status == "已汇聚" and e not in overdue)
            or (e.status == "免于汇聚" and e.aggregation_mode == "不汇聚")
        ]
        rows.append(
            Fulfilment(
                slug=slug,
                name=listing.name,
                total=len(entries),
                aggregated=sum(e.status == "已汇聚" for e in entries),
                partial=sum(e.status == "部分汇聚" for e in entries),
                missing=sum(e.status == "未汇聚" for e in entries),
                exempt=sum(e.status == "免于汇聚" for e in entries),
                overdue=len(overdue),
                unknown_due=sum(
                    e.next_due is None and e.update_cycle not in _NO_CYCLE and e.aggregation_mode != "不汇聚"
                    for e in entries
                ),
                fulfilled=len(fulfilled),
            )
        )
    return sorted(rows, key=lambda row: row.slug)


__all__ = ["Fulfilment", "fulfilment"]
