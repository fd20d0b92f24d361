"""Any sequence of ``cases event`` steps: allowed ones are appended and validate, the others change
nothing, and the file keeps its header and every earlier event."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import get_args

from hypothesis import given, settings
from hypothesis import strategies as st

from govdata.cases.edit import Event, NewCase
from govdata.cases.lifecycle import open_case, record
from govdata.errors import GovdataError
from govdata.instance import open_instance
from govdata.io.fastyaml import load_yaml
from govdata.model.case import EventType
from govdata.validation.engine import validate
from tests.conftest import build_instance

START = dt.date(2026, 9, 28)
EVENTS = list(get_args(EventType))
OUTCOMES = [None, "更正", "不更正", "同意", "不同意"]

# The lifecycle as the regulation reads, written out here independently of govdata.cases.flow:
# (state, event, outcome) -> next state. ``*`` matches any outcome of an event that takes none.
SPEC = {
    "problem-data": {
        ("open", "dispatched", None): "dispatched",
        ("open", "withdrawn", None): "withdrawn",
        ("dispatched", "withdrawn", None): "withdrawn",
        ("dispatched", "decided", "更正"): "to-correct",
        ("dispatched", "decided", "不更正"): "closed",
        ("to-correct", "corrected", None): "corrected",
        ("corrected", "re-aggregated", None): "closed",
    },
    "correction": {
        ("open", "paused", None): "paused",
        ("paused", "resumed", None): "open",
        ("open", "extended", None): "open",
        ("open", "answered", "同意"): "agreed",
        ("open", "answered", "不同意"): "closed",
        ("open", "withdrawn", None): "withdrawn",
        ("paused", "withdrawn", None): "withdrawn",
        ("agreed", "corrected", None): "closed",
    },
}


def _events(path: Path) -> list[dict[str, str]]:
    loaded = load_yaml(path.read_text(encoding="utf-8"))
    assert isinstance(loaded, tuple)
    return loaded[0]["events"]  # type: ignore[no-any-return]


steps = st.lists(
    st.tuples(st.sampled_from(EVENTS), st.integers(min_value=0, max_value=6), st.sampled_from(OUTCOMES)),
    min_size=1,
    max_size=9,
)


@settings(max_examples=30)
@given(st.sampled_from(sorted(SPEC)), steps)
def test_any_sequence_of_events(kind: str, sequence: list[tuple[str, int, str | None]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = build_instance(Path(folder) / "instance")
        instance = open_instance(root)
        requester = ("济源某信息技术有限公司", "0391-6000000") if kind == "correction" else None
        outcome = open_case(
            instance,
            NewCase(
                kind=kind,
                title="户籍出生日期有误",
                department="gongan",
                first=Event("received", START, "数据资源科"),
                reporter="minzheng" if kind == "problem-data" else None,
                requester=requester,
                resource="101002/000001",
                items=("出生日期",),
                description="出生日期与出生医学证明不一致",
                evidence=("https://example.org/evidence/1",),
            ),
        )
        file = root / outcome.path
        header = file.read_text(encoding="utf-8").split("events:")[0]
        state, day, extended, accepted = "open", START, False, ["received"]
        for name, gap, result in sequence:
            day += dt.timedelta(days=gap)
            wanted = result if name in ("decided", "answered") else None
            after = SPEC[kind].get((state, name, wanted))
            expected = after is not None and not (name == "extended" and extended)
            before = file.read_bytes()
            event = Event(name, day, "经办人", wanted, "依规办理", "《条例》第一条", "局长", 5)
            try:
                record(instance, outcome.case_id, event)
            except GovdataError:
                assert not expected, (state, name, wanted)
                assert file.read_bytes() == before
                continue
            assert expected, (state, name, wanted)
            assert after is not None
            state, extended = after, extended or name == "extended"
            accepted.append(name)
            assert file.read_text(encoding="utf-8").startswith(before.decode("utf-8"))
        assert [e["type"] for e in _events(file)] == accepted
        assert file.read_text(encoding="utf-8").split("events:")[0] == header
        result = validate(instance, today=day)
        errors = [d for d in result.diagnostics if d.severity.value == "error"]
        assert errors == [], [d.message.en for d in errors]
