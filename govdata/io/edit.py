"""Lossless edits of round-trip YAML trees: put keys in a declared order, insert new keys where
they belong, write dates in the house style. Comments and untouched formatting stay.

ruamel stores a comment on its own line as the tail of whatever came before it: the end-of-line
comment slot of the previous scalar, however deeply nested. Moving a key therefore moves the
comments that introduce the *next* key. :func:`reorder` undoes that: it splits every tail into
the end-of-line comment (which stays with its line) and the lines after it (which belong to the
key that followed), and re-attaches the latter as "before" comments of that key.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, FoldedScalarString, LiteralScalarString
from ruamel.yaml.tokens import CommentToken

from govdata.io.roundtrip import load_round_trip

_EOL, _BEFORE, _BLOCK_HEADER = 2, 1, 3  # slots of ``ca.items[key]`` in a mapping
_SEQ_EOL = 0  # slot of ``ca.items[index]`` in a sequence


@dataclass(frozen=True)
class KeyOrder:
    """The declared key order of a mapping, and of the mappings nested in it.

    ``children[key]`` orders the value under ``key`` (a mapping, or each mapping of a list);
    ``values`` orders every value of a mapping whose keys are free (``dict[str, Model]``).
    """

    keys: tuple[str, ...] = ()
    children: Mapping[str, KeyOrder] = field(default_factory=dict)
    values: KeyOrder | None = None

    def rank(self, key: object) -> int:
        """Position of ``key``; undeclared keys rank after the declared ones."""
        return self.keys.index(key) if key in self.keys else len(self.keys)


def load_for_edit(text: str) -> Any:
    """The round-trip tree of ``text``, with Windows line ends made ``\n`` first.

    ruamel keeps a ``\r`` inside comments it reads from CRLF text; YAML itself treats every
    line break as ``\n``, so normalising first changes no value.
    """
    return load_round_trip(text.replace("\r\n", "\n").replace("\r", "\n"))


def quoted(value: dt.date | str) -> DoubleQuotedScalarString:
    """A date or code written the house way: ``"2026-01-01"``, ``"101002/000001"``."""
    return cast(
        DoubleQuotedScalarString, DoubleQuotedScalarString(value.isoformat() if isinstance(value, dt.date) else value)
    )


def _flow(node: Any) -> bool:
    return bool(node.fa.flow_style()) if isinstance(node, CommentedMap | CommentedSeq) else False


def _tail(container: CommentedMap | CommentedSeq, key: Any) -> tuple[CommentedMap | CommentedSeq, Any, int]:
    """Where the comment after the last line of ``container[key]`` is stored."""
    value = container[key]
    if isinstance(value, CommentedMap) and len(value) and not _flow(value):
        return _tail(value, next(reversed(value)))
    if isinstance(value, CommentedSeq) and len(value) and not _flow(value):
        return _tail(value, len(value) - 1)
    return container, key, _EOL if isinstance(container, CommentedMap) else _SEQ_EOL


def _token_text(place: tuple[CommentedMap | CommentedSeq, Any, int]) -> str:
    """The text after the value at ``place``: at least the line end, "\n"."""
    container, key, slot = place
    entry = container.ca.items.get(key)
    token = entry[slot] if entry else None
    return token.value if isinstance(token, CommentToken) else "\n"


def _set_token_text(place: tuple[CommentedMap | CommentedSeq, Any, int], text: str) -> None:
    container, key, slot = place
    entry = container.ca.items.get(key)
    if text == "\n":  # only the line end: no token needed
        if entry:
            entry[slot] = None
        return
    token = entry[slot] if entry else None
    if isinstance(token, CommentToken):
        token.value = text
        return
    entry = container.ca.items.setdefault(key, [None, None, None, None])
    entry[slot] = CommentToken(text, CommentMark(0), None)


def _split(text: str) -> tuple[str, str]:
    """The text after a value into (the rest of its own line, the lines after it)."""
    head, newline, rest = text.partition("\n")
    return head + newline, rest


def _detach_rest(mapping: CommentedMap, key: Any) -> str:
    """Cut the comment lines that follow the block of ``key`` off it, and return them."""
    place = _tail(mapping, key)
    own_line, rest = _split(_token_text(place))
    _set_token_text(place, own_line)
    return rest


def _add_before(mapping: CommentedMap, key: Any, text: str) -> None:
    if not text:
        return
    entry = mapping.ca.items.setdefault(key, [None, None, None, None])
    existing = entry[_BEFORE] or []
    entry[_BEFORE] = [CommentToken(text, CommentMark(0), None), *existing]


def declared_order(keys: list[Any], order: KeyOrder) -> list[Any]:
    """``keys`` in ``order``; an undeclared key (often a typo) stays right after the declared key it followed."""
    ranks: dict[Any, tuple[int, int, int]] = {}
    previous = -1
    for index, key in enumerate(keys):
        if key in order.keys:
            previous = order.rank(key)
            ranks[key] = (previous, 0, index)
        else:
            ranks[key] = (previous, 1, index)
    return sorted(keys, key=ranks.__getitem__)


def _reorder_mapping(mapping: CommentedMap, order: KeyOrder) -> None:
    keys = list(mapping)
    wanted = declared_order(keys, order)
    if wanted == keys:
        return
    rests = [_detach_rest(mapping, key) for key in keys]
    leading = {keys[i]: rests[i - 1] for i in range(1, len(keys))}
    # Blank lines that separated a block from the one before it mean nothing at the top.
    leading[wanted[0]] = leading.get(wanted[0], "").lstrip("\n")
    for key in wanted:
        mapping.move_to_end(key)
        _add_before(mapping, key, leading.get(key, ""))
    last = _tail(mapping, wanted[-1])
    _set_token_text(last, _token_text(last) + rests[-1])


def reorder(node: Any, order: KeyOrder) -> None:
    """Put the keys of ``node`` (and of its nested mappings) in ``order``, in place."""
    if isinstance(node, CommentedSeq):
        for element in node:
            reorder(element, order)
        return
    if not isinstance(node, CommentedMap):
        return
    for key, value in node.items():
        child = order.values if order.values is not None else order.children.get(key)
        if child is not None:
            reorder(value, child)
    if order.keys:
        _reorder_mapping(node, order)


def commented(value: Any) -> Any:
    """Plain dicts and lists as round-trip nodes, so that comments can attach to them."""
    if isinstance(value, dict) and not isinstance(value, CommentedMap):
        return CommentedMap((k, commented(v)) for k, v in value.items())
    if isinstance(value, list) and not isinstance(value, CommentedSeq):
        return CommentedSeq(commented(v) for v in value)
    return value


def append(sequence: CommentedSeq, value: Any) -> None:
    """Append to a block sequence; comment lines after its last entry stay after the new one."""
    if not len(sequence):
        sequence.append(commented(value))
        return
    place = _tail(sequence, len(sequence) - 1)
    own_line, rest = _split(_token_text(place))
    _set_token_text(place, own_line)
    sequence.append(commented(value))
    last = _tail(sequence, len(sequence) - 1)
    _set_token_text(last, _token_text(last) + rest)


def _unblock(mapping: CommentedMap, key: str, value: Any) -> None:
    """Before a block scalar (``key: >-  # note`` and its indented lines) is replaced by a
    one-line value: keep the comment of its header line as the new line's comment, and keep the
    comment lines that followed it on lines of their own.

    ruamel stores the header comment in a slot only block scalars print, and the comment lines
    after a block scalar without the line break that a one-line value needs before them.
    """
    block = (LiteralScalarString, FoldedScalarString)
    if not isinstance(mapping[key], block) or isinstance(value, block):
        return
    entry = mapping.ca.items.get(key)
    if not entry:
        return
    header = entry[_BLOCK_HEADER] if len(entry) > _BLOCK_HEADER else None
    if len(entry) > _BLOCK_HEADER:
        entry[_BLOCK_HEADER] = None
    note = " ".join(str(part).strip() for part in header or () if str(part).strip())
    after = _token_text((mapping, key, _EOL)) if entry[_EOL] is not None else ""
    if after == "\n":
        after = ""
    _set_token_text((mapping, key, _EOL), (f" {note}\n" if note else "\n") + after)


def set_key(mapping: CommentedMap, key: str, value: Any, order: KeyOrder) -> None:
    """Set ``mapping[key]``; a new key goes where ``order`` declares it, not at the end."""
    value = commented(value)
    if key in mapping:
        _unblock(mapping, key, value)
        mapping[key] = value
        return
    rank = order.rank(key)
    keys = list(mapping)
    position = next((i for i, existing in enumerate(keys) if order.rank(existing) > rank), len(keys))
    # The comment lines after the previous block introduce the block that followed it (or
    # what follows the whole mapping): keep them there, not above the new key.
    rest = _detach_rest(mapping, keys[position - 1]) if position else ""
    mapping.insert(position, key, value)
    if position < len(keys):
        _add_before(mapping, keys[position], rest)
    elif rest:
        last = _tail(mapping, key)
        _set_token_text(last, _token_text(last) + rest)


def _remove_key(mapping: CommentedMap, key: Any) -> None:
    """Delete ``mapping[key]``; the comment lines after its block stay, before the next key."""
    keys = list(mapping)
    position = keys.index(key)
    rest = _detach_rest(mapping, key)
    del mapping[key]
    if position < len(keys) - 1:
        _add_before(mapping, keys[position + 1], rest)
    elif position and rest:
        last = _tail(mapping, keys[position - 1])
        _set_token_text(last, _token_text(last) + rest)


def _identity(value: Any) -> Any:
    """What identifies an element of a list of mappings: the value of its first key."""
    if isinstance(value, Mapping) and value:
        first = next(iter(value))
        return (first, value[first])
    return None


def _update_sequence(sequence: CommentedSeq, new: list[Any], order: KeyOrder) -> None:
    old_ids = [_identity(element) for element in sequence]
    new_ids = [_identity(element) for element in new]
    if None in new_ids or len(set(new_ids)) != len(new_ids) or None in old_ids or len(set(old_ids)) != len(old_ids):
        sequence[:] = [commented(element) for element in new]  # a list of values: taken as a whole
        sequence.ca.items.clear()
        return
    if old_ids == new_ids:
        for element, value in zip(sequence, new, strict=True):
            update(element, value, order)
        return
    # Entries added, removed or moved: keep each kept entry's node (and its comments). The
    # comment lines after a removed entry introduce the one that followed: hand them back.
    staying = set(new_ids)
    for index in range(len(sequence) - 1, 0, -1):
        if old_ids[index] not in staying:
            place = _tail(sequence, index)
            own_line, rest = _split(_token_text(place))
            _set_token_text(place, own_line)
            previous = _tail(sequence, index - 1)
            _set_token_text(previous, _token_text(previous) + rest)
    by_id = dict(zip(old_ids, list(sequence), strict=True))
    old_comments = {old_ids[index]: entry for index, entry in sequence.ca.items.items()}
    elements = []
    for identity, value in zip(new_ids, new, strict=True):
        if identity in by_id:
            update(by_id[identity], value, order)
            elements.append(by_id[identity])
        else:
            elements.append(commented(value))
    sequence[:] = elements
    sequence.ca.items.clear()
    for index, identity in enumerate(new_ids):
        if identity in old_comments:
            sequence.ca.items[index] = old_comments[identity]


def update(node: Any, new: Any, order: KeyOrder) -> Any:
    """Make the round-trip ``node`` hold ``new`` (plain data), changing only what differs, so
    that the comments and formatting of everything else stay. Returns the node to keep (a new
    one where ``node`` could not be updated in place, e.g. a scalar)."""
    if isinstance(node, CommentedMap) and isinstance(new, Mapping):
        for key in [key for key in node if key not in new]:
            _remove_key(node, key)
        for key, value in new.items():
            child = order.values if order.values is not None else order.children.get(key, KeyOrder())
            if key in node and _differs(node[key], value):
                kept = update(node[key], value, child)
                if kept is not node[key]:
                    set_key(node, key, kept, order)
            elif key not in node:
                set_key(node, key, value, order)
        return node
    if isinstance(node, CommentedSeq) and isinstance(new, list) and not _flow(node):
        _update_sequence(node, new, order)
        return node
    return commented(new)


def _differs(node: Any, value: Any) -> bool:
    return bool(node != value)


__all__ = ["KeyOrder", "append", "commented", "load_for_edit", "quoted", "reorder", "set_key", "update"]
