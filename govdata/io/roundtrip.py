"""The write path: ruamel.yaml round trip (comments and key order kept), atomic replacement.

This is the only place ruamel is configured. It is slow (about 18 files/s on 10 KB files), so
it serves only the files a command rewrites; validation reads through :mod:`fastyaml`.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from govdata.errors import WriteError
from govdata.i18n import Text


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


def atomic_write(path: Path, text: str | bytes) -> None:
    """Write ``text`` (or raw bytes) to ``path`` through a temporary file and a rename: never half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(text.encode("utf-8") if isinstance(text, str) else text)
            stream.flush()
            os.fsync(stream.fileno())
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o777)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise WriteError(
            Text(f"无法写入 {path}：{error.strerror}", f"cannot write {path}: {error.strerror}")
        ) from error
