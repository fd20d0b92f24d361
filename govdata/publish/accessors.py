"""Small read-only accessors between the resource model and everything ``publish`` writes.

The resource model is growing (a list of formats, a classification registry, contact details);
every place that publishes a field reads it through one function here, so adapting to a new
model is a change in this one file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from govdata.model.catalog import Catalog
from govdata.model.registry import Department
from govdata.model.resource import Item, Resource

OPEN_TYPES = ("无条件开放", "有条件开放")


@dataclass(frozen=True, slots=True)
class FormatView:
    """One form in which a resource exists: the label a reader sees and a file-type hint."""

    category: str
    type: str | None

    @property
    def label(self) -> str:
        return f"{self.category}（{self.type}）" if self.type else self.category


@dataclass(frozen=True, slots=True)
class Theme:
    """A resource's place in the classification: class (类) and group (项)."""

    class_label: str
    group_label: str


@dataclass(frozen=True, slots=True)
class Contact:
    """Who answers questions about a resource: the providing department, with the person, phone
    and e-mail the resource names (``contact``) when it names them."""

    name: str
    code: str
    person: str | None = None
    phone: str | None = None
    email: str | None = None

    @property
    def personal(self) -> bool:
        """Whether the resource names its own contact (then it is that resource's contact point)."""
        return any((self.person, self.phone, self.email))


def formats_of(resource: Resource) -> list[FormatView]:
    """The primary format, then every other format, each once (a repeated one is listed once)."""
    views = [FormatView(f.category, f.type) for f in resource.formats]
    return list(dict.fromkeys(views))


def theme_of(resource: Resource) -> Theme:
    return Theme(resource.classification.class_, resource.classification.group)


def contact_of(resource: Resource) -> Contact:
    given = resource.contact
    if given is None:
        return Contact(resource.provider.name, resource.provider.code)
    return Contact(resource.provider.name, resource.provider.code, given.person, given.phone, given.email)


def issued_of(resource: Resource) -> dt.date:
    return resource.release_date


def modified_of(resource: Resource) -> dt.date:
    """The last update when recorded (never before the release: dct:modified follows dct:issued)."""
    if resource.last_updated is None:
        return resource.release_date
    return max(resource.last_updated, resource.release_date)


def detail_url_of(resource: Resource) -> str | None:
    """The resource's own page on the catalog or open platform, when it is a safe absolute IRI."""
    url = resource.detail_url
    if url is None or any(c in url for c in '<>"{}|\\^`'):
        return None
    return url


def industry_of(resource: Resource) -> str | None:
    """The GB/T 4754 industry name (published as a keyword: the standard has no published IRIs)."""
    return resource.industry.name if resource.industry else None


def volume_of(resource: Resource) -> tuple[int | None, int | None]:
    """(records, bytes) when the resource records its data volume."""
    volume = resource.data_volume
    return (volume.records, volume.bytes) if volume else (None, None)


def department_of(catalog: Catalog, resource: Resource) -> Department | None:
    return catalog.department_by_code.get(resource.provider.code)


def department_slug(catalog: Catalog, resource: Resource) -> str:
    department = department_of(catalog, resource)
    return department.slug if department else resource.provider.code.lower()


def offers_interface(resource: Resource) -> bool:
    """Whether the resource is reached through a service interface (a dcat:DataService)."""
    return "接口" in resource.sharing.methods or resource.format.category == "服务接口"


def interface_name(resource: Resource) -> str | None:
    return resource.aggregation.interface


def basis_titles(catalog: Catalog, ids: list[str]) -> list[str]:
    """Legal bases by title; an id the registry does not know is shown as the id itself."""
    return [catalog.basis_by_id[i].title if i in catalog.basis_by_id else i for i in ids]


def item_sharing_type(resource: Resource, item: Item) -> str:
    return item.sharing_type or resource.sharing.type


def item_opening_type(resource: Resource, item: Item) -> str:
    return item.opening_type or resource.opening.type


def is_open(resource: Resource) -> bool:
    return resource.opening.type in OPEN_TYPES


def desensitisation_of(resource: Resource) -> str | None:
    return resource.opening.desensitisation


def dataset_slug(resource: Resource) -> str:
    """File-name form of a resource code: ``101002/000001`` → ``101002-000001``."""
    return resource.code.replace("/", "-")
