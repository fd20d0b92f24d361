"""The read path: safe YAML 1.2 through libyaml, with source positions on request.

Validation reads every file of an instance, so it cannot afford ruamel's round-trip loader
(about 18 files/s on 10 KB resources, ``../shared/bench``). libyaml's composer builds the node
tree in C and this module turns nodes into plain values itself: the stock constructor spends
most of its time in generic machinery we do not need, and ours is about 2× faster. Scalars are
resolved by :mod:`govdata.io.scalars`, so types agree with the ruamel writer.

Safety: no tags beyond the core ones, no merge keys, duplicate keys refused, nesting depth and
alias expansion bounded, exactly one document per file.

Without positions, files of plain data first try the clean path, :mod:`govdata.io.plainyaml`
(rapidyaml and orjson, about 5× faster); it answers only where a screen, an audit and the
agreement tests show its answer is this module's, and declines everything else to the reader
below.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

import yaml
from yaml._yaml import CParser  # the libyaml binding; PyYAML wheels always ship it
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from govdata.diagnostics import Pointer
from govdata.i18n import Text
from govdata.io.plainyaml import read_plain
from govdata.io.scalars import SPECIAL_FIRST, MergeKeyError, core_disagreement, plain_form, resolve_plain
from govdata.io.slips import FULL_WIDTH_SPACE, clamp, comma_slip, find_slip, position_of_byte

MAX_DEPTH = 64
_ALLOWED_TAGS = frozenset({"", "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})
_FORCE_STR = "tag:yaml.org,2002:str"


@dataclass(frozen=True, slots=True)
class YamlProblem:
    """Why a text is not an acceptable YAML document, at a 1-based position."""

    message: Text
    line: int | None
    column: int | None
    hint: Text | None = None


class Marked(Protocol):
    """A node or a parser event: both carry where they start."""

    start_mark: Any


class SourceMap:
    """Maps a JSON pointer in a loaded document to the line and column it came from."""

    __slots__ = ("_keys", "_values")

    def __init__(self) -> None:
        self._values: dict[Pointer, tuple[int, int]] = {}
        self._keys: dict[Pointer, tuple[int, int]] = {}

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, pointer: Pointer) -> bool:
        """Whether ``pointer`` itself was placed (not just an ancestor)."""
        return pointer in self._values

    def record(self, pointer: Pointer, node: Marked, key: Marked | None) -> None:
        """Where the value at ``pointer`` starts, and its key's, from nodes or parser events."""
        self._values[pointer] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if key is not None:
            self._keys[pointer] = (key.start_mark.line + 1, key.start_mark.column + 1)

    def locate(self, pointer: Pointer, *, prefer_key: bool = False) -> tuple[int, int]:
        """The position of ``pointer``, or of its nearest ancestor present in the file."""
        probe = tuple(pointer)
        while probe:
            if prefer_key and probe in self._keys:
                return self._keys[probe]
            if probe in self._values:
                return self._values[probe]
            probe = probe[:-1]
            prefer_key = True  # an absent child is best shown at its parent's key
        return self._values.get((), (1, 1))


class _Parser(CParser):  # type: ignore[misc]
    """libyaml parser that leaves scalar resolution to us (the Cython hook is per scalar)."""

    def descend_resolver(self, *_args: object) -> None:
        pass

    def ascend_resolver(self, *_args: object) -> None:
        pass

    def resolve(self, _kind: type, _value: str, _implicit: object) -> str:
        return ""


class _Refused(Exception):
    def __init__(self, node: Node, message: Text, hint: Text | None = None, offset: int = 0) -> None:
        super().__init__(message.en)
        self.node = node
        self.message = message
        self.hint = hint
        self.offset = offset  # columns after the node's start, for a character inside it


