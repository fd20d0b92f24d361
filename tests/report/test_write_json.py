"""write_json writes what the standard library's indented, non-ASCII JSON would, faster."""

from __future__ import annotations

import io
import json
from enum import StrEnum
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from govdata.report.base import write_json

# Values JSON reports hold: texts (any character a catalog may carry, control characters and
# U+2028 included), 64-bit integers, booleans and nulls, in lists and mappings.
_SCALARS = (
    st.text()
    | st.integers(min_value=-(2**63), max_value=2**64 - 1)
    | st.booleans()
    | st.none()
    | st.sampled_from(["", "政务数据", "a\u2028b", "\x00\x1f\x7f", '"\\/'])
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=30,
)


def _written(value: Any) -> str:
    stream = io.StringIO()
    write_json(value, stream)
    return stream.getvalue()


def _standard(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


@given(_VALUES)
def test_the_text_is_the_standard_librarys(value: Any) -> None:
    assert _written(value) == _standard(value)


class _Kind(StrEnum):
    ADDED = "resource-added"


def test_tuples_text_enums_and_integer_keys_read_as_the_standard_library_writes_them() -> None:
    value = {"kind": _Kind.ADDED, "pointer": ("items", 0), 7: [], "empty": {}}
    assert _written(value) == _standard(value)


def test_an_integer_beyond_64_bits_is_written_all_the_same() -> None:
    value = {"records": 2**70, "name": "户籍人口"}
    assert _written(value) == _standard(value)
    assert json.loads(_written(value))["records"] == 2**70
