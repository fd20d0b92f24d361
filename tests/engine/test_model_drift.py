"""The schema and the model refuse the same values; where they do not, a bilingual message.

JSON Schema counts ``5.0`` as an integer and ``0000-01-01`` has the form of a date; the model
refuses both. Such a file is reported (GD002) on the value's line, in Chinese with English
beside it, with a hint that says the two disagree, never with pydantic's English alone.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml
from pydantic import ValidationError

from govdata.instance import open_instance
from govdata.model.kinds import kind_of
from govdata.model.resource import Resource
from govdata.schema.validate import validate_document
from govdata.validation.engine import validate
from tests.conftest import BASE_INSTANCE, build_instance

RESOURCE = "catalogs/gongan/101002-000001.yaml"
TEXT = (BASE_INSTANCE / RESOURCE).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("edit", "line_of", "zh", "en"),
    [
        (
            lambda text: text + "data_volume:\n  records: 5.0\n",
            "  records: 5.0",
            "应为整数（不带小数点），现为 5.0",
            "must be a whole number (no decimal point), not 5.0",
        ),
        (
            lambda text: text.replace('release_date: "2023-05-01"', 'release_date: "0000-01-01"'),
            'release_date: "0000-01-01"',
            "“0000-01-01”不是有效的日期",
            "'0000-01-01' is not a valid date",
        ),
    ],
)
def test_the_value_is_named_in_both_languages_on_its_line(
    tmp_path: Path, edit: object, line_of: str, zh: str, en: str
) -> None:
    text = edit(TEXT)  # type: ignore[operator]
    root = build_instance(tmp_path / "instance", {RESOURCE: text})
    line = text.splitlines().index(line_of) + 1
    for use_cache in (False, True, True):  # without the cache, checked and cached, from the cache
        result = validate(open_instance(root), today=dt.date(2026, 11, 25), use_cache=use_cache)
        [found] = [d for d in result.diagnostics if d.location.path == RESOURCE]
        assert (found.rule_id, found.location.line) == ("GD002", line)
        assert (found.message.zh, found.message.en) == (zh, en)
        assert found.hint is not None and "govdata" in found.hint.zh and "schema" in found.hint.en


@pytest.mark.parametrize("space", ["\u0085", "\ufeff", "\u3000", "\t"])
@pytest.mark.parametrize(
    ("field", "value"),
    [
        (("contact", "email"), "zhang{}san@example.cn"),
        (("detail_url",), "https://data.example.cn/{}r/1"),
        (("extensions",), "portal:{}key"),
        (("code",), "101002/{}000001"),
    ],
)
def test_schema_and_model_see_the_same_white_space(field: tuple[str, ...], value: str, space: str) -> None:
    """ECMA's ``\\s`` (the schema) holds U+FEFF and not U+0085, Rust's (pydantic) the reverse:
    every pattern names both, so the schema refuses exactly what the model refuses."""
    data = yaml.safe_load(TEXT)
    text = value.format(space)
    if field == ("extensions",):
        data["extensions"] = {text: "x"}
    elif field == ("contact", "email"):
        data["contact"] = {"email": text}
    else:
        data[field[0]] = text
    assert validate_document(kind_of(RESOURCE), data), "the schema lets it through"  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        Resource.model_validate({**data, "release_date": data["release_date"]})
    data_clean = yaml.safe_load(TEXT)
    assert not validate_document(kind_of(RESOURCE), data_clean)  # type: ignore[arg-type]
