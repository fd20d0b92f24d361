"""Grants as rows and records for ``govdata grant list`` and ``show`` (text tables or JSON)."""

from __future__ import annotations

from typing import Any

from govdata.model.catalog import Catalog, Document
from govdata.model.grant import Grant, actions_from


def _names(catalog: Catalog, grant: Grant) -> tuple[str, str]:
    applicant = catalog.department_by_code.get(grant.applicant)
    resource = catalog.resource(grant.resource)
    return (applicant.name if applicant else grant.applicant, resource.name if resource else "（目录中不存在）")


def grant_row(catalog: Catalog, document: Document[Grant]) -> dict[str, Any]:
    grant = document.model
    applicant, resource = _names(catalog, grant)
    return {
        "id": grant.id,
        "status": grant.status,
        "applicant": applicant,
        "resource": grant.resource,
        "resource_name": resource,
        "items": grant.item_names(),
        "method": grant.method,
        "valid_from": grant.valid_from.isoformat(),
        "valid_until": grant.valid_until.isoformat(),
        "path": document.path,
    }


def grant_record(catalog: Catalog, document: Document[Grant]) -> dict[str, Any]:
    """Everything ``show`` prints: the row, the request, the decision, history, next actions."""
    grant = document.model
    record = grant_row(catalog, document)
    record.update(
        title=grant.title,
        scenario=grant.scenario,
        duty_basis=grant.duty_basis,
        batch_reason=grant.batch_reason,
        demand=grant.demand,
        items=[item.model_dump(exclude_none=True) for item in grant.items],
        decision=grant.decision.model_dump(mode="json", exclude_none=True) if grant.decision else None,
        history=[entry.model_dump(mode="json", exclude_none=True) for entry in grant.history],
        next_actions=[action.name for action in actions_from(grant.status)],
    )
    return record


def select(
    catalog: Catalog, *, status: str | None = None, applicant: str | None = None, resource: str | None = None
) -> list[Document[Grant]]:
    """Grants matching every filter given (``applicant`` by code or slug), sorted by id."""
    chosen = []
    for document in catalog.grants:
        grant = document.model
        slug = catalog.department_by_code.get(grant.applicant)
        if status and grant.status != status:
            continue
        if applicant and applicant not in (grant.applicant, slug.slug if slug else None):
            continue
        if resource and grant.resource != resource:
            continue
        chosen.append(document)
    return sorted(chosen, key=lambda d: d.model.id)


__all__ = ["grant_record", "grant_row", "select"]
