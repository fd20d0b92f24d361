"""Any sequence of lifecycle commands: valid ones are written and validate, invalid ones change
nothing, and the file differs from the request only where the transitions say."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from govdata.errors import GovdataError
from govdata.grants.edit import Request, Step
from govdata.grants.lifecycle import request, transition
from govdata.instance import open_instance
from govdata.io.fastyaml import load_yaml
from govdata.model.grant import ACTIONS
from govdata.rules.gd307_grant_validity_period import add_months
from govdata.validation.engine import validate
from tests.conftest import build_instance

START = dt.date(2026, 1, 5)
PATH = "grants/minzheng/minzheng-2026-001.yaml"
REQUEST = Request(
    title="低保申请人户籍身份核验",
    applicant="minzheng",
    resource="101002/000001",
    items=("公民身份号码",),
    scenario="最低生活保障申请受理时核验申请人户籍身份",
    duty_basis="《社会救助暂行办法》第十一条规定的最低生活保障审核确认职责",
    method="核验",
    valid_from=dt.date(2026, 1, 6),
    valid_until=dt.date(2026, 12, 31),
    by="",
    date=START,
    id="minzheng-2026-001",
)
# Fields a lifecycle command may touch; everything else must stay as requested.
MUTABLE = {"status", "decision", "valid_until", "history"}


def _data(path: Path) -> dict:  # type: ignore[type-arg]
    loaded = load_yaml(path.read_text(encoding="utf-8"))
    assert isinstance(loaded, tuple)
    return loaded[0]  # type: ignore[no-any-return]


def _expected_ok(name: str, status: str, day: dt.date, valid_until: dt.date, until: dt.date | None) -> bool:
    action = ACTIONS[name]
    if status not in action.sources:
        return False
    if name == "renew" and (until is None or until <= valid_until):
        return False
    if name == "expire" and day <= valid_until:
        return False
    if name == "renew" and until is not None and until >= add_months(day, 36):
        return False  # GD307: one renewal grants at most 36 months from its date
    end = until if until is not None else valid_until
    # A step into 已批准 must leave a grant without errors: not in force past its end date.
    return not (action.target == "已批准" and day > end)


commands = st.lists(
    st.tuples(
        st.sampled_from(sorted(ACTIONS)),
        st.integers(min_value=0, max_value=240),
        st.integers(min_value=-30, max_value=1500),
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=60)
@given(commands)
def test_any_sequence_of_commands(sequence: list[tuple[str, int, int]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = build_instance(Path(folder) / "instance")
        instance = open_instance(root)
        request(instance, REQUEST)
        file = root / PATH
        original = _data(file)
        day = START
        statuses = ["申请中"]
        for name, gap, extension in sequence:
            day += dt.timedelta(days=gap)
            data = _data(file)
            valid_until = dt.date.fromisoformat(data["valid_until"])
            until = valid_until + dt.timedelta(days=extension) if name == "renew" else None
            before = file.read_bytes()
            expected = _expected_ok(name, data["status"], day, valid_until, until)
            try:
                transition(instance, "minzheng-2026-001", Step(ACTIONS[name], day, "数据共享科", "依规办理", (), until))
            except GovdataError:
                assert not expected, (name, data["status"], day)
                assert file.read_bytes() == before
                continue
            assert expected, (name, data["status"], day)
            statuses.append(ACTIONS[name].target)
            after = _data(file)
            assert after["status"] == ACTIONS[name].target
            assert after["history"][:-1] == data["history"]
            result = validate(instance, scopes=[PATH], today=day)
            grant_errors = [d for d in result.diagnostics if d.severity.value == "error" and d.rule_id != "GD308"]
            assert grant_errors == [], [d.message.en for d in grant_errors]
        final = _data(file)
        assert [entry["status"] for entry in final["history"]] == statuses
        assert {k: v for k, v in final.items() if k not in MUTABLE} == {
            k: v for k, v in original.items() if k not in MUTABLE
        }
        assert final["history"][0] == original["history"][0]
