"""Is a file already canonical? Decided from libyaml's events, without ruamel (issue 12).

``fmt --check`` used to round-trip every file through ruamel (40-80 ms per 10 KB resource). Most
files of a kept catalog are canonical already, and for those a much cheaper proof exists: the
events of libyaml's C parser, written back in the house style (:func:`govdata.io.roundtrip.round_trip_yaml`:
2-space mappings, sequences indented 4 with the dash at 2, quotes and flow style kept, the schema
modeline first), give back exactly the bytes of the file, and every key is already where the
model's order puts it.

The check is one-sided on purpose. It answers True only for a plain subset whose ruamel output is
known to be the same text: block mappings and sequences, flow sequences of scalars, one-line
plain, single- or double-quoted scalars that ruamel writes as they are. Anything else (comments
beyond the modeline, blank lines, block scalars, anchors, tags, ``null``, ``True``, floats, keys
out of order, very long lines) answers False, and the file goes through ruamel as before; so a
verdict can only be slower, never different (``tests/test_canonical_check.py`` compares both
paths on every fixture and the reference instance).
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml._yaml import CParser  # the libyaml binding, as in govdata.io.fastyaml

from govdata.io.edit import KeyOrder, declared_order

_MAX_LINE = 4000  # the house width is 4096: ruamel folds nothing shorter
# A plain scalar ruamel writes back as it is: no indicator first, no ": " or " #" inside.
_SAFE_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`~][^\n]*")
_UNSAFE_INSIDE = re.compile(r": |:$| #|\s$|[\[\]{},]")
_DECIMAL = re.compile(r"-?(0|[1-9][0-9]*)")
_NOT_STRING = re.compile(  # YAML 1.2 core forms other than a decimal int and true/false: left to ruamel
    r"(null|Null|NULL|~|True|TRUE|False|FALSE|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?"
    r"|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|0o[0-7]+|0x[0-9a-fA-F]+|\+[0-9]+)"
)


_HEADER_COMMENTS = re.compile(r"(?:# [^\n]*[^\s\n]\n)+")
_MODELINE = re.compile(r"#\s*yaml-language-server:\s*\$schema=")


class _Undecided(Exception):
    """The file is outside the subset this module can vouch for."""


def _events(text: str) -> list[Any]:
    parser = CParser(text)
    try:
        events = []
        while (event := parser.get_event()) is not None:
            events.append(event)
        return events
    finally:
        parser.dispose()


class _Writer:
    def __init__(self, events: list[Any]) -> None:
        self._events = events
        self._at = 0
        self.lines: list[str] = []

    def next(self) -> Any:
        event = self._events[self._at]
        self._at += 1
        return event

    def document(self, order: KeyOrder) -> None:
        start = self.next()
        if not isinstance(start, yaml.StreamStartEvent):
            raise _Undecided
        document = self.next()
        if not isinstance(document, yaml.DocumentStartEvent) or document.explicit or document.tags:
            raise _Undecided
        root = self.next()
        if not isinstance(root, yaml.MappingStartEvent) or root.flow_style:
            raise _Undecided  # a root list or flow mapping: left to ruamel
        self._check_node(root)
        self.mapping(0, order, first_prefix=None)
        end = self.next()
        if not isinstance(end, yaml.DocumentEndEvent) or end.explicit:
            raise _Undecided
        if not isinstance(self.next(), yaml.StreamEndEvent):
            raise _Undecided  # a second document

    @staticmethod
    def _check_node(event: Any) -> None:
        if getattr(event, "anchor", None) is not None or getattr(event, "tag", None) is not None:
            raise _Undecided
        if isinstance(event, yaml.AliasEvent):
            raise _Undecided

    def scalar_text(self, event: Any, key: bool = False) -> str:
        if not isinstance(event, yaml.ScalarEvent):
            raise _Undecided
        self._check_node(event)
        value: str = event.value
        if "\n" in value or "\r" in value or not value.isprintable():
            raise _Undecided
        if not event.style:  # libyaml's binding gives '' for plain
            if value == "":
                if key:
                    raise _Undecided
                return ""
            if _DECIMAL.fullmatch(value) or value in ("true", "false"):
                return value
            if _NOT_STRING.fullmatch(value) or not _SAFE_PLAIN.fullmatch(value) or _UNSAFE_INSIDE.search(value):
                raise _Undecided
            return value
        if key or value == "":
            raise _Undecided
        if event.style == '"' and '"' not in value and "\\" not in value:
            return f'"{value}"'
        if event.style == "'" and "'" not in value:
            return f"'{value}'"
        raise _Undecided

    def flow_sequence(self) -> str:
        parts = []
        while not isinstance(event := self.next(), yaml.SequenceEndEvent):
            parts.append(self.scalar_text(event))
            if parts[-1] == "":
                raise _Undecided
        return "[" + ", ".join(parts) + "]"

    def inline(self, event: Any) -> str | None:
        """The text of a value written on its key's line; None for a block collection."""
        if isinstance(event, yaml.ScalarEvent):
            return self.scalar_text(event)
        self._check_node(event)
        if isinstance(event, yaml.SequenceStartEvent) and event.flow_style:
            return self.flow_sequence()
        if isinstance(event, yaml.MappingStartEvent) and event.flow_style:
            if not isinstance(self.next(), yaml.MappingEndEvent):
                raise _Undecided  # only {} is written back as it is
            return "{}"
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            return None
        raise _Undecided

    def mapping(self, indent: int, order: KeyOrder | None, first_prefix: str | None) -> None:
        """A block mapping whose MappingStart was read; keys at ``indent``. ``first_prefix`` is
        the ``- `` line start of a sequence entry whose first key shares the dash's line."""
        keys: list[str] = []
        prefix = first_prefix
        while not isinstance(event := self.next(), yaml.MappingEndEvent):
            key = self.scalar_text(event, key=True)
            keys.append(key)
            start = prefix if prefix is not None else " " * indent
            prefix = None
            value = self.next()
            child = None
            if order is not None:
                child = order.values if order.values is not None else order.children.get(key)
            shown = self.inline(value)
            if shown is not None:
                self.lines.append(f"{start}{key}: {shown}" if shown else f"{start}{key}:")
                continue
            self.lines.append(f"{start}{key}:")
            if isinstance(value, yaml.MappingStartEvent):
                self.mapping(indent + 2, child, None)
            else:
                self.sequence(indent + 2, child)
        if not keys:
            raise _Undecided
        if order is not None and order.keys and declared_order(keys, order) != keys:
            raise _Undecided

    def sequence(self, dash: int, order: KeyOrder | None) -> None:
        """A block sequence whose SequenceStart was read; dashes at column ``dash``."""
        count = 0
        while not isinstance(event := self.next(), yaml.SequenceEndEvent):
            count += 1
            start = " " * dash + "- "
            if isinstance(event, yaml.MappingStartEvent) and not event.flow_style:
                self._check_node(event)
                self.mapping(dash + 2, order, start)
                continue
            shown = self.inline(event)
            if shown is None or shown == "":
                raise _Undecided  # a list in a list, or an empty entry
            self.lines.append(start + shown)
        if count == 0:
            raise _Undecided


def is_canonical(data: bytes, modeline: str, order: KeyOrder) -> bool:
    """True only when ``data`` is surely what ``fmt`` would write for it; False means "ask ruamel"."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    head = modeline + "\n"
    if not text.startswith(head) or "\r" in text or "\t" in text or text.startswith("\ufeff"):
        return False
    body = text[len(head) :]
    # Whole-line comments right under the modeline (a sample-data notice) are kept as they are.
    comments = _HEADER_COMMENTS.match(body)
    if comments and _MODELINE.search(comments.group(0)):
        return False  # a second modeline: fmt drops it
    body = body[comments.end() :] if comments else body
    if not body or body.startswith(("#", " ", "\n")):
        return False
    try:
        writer = _Writer(_events(body))
        writer.document(order)
    except (_Undecided, yaml.YAMLError, IndexError):
        return False
    lines = writer.lines
    if any(len(line) > _MAX_LINE for line in lines):
        return False
    return "\n".join(lines) + "\n" == body
