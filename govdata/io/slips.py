"""Typing slips a clerk makes in YAML, found where libyaml only reports their consequence.

Chinese input methods type full-width punctuation: ``：`` after a key, ``，`` between the
elements of a ``[…]`` list, ``　`` (U+3000) as indentation. libyaml takes each for ordinary
text, so the error it reports (if any) is "could not find expected ':'" a line later. A quote
left open is reported where the next quote happens to be. When a syntax error is found, this
module looks at the lines up to it for such a slip and, when one explains the error, reports
the slip instead, at its own line and column, naming the character to type.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from govdata.i18n import Text

FULL_WIDTH_SPACE = "\u3000"
FULL_WIDTH_COLON = "："
FULL_WIDTH_COMMA = "，"

# ``key：`` at the start of a (possibly list-item) line, with no ASCII ``:`` before it.
_KEY_WITH_FULL_COLON = re.compile(r"^([ ]*(?:-[ ]+)*)([^\s#\"'\[{\-:][^:#：\"']*?)：")
# A value opening a quote: ``key: "…`` or ``- "…``.
_OPENS_QUOTE = re.compile(r"^[ ]*(?:-[ ]+)*(?:[^\s#\"'][^#\"']*?:[ ]+)?([\"'])")


@dataclass(frozen=True, slots=True)
class Slip:
    """A typing slip at a 1-based line and column."""

    line: int
    column: int
    message: Text
    hint: Text


def _indent_slip(number: int, line: str) -> Slip | None:
    body = line.lstrip(" ")
    if not body.startswith(FULL_WIDTH_SPACE):
        return None
    return Slip(
        number,
        len(line) - len(body) + 1,
        Text("缩进中使用了全角空格“　”", "a full-width space (U+3000) is used as indentation"),
        Text(
            "缩进只能用半角空格“ ”：删除全角空格后重新缩进",
            "Indent with ASCII spaces only; replace the full-width space",
        ),
    )


def _colon_slip(number: int, line: str) -> Slip | None:
    match = _KEY_WITH_FULL_COLON.match(line)
    if match is None:
        return None
    key = match.group(2).strip()
    return Slip(
        number,
        match.end(),
        Text(f"键“{key}”后使用了全角冒号“：”", f"a full-width colon '：' follows the key {key!r}"),
        Text("键后应为半角冒号加空格“: ”", "Type an ASCII colon and a space ': ' after the key"),
    )


def _closing(text: str, quote: str) -> int:
    """Index of the quote that closes a scalar opened just before ``text``, or -1."""
    index = 0
    while index < len(text):
        char = text[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if char == quote:
            if quote == "'" and text[index + 1 : index + 2] == "'":  # '' is an escaped quote
                index += 2
                continue
            return index
        index += 1
    return -1


def _quote_slip(number: int, line: str) -> Slip | None:
    match = _OPENS_QUOTE.match(line)
    if match is None or _closing(line[match.end() :], match.group(1)) >= 0:
        return None
    quote = match.group(1)
    name = "双引号" if quote == '"' else "单引号"
    return Slip(
        number,
        match.start(1) + 1,
        Text(f"{name}“{quote}”未闭合", f"the {'double' if quote == chr(34) else 'single'} quote is not closed"),
        Text(f"在值的末尾补上 {quote}", f"Close the value with {quote}"),
    )


def find_slip(text: str, error_line: int, at_end: bool) -> Slip | None:
    """The slip that explains a syntax error reported at ``error_line`` (1-based), if any.

    A full-width colon or indentation explains an error on its own line or the next; an
    open quote, an error on one of the next two lines or at the end of the file.
    """
    lines = text.split("\n")
    last = min(error_line, len(lines))
    for number in range(last, max(0, last - 2), -1):
        line = lines[number - 1]
        slip = _indent_slip(number, line) or _colon_slip(number, line)
        if slip is not None:
            return slip
    first = 1 if at_end else max(1, last - 2)
    for number in range(last, first - 1, -1):
        slip = _quote_slip(number, lines[number - 1])
        if slip is not None:
            return slip
    return None


def comma_slip(value: str) -> tuple[int, Text, Text] | None:
    """A full-width comma inside a plain element of a ``[…]`` list: its offset, message and hint."""
    offset = value.find(FULL_WIDTH_COMMA)
    if offset < 0:
        return None
    return (
        offset,
        Text(
            f"方括号列表中使用了全角逗号“，”，“{value}”会被当作一个值",
            f"a full-width comma '，' in a [...] list makes {value!r} one value",
        ),
        Text(
            "列表元素之间用半角逗号“, ”分隔；若确为一个值，请给它加引号",
            "Separate list elements with an ASCII comma ', '; quote the value if it really is one",
        ),
    )


def clamp(text: str, line: int, column: int) -> tuple[int, int]:
    """A position moved back inside the file: libyaml reports the end of input one line past
    the last line when the file ends with a line break."""
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    if not lines:
        return 1, 1
    if line > len(lines):
        return len(lines), len(lines[-1]) + 1
    return line, min(column, len(lines[line - 1]) + 1)


def position_of_byte(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of UTF-8 byte ``offset`` in ``text`` (libyaml reads UTF-8)."""
    before = text.encode("utf-8")[:offset].decode("utf-8", errors="ignore")
    line = before.count("\n") + 1
    return line, len(before) - (before.rfind("\n") + 1) + 1


__all__ = ["Slip", "clamp", "comma_slip", "find_slip", "position_of_byte"]
