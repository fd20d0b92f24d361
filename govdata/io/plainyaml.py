"""The clean path of the read: files that hold nothing but plain data, parsed by rapidyaml (issue 12).

Most files of a kept catalog are block mappings of text, integers and booleans. For those,
rapidyaml (``ryml``, a C++ parser that passes the YAML test suite) builds its tree and writes it
out as JSON, and orjson reads that back: together about 3× faster than a Rust port of libyaml
(``ryaml``, the clean path before) and 9× faster than libyaml's composer and our node walk in
:mod:`govdata.io.fastyaml`; 5× with this module's checks (``benchmarks/bench_reader.py``).
rapidyaml keeps what JSON needs of the source: a quoted scalar is written as a JSON string, a
plain one bare only when it is ``true``, ``false``, ``null``, empty, or a number without a
leading zero (``0.5`` excepted), else as a string too. It knows none of our refusals, reads
``inf`` and ``nan`` as ``".inf"`` and ``".nan"``, and loses whether a string was quoted.

So this module answers only when it can show the answer is the one
:func:`govdata.io.fastyaml.load_yaml` gives; otherwise it declines and the caller reads the file
the full way (same data, same refusal, same message). The showing has three parts:

1. a screen of the text: no ``!`` (tags), ``&`` or ``*`` (anchors and aliases: rapidyaml reads
   an alias without its anchor as text, libyaml refuses it), no tab (rapidyaml reads ``a:<tab>b``
   as one scalar), no backslash (escapes), no flow mapping, no quoted key, no ``:`` before a
   flow indicator, no ``?`` in a flow list, no indentation indicator, no directive, nothing YAML
   does not print (each pattern below says why), and one document, not a stream;
2. duplicate keys: rapidyaml keeps both, JSON keeps the last, so its tree having more nodes
   than the data declines (our reader refuses them);
3. an audit of the result: keys are text our reader would read alike whether quoted or not, and
   short enough for libyaml's implicit keys; a text value either reads as the same text were it
   plain, or has a form rapidyaml never writes as a string when plain (``"419001"``,
   ``"true"``: so it was quoted), so the lost quoting does not matter; integers, booleans and
   nulls come only from forms both readers read alike; floats, a document that is not a mapping
   or list, a full-width comma in a list element when one could stand in a ``[…]`` list (a slip
   the full reader refuses), too much nesting and too many nodes all decline.

rapidyaml is not libyaml, so beyond the screen the agreement is shown by evidence, not by
construction: ``tests/io/test_plainyaml.py`` holds the clean path to the full reader on edge
scalars in every place and style, hostile documents, fuzz mutants, every YAML file of the
repository, a generated instance with mistakes, and hypothesis.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from typing import Any

import orjson
import ryml

from govdata.io.scalars import SPECIAL_FIRST, core_disagreement, resolve_plain
from govdata.io.slips import FULL_WIDTH_COMMA, FULL_WIDTH_SPACE

# Part 1 of the module doc, each a search of its own (one pattern of alternatives tried them all
# at every character: 0.9 ms a file), and each starting with a literal where it can, which re
# finds far faster than a class. Characters: tags (``!``), anchors and aliases (``&``, ``*``),
# tabs, escapes (``\\``), flow mappings (``{``: rapidyaml keeps a line break libyaml folds away,
# ``{a\n\n}``), and anything YAML does not print or only libyaml takes for a line break (NEL,
# U+2028/9, a lone CR, a BOM within).
_REFUSED_LITERALS = "!&*\\{}\t"
_REFUSED_CHARACTER = re.compile(
    "[^\n \"#-%'-)+-\\[\\]-z|~\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
# A quoted key: rapidyaml takes a quoted scalar over lines for one, libyaml refuses it.
_QUOTED_KEYS = {quote: re.compile(quote + r" *:(?:[ \n]|$)") for quote in "'\""}
# ``:`` before a flow indicator, which libyaml (YAML 1.1) refuses and rapidyaml reads: ``[a:]``.
_COLON_BEFORE_FLOW = re.compile(r":[,?\[\]}]")
# ``?x`` in a flow sequence, which libyaml takes for a key and rapidyaml for text.
_FLOW_KEY = re.compile(r"[\[,]\s*\?")
# A block scalar's indentation indicator (``|2``), where the two read blank lines differently.
_INDENTATION_INDICATOR = re.compile(r"[|>][-+]?[0-9][-+]?[ ]*(?:#[^\n]*)?$", re.MULTILINE)


def _refused_character(text: str) -> bool:
    """Does the text hold a character of ``_REFUSED_CHARACTER``? Besides the literals, each is
    one Python does not print, and ``isprintable`` answers for a whole clean file in a third of
    the search's time (tests/io/test_plainyaml.py holds the two to agree on every code point)."""
    for literal in _REFUSED_LITERALS:
        if literal in text:
            return True
    if text.replace("\n", " ").isprintable():
        return False
    return _REFUSED_CHARACTER.search(text) is not None


