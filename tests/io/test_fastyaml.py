"""Safety bounds and source positions of the fast reader."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from govdata.io.fastyaml import MAX_DEPTH, SourceMap, YamlProblem, load_yaml
from tests.conftest import REPO_ROOT


def _problem(text: str) -> YamlProblem:
    result = load_yaml(text)
    assert isinstance(result, YamlProblem), result
    return result


def test_positions_count_characters_not_bytes() -> None:
    data, source_map = load_yaml("名称: 中文值\n键: [甲, 中文, x]\n", positions=True)  # type: ignore[misc]
    assert isinstance(source_map, SourceMap)
    assert source_map.locate(("名称",)) == (1, 5)
    assert source_map.locate(("键", 2)) == (2, 12)
    assert source_map.locate(("键",), prefer_key=True) == (2, 1)


def test_absent_pointer_falls_back_to_parent_key() -> None:
    _, source_map = load_yaml("a: 1\nsharing:\n  type: 有条件共享\n", positions=True)  # type: ignore[misc]
    assert source_map.locate(("sharing", "condition")) == (2, 1)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("a: 1\nb: 2\na: 3\n", 3, "重复"),
        ("a: !!python/object:os.system x\n", 1, "标签"),
        ("a: !custom 1\n", 1, "标签"),
        ("base: &b {x: 1}\nc:\n  <<: *b\n", 3, "合并键"),
        ("a: 1\n---\nb: 2\n", 2, "一个文件只能包含一个"),
        ("", 1, "文件为空"),
        ("# only a comment\n", 1, "文件为空"),
        ("1: x\n", 1, "必须是文本"),
        ("? [a, b]\n: c\n", 1, "必须是文本"),
        ("a: [1, 2\n", 1, "未闭合"),  # libyaml says line 2, past the end of the file
        ("abstract: 包括: 姓名\n", 1, "不允许出现"),
        ("a:\n\tb: 1\n", 2, "Tab"),
    ],
)
def test_refused_documents_are_located(text: str, line: int, words: str) -> None:
    problem = _problem(text)
    assert problem.line == line
    assert words in problem.message.zh
    assert problem.message.en


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    problem = _problem("\n".join(lines) + "\n")
    assert "别名" in problem.message.zh


def test_modest_aliases_are_expanded() -> None:
    data, _ = load_yaml("m: &m [1, 2]\nn: *m\n")  # type: ignore[misc]
    assert data == {"m": [1, 2], "n": [1, 2]}
    assert data["m"] is not data["n"]


def test_nesting_is_bounded() -> None:
    deep = "".join("  " * level + f"k{level}:\n" for level in range(MAX_DEPTH + 2)) + "  " * (MAX_DEPTH + 2) + "v\n"
    assert "嵌套" in _problem(deep).message.zh
    flow = "a: " + "[" * 2000 + "]" * 2000 + "\n"
    assert _problem(flow).line == 1


def _yaml_files() -> list[Path]:
    roots = [REPO_ROOT / "catalogs", REPO_ROOT / "registry", REPO_ROOT / "tests" / "rules" / "_base"]
    return sorted(p for root in roots if root.is_dir() for p in root.rglob("*.yaml"))


@pytest.mark.parametrize("path", _yaml_files(), ids=lambda p: p.relative_to(REPO_ROOT).as_posix())
def test_reads_real_files_like_ruamel(path: Path) -> None:
    """Every committed YAML file: the fast reader and ruamel's safe loader agree."""
    text = path.read_text(encoding="utf-8-sig")
    expected = YAML(typ="safe").load(text)
    loaded = load_yaml(text)
    assert not isinstance(loaded, YamlProblem), loaded
    assert loaded[0] == _dates_as_text(expected)


def _dates_as_text(value: object) -> object:
    import datetime as dt

    if isinstance(value, dict):
        return {k: _dates_as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value


@pytest.mark.parametrize(
    ("text", "line", "column", "words", "hint"),
    [
        # Control and non-characters: located from the reader's character offset.
        ("a: b\nc: d\x7fe\n", 2, 5, "U+007F", "删除"),
        ("a: b\x1a\n", 1, 5, "U+001A", "删除"),
        ("a: 甲\nb: \uffff\n", 2, 4, "U+FFFF", "删除"),
        # A clerk's typing: the slip itself, with the character to type instead.
        ("a: b\nname： 户籍\nc: d\n", 2, 5, "全角冒号", "“: ”"),
        ("a: b\nname： 户籍\n", 2, 5, "全角冒号", "“: ”"),  # on the last line: not one past it
        ("keywords: [流动人口，居住证]\n", 1, 16, "全角逗号", "“, ”"),
        ("a:\n  b: 1\n\u3000\u3000c: 2\nd: 1\n", 3, 1, "全角空格", "半角空格"),
        ("a:\n  - x\n\u3000 - y\n", 3, 1, "全角空格", "半角空格"),
        ('x: 1\nname: "户籍\ncode: "101002/000001"\nz: 1\n', 2, 7, "未闭合", '"'),
        ('x: 1\nname: "户籍人口\nz: 1\nw: 2\n', 2, 7, "未闭合", '"'),
        ("a: 1\nb: " + "1" * 5000 + "\n", 2, 4, "数字过长", "引号"),
        ("a: b\nc\n", 2, 2, "冒号", None),
    ],
)
def test_slips_and_bad_characters_are_named_where_they_are(
    text: str, line: int, column: int, words: str, hint: str | None
) -> None:
    problem = _problem(text)
    assert (problem.line, problem.column) == (line, column), problem
    assert words in problem.message.zh and problem.message.en
    if hint is not None:
        assert problem.hint is not None and hint in problem.hint.zh


def test_full_width_punctuation_in_values_is_text() -> None:
    loaded = load_yaml('summary: 说明：本资源，含姓名\nlist:\n  - 备注：无\nquoted: ["流动人口，居住证"]\n')
    assert isinstance(loaded, tuple)
    assert loaded[0]["quoted"] == ["流动人口，居住证"]
