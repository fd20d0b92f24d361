"""``govdata rules`` lists rules from ``govdata/cli/rule_index.json``; it must equal the registry."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from govdata.cli import rules as rules_command
from govdata.cli.rules import INDEX, rule_index, rule_rows
from govdata.i18n import Lang
from govdata.rules import RULES
from tests.conftest import CliResult

Run = Callable[..., CliResult]


def test_rule_index_is_fresh() -> None:
    assert INDEX.read_text(encoding="utf-8") == rule_index(), "run `govdata rules index`"


def test_rule_index_has_every_rule_in_both_languages() -> None:
    index = json.loads(INDEX.read_text(encoding="utf-8"))
    assert set(index) == {lang.value for lang in Lang}
    for lang in Lang:
        assert [row[0] for row in index[lang.value]] == [rule.id for rule in RULES]
    assert rule_rows(Lang.ZH)[0][4] == "错误" and rule_rows(Lang.EN)[0][4] == "error"


def test_rules_lists_every_rule_and_the_check_passes(govdata: Run, tmp_path: Path) -> None:
    listed = govdata("rules", "--lang", "en", cwd=tmp_path)
    assert listed.exit_code == 0, listed.stderr
    for rule in RULES:
        assert rule.id in listed.stdout
    checked = govdata("rules", "index", "--check", cwd=tmp_path)
    assert checked.exit_code == 0, checked.stdout


def test_a_stale_index_fails_the_check(govdata: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stale = tmp_path / "rule_index.json"
    stale.write_text('{"zh-CN": [], "en": []}\n', encoding="utf-8")
    monkeypatch.setattr(rules_command, "INDEX", stale)
    result = govdata("rules", "index", "--check", cwd=tmp_path)
    assert result.exit_code == 1
    assert "govdata rules index" in result.stdout
    assert govdata("rules", "index", cwd=tmp_path).exit_code == 0
    assert stale.read_text(encoding="utf-8") == rule_index()
