"""The rule registry is complete, ids are stable and well formed, docs follow the fixed sections."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import govdata.rules as rules_package
from govdata.cli.generated import stale_files
from govdata.generate.rule_docs import rule_docs
from govdata.rules import CATALOG_RULES, RULES, by_id, matches
from govdata.rules.base import DOC_SECTIONS, DOC_SECTIONS_ZH, RuleInfo
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


HAN = re.compile(r"[\u4e00-\u9fff]")


def _sections(text: str) -> dict[str, str]:
    """``{"## heading": body}`` of a Markdown explanation."""
    parts = re.split(r"^(## .+)$", text, flags=re.MULTILINE)
    return {heading.strip(): body.strip() for heading, body in zip(parts[1::2], parts[2::2], strict=True)}


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_chinese_explanation_has_every_section_in_chinese(rule: type[RuleInfo]) -> None:
    text = rule.documentation_zh()
    assert HAN.search(rule.summary_zh()) and not rule.summary_zh().startswith("#"), rule.id
    sections = _sections(text)
    assert [s for s in sections if s in DOC_SECTIONS_ZH] == list(DOC_SECTIONS_ZH), f"{rule.id}: {list(sections)}"
    for heading in DOC_SECTIONS_ZH:
        assert HAN.search(sections[heading]), f"{rule.id} {heading} has no Chinese text"
    # the optional sections follow the English ones, and articles are cited the Chinese way
    english = rule.documentation()
    assert ("## Options" in english) == ("## 选项" in sections), rule.id
    assert ("## References" in english) == ("## 参考" in sections), rule.id
    assert not re.search(r"\bArt\. \d", text), f"{rule.id} cites an article as 'Art.' in Chinese"
    if rule.article:
        assert "第" in sections["## 为什么"] or "第" in sections["## 检查什么"], rule.id


def test_generated_pages_put_chinese_first_with_english_below() -> None:
    pages = rule_docs()
    page = pages["GD014.md"]
    assert page.index("## 检查什么") < page.index("## 如何修改") < page.index("## What it checks")
    assert "统一社会信用代码未通过 GB 32100 校验。" in page and "A 统一社会信用代码 fails" in page
    assert "统一社会信用代码未通过 GB 32100 校验。" in pages["index.md"]


def test_wrapped_chinese_lines_join_without_a_space() -> None:
    from govdata.rules.base import join_chinese_lines

    text = "## 检查什么\n每条资源要写\n`provider`，以及\n提供方。\n- 列表项\n\n下一段"
    assert join_chinese_lines(text) == "## 检查什么\n每条资源要写 `provider`，以及提供方。\n- 列表项\n\n下一段"