def _screened_out(text: str) -> bool:
    """Does the text hold something rapidyaml reads otherwise than libyaml, or something the
    audit of the result could not see (module doc, 1)?"""
    return (
        _refused_character(text)
        or any(quote in text and found.search(text) is not None for quote, found in _QUOTED_KEYS.items())
        or _COLON_BEFORE_FLOW.search(text) is not None
        or text.startswith("%")
        or "\n%" in text  # a directive
        or ("?" in text and _FLOW_KEY.search(text) is not None)
        or (("|" in text or ">" in text) and _INDENTATION_INDICATOR.search(text) is not None)
    )


# Texts rapidyaml never writes as a JSON string when plain (null and boolean words, empty, and
# decimal numbers without a leading zero; the lengths keep orjson's integers within range): such a
# text in its result was quoted, and our reader keeps those as they are. tests/io/test_plainyaml.py
# holds rapidyaml to this.
_NEVER_PLAIN_TEXT = re.compile(r"|null|true|false|-?(?:0|[1-9][0-9]{0,17})(?:\.[0-9]{1,150})?")

# YAML's indicators: a plain scalar may not start with one, but rapidyaml reads some as text
# where libyaml refuses them (``}:``, ``[甲, :x]``), so a text starting with one declines.
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_FIRST_CHECKED = SPECIAL_FIRST | _INDICATORS
_KEY_FIRST_REFUSED = _INDICATORS | {FULL_WIDTH_SPACE}

# libyaml refuses an implicit key longer than 1024 characters; rapidyaml does not.
_LONGEST_KEY = 1000

_TEXT_READINGS: dict[str, bool] = {}
_READINGS_KEPT = 65536


def _reads_as_itself(text: str) -> bool:
    """Would our reader give ``text`` back unchanged, and without a refusal, were it plain?"""
    try:
        return _TEXT_READINGS[text]
    except KeyError:
        pass
    if text == "":
        same = False
    elif text[0] not in SPECIAL_FIRST:
        same = True
    else:
        try:
            value = resolve_plain(text)
        except ValueError:  # a merge key, or a number too long to read: the full reader says so
            same = False
        else:
            same = value is text and core_disagreement(text, value) is None
    if len(_TEXT_READINGS) >= _READINGS_KEPT:
        _TEXT_READINGS.clear()
    _TEXT_READINGS[text] = same
    return same


def _same_text(value: str) -> bool:
    """Is a text value in rapidyaml's result surely the text our reader gives there?"""
    if value and value[0] in _INDICATORS:
        return False
    return _reads_as_itself(value) or _NEVER_PLAIN_TEXT.fullmatch(value) is not None


def _comma_may_be_in_flow(text: str) -> bool:
    """Could a full-width comma stand in a ``[…]`` list? Only if one follows the first ``[``:
    a flow element lies after its bracket and a plain scalar's characters are in the text."""
    first = text.find("[")
    return first >= 0 and text.find(FULL_WIDTH_COMMA, first) >= 0


_SAFE_KEYS: set[str] = set()


def _safe_key(key: str) -> bool:
    """A key our reader takes as this text whether it was quoted or not; remembered when so."""
    if not _reads_as_itself(key) or key[0] in _KEY_FIRST_REFUSED or len(key) > _LONGEST_KEY:
        return False
    if len(_SAFE_KEYS) >= _READINGS_KEPT:
        _SAFE_KEYS.clear()
    _SAFE_KEYS.add(key)
    return True


