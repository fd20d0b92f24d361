"""Worker processes change nothing but speed: same findings, same catalog, same order."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

import govdata.validation.batch
from govdata.instance import open_instance
from govdata.validation.engine import validate
from tests.conftest import BASE_INSTANCE, build_instance

RESOURCE = (BASE_INSTANCE / "catalogs" / "gongan" / "101002-000001.yaml").read_text(encoding="utf-8")


def _many_resources(count: int) -> dict[str, str]:
    files = {}
    for number in range(2, count + 2):
        code = f"101002/{number:06d}"
        text = RESOURCE.replace('code: "101002/000001"', f'code: "{code}"')
        if number % 50 == 0:  # a schema error now and then, to compare located findings too
            text = text.replace("update_cycle: 实时", "update_cycle: 随时")
        files[f"catalogs/gongan/{code.replace('/', '-')}.yaml"] = text
    return files


def test_parallel_and_serial_runs_agree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = build_instance(tmp_path / "instance", _many_resources(govdata.validation.batch.PARALLEL_THRESHOLD + 10))
    instance = open_instance(root)
    parallel = validate(instance)
    monkeypatch.setattr(govdata.validation.batch, "PARALLEL_THRESHOLD", 10**9)
    serial = validate(instance)
    assert parallel.diagnostics == serial.diagnostics
    assert [d.path for d in parallel.catalog.resource_facts] == [d.path for d in serial.catalog.resource_facts]
    assert parallel.summary == serial.summary
    schema_findings = [d for d in parallel.diagnostics if d.rule_id == "GD002"]
    assert len(schema_findings) == 4 and all(d.location.line for d in schema_findings)


def test_gc_is_restored_after_loading() -> None:
    assert gc.isenabled()
    with govdata.validation.batch.gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
