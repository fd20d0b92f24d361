"""Turn a jsonschema_rs error into a bilingual sentence that names the property by its title.

Departments read these messages, not JSON paths: "“共享类型”（sharing.type）的值“有条件”不在
可选范围内，可选：无条件共享、有条件共享、不予共享" says what to change and to what.
"""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING, Any

from govdata.i18n import Text
from govdata.model.base import DATE_PATTERN, USCC_PATTERN
from govdata.model.registry import BASIS_ID_PATTERN, CATALOG_CODE_PATTERN, MAINTAINER_PATTERN, SLUG_PATTERN
from govdata.model.resource import EXTENSION_KEY_PATTERN, RESOURCE_CODE_PATTERN

if TYPE_CHECKING:
    from govdata.schema.validate import SchemaIssue

_TYPE_ZH = {
    "string": "文本",
    "integer": "整数",
    "number": "数字",
    "boolean": "布尔值（true 或 false）",
    "array": "列表",
    "object": "映射（键: 值）",
    "null": "空值",
}
_TYPE_EN = {"object": "mapping", "array": "list", "string": "text"}


# Patterns told in words: a department clerk should not have to read a regular expression.
_PATTERN_WORDS = {
    USCC_PATTERN: Text(
        "18位统一社会信用代码（数字和大写字母，不含 I、O、Z、S、V）",
        "an 18-character unified social credit code (digits and capitals except I, O, Z, S, V)",
    ),
    RESOURCE_CODE_PATTERN: Text(
        '可作文件名的信息资源代码（不含空格及 \\ : * ? " < > |），具体语法见 govdata.yaml 的 resource_code',
        'a resource code usable as a file name (no spaces or \\ : * ? " < > |); its grammar is resource_code in govdata.yaml',
    ),
    DATE_PATTERN: Text("YYYY-MM-DD 格式的日期", "a date written YYYY-MM-DD"),
    CATALOG_CODE_PATTERN: Text(
        "1 至 20 位字母或数字的部门目录编码，位数由本区域编码规则决定",
        "a department catalog code of 1-20 letters or digits",
    ),
    SLUG_PATTERN: Text(
        "小写字母开头，仅含小写字母、数字和连字符", "lower-case letters, digits and hyphens, starting with a letter"
    ),
    BASIS_ID_PATTERN: Text("小写字母、数字和连字符", "lower-case letters, digits and hyphens"),
    MAINTAINER_PATTERN: Text("以 @ 开头的账号或团队，如 @jiyuan-gongan/catalog", "an @account or @org/team"),
}