def _plain_tree(root: Any, text: str, max_depth: int, budget: int, size: int) -> bool:
    """True when every value of ``root`` reads the same through our reader (see the module doc)
    and it holds all ``size`` nodes of rapidyaml's tree (none lost to a repeated key)."""
    stack: list[tuple[Any, int]] = [(root, 0)]
    nodes = 1
    while stack:
        container, depth = stack.pop()
        if depth >= max_depth:
            return False
        nodes += len(container)
        if nodes > budget:
            return False
        if type(container) is dict:
            if not _SAFE_KEYS.issuperset(container):  # most keys are known: one pass in C
                for key in container:
                    if key not in _SAFE_KEYS and not _safe_key(key):
                        return False
            values = container.values()
        else:
            values = container
        for value in values:
            kind = type(value)
            if kind is str:
                if (not value or value[0] in _FIRST_CHECKED) and not _same_text(value):
                    return False
                if values is container and FULL_WIDTH_COMMA in value and _comma_may_be_in_flow(text):
                    return False  # a plain ``[甲，乙]`` element is refused (a comma slip)
            elif kind is dict or kind is list:
                stack.append((value, depth + 1))
            elif kind is not int and kind is not bool and value is not None:
                return False  # floats and anything else: left to the full reader
    return nodes == size


_devnull: int | None = None


@contextlib.contextmanager
def _stderr_silenced() -> Iterator[None]:
    """rapidyaml's default error handler writes its message to the process's stderr before it
    raises, and the Python binding cannot replace the handler: the full reader gives the
    clerk our message instead, so rapidyaml's is sent to the null device. The descriptor is
    the process's: a progress bar's frame drawn by another thread in that moment is lost, and
    the next frame draws the same line again."""
    global _devnull
    if _devnull is None:
        _devnull = os.open(os.devnull, os.O_WRONLY)
    saved = os.dup(2)
    os.dup2(_devnull, 2)
    try:
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def rapidyaml_reading(text: str) -> tuple[Any, int] | None:
    """rapidyaml's reading of one document as JSON data, and its tree's node count; None when
    it refuses the text or reads a stream or a lone scalar."""
    data = text.encode("utf-8")
    with _stderr_silenced():
        try:
            tree = ryml.parse_in_arena(data)
            root = tree.root_id()
            if tree.is_stream(root) or not (tree.is_map(root) or tree.is_seq(root)):
                return None
            written = _json(tree, root, 2 * len(data) + 64)
        except Exception:  # any refusal: the full reader gives its own message and position
            return None
    try:
        return orjson.loads(written), tree.size()
    except orjson.JSONDecodeError:  # a bare number JSON has no form for (``+1``, ``-05``, past 64 bits)
        return None


def _json(tree: Any, root: int, guess: int) -> memoryview:
    """The tree written as JSON into a buffer of ours: ``emit_json_malloc`` never frees its own
    (12 KB lost per file, measured)."""
    buffer = bytearray(guess)
    failed, size = ryml.emit_json_to_substr(tree, root, buffer)
    if failed:  # too small: now the size is known
        buffer = bytearray(size)
        failed, size = ryml.emit_json_to_substr(tree, root, buffer)
    return memoryview(buffer)[:size]


def read_plain(text: str, max_depth: int, budget: int) -> Any | None:
    """The document in ``text`` when it is surely what the full reader gives; None to decline.

    A document that is not a mapping or a list is declined (the full reader tells an empty file
    from ``~``). ``max_depth`` and ``budget`` (of nodes) are the full reader's bounds.
    """
    if "\r" in text:  # YAML reads CRLF as a line break (as LF), rapidyaml a lone CR otherwise than libyaml
        text = text.replace("\r\n", "\n")
    if _screened_out(text):
        return None
    parsed = rapidyaml_reading(text)
    if parsed is None:
        return None
    data, size = parsed
    if not _plain_tree(data, text, max_depth, budget, size):
        return None
    return data
