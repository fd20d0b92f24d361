"""The reference catalog shows every field real catalogs carry (docs/real-catalogs.md) in use."""

from __future__ import annotations

from govdata.instance import discover, open_instance
from govdata.validation.engine import load_catalog
from tests.conftest import REPO_ROOT


def test_each_field_of_real_catalogs_is_used_in_the_reference_catalog() -> None:
    instance = open_instance(REPO_ROOT)
    catalog, problems = load_catalog(instance.config, discover(REPO_ROOT), lambda p: (REPO_ROOT / p).read_bytes())
    assert problems == []
    resources = [d.model for d in catalog.resources]
    used = {
        "update_cycle 其他": any(r.update_cycle == "其他" and r.update_note for r in resources),
        "update_cycle 不更新": any(r.update_cycle == "不更新" for r in resources),
        "other_formats": any(r.other_formats for r in resources),
        "item sharing_condition": any(i.sharing_condition for r in resources for i in r.items),
        "item opening_condition": any(i.opening_condition for r in resources for i in r.items),
        "classification deeper + node": any(r.classification.deeper and r.classification.node for r in resources),
        "synonym group": any(
            catalog.canonical_class_name(r.classification.group) != r.classification.group for r in resources
        ),
        "last_updated": any(r.last_updated for r in resources),
        "detail_url": any(r.detail_url for r in resources),
        "industry": any(r.industry and r.industry.code for r in resources),
        "contact": any(r.contact and r.contact.phone and r.contact.email and r.contact.person for r in resources),
        "data_volume": any(r.data_volume and r.data_volume.records and r.data_volume.bytes for r in resources),
        "district": any(r.district for r in resources),
        "scenes": any(r.scenes for r in resources),
        "version": any(r.version for r in resources),
        "extensions": any(r.extensions for r in resources),
        "department aliases": any(d.aliases for d in catalog.departments),
        "code template": instance.config.resource_code.template is not None,
    }
    assert [name for name, present in used.items() if not present] == []
