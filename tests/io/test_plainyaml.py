"""The clean path reads exactly as the full reader: same data and types, or it declines.

``load_yaml(text)`` tries :func:`govdata.io.plainyaml.read_plain` first. Every test here takes
a text, reads it with the full reader alone (``fastyaml._load_full``), with the public entry,
and with the clean path alone, and asserts that the public entry gives the full reader's answer
(equal data of equal types, or an equal ``YamlProblem``), and that whenever the clean path
answers, the full reader accepts the text and gives the same data. Corpora: the edge scalars of
``test_scalars``, hand-written hostile documents, the fuzz mutants of ``test_fuzz_loading``,
every YAML file in the repository, a generated instance with mistakes, and hypothesis.
"""

from __future__ import annotations

import json
import math
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import orjson
import pytest
import ryml
from hypothesis import given, settings
from hypothesis import strategies as st

from govdata.io import fastyaml
from govdata.io.fastyaml import MAX_DEPTH, YamlProblem, load_yaml
from govdata.io.plainyaml import (
    _NEVER_PLAIN_TEXT,
    _REFUSED_CHARACTER,
    _json,
    _refused_character,
    rapidyaml_reading,
    read_plain,
)
from govdata.io.source import decode
from tests.conftest import REPO_ROOT
from tests.io.test_fuzz_loading import SEED, _mutate, _sources
from tests.io.test_scalars import EDGE_SCALARS


def _same(left: Any, right: Any) -> bool:
    """Equal values of equal types all the way down (``True`` is not ``1``, ``1`` not ``1.0``)."""
    if type(left) is not type(right):
        return False
    if isinstance(left, dict):
        return list(left) == list(right) and all(_same(left[key], right[key]) for key in left)
    if isinstance(left, list):
        return len(left) == len(right) and all(_same(a, b) for a, b in zip(left, right, strict=True))
    if isinstance(left, float) and math.isnan(left):
        return math.isnan(right)
    return bool(left == right)


def _fast(text: str) -> Any | None:
    return read_plain(text, MAX_DEPTH, fastyaml._node_budget(text))


def _agree(text: str) -> bool:
    """Assert agreement on ``text``; True when the clean path answered."""
    full = fastyaml._load_full(text, False)
    public = load_yaml(text)
    fast = _fast(text)
    if isinstance(full, YamlProblem):
        assert public == full, (text, public, full)
        assert fast is None, (text, fast, full)
        return False
    assert isinstance(public, tuple) and public[1] is None
    assert _same(public[0], full[0]), (text, public[0], full[0])
    if fast is None:
        return False
    assert _same(fast, full[0]), (text, fast, full[0])
    return True


# --- edge scalars, in every place a scalar can stand --------------------------------------

EXTRA_SCALARS = [
    "0b1", "-0x1F", "+0o7", "+0x1F", "-0b1", "0X1F", "0O17", "1_0", "1_000.5", "._5", "0o8", "0x",
    "+05", "-05", "0.5", "-0.0", "1E3", "1e", "inf", "-inf", "nan", "infinity", ".5e3", "1.e5",
    "9223372036854775807", "9223372036854775808", "18446744073709551616", "1" * 40, "1" * 5000,
    "<<", "<", "~~", "-x", "?x", ":x", "a，b", "\u3000甲", "甲\u3000", "2016-01-10", "12:30",
]  # fmt: skip
SCALARS = list(dict.fromkeys(EDGE_SCALARS + EXTRA_SCALARS))