def _resolve(root: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """Follow ``$ref`` and unwrap ``anyOf: [X, null]`` so titles and properties are reachable."""
    for _ in range(8):
        if "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[-1]
            node = {**root["$defs"][name], **{k: v for k, v in node.items() if k != "$ref"}}
        elif "anyOf" in node:
            options = [o for o in node["anyOf"] if o.get("type") != "null"]
            if len(options) != 1:
                return node
            node = {**options[0], **{k: v for k, v in node.items() if k != "anyOf"}}
        else:
            return node
    return node


def schema_at(root: dict[str, Any], pointer: tuple[str | int, ...]) -> dict[str, Any]:
    """The sub-schema that governs the value at ``pointer`` of a document."""
    node = _resolve(root, root)
    for part in pointer:
        if isinstance(part, int):
            node = _resolve(root, node.get("items", {}))
        else:
            node = _resolve(root, node.get("properties", {}).get(part, {}))
    return node


def dotted(pointer: tuple[str | int, ...]) -> str:
    text = ""
    for part in pointer:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(文件根)"


def label(root: dict[str, Any], pointer: tuple[str | int, ...]) -> Text:
    """“信息资源名称”（name）: the GB title first, the key path second."""
    title = schema_at(root, pointer).get("title") if pointer else None
    where = dotted(pointer)
    if not title and pointer and isinstance(pointer[-1], int):  # a list entry: its list's title, and which one
        parent = schema_at(root, pointer[:-1]).get("title")
        if parent:
            number = pointer[-1] + 1
            return Text(f"“{parent}”第 {number} 项（{where}）", f"{where} (entry {number} of {parent})")
    if title and pointer:
        return Text(f"“{title}”（{where}）", f"{where} ({title})")
    return Text(f"“{where}”", where)


def _shown(value: Any) -> str:
    text = "空值" if value is None else str(value)
    return text if len(text) <= 40 else text[:37] + "…"


def _type_names(types: Any) -> Text:
    listed = types if isinstance(types, list) else [types]
    names = [str(n) for n in listed if str(n) != "null"] or ["null"]
    return Text("或".join(_TYPE_ZH.get(n, n) for n in names), " or ".join(_TYPE_EN.get(n, n) for n in names))


def _value_at(document: Any, pointer: tuple[str | int, ...]) -> Any:
    for part in pointer:
        try:
            document = document[part]
        except (KeyError, IndexError, TypeError):
            return None
    return document


def _homes_of(root: dict[str, Any], pointer: tuple[str | int, ...], key: str) -> list[str]:
    """The properties of the mapping at ``pointer`` whose own mapping has ``key``."""
    properties = schema_at(root, pointer).get("properties", {})
    return [name for name in properties if key in schema_at(root, (*pointer, name)).get("properties", {})]


def _shape(root: dict[str, Any], pointer: tuple[str | int, ...]) -> Text:
    """What a mapping or list should look like, e.g. ``aggregation: {mode: …}``."""
    node = schema_at(root, pointer)
    key = str(pointer[-1]) if pointer and isinstance(pointer[-1], str) else "…"
    if node.get("type") == "object" and node.get("properties"):
        keys = node.get("required") or list(node["properties"])[:1]
        body = ", ".join(f"{k}: …" for k in keys)
        others = [k for k in node["properties"] if k not in keys]
        more_zh = f"；还可写：{'、'.join(others)}" if others else ""
        more_en = f"; optional: {', '.join(others)}" if others else ""
        return Text(f"，形如 {key}: {{{body}}}{more_zh}", f", shaped like {key}: {{{body}}}{more_en}")
    if node.get("type") == "array":
        return Text(f"，形如 {key}: [甲, 乙]", f", shaped like {key}: [a, b]")
    return Text("", "")


def _date_form(value: Any) -> Text:
    """The right form of a date written another way (2023/6/1 → 2023-06-01), when it is clear."""
    import datetime as dt
    import re

    loose = re.fullmatch(r"\s*([0-9]{4})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})\s*日?\s*", str(value))
    if loose:
        try:
            right = dt.date(*(int(part) for part in loose.groups())).isoformat()
        except ValueError:
            right = ""
        if right:
            return Text(f"，应写作 {right}", f"; write it as {right}")
    return Text("，如 2024-03-01", ", e.g. 2024-03-01")


def describe_errors(root: dict[str, Any], error: Any, document: Any) -> list[SchemaIssue]:
    """Every issue of one jsonschema_rs ``ValidationError``: one per unknown key of a mapping
    (the validator names them all in one error; each is reported, none left for a next run),
    else :func:`describe_error`'s one."""
    kind = error.kind
    if type(kind).__name__ == "AnyOf":
        # Nullable objects: the first alternative's problems are the real ones.
        for alternative in kind.context:
            real = [e for e in alternative if "null" not in str(e.message)]
            if real:
                return describe_errors(root, real[0], document)
    if type(kind).__name__ == "AdditionalProperties":
        pointer = tuple(error.instance_path)
        return [_unknown_key(root, pointer, key) for key in kind.unexpected]
    return [describe_error(root, error, document)]


def _unknown_key(root: dict[str, Any], pointer: tuple[Any, ...], key: str) -> SchemaIssue:
    """A key the mapping at ``pointer`` does not allow: misplaced, misspelt, or unknown."""
    from govdata.schema.validate import SchemaIssue

    allowed = sorted(schema_at(root, pointer).get("properties", {}))
    name = label(root, pointer)
    guess = difflib.get_close_matches(key, allowed, n=1)
    if EXTENSION_KEY_PATTERN in schema_at(root, pointer).get("patternProperties", {}):
        hint = Text(
            "扩展元数据的键写作“命名空间:名称”：小写字母开头的命名空间、冒号、不含空白的名称，如 import:数据领域",
            "extension keys are written namespace:name (a lower-case namespace, a colon, a name "
            "without white space), e.g. import:数据领域",
        )
    elif guess:
        hint = Text(f"是否应为“{guess[0]}”？", f"did you mean {guess[0]!r}?")
    else:
        hint = Text("可用的键：" + "、".join(allowed), "allowed keys: " + ", ".join(allowed))
    where = Text(f"（位于{name.zh}）", f" (in {name.en})") if pointer else Text("", "")
    homes = _homes_of(root, pointer, key)
    if homes:  # a key of a nested mapping written one level too high
        places_zh = "或".join(f"{label(root, (*pointer, home)).zh}下" for home in homes)
        places_en = " or ".join(f"under {'.'.join(map(str, (*pointer, home)))}" for home in homes)
        return SchemaIssue(
            (*pointer, key),
            Text(
                f"键“{key}”放错了层级：它属于{places_zh}",
                f"key {key!r} is at the wrong level: it belongs {places_en}",
            )
            + where,
            Text(
                f"把它移到 {homes[0]}: 下面，并缩进两格",
                f"move it under {homes[0]}: and indent it by two spaces",
            ),
            at_key=True,
        )
    return SchemaIssue(
        (*pointer, key),
        Text(f"不允许的键“{key}”", f"unknown key {key!r}") + where,
        hint,
        at_key=True,
    )


def describe_error(root: dict[str, Any], error: Any, document: Any) -> SchemaIssue:
    """A :class:`SchemaIssue` for one jsonschema_rs ``ValidationError`` naming one problem
    (``describe_errors`` unwraps the others first)."""
    from govdata.schema.validate import SchemaIssue

    pointer = tuple(error.instance_path)
    kind = error.kind
    kind_name = type(kind).__name__
    name = label(root, pointer)
    value = _value_at(document, pointer)

    if kind_name == "Required":
        child = (*pointer, kind.property)
        child_name = label(root, child)
        return SchemaIssue(
            pointer,
            Text(f"缺少必填项{child_name.zh}", f"missing required property {child_name.en}"),
            at_key=True,
        )
    if kind_name == "Enum":
        options = [o for o in kind.options if o is not None]
        return SchemaIssue(
            pointer,
            Text(
                f"{name.zh}的值“{_shown(value)}”不在可选范围内，可选：{'、'.join(map(str, options))}",
                f"{name.en}: {_shown(value)!r} is not one of: {', '.join(map(str, options))}",
            ),
        )
    if kind_name == "Type":
        expected = _type_names(kind.types)
        return SchemaIssue(
            pointer,
            Text(
                f"{name.zh}应为{expected.zh}，实为“{_shown(value)}”",
                f"{name.en} must be {expected.en}, found {_shown(value)!r}",
            )
            + _shape(root, pointer),
            found=value,
        )
    if kind_name == "Pattern" and kind.pattern == DATE_PATTERN:
        return SchemaIssue(
            pointer,
            Text(
                f"{name.zh}“{_shown(value)}”不是 YYYY-MM-DD 格式的日期",
                f"{name.en}: {_shown(value)!r} is not a YYYY-MM-DD date",
            )
            + _date_form(value),
        )
    if kind_name == "Pattern":
        expected = _PATTERN_WORDS.get(kind.pattern, Text(kind.pattern, kind.pattern))
        return SchemaIssue(
            pointer,
            Text(
                f"{name.zh}的值“{_shown(value)}”格式不正确，应为{expected.zh}",
                f"{name.en}: {_shown(value)!r} is malformed; expected {expected.en}",
            ),
        )
    if kind_name == "MinLength" and kind.limit == 1:
        return SchemaIssue(pointer, Text(f"{name.zh}不能为空", f"{name.en} must not be empty"))
    if kind_name == "MinItems":
        return SchemaIssue(
            pointer,
            Text(f"{name.zh}至少需要 {kind.limit} 项", f"{name.en} needs at least {kind.limit} entries"),
        )
    if kind_name in ("Minimum", "ExclusiveMinimum"):
        return SchemaIssue(
            pointer,
            Text(
                f"{name.zh}不能小于 {kind.limit}，实为 {value}",
                f"{name.en} must be at least {kind.limit}, found {value}",
            ),
        )
    if kind_name == "Format" and kind.format == "date":
        return SchemaIssue(
            pointer,
            Text(f"{name.zh}“{_shown(value)}”不是有效日期", f"{name.en}: {_shown(value)!r} is not a valid date"),
            Text("日期格式为 YYYY-MM-DD，如 2024-03-01", "Write dates as YYYY-MM-DD, e.g. 2024-03-01"),
            shadowed_by_pattern=True,
        )
    return SchemaIssue(pointer, Text(f"{name.zh}不符合要求：{error.message}", f"{name.en}: {error.message}"))
