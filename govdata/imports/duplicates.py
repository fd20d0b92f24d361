"""Exact duplicates (every value the same) are dropped; near duplicates (same name and provider) flagged."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from govdata.imports.values import as_text


def _fold(text: str) -> str:
    return re.sub(r"[\s\W_]+", "", unicodedata.normalize("NFKC", text)).casefold()


def exact_key(values: dict[str, Any]) -> bytes:
    """A digest of every non-empty label and value: 16 bytes a record rather than the record."""
    pairs = sorted((label, as_text(value).strip()) for label, value in values.items() if as_text(value).strip())
    if not pairs:
        return b""
    return hashlib.blake2b(json.dumps(pairs, ensure_ascii=False).encode(), digest_size=16).digest()


@dataclass
class DuplicateFinder:
    _exact: dict[bytes, str] = field(default_factory=dict)
    _near: dict[tuple[str, str], list[str]] = field(default_factory=dict)

    def exact(self, values: dict[str, Any], where: str) -> str | None:
        """Where an identical record was seen first, or None (and remember this one)."""
        key = exact_key(values)
        if not key:
            return None
        first = self._exact.setdefault(key, where)
        return None if first == where else first

    def near(self, name: str, provider: str, where: str) -> list[str]:
        """The records seen before with the same name (ignoring spacing and punctuation) and provider."""
        seen = self._near.setdefault((_fold(name), provider), [])
        before = list(seen)
        seen.append(where)
        return before
