"""The records of the share catalog (Art. 33) and the open catalog (Art. 37, 40, 41).

The open selection is the safety core of ``publish``: a resource is published only when it is
无条件开放 or 有条件开放, and within it only the items whose own opening is open, that carry no
secret (Art. 38), and that hold personal information only when the resource says how it is
desensitised before opening. Anything else is left out: the tool fails closed.
Codes of other resources (related codes, sources of items) never enter an open record, since
they may name resources that are not open.
"""

from __future__ import annotations

from typing import Any

from govdata.model.catalog import Catalog
from govdata.model.resource import Item, Resource
from govdata.publish import accessors as at

Record = dict[str, Any]


def sorted_resources(catalog: Catalog) -> list[Resource]:
    """Every loaded resource once, by code (a duplicate code keeps its first file)."""
    return [documents[0].model for _code, documents in sorted(catalog.resources_by_code.items())]


def open_items(resource: Resource) -> list[Item]:
    """The items of an open resource that may be opened; empty for a resource that is not open."""
    if not at.is_open(resource):
        return []
    desensitised = at.desensitisation_of(resource) is not None
    return [
        item
        for item in resource.items
        if at.item_opening_type(resource, item) in at.OPEN_TYPES
        and item.secret is None
        and (item.personal_info == "无" or desensitised)
    ]


def open_resources(catalog: Catalog) -> list[Resource]:
    return [resource for resource in sorted_resources(catalog) if at.is_open(resource)]


def _common(catalog: Catalog, resource: Resource) -> Record:
    theme = at.theme_of(resource)
    return {
        "code": resource.code,
        "name": resource.name,
        "provider": {"code": resource.provider.code, "name": resource.provider.name},
        "department": at.department_slug(catalog, resource),
        "classification": {"class": theme.class_label, "group": theme.group_label},
        "abstract": resource.abstract,
        "keywords": list(resource.keywords),
        "formats": [f.label for f in at.formats_of(resource)],
        "update_cycle": resource.update_cycle,
        "issued": at.issued_of(resource).isoformat(),
        "modified": at.modified_of(resource).isoformat(),
        "industry": at.industry_of(resource),
        "contact": _contact(resource),
        "data_volume": _volume(resource),
        "detail_url": at.detail_url_of(resource),
    }


def _contact(resource: Resource) -> Record | None:
    contact = at.contact_of(resource)
    return {"person": contact.person, "phone": contact.phone, "email": contact.email} if contact.personal else None


def _volume(resource: Resource) -> Record | None:
    records, size = at.volume_of(resource)
    return None if records is None and size is None else {"records": records, "bytes": size}


def share_record(catalog: Catalog, resource: Resource) -> Record:
    record = _common(catalog, resource)
    record["sharing"] = {
        "type": resource.sharing.type,
        "condition": resource.sharing.condition,
        "methods": list(resource.sharing.methods),
        "basis": at.basis_titles(catalog, resource.sharing.basis),
    }
    record["opening_type"] = resource.opening.type
    record["items"] = [
        {
            "name": item.name,
            "data_type": item.data_type,
            "length": item.length,
            "description": item.description,
            "sharing_type": at.item_sharing_type(resource, item),
        }
        for item in resource.items
    ]
    return record


def open_record(catalog: Catalog, resource: Resource) -> Record:
    if not at.is_open(resource):  # callers select first; this guards the invariant itself
        raise ValueError(f"{resource.code} is not open")
    record = _common(catalog, resource)
    desensitisation = at.desensitisation_of(resource)
    record["opening"] = {
        "type": resource.opening.type,
        "condition": resource.opening.condition,
        "basis": at.basis_titles(catalog, resource.opening.basis),
        "desensitisation": desensitisation,
    }
    record["items"] = [
        {
            "name": item.name,
            "data_type": item.data_type,
            "length": item.length,
            "description": item.description,
            "opening_type": at.item_opening_type(resource, item),
            "desensitised": item.personal_info != "无",
        }
        for item in open_items(resource)
    ]
    return record


def share_records(catalog: Catalog) -> list[Record]:
    return [share_record(catalog, resource) for resource in sorted_resources(catalog)]


def open_records(catalog: Catalog) -> list[Record]:
    return [open_record(catalog, resource) for resource in open_resources(catalog)]
