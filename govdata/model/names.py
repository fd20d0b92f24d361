"""Item names as compared across resources: the same data however a department spelled it."""

from __future__ import annotations

import re
import sys
import unicodedata

_NON_WORD = re.compile(r"[\W_]+")
_normalised: dict[str, str] = {}


def normalise(name: str) -> str:
    """An item name for comparison: full-width to half-width, only letters and digits, lower case.

    Remembered per name (a catalog repeats a few thousand names millions of times) and interned,
    so equal keys are one object wherever they were computed.
    """
    known = _normalised.get(name)
    if known is None:
        text = unicodedata.normalize("NFKC", name)
        known = sys.intern((text if text.isalnum() else _NON_WORD.sub("", text)).lower())
        _normalised[name] = known
    return known
