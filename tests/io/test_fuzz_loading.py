"""Ten thousand mutated files through the loader: no traceback, and every finding located.

A seeded mutator (reproducible: the seed is fixed) takes the reference instance's files and
types into them what clerks and broken tools do: control characters, full-width punctuation,
stray quotes and brackets, tabs, cut and doubled lines, very long numbers.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from govdata.diagnostics import Diagnostic
from govdata.instance import open_instance
from govdata.model.kinds import kind_of
from govdata.rules.gd010_resource_code_grammar import ResourceCodeGrammar
from govdata.validation.engine import validate
from govdata.validation.loading import load_file
from tests.conftest import REPO_ROOT

CJK = re.compile(r"[\u4e00-\u9fff]")
MUTANTS = 10_000
SEED = 20261201
PALETTE = [
    "\x7f", "\x1a", "\x00", "\x0b", "\ufffe", "\uffff", "\u3000", "：", "，", "、", "“", "”",
    '"', "'", ":", ": ", "- ", "-", "[", "]", "{", "}", ",", "#", "&a", "*a", "!", "!!str ", "|", ">",
    "\t", "\n", "\r\n", "  ", "%", "@", "`", "?", "<<: ", "0o7", "0b1", "1_0", "1:20", "~", "null",
    "1" * 4400, "\ufeff", "\u200b", "\\", "\\x", "é",
]  # fmt: skip


def _sources() -> list[tuple[str, bytes]]:
    files = sorted(p for folder in ("catalogs", "grants", "registry") for p in (REPO_ROOT / folder).rglob("*.yaml"))
    return [(p.relative_to(REPO_ROOT).as_posix(), p.read_bytes()) for p in files[:40]]


def _mutate(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 4)):
        where = rng.randrange(len(text) + 1)
        choice = rng.random()
        if choice < 0.55:
            text = text[:where] + rng.choice(PALETTE) + text[where:]
        elif choice < 0.7:
            text = text[:where] + text[where + rng.randint(1, 12) :]
        elif choice < 0.8:
            lines = text.split("\n")
            index = rng.randrange(len(lines))
            lines.insert(index, lines[index])
            text = "\n".join(lines)
        elif choice < 0.9:
            text = text[:where]
        else:
            lines = text.split("\n")
            index = rng.randrange(len(lines))
            lines[index] = rng.choice(["\u3000", "\t", "   ", ""]) + lines[index].replace(
                ": ", rng.choice(["：", ":", ": "]), 1
            )
            text = "\n".join(lines)
    return text


def _line_count(data: bytes) -> int:
    text = data.decode("utf-8", errors="replace")
    return max(1, len(text.removesuffix("\n").split("\n")) if text else 1)


def _assert_located(diagnostic: Diagnostic, data: bytes, seed: int) -> None:
    location = diagnostic.location
    assert location.line is not None and location.column is not None, (seed, diagnostic)
    assert 1 <= location.line <= _line_count(data), (seed, diagnostic, _line_count(data))
    assert diagnostic.message.zh and diagnostic.message.en, (seed, diagnostic)
    # Chinese says what is wrong, not only a label before libyaml's English.
    assert CJK.search(diagnostic.message.zh.removeprefix("YAML 语法错误：")), (seed, diagnostic)
    assert "内部错误" not in diagnostic.message.zh, (seed, diagnostic)


def test_mutated_files_never_crash_and_every_finding_has_a_line() -> None:
    sources = _sources()
    rng = random.Random(SEED)
    findings = 0
    for number in range(MUTANTS):
        path, original = rng.choice(sources)
        kind = kind_of(path)
        assert kind is not None
        data = _mutate(original.decode("utf-8"), rng).encode("utf-8", errors="surrogatepass")
        outcome = load_file(path, kind, data)
        for diagnostic in outcome.diagnostics:
            _assert_located(diagnostic, data, number)
        findings += len(outcome.diagnostics)
    assert findings > MUTANTS // 2  # the mutations really do break files


def test_an_unexpected_error_in_a_rule_is_a_finding_and_the_run_goes_on(
    monkeypatch: pytest.MonkeyPatch, instance: Callable[..., Path]
) -> None:
    root = instance()

    def broken(self: object, ctx: object) -> object:
        raise RuntimeError("boom")

    monkeypatch.setattr(ResourceCodeGrammar, "check", broken)
    result = validate(open_instance(root))
    crashed = [d for d in result.diagnostics if d.rule_id == "GD010"]
    # GD010 runs once per file (in that file's job) and once over the registries (named by govdata.yaml).
    resources = [f.path for f in result.catalog.resource_facts]
    assert sorted(d.location.path for d in crashed) == sorted(["govdata.yaml", *resources])
    assert all("内部错误" in d.message.zh and "boom" in d.message.en and d.location.line == 1 for d in crashed)
    assert result.files_checked > 1
