"""The deadlines of every case of a catalog, computed once per rule run with the instance calendar."""

from __future__ import annotations

from collections.abc import Iterator

from govdata.cases.deadlines import Deadline, deadlines
from govdata.model.case import Case
from govdata.model.catalog import Catalog, Document
from govdata.workdays import calendar_for


def case_deadlines(catalog: Catalog) -> Iterator[tuple[Document[Case], list[Deadline]]]:
    calendar = calendar_for(catalog.config)
    authority = catalog.authority
    for document in catalog.cases:
        yield document, deadlines(document.model, calendar, authority.slug if authority else None)


def event_pointer(case: Case, event_type: str) -> tuple[str | int, ...]:
    """The pointer of the first ``event_type`` event, else of the events list, else of the kind."""
    for index, event in enumerate(case.events):
        if event.type == event_type:
            return ("events", index)
    return ("events",) if case.events else ("kind",)
