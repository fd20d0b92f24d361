"""Where each value of a YAML document stands, read from libyaml's events (issue 12).

A finding is placed by its JSON pointer, so a file with findings is read once more for the
line and column of every value. The full reader (:func:`govdata.io.fastyaml.load_yaml` with
``positions``) builds the whole document as well, through libyaml's node tree, our builder and
scalar resolution; that costs 1.6× as much as walking the parser's events and noting where each
mapping key and value, and each list element, starts. The marks are the same: libyaml's
composer copies each node's start mark from its event.

The walk agrees with the full reader on every document that reader accepts (tested on every
YAML file of the repository, a generated instance and the fuzz mutants), with two exceptions
it hands to the full reader instead: anchors and aliases (an alias stands for the anchored
node, and the full reader places the values under it where the anchor's are) and keys that are
not plain text. A document the parser refuses has no map, as before.
"""

from __future__ import annotations

from collections.abc import Collection

import yaml
from yaml._yaml import CParser  # the libyaml binding; PyYAML wheels always ship it

from govdata.diagnostics import Pointer
from govdata.io.fastyaml import SourceMap, YamlProblem, load_yaml

_NODE_EVENTS = (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)
_END_EVENTS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
_LAST_EVENTS = (yaml.DocumentEndEvent, yaml.StreamEndEvent)  # an empty stream has no document


class _Declined(Exception):
    """A document this walk does not place (module docstring): the full reader does."""


def positions_of(text: str) -> SourceMap | None:
    """The position of every value of the document in ``text``; None when it is not YAML."""
    return positions_until(text, ())[0]


def positions_until(text: str, wanted: Collection[Pointer]) -> tuple[SourceMap | None, bool]:
    """:func:`positions_of`, the walk stopped once every pointer of ``wanted`` is placed; and
    whether the map is whole (False: stopped early, it holds those pointers and what precedes).

    For a document the readers accept, a placed pointer keeps its place whatever follows: its
    keys are text and unique (duplicates are refused), so no later node has its pointer. What
    follows is still unread, a refusal included: stop early only in a document that loaded.
    """
    if "&" not in text:  # no anchor, hence no alias (one without an anchor is refused)
        try:
            found, whole = _walk(text, {tuple(p) for p in wanted})
        except _Declined:
            pass
        except yaml.YAMLError:
            return None, True
        else:
            return (found if len(found) else None), whole  # an empty file: no document to place
    loaded = load_yaml(text, positions=True)
    return (None if isinstance(loaded, YamlProblem) else loaded[1]), True


class _Frame:
    """An open mapping or list: its pointer, and where its next child goes."""

    __slots__ = ("index", "key", "key_event", "mapping", "pointer")

    def __init__(self, pointer: Pointer, mapping: bool) -> None:
        self.pointer = pointer
        self.mapping = mapping
        self.index = 0  # the next list element's index
        self.key: str | None = None  # a mapping's key whose value comes next, if any
        self.key_event: yaml.Event | None = None


def _walk(text: str, wanted: set[Pointer]) -> tuple[SourceMap, bool]:
    found = SourceMap()
    left = len(wanted)  # wanted pointers not yet placed; none wanted: the whole document
    parser = CParser(text)
    frames: list[_Frame] = []
    try:
        while True:
            event = parser.get_event()
            kind = type(event)
            if kind in _END_EVENTS:
                frames.pop()
                continue
            if kind is yaml.AliasEvent:
                raise _Declined
            if kind not in _NODE_EVENTS:
                if kind in _LAST_EVENTS:
                    break  # a second document is the full reader's to refuse
                continue
            frame = frames[-1] if frames else None
            if frame is not None and frame.mapping and frame.key is None:
                if kind is not yaml.ScalarEvent or event.value == "" and not event.style:
                    raise _Declined  # a key that is a list, a mapping or null
                frame.key, frame.key_event = event.value, event
                continue
            if frame is None:
                pointer: Pointer = ()
                key_event = None
            elif frame.mapping:
                pointer, key_event = (*frame.pointer, str(frame.key)), frame.key_event
                frame.key = None
            else:
                pointer, key_event = (*frame.pointer, frame.index), None
                frame.index += 1
            found.record(pointer, event, key_event)
            if left and pointer in wanted:
                left -= 1
                if not left:
                    return found, False
            if kind is not yaml.ScalarEvent:
                frames.append(_Frame(pointer, kind is yaml.MappingStartEvent))
    finally:
        parser.dispose()
    return found, True
