"""The reporter interface: a validation result in, text on a stream out."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Protocol, TextIO

import orjson

from govdata.i18n import Lang

if TYPE_CHECKING:
    from govdata.validation.engine import RunResult


class Reporter(Protocol):
    def report(self, result: RunResult, lang: Lang, stream: TextIO) -> None:
        """Write ``result`` to ``stream`` in this reporter's format and ``lang``."""


_INDENTED = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE | orjson.OPT_NON_STR_KEYS


def write_json(value: Any, stream: TextIO) -> None:
    """``value`` as indented JSON (non-ASCII kept) and a final newline, in one write.

    orjson writes the text ``json.dumps(value, ensure_ascii=False, indent=2)`` gives, 20× as
    fast: with ``indent`` the standard library falls back to its pure-Python encoder (0.52 s
    of the 12 MB of a long ``log``, all of it after the history is read; docs/performance.md).
    Floats may differ in form only (``1e16`` for ``1e+16``). What orjson refuses (an integer
    beyond 64 bits) goes the standard library's way.
    """
    try:
        text = orjson.dumps(value, option=_INDENTED).decode()
    except orjson.JSONEncodeError:
        text = json.dumps(value, ensure_ascii=False, indent=2) + "\n"
    stream.write(text)
