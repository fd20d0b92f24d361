"""The fast reader resolves every plain scalar exactly as ruamel's round-trip loader does.

``validate`` reads through libyaml and ``fmt``/``grant`` write through ruamel; if the two
disagreed on ``0755`` or ``no``, the same file would mean different things to them.
"""

from __future__ import annotations

import math
from typing import Any

import pytest
from ruamel.yaml import YAML, YAMLError
from ruamel.yaml.resolver import implicit_resolvers

from govdata.io import scalars
from govdata.io.fastyaml import YamlProblem, load_yaml
from govdata.io.scalars import core_disagreement, resolve_plain


@pytest.mark.parametrize(
    ("name", "tag"), [("_BOOL", "bool"), ("_INT", "int"), ("_FLOAT", "float"), ("_NULL", "null"), ("_MERGE", "merge")]
)
def test_the_patterns_are_ruamels_own_for_yaml_1_2(name: str, tag: str) -> None:
    """Written out in ``scalars`` to spare ruamel's import; an upgrade of ruamel that changes
    its table fails here, not silently in a reading that differs from ``fmt``'s."""
    (theirs,) = [
        pattern
        for versions, resolved, pattern, _first in implicit_resolvers
        if (1, 2) in versions and resolved == f"tag:yaml.org,2002:{tag}"
    ]
    ours = getattr(scalars, name)
    assert (ours.pattern, ours.flags) == (theirs.pattern, theirs.flags)


EDGE_SCALARS = [
    "no",
    "yes",
    "on",
    "off",
    "y",
    "n",
    "true",
    "True",
    "TRUE",
    "false",
    "FALSE",
    "tRue",
    "0755",
    "010",
    "0",
    "-0",
    "+12",
    "1_000",
    "-1_0",
    "0o17",
    "0o",
    "0x1F",
    "0x",
    "0b101",
    "1e3",
    "12e03",
    "1.0e+3",
    "1.",
    ".5",
    "-.5",
    "+.5",
    ".inf",
    "-.inf",
    "+.inf",
    ".Inf",
    ".nan",
    ".NaN",
    "~",
    "null",
    "Null",
    "NULL",
    "nULL",
    "",
    "1:20",
    "+",
    ".",
    "-",
    "--",
    "2016-01-10",
    "2016-1-1",
    "2016-01-10T10:00:00Z",
    "2016-01-10 10:00:00",
    "Y",
    "N",
    "中文",
    "3.14abc",
    "1,000",
    "0.0.1",
    "=",
    "12:30:00",
]


def _plain(value: Any) -> Any:
    """ruamel's typed scalars and dates as the plain values the fast reader gives."""
    import datetime as dt

    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    if isinstance(value, dt.date | dt.datetime):
        return "<timestamp>"
    return str(value)


@pytest.mark.parametrize("scalar", EDGE_SCALARS)
def test_plain_scalar_resolves_like_ruamel(scalar: str) -> None:
    text = f"value: {scalar}\n"
    loaded = load_yaml(text)
    try:
        expected = _plain(YAML(typ="rt").load(text)["value"])
    except YAMLError:
        assert isinstance(loaded, YamlProblem), "ruamel refuses this document, so must we"
        return
    if isinstance(loaded, YamlProblem):
        # Refused only where editors (YAML 1.2 core) would read something else than ruamel.
        assert "歧义" in loaded.message.zh, loaded
        assert core_disagreement(scalar, expected) is not None
        return
    actual = loaded[0]["value"]  # type: ignore[index]
    if expected == "<timestamp>":
        # Dates stay text on the read path (schemas say string); ruamel gives a date object.
        assert actual == scalar
    elif isinstance(expected, float) and math.isnan(expected):
        assert math.isnan(actual)
    else:
        assert actual == expected and type(actual) is type(expected)


@pytest.mark.parametrize("scalar", ["0755", "no", "true", "1e3", "~", "2016-01-10"])
def test_quoted_scalars_stay_text(scalar: str) -> None:
    for quoted in (f'"{scalar}"', f"'{scalar}'"):
        loaded = load_yaml(f"value: {quoted}\n")
        assert loaded[0]["value"] == scalar  # type: ignore[index]


def test_str_tag_forces_text() -> None:
    assert load_yaml("value: !!str 0755\n")[0]["value"] == "0755"  # type: ignore[index]


@pytest.mark.parametrize(
    ("scalar", "ours", "editors"),
    [
        ("1_0", "数字 10", "文本“1_0”"),
        ("0b1", "数字 1", "文本“0b1”"),
        ("-0x1F", "数字 -31", "文本“-0x1F”"),
        ("+0o7", "数字 7", "文本“+0o7”"),
        ("1_000.5", "数字 1000.5", "文本“1_000.5”"),
    ],
)
def test_scalars_editors_read_otherwise_are_refused_with_the_plain_form(scalar: str, ours: str, editors: str) -> None:
    problem = load_yaml(f"length: {scalar}\n")
    assert isinstance(problem, YamlProblem)
    assert ours in problem.message.zh and editors in problem.message.zh and "YAML 1.2" in problem.message.en
    assert (problem.line, problem.column) == (1, 9)
    assert problem.hint is not None and f"请写成 {ours.split()[1]}" in problem.hint.zh


@pytest.mark.parametrize("scalar", ["10", "0o7", "0x1F", "1e3", "0755", ".inf", "1:20", "190:20:30", "true", "~"])
def test_scalars_both_readers_agree_on_load(scalar: str) -> None:
    loaded = load_yaml(f"value: {scalar}\n")
    assert isinstance(loaded, tuple), loaded
    assert core_disagreement(scalar, resolve_plain(scalar)) is None
