"""A label no field takes is kept under ``extensions`` with a key the schema and model accept.

A portal's header with white space inside ("浏 览量") or a BOM before a CSV's first header made
a key the model refused, and the whole record was skipped: its white space is now dropped at the
ends and written ``_`` inside, and the loss report still shows the label as written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from govdata.imports.labels import BUILTIN_ALIASES
from govdata.model.kinds import RESOURCE
from govdata.schema.validate import validate_document
from tests.imports.test_convert import SAMPLE, run


def test_a_label_with_white_space_is_kept_under_a_valid_key(
    import_instance: Path, listing: Callable[..., Path]
) -> None:
    labels = {field: labels[0] for field, labels in BUILTIN_ALIASES.items()}
    record = {labels[field]: value for field, value in SAMPLE.items()}
    record |= {"浏 览\u3000量": "35", "\ufeff下载量 ": "7"}
    result = run(import_instance, [listing([record])], import_instance.parent / "defaults.yaml")
    (outcome,) = result.outcomes
    assert outcome.skipped is None
    resource = outcome.resource
    assert resource is not None
    assert {"import:浏_览_量": "35", "import:下载量": "7"}.items() <= resource["extensions"].items()
    assert not validate_document(RESOURCE, resource)
    kept = {(e.label, e.field) for e in outcome.events if e.field and e.field.startswith("extensions.")}
    assert {("浏 览\u3000量", "extensions.import:浏_览_量"), ("\ufeff下载量 ", "extensions.import:下载量")} <= kept