class _Builder:
    def __init__(self, budget: int, source_map: SourceMap | None) -> None:
        self.budget = budget
        self.source_map = source_map

    def build(self, node: Node, pointer: Pointer | None, key: Node | None, depth: int) -> Any:
        self.budget -= 1
        if self.budget < 0:
            raise _Refused(node, Text("别名展开过多，疑似“YAML 炸弹”", "too many alias expansions (YAML bomb?)"))
        if depth > MAX_DEPTH:
            raise _Refused(node, Text(f"嵌套层级超过 {MAX_DEPTH} 层", f"nesting deeper than {MAX_DEPTH} levels"))
        if node.tag not in _ALLOWED_TAGS:
            raise _Refused(
                node,
                Text(f"不允许使用标签“{node.tag}”", f"tag {node.tag!r} is not allowed"),
                Text("删除标签，直接书写值", "Remove the tag and write the plain value"),
            )
        if pointer is not None and self.source_map is not None:
            self.source_map.record(pointer, node, key)
        node_type = type(node)
        if node_type is ScalarNode:
            return self._scalar(node)
        if node_type is SequenceNode:
            if node.flow_style:
                self._check_commas(node)
            return [
                self.build(child, None if pointer is None else (*pointer, index), None, depth + 1)
                for index, child in enumerate(node.value)
            ]
        return self._mapping(node, pointer, depth)

    @staticmethod
    def _check_commas(node: SequenceNode) -> None:
        for child in node.value:
            if type(child) is ScalarNode and not child.style and "，" in child.value:
                slip = comma_slip(child.value)
                if slip is not None:
                    raise _Refused(child, slip[1], slip[2], offset=slip[0])

    def _scalar(self, node: ScalarNode) -> Any:
        value = node.value
        # Quoted, forced to text, or starting like no number/bool/null can: text (the common case).
        if node.style or node.tag == _FORCE_STR or (value and value[0] not in SPECIAL_FIRST):
            return value
        try:
            resolved = resolve_plain(value)
        except MergeKeyError:
            raise _Refused(
                node,
                Text("不支持合并键“<<”", "merge keys (<<) are not supported"),
                Text("请直接写出每个键和值", "Write each key and value out"),
            ) from None
        except ValueError:  # Python refuses to convert integers of more than 4,300 digits
            raise _Refused(
                node,
                Text(f"数字过长（{len(value)} 位），无法读取", f"number too long ({len(value)} digits) to read"),
                Text("如确需保存这串数字，请加引号写成文本", "Quote it if it is meant as text"),
            ) from None
        # Plain decimal integers (most numbers in a catalog) read alike everywhere.
        editor = None if type(resolved) is int and value.isdigit() else core_disagreement(value, resolved)
        if editor is not None:
            raise _Refused(node, *_disagreement(value, resolved, editor[0]))
        return resolved

    def _mapping(self, node: MappingNode, pointer: Pointer | None, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        seen: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = self._key(key_node)
            if key in seen:
                first = seen[key].start_mark.line + 1
                raise _Refused(
                    key_node,
                    Text(f"键“{key}”重复（第 {first} 行已出现）", f"duplicate key {key!r} (first on line {first})"),
                    Text("删除或合并重复的键", "Remove or merge the duplicate key"),
                )
            seen[key] = key_node
            child = None if pointer is None else (*pointer, key)
            result[key] = self.build(value_node, child, key_node, depth + 1)
        return result

    def _key(self, node: Node) -> str:
        if type(node) is not ScalarNode:
            raise _Refused(node, Text("键必须是文本", "keys must be text"))
        if node.style:
            return str(node.value)
        if node.value.startswith(FULL_WIDTH_SPACE):
            raise _Refused(
                node,
                Text("缩进中使用了全角空格“　”", "a full-width space (U+3000) is used as indentation"),
                Text("缩进只能用半角空格“ ”：删除全角空格后重新缩进", "Indent with ASCII spaces only"),
            )
        value = self._scalar(node)
        if not isinstance(value, str) or value == "":
            raise _Refused(
                node,
                Text(f"键“{node.value}”必须是文本", f"key {node.value!r} must be text"),
                Text("给键加上引号", "Quote the key"),
            )
        return value


def _kind(value: Any) -> Text:
    if isinstance(value, bool):
        return Text(f"布尔值 {plain_form(value)}", f"the boolean {plain_form(value)}")
    if isinstance(value, int | float):
        return Text(f"数字 {plain_form(value)}", f"the number {plain_form(value)}")
    if value is None:
        return Text("空值", "null")
    return Text(f"文本“{value}”", f"the text {value!r}")


def _disagreement(text: str, ours: Any, editors: Any) -> tuple[Text, Text]:
    """``length: 1_0``: govdata (ruamel) reads 10, editors (YAML 1.2 core) read text."""
    mine, theirs = _kind(ours), _kind(editors)
    return (
        Text(
            f"“{text}”的写法有歧义：govdata 读作{mine.zh}，编辑器（YAML 1.2 核心模式）读作{theirs.zh}",
            f"{text!r} is ambiguous: govdata reads {mine.en}, editors (YAML 1.2 core schema) read {theirs.en}",
        ),
        Text(
            f'请写成 {plain_form(ours)}；若本意是文本，请加引号："{text}"',
            f'Write {plain_form(ours)}; quote it ("{text}") if it is meant as text',
        ),
    )


_LIBYAML_ZH = {
    "mapping values are not allowed": "此处不允许出现“键: 值”（常见原因：值中含有“: ”却未加引号，或缩进错误）",
    "did not find expected ',' or ']'": "方括号列表未闭合，或元素之间缺少逗号",
    "did not find expected ',' or '}'": "花括号映射未闭合，或元素之间缺少逗号",
    "found unknown escape character": "双引号字符串中有未知的转义字符（反斜杠）",
    "found unexpected ':'": "出现了意外的冒号“:”",
    "could not find expected ':'": "找不到应有的冒号“:”",
    "did not find expected key": "缩进不一致，找不到应有的键",
    "did not find expected '-' indicator": "缩进不一致，找不到应有的列表项“-”",
    "found character that cannot start any token": "出现了不能开始一个记号的字符（常见原因：使用了 Tab 缩进）",
    "found undefined alias": "引用了未定义的别名",
    "found unexpected end of stream": "文件意外结束（引号或括号未闭合）",
    "exceeded maximum nesting depth": "嵌套层级过深",
    "but found another document": "一个文件只能包含一个 YAML 文档",
    "found a tab character that violates indentation": "缩进中使用了 Tab 字符，缩进只能用空格",
    "found a tab character where an indentation space is expected": "缩进中使用了 Tab 字符，缩进只能用空格",
    "did not find expected node content": "此处缺少值（常见原因：多余的“-”“,”或括号）",
    "did not find expected comment or line break": "值后面还有多余的内容（常见原因：引号内容后多写了字符）",
    "did not find expected <document start>": "文件结构不完整（常见原因：缩进错误或多余的字符）",
    "block sequence entries are not allowed": "此处不能开始“- ”列表项（常见原因：缩进错误）",
    "did not find expected alphabetic or numeric character": "锚点“&”或别名“*”后缺少名称（如确为文字，请加引号）",
    "found undefined tag handle": "使用了未定义的标签（“!”开头）",
    "found incompatible YAML document": "不支持的 YAML 版本声明",
    "found duplicate YAML directive": "重复的 %YAML 声明",
    "did not find expected hexdecimal number": "双引号字符串中的转义序列不完整",
    "found invalid Unicode character escape code": "双引号字符串中有无效的 Unicode 转义",
    "did not find URI escaped octet": "标签中的转义无效",
    "could not find expected": "找不到应有的符号（常见原因：引号、括号未闭合或缩进错误）",
    "did not find expected": "找不到应有的符号（常见原因：引号、括号未闭合或缩进错误）",
    "found character": "出现了此处不允许的字符",
    "found unexpected": "出现了此处不允许的内容",
}


def _syntax_problem(text: str, error: yaml.MarkedYAMLError) -> YamlProblem:
    english = error.problem or error.context or "invalid YAML"
    if "another document" in str(error):
        english = "but found another document"
    mark = error.problem_mark or error.context_mark
    line, column = clamp(text, mark.line + 1, mark.column + 1) if mark else (1, 1)
    slip = find_slip(text, line, at_end="end of stream" in english) if mark else None
    if slip is not None:
        return YamlProblem(
            Text(f"YAML 语法错误：{slip.message.zh}", f"YAML syntax error: {slip.message.en}"),
            slip.line,
            slip.column,
            slip.hint,
        )
    chinese = next((zh for en, zh in _LIBYAML_ZH.items() if en in english), None)
    message = Text(
        f"YAML 语法错误：{chinese}" if chinese else f"YAML 语法错误：无法解析此处的内容（{english}）",
        f"YAML syntax error: {'only one document per file is allowed' if 'another document' in english else english}",
    )
    return YamlProblem(message, line, column)


def _reader_problem(text: str, error: yaml.YAMLError) -> YamlProblem:
    """A character YAML does not allow (control characters, U+FFFE/U+FFFF), located."""
    position = getattr(error, "position", None)
    character = getattr(error, "character", None)
    if not isinstance(position, int) or position < 0:
        return YamlProblem(Text(f"YAML 读取错误：{error}", f"YAML read error: {error}"), 1, 1)
    line, column = position_of_byte(text, position)
    code = (
        f"U+{ord(character):04X}"
        if isinstance(character, str)
        else f"U+{character:04X}"
        if isinstance(character, int)
        else "?"
    )
    return YamlProblem(
        Text(
            f"文件含有 YAML 不允许的不可见字符 {code}",
            f"the file contains the character {code}, which YAML does not allow",
        ),
        line,
        column,
        Text(
            "删除该字符（常见于从其他系统或网页复制的文字）；编辑器中可搜索 " + code,
            "Delete the character (it often comes with text copied from other systems); search for " + code,
        ),
    )


def _node_budget(text: str) -> int:
    # Every node costs at least two characters of source unless an alias repeats it,
    # so this budget only trips on alias expansion.
    return len(text) // 2 + 1000


def load_yaml(text: str, *, positions: bool = False) -> tuple[Any, SourceMap | None] | YamlProblem:
    """Parse one YAML document; with ``positions``, also map every node to its line."""
    if not positions:
        data = read_plain(text, MAX_DEPTH, _node_budget(text))
        if data is not None:
            return data, None
    return _load_full(text, positions)


def _load_full(text: str, positions: bool) -> tuple[Any, SourceMap | None] | YamlProblem:
    """The full reader: libyaml's composer and :class:`_Builder`, every refusal located."""
    parser = _Parser(text)
    try:
        root = parser.get_single_node()
    except yaml.MarkedYAMLError as error:
        return _syntax_problem(text, error)
    except yaml.YAMLError as error:  # reader errors (control characters) carry a byte offset, not a mark
        return _reader_problem(text, error)
    finally:
        parser.dispose()
    if root is None:
        return YamlProblem(Text("文件为空", "file is empty"), 1, 1)
    source_map = SourceMap() if positions else None
    builder = _Builder(budget=_node_budget(text), source_map=source_map)
    try:
        data = builder.build(root, () if positions else None, None, 0)
    except _Refused as refused:
        mark = refused.node.start_mark
        line, column = clamp(text, mark.line + 1, mark.column + 1 + refused.offset)
        return YamlProblem(refused.message, line, column, refused.hint)
    return data, source_map
