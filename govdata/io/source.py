"""Turning file bytes into text: size bound, BOM, UTF-8 only, and a useful word about GBK."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from govdata.i18n import Text

MAX_FILE_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class DecodeProblem:
    """Why the bytes of a file are not acceptable text, with a 1-based position when known."""

    message: Text
    line: int | None = None
    column: int | None = None
    hint: Text | None = None


_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)

_CONVERT_HINT = Text(
    "请将文件另存为 UTF-8 编码：在 WPS/记事本中选择“另存为”→编码“UTF-8”，"
    "或在命令行执行 iconv -f GBK -t UTF-8 原文件 > 新文件",
    "Save the file as UTF-8: in the editor choose Save As with encoding UTF-8, or run iconv -f GBK -t UTF-8 OLD > NEW",
)


def _position_of_byte(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line = before.count(b"\n") + 1
    line_start = before.rfind(b"\n") + 1
    column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
    return line, column


def _looks_like_gbk(data: bytes) -> bool:
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return True


def decode(data: bytes, max_bytes: int = MAX_FILE_BYTES) -> str | DecodeProblem:
    """The text of a YAML file, or the reason it cannot be read."""
    if len(data) > max_bytes:
        return DecodeProblem(
            Text(
                f"文件过大：{len(data)} 字节，超过上限 {max_bytes} 字节",
                f"file too large: {len(data)} bytes, the limit is {max_bytes}",
            ),
            hint=Text("请将一个信息资源拆分为一个文件", "Keep one resource per file"),
        )
    if data.startswith(_UTF16_BOMS):
        return DecodeProblem(
            Text("文件为 UTF-16/UTF-32 编码，仅支持 UTF-8", "file is UTF-16/UTF-32; only UTF-8 is read"),
            line=1,
            column=1,
            hint=_CONVERT_HINT,
        )
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position_of_byte(data, error.start)
        if _looks_like_gbk(data):
            message = Text(
                "文件不是 UTF-8 编码，看起来是 GBK/GB18030（Windows 中文编辑器的默认编码）",
                "file is not UTF-8; it looks like GBK/GB18030 (the default of Chinese Windows editors)",
            )
        else:
            message = Text(
                f"文件不是有效的 UTF-8 编码（第 {error.start + 1} 字节）",
                f"file is not valid UTF-8 (byte {error.start + 1})",
            )
        return DecodeProblem(message, line=line, column=column, hint=_CONVERT_HINT)
    if "\x00" in text:
        line, column = _position_of_byte(data, data.index(b"\x00"))
        return DecodeProblem(
            Text("文件含有空字符（NUL），不是文本文件", "file contains a NUL character; not a text file"),
            line=line,
            column=column,
        )
    return text