def _single(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _double(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


PLACES = {
    "value": "name: 户籍\nvalue: {s}\nother: 1\n",
    "key": "name: 户籍\n{s}: 1\n",
    "block list": "items:\n  - {s}\n  - 甲\n",
    "flow list": "keywords: [甲, {s}]\n",
    "nested": "a:\n  - b:\n      c: {s}\n",
    "root list": "- {s}\n",
}


@pytest.mark.parametrize("place", PLACES)
def test_edge_scalars_read_alike_in_every_place_and_style(place: str) -> None:
    answered = 0
    for scalar in SCALARS:
        for written in (scalar, _single(scalar), _double(scalar)):
            answered += _agree(PLACES[place].format(s=written))
    # The clean path did answer for most of them (for keys, the plain ones: a quoted key declines).
    assert answered > (len(SCALARS) // 4 if place == "key" else len(SCALARS))


# --- hand-written documents the full reader refuses or reads in its own way -------------------

HOSTILE = [
    "a: 1\nb: 2\na: 3\n",
    "a: 1\n'a': 2\n",
    'a: 1\n"a": 2\n',
    "x:\n  - k: 1\n    k: 2\n",
    "x:\n  y: 1\n  y: 1\n",
    "1: a\n'1': b\n",
    "a: !!python/object:os.system x\n",
    "a: !custom 1\n",
    "a: !!str 0755\n",
    "a: !!int '12'\n",
    "base: &b {x: 1}\nc:\n  <<: *b\n",
    "m: &m [1, 2]\nn: *m\n",
    "a: *nothing\n",
    "<<: 1\n",
    "a: <<\n",
    "a: 1\n---\nb: 2\n",
    "---\na: 1\n...\n",
    "",
    "# only a comment\n",
    "~\n",
    "just text\n",
    "1: x\n",
    "null: x\n",
    "true: x\n",
    "'': x\n",
    ": x\n",
    "? [a, b]\n: c\n",
    "[a, b]: c\n",
    "? a\n: b\n",
    "[ ? ]\n",
    "[?]\n",
    "a: [ ? ] ]\n",
    "a: [1, 2\n",
    "abstract: 包括: 姓名\n",
    "a:\n\tb: 1\n",
    "a: b\n\tc: d\n",
    "a: b\x7f\n",
    "a: \ufeffb\n",
    "a: b\u2028c: d\n",
    "a: b\x85c: d\n",
    "a: b\r\nc: d\r\n",
    "a: b\rc: d\n",
    "\u3000a: 1\n",
    "a:\n  b: 1\n\u3000\u3000c: 2\n",
    "keywords: [流动人口，居住证]\n",
    "keywords:\n  - 流动人口，居住证\n",
    'keywords: ["流动人口，居住证"]\n',
    "a: 1\nb: " + "1" * 5000 + "\n",
    "length: 1_0\n",
    "length: 0b1\n",
    "length: -0x1F\n",
    "length: +0o7\n",
    "length: 0755\n",
    "length: 1.5\n",
    "length: .inf\n",
    'summary: "多行\n  文本"\n',
    "summary: |\n  第一行\n  第二行\n",
    "summary: >-\n  折叠\n  文本\n",
    "summary: 多行\n  纯文本\n",
    "a: 'it''s'\n",
    'a: "\\u4e2d\\t\\x41"\n',
    "a: {b: 1, b: 2}\n",
    "a: {b: 1}\n",
    "a: {}\nb: []\n",
    "a: [[[]]]\n",
    "a: [b: 1, c: 2]\n",
    "%YAML 1.1\n---\na: 1\n",
    "%YAML 2.0\n---\na: 1\n",
    "%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\n",
    "a: b # comment: with colon\n",
    "a:    \nb:\n",
    "- - - x\n",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_documents_read_alike(text: str) -> None:
    _agree(text)


def test_full_width_commas_in_block_lists_take_the_clean_path_unless_a_flow_list_may_hold_them() -> None:
    assert _agree("conditions:\n  - 仅用于认定，不得留存\nkeywords: [甲, 乙]\n")
    assert not _agree("keywords: [甲, 乙]\nconditions:\n  - 仅用于认定，不得留存\n")
    assert not _agree("conditions:\n  - 甲\nkeywords: [甲，乙]\n")  # refused: a comma slip


@settings(max_examples=300)
@given(st.from_regex(_NEVER_PLAIN_TEXT, fullmatch=True))
def test_texts_taken_as_quoted_are_never_text_when_plain_for_rapidyaml(text: str) -> None:
    """The one fact about rapidyaml the clean path relies on for text values: these forms,
    plain, never come back as text, so a text of this form in its result was quoted."""
    parsed = rapidyaml_reading(f"v: {text}\n")
    assert parsed is not None, text
    value = parsed[0]["v"]
    assert not isinstance(value, str), (text, value)
    _agree(f"v: {text}\nq: '{text}'\n")


def test_the_quick_character_test_agrees_with_the_search_on_every_code_point() -> None:
    """The screen answers from ``isprintable`` for a clean file; it must never pass a character
    the full search refuses, nor refuse one it passes."""
    differ = [
        hex(point)
        for point in range(0x110000)
        if _refused_character(f"a: {chr(point)}\n") != (_REFUSED_CHARACTER.search(chr(point)) is not None)
    ]
    assert differ == []


def test_rapidyaml_writes_no_message_of_its_own() -> None:
    """rapidyaml prints each refusal to stderr before raising: the clerk sees only ours."""
    code = "from govdata.io.plainyaml import read_plain; print(read_plain('a: [x, y\\n', 64, 100))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO_ROOT)
    assert done.stdout == "None\n" and done.stderr == ""


def test_duplicate_keys_never_pass_the_clean_path() -> None:
    for text in ("a: 1\na: 2\n", "x:\n  - k: 1\n    k: 2\n", "a: 1\n'a': 2\n", "a: {b: 1, b: 2}\n"):
        assert _fast(text) is None
        problem = load_yaml(text)
        assert isinstance(problem, YamlProblem) and "重复" in problem.message.zh


def test_nesting_and_node_bounds_are_kept() -> None:
    deep = "".join("  " * level + f"k{level}:\n" for level in range(MAX_DEPTH + 2)) + "  " * (MAX_DEPTH + 2) + "v\n"
    _agree(deep)
    assert isinstance(load_yaml(deep), YamlProblem)
    at_bound = "".join("  " * level + f"k{level}:\n" for level in range(MAX_DEPTH - 1)) + "  " * (MAX_DEPTH - 1) + "v\n"
    assert _agree(at_bound)
    flow = "a: " + "[" * 2000 + "]" * 2000 + "\n"
    _agree(flow)
    assert read_plain("- [a, b, c]\n", MAX_DEPTH, budget=3) is None


def test_a_plain_resource_takes_the_clean_path() -> None:
    text = sorted((REPO_ROOT / "catalogs" / "renshe").glob("*.yaml"))[0].read_text(encoding="utf-8")
    assert _agree(text)


# --- the fuzz mutants of test_fuzz_loading --------------------------------------------------------


def test_fuzz_mutants_read_alike() -> None:
    sources = _sources()
    rng = random.Random(SEED)
    answered = refused = 0
    for _ in range(10_000):
        _, original = rng.choice(sources)
        text = decode(_mutate(original.decode("utf-8"), rng).encode("utf-8", errors="surrogatepass"))
        if isinstance(text, str):
            answered += _agree(text)
            refused += isinstance(fastyaml._load_full(text, False), YamlProblem)
    assert answered > 1_000 and refused > 5_000  # both paths were exercised


# --- every YAML file of the repository and a generated instance --------------------------------


def _tracked_yaml() -> list[str]:
    listed = subprocess.run(
        ["git", "ls-files", "-z", "*.yaml", "*.yml"], cwd=REPO_ROOT, capture_output=True, check=True
    ).stdout.decode("utf-8")
    return [name for name in listed.split("\0") if name]


@pytest.mark.parametrize("name", _tracked_yaml())
def test_every_repository_yaml_file_reads_alike(name: str) -> None:
    text = decode((REPO_ROOT / name).read_bytes())
    if isinstance(text, str):
        _agree(text)


def test_most_repository_files_take_the_clean_path() -> None:
    names = [name for name in _tracked_yaml() if name.startswith(("catalogs/", "registry/", "grants/", "cases/"))]
    texts = [decode((REPO_ROOT / name).read_bytes()) for name in names]
    answered = [name for name, text in zip(names, texts, strict=True) if isinstance(text, str) and _fast(text)]
    assert len(answered) >= 0.9 * len(names)


def spoiled_instance(folder: Path) -> list[Path]:
    """The YAML files of a small generated instance with 30 % of its resources spoiled."""
    generator = REPO_ROOT / "benchmarks" / "generate_instance.py"
    command = [sys.executable, str(generator), str(folder), "--departments", "4", "--resources", "25"]
    subprocess.run([*command, "--invalid-rate", "0.3"], check=True, capture_output=True, cwd=REPO_ROOT)
    paths = sorted(folder.rglob("*.yaml"))
    assert len(paths) > 100
    return paths


def test_a_generated_instance_with_mistakes_reads_alike(tmp_path: Path) -> None:
    paths = spoiled_instance(tmp_path)
    answered = sum(_agree(path.read_text(encoding="utf-8")) for path in paths)
    assert answered >= 0.6 * len(paths)


# --- hypothesis: documents built from edge scalars in random styles and shapes ------------------

_TOKENS = SCALARS[:80] + ["甲", "a", "名称", "x y", "a: b", "#c", "- x", "[x]", "{x}", "'", '"', "a #b", " a"]
_written = st.sampled_from(_TOKENS).flatmap(
    lambda token: st.sampled_from([token, _single(token), _double(token)]),
)


def _render(value: Any, indent: int) -> list[str]:
    pad = " " * indent
    if isinstance(value, dict):
        lines = []
        for key, child in value.items():
            if isinstance(child, str):
                lines.append(f"{pad}{key}: {child}")
            else:
                lines += [f"{pad}{key}:", *_render(child, indent + 2)]
        return lines
    if isinstance(value, tuple):  # a flow list
        return [pad + "[" + ", ".join(value) + "]"]
    lines = []
    for child in value:
        if isinstance(child, str):
            lines.append(f"{pad}- {child}")
        else:
            lines += [f"{pad}-", *_render(child, indent + 2)]
    return lines


_documents = st.recursive(
    st.dictionaries(_written, _written, min_size=1, max_size=4),
    lambda children: st.one_of(
        st.dictionaries(_written, st.one_of(_written, children), min_size=1, max_size=4),
        st.lists(st.one_of(_written, children), min_size=1, max_size=4),
        st.lists(_written, min_size=1, max_size=4).map(tuple),
    ),
    max_leaves=12,
)


@settings(max_examples=400)
@given(_documents)
def test_generated_documents_read_alike(document: Any) -> None:
    if isinstance(document, tuple):
        document = {"k": document}
    _agree("\n".join(_render(document, 0)) + "\n")


_YAMLISH = st.text(alphabet=list(" \n:-[],'\"#01xb_.a甲，\u3000?!&*|>~\t{}<+"), max_size=40)


@settings(max_examples=600)
@given(_YAMLISH)
def test_arbitrary_yamlish_text_reads_alike(text: str) -> None:
    _agree(text)


# --- hypothesis: where rapidyaml and libyaml were found to differ (the screen's cases) ---------

_LINE = st.text(alphabet=list(" a甲:#-,[]{}'\"?x1"), max_size=10)


@settings(max_examples=400)
@given(st.lists(st.tuples(st.integers(0, 6), _LINE), max_size=8), st.booleans())
def test_indented_lines_read_alike(lines: list[tuple[int, str]], crlf: bool) -> None:
    text = "".join(" " * indent + line + "\n" for indent, line in lines)
    _agree(text.replace("\n", "\r\n") if crlf else text)


@settings(max_examples=300)
@given(
    st.sampled_from(["|", ">", "|-", ">-", "|+", ">+", "|2", ">1-", "|+2", "|-1", ""]),
    st.lists(st.tuples(st.integers(0, 5), st.text(alphabet=list(" a甲:#-'\"[]，x1"), max_size=8)), max_size=6),
    st.sampled_from(["a", "- a", "a:\n  b"]),
    st.booleans(),
)
def test_block_and_quoted_scalars_over_lines_read_alike(
    header: str, lines: list[tuple[int, str]], after: str, crlf: bool
) -> None:
    body = "".join(" " * indent + line + "\n" for indent, line in lines)
    for start in (f"k: {header}\n", f"k: '{header}\n", f'k: "{header}\n', f"- {header}\n"):
        text = start + body + after + "\n"
        _agree(text.replace("\n", "\r\n") if crlf else text)


def test_crlf_files_take_the_clean_path() -> None:
    text = sorted((REPO_ROOT / "catalogs" / "renshe").glob("*.yaml"))[0].read_text(encoding="utf-8")
    assert _agree(text.replace("\n", "\r\n"))


def test_json_grows_its_buffer_when_the_guess_is_short() -> None:
    tree = ryml.parse_in_arena("a: [甲, 乙]\nb: 1\n".encode())
    assert orjson.loads(_json(tree, tree.root_id(), 4)) == {"a": ["甲", "乙"], "b": 1}
