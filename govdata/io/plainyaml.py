"""The clean path of the read: files that hold nothing but plain data, parsed in Rust (issue 12).

Most files of a kept catalog are block mappings of text, integers and booleans. For those,
``ryaml`` (serde_yaml over unsafe-libyaml, a line-by-line Rust translation of the libyaml 0.2.5
that PyYAML's C parser is built from) reads the file several times faster than libyaml's
composer and our node walk in :mod:`govdata.io.fastyaml`. Its scanner and parser are libyaml's,
so it accepts, refuses and reads the characters of every scalar exactly as PyYAML's does. What
differs is what comes after: serde_yaml resolves plain scalars by its own rules (``0755`` and
``1_000`` stay text, ``0b1`` is a number), expands aliases, applies tags, and knows none of our
refusals. It also loses whether a scalar was quoted.

So this module answers only when it can prove the answer is the one
:func:`govdata.io.fastyaml.load_yaml` gives; otherwise it declines and the caller reads the
file the full way (same data, same refusal, same message). The proof has two parts:

1. a screen of the text: no ``!`` (tags), no ``&`` (anchors, hence no aliases: an alias
   without an anchor is an error in both readers), and no integer forms on which serde_yaml
   and ruamel disagree (``0b…``, a sign before ``0x``/``0o``/``0b``);
2. an audit of the result: keys are text that our reader would read alike whether quoted or
   not; a text value either reads as the same text were it plain, or has a form serde_yaml
   never leaves as text when plain (``"419001"``, ``"true"``: so it was quoted), so the lost
   quoting does not matter; integers, booleans and nulls come only from forms both readers
   share; floats, a document that is not a mapping or list, a full-width comma in a list
   element when one could stand in a ``[…]`` list (a slip the full reader refuses), too much
   nesting and too many nodes all decline.

libyaml changed once since 0.2.5 in a way that matters here (``[ ? ]``, an explicit key closed
at once); both versions then read an empty key, which is null, so the audit declines it.

Duplicate keys need no proof of ours: serde_yaml refuses equal keys in one mapping, and keys
our reader takes for equal text are equal text for serde_yaml too, or at least one of them
is not text and the audit declines. ``tests/io/test_plainyaml.py`` holds the agreement evidence.
"""

from __future__ import annotations

import re
from typing import Any

import ryaml

from govdata.io.scalars import SPECIAL_FIRST, core_disagreement, resolve_plain
from govdata.io.slips import FULL_WIDTH_COMMA, FULL_WIDTH_SPACE

# Integer forms serde_yaml reads as numbers while ruamel reads them otherwise or our reader
# refuses them: binary, and hex or octal after a sign. Found by their "0x" part, which is rare
# in a catalog, then looked at closely.
_RADIX = re.compile(r"0[bBxXoO]")

# Texts serde_yaml never reads as text when plain (null and boolean words, decimal integers
# without a leading zero, plain decimal fractions; the lengths keep Rust's u128/f64 within
# range): such a text in its result was not plain (quoted, or a block scalar), and our reader
# keeps those as they are. tests/io/test_plainyaml.py holds serde_yaml to this.
_NEVER_PLAIN_TEXT = re.compile(
    r"|~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?(?:0|[1-9][0-9]{0,150})(?:\.[0-9]{1,150})?"
)

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
    """Is a text value in serde_yaml's result surely the text our reader gives there?"""
    return _reads_as_itself(value) or _NEVER_PLAIN_TEXT.fullmatch(value) is not None


def _comma_may_be_in_flow(text: str) -> bool:
    """Could a full-width comma stand in a ``[…]`` list? Only if one follows the first ``[``:
    a flow element lies after its bracket and a plain scalar's characters are in the text."""
    first = text.find("[")
    return first >= 0 and text.find(FULL_WIDTH_COMMA, first) >= 0


_SAFE_KEYS: set[str] = set()


def _safe_key(key: object) -> bool:
    """A key our reader takes as this text whether it was quoted or not; remembered when so."""
    if type(key) is not str or not _reads_as_itself(key) or key[0] == FULL_WIDTH_SPACE:
        return False
    if len(_SAFE_KEYS) >= _READINGS_KEPT:
        _SAFE_KEYS.clear()
    _SAFE_KEYS.add(key)
    return True


def _plain_tree(root: Any, text: str, max_depth: int, budget: int) -> bool:
    """True when every value of ``root`` reads the same through our reader (see the module doc)."""
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
            for key in container:
                if key not in _SAFE_KEYS and not _safe_key(key):
                    return False
            values = container.values()
        else:
            values = container
        for value in values:
            kind = type(value)
            if kind is str:
                if (not value or value[0] in SPECIAL_FIRST) and not _same_text(value):
                    return False
                if values is container and FULL_WIDTH_COMMA in value and _comma_may_be_in_flow(text):
                    return False  # a plain ``[甲，乙]`` element is refused (a comma slip)
            elif kind is dict or kind is list:
                stack.append((value, depth + 1))
            elif kind is not int and kind is not bool and value is not None:
                return False  # floats and anything else: left to the full reader
    return True


def _screened_out(text: str) -> bool:
    """Does the text hold something the audit of the result could not see (module doc, 1)?"""
    if "!" in text or "&" in text:
        return True  # a tag, or an anchor (and with it any alias)
    for found in _RADIX.finditer(text):
        start = found.start()
        if found.group()[1] in "bB" or (start and text[start - 1] in "+-"):
            return True
    return False


def read_plain(text: str, max_depth: int, budget: int) -> Any | None:
    """The document in ``text`` when it is surely what the full reader gives; None to decline.

    A document that is not a mapping or a list is declined (the full reader tells an empty file
    from ``~``). ``max_depth`` and ``budget`` (of nodes) are the full reader's bounds.
    """
    if _screened_out(text):
        return None
    try:
        data = ryaml.loads(text)
    except Exception:  # any refusal: the full reader gives its own message and position
        return None
    except BaseException as error:  # a Rust panic arrives as pyo3's PanicException (BaseException)
        if isinstance(error, KeyboardInterrupt | SystemExit | GeneratorExit):
            raise
        return None
    if type(data) is not dict and type(data) is not list:
        return None
    if not _plain_tree(data, text, max_depth, budget):
        return None
    return data
