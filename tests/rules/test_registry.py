"""The rule registry is complete, ids are stable and well formed, docs follow the fixed sections."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import govdata.rules as rules_package
from govdata.cli.generated import stale_files
from govdata.generate.rule_docs import rule_docs
from govdata.rules import CATALOG_RULES, RULES, by_id, matches
from govdata.rules.base import DOC_SECTIONS, RuleInfo
from tests.conftest import REPO_ROOT


def test_every_rule_module_is_registered() -> None:
    folder = Path(rules_package.__file__).parent
    modules = {p.stem for p in folder.glob("gd[0-9][0-9][0-9]_*.py")}
    registered = {rule.__module__.rsplit(".", 1)[-1] for rule in CATALOG_RULES}
    assert modules == registered


def test_ids_and_names_are_unique_and_well_formed() -> None:
    ids = [rule.id for rule in RULES]
    names = [rule.name for rule in RULES]
    assert len(set(ids)) == len(ids) and len(set(names)) == len(names)
    assert ids == sorted(ids)
    for rule in RULES:
        assert re.fullmatch(r"GD\d{3}", rule.id)
        assert re.fullmatch(r"[a-z]+(-[a-z0-9]+)*", rule.name)
        assert rule.title.zh and rule.title.en
        assert rule.article is None or re.fullmatch(r"Art\. \d+(\(\d+\))?(, \d+(\(\d+\))?)*", rule.article)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_docstring_has_the_fixed_sections_in_order(rule: type[RuleInfo]) -> None:
    text = rule.documentation()
    assert rule.summary() and not rule.summary().startswith("#")
    positions = [text.find(section) for section in DOC_SECTIONS]
    assert all(p > 0 for p in positions), f"{rule.id} misses a section of {DOC_SECTIONS}"
    assert positions == sorted(positions), f"{rule.id} sections out of order"


def test_lookup_by_id_name_prefix_and_tag() -> None:
    assert by_id("gd014").id == "GD014"
    assert by_id("uscc-valid").id == "GD014"
    assert matches(by_id("GD014"), "GD01") and matches(by_id("GD014"), "identifier")
    assert not matches(by_id("GD014"), "GD02")


def test_generated_rule_docs_are_fresh() -> None:
    stale = stale_files(REPO_ROOT / "docs" / "rules", rule_docs(), exhaustive=True)
    assert not stale, "run `govdata rules docs`:\n" + "\n".join(stale.values())
