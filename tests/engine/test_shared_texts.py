"""Facts keep one copy of each repeated text, however they were made (issue 12: memory).

100,000 resources repeat a few thousand item names millions of times; the facts hold one
string object per distinct name whether they were built in this process, arrived from a
worker process (interned on arrival, not in the worker) or were read from the cache.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from govdata.instance import open_instance
from govdata.model.facts import ItemFacts, ResourceFacts
from govdata.validation.engine import validate
from tests.conftest import BASE_INSTANCE, build_instance

RESOURCE = "catalogs/gongan/101002-000001.yaml"
TEXT = (BASE_INSTANCE / RESOURCE).read_text(encoding="utf-8")


def _instance(tmp_path: Path) -> Path:
    copies = {
        f"catalogs/gongan/101002-{n:06d}.yaml": TEXT.replace("101002/000001", f"101002/{n:06d}") for n in range(2, 6)
    }
    return build_instance(tmp_path / "instance", copies)


def _facts(root: Path, processes: int) -> list[tuple[ResourceFacts, ItemFacts]]:
    result = validate(open_instance(root), today=dt.date(2026, 11, 25), processes=processes)
    catalog = result.catalog
    assert catalog.facts is not None and len(catalog.facts) == 5
    return [(facts, catalog.items_of(facts)) for facts in catalog.facts]


@pytest.mark.parametrize("processes", [1, 2])
def test_each_item_name_is_one_object_across_resources(tmp_path: Path, processes: int) -> None:
    root = _instance(tmp_path)
    for run in ("checked", "from the cache"):
        (first, first_items), *others = _facts(root, processes)
        for facts, items in others:
            assert items.items == first_items.items, run
            assert all(a is b for a, b in zip(items.items, first_items.items, strict=True)), run
            assert all(a is b for a, b in zip(items.citations, first_items.citations, strict=True)), run
            assert facts.provider_name is first.provider_name, run
