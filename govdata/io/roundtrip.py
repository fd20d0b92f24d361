"""The write path: ruamel.yaml round trip (comments and key order kept); atomic replacement is
:mod:`govdata.io.atomic` (re-exported here for the callers that import it from this module).

This is the only place ruamel is configured. It is slow (about 18 files/s on 10 KB files), so
it serves only the files a command rewrites; validation reads through :mod:`fastyaml`.
"""

from __future__ import annotations

import io
from typing import Any

from ruamel.yaml import YAML

from govdata.io.atomic import atomic_write


def round_trip_yaml() -> YAML:
    """A fresh round-trip YAML 1.2 instance with the house style (2-space indent, wide lines)."""
    handler = YAML(typ="rt")
    handler.indent(mapping=2, sequence=4, offset=2)
    handler.width = 4096  # never fold long Chinese summaries across lines
    handler.preserve_quotes = True
    handler.allow_duplicate_keys = False
    return handler


def load_round_trip(text: str) -> Any:
    return round_trip_yaml().load(text)


def dump_round_trip(data: Any) -> str:
    buffer = io.StringIO()
    round_trip_yaml().dump(data, buffer)
    return buffer.getvalue()


__all__ = ["atomic_write", "dump_round_trip", "load_round_trip", "round_trip_yaml"]
