"""A mixed corpus of five portal styles: every non-empty value is accounted for, >= 99% understood."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from govdata.imports.convert import empty
from govdata.imports.events import Action
from govdata.imports.sources import read_source
from govdata.report.imports import totals
from tests.imports.conftest import corpus_module
from tests.imports.test_convert import run


def test_mixed_corpus_accounts_for_every_value(import_instance: Path, tmp_path: Path) -> None:
    paths = corpus_module().write_corpus(tmp_path / "corpus", sources=5, records=400, seed=3)
    result = run(import_instance, paths, import_instance.parent / "defaults.yaml")
    source_values = Counter()
    for path in paths:
        for file in read_source(path):
            for record in file.records:
                source_values[file.name] += sum(not empty(v) for v in record.values.values())
    events = Counter(e.file for e in result.events if e.action is not Action.DEFAULTED)
    assert events == +source_values  # one event per non-empty source value, no more, no less
    counted = totals(result)
    assert counted["records"] == 400 and counted["exact_duplicates"] == 3 and counted["near_duplicates"] == 2
    understood = counted["values_mapped"] + counted["values_normalised"] + counted["values_dropped"]
    share = understood / (understood + counted["values_unknown"])
    assert share >= 0.99, share
    # What is not understood is reported with its place, and kept: never silently lost.
    unknown = [e for e in result.events if e.action is Action.UNKNOWN]
    assert unknown and all(
        e.file and e.record >= 1 and e.label and e.field and e.field.startswith("extensions.") for e in unknown
    )
    assert [p.message_en for p in result.problems] == ["the file is empty: no records"]
    assert {s.name for s in result.sources if s.notes} == {
        "portal-02-b.json",
        "portal-03-c.jsonl",
        "portal-04-d.csv",
    }
