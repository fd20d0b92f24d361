"""The cases indicator and the Art. 41 part of the opening indicator, on hand-made cases with known outcomes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from govdata.evaluate.run import EvaluationRun, evaluate
from govdata.instance import open_instance
from tests.evaluate.instances import GONGAN, SMALL

MINZHENG = "11419001MB0539268D"


def _case(case_id: str, kind: str, events: list[str], extra: str = "") -> str:
    """A case file; each event is "DATE TYPE" optionally followed by ", key: value" pairs."""
    lines = ""
    for event in events:
        head, _, rest = event.partition(",")
        day, kind_ = head.split()
        lines += f'  - {{date: "{day}", type: {kind_}, by: 经办人{"," + rest if rest else ""}}}\n'
    return (
        f"id: {case_id}\nkind: {kind}\ntitle: 测试办件\ndepartment: gongan\n"
        f'requester: {{name: 某公司, contact: 0391-6900000}}\nresource: "101002/000001"\n{extra}events:\n{lines}'
    )


ANSWER = ", outcome: 同意"
# Year 2025, gongan owes every answer (Art. 40-41: 10 working days from the day after receipt).
CASES = {
    # Received Mon 2 June (Dragon Boat holiday): due 16 June; answered 10 June: on time.
    "cases/2025/open-application-2025-001.yaml": _case(
        "open-application-2025-001", "open-application", ["2025-06-02 received", f"2025-06-10 answered{ANSWER}"]
    ),
    # Received 1 Sept, extended 10 days with the head's approval: due 28 Sept (a make-up Sunday);
    # answered 25 Sept: on time
    # (without the extension the due date 15 Sept would make it late).
    "cases/2025/open-application-2025-002.yaml": _case(
        "open-application-2025-002",
        "open-application",
        [
            "2025-09-01 received",
            "2025-09-10 extended, days: 10, approver: 公安局局长, reason: 需核实",
            f"2025-09-25 answered{ANSWER}",
        ],
    ),
    # Received 22 Dec, not answered: due 6 Jan 2026, pending, belongs to 2026: not counted in 2025.
    "cases/2025/open-application-2025-003.yaml": _case(
        "open-application-2025-003", "open-application", ["2025-12-22 received"]
    ),
    # A correction received 3 March (due 17 March) answered 30 April: late.
    "cases/2025/correction-2025-001.yaml": _case(
        "correction-2025-001", "correction", ["2025-03-03 received", f"2025-04-30 answered{ANSWER}"]
    ),
    # A correction received 3 Nov (due 17 Nov) never answered: overdue on 31 Dec.
    "cases/2025/correction-2025-002.yaml": _case("correction-2025-002", "correction", ["2025-11-03 received"]),
}


@pytest.fixture
def run(instance: Callable[..., Path]) -> EvaluationRun:
    root = instance({**SMALL, **CASES})
    found = evaluate(open_instance(root), 2025, dt.date(2026, 3, 1))
    assert len(found.context.catalog.cases) == len(CASES)  # every hand-made case loads
    return found


def _result(run: EvaluationRun, code: str, indicator: str):  # type: ignore[no-untyped-def]
    card = next(c for c in run.cards if c.department.code == code)
    result = card.result(indicator)
    assert result is not None
    return result.measure


def test_cases_indicator_counts_deadlines_due_in_the_year(run: EvaluationRun) -> None:
    measure = _result(run, GONGAN, "cases")
    # on time: 001, 002 (extended); late: correction-001; overdue: correction-002; 003 is due in 2026
    assert (measure.numerator, measure.denominator, measure.value) == (2, 4, 0.5)
    paths = [e.path for e in measure.evidence]
    assert "cases/2025/open-application-2025-003.yaml" not in paths
    assert sorted(paths) == sorted(p for p in CASES if not p.endswith("003.yaml"))
    notes = " ".join(e.note or "" for e in measure.evidence)
    assert "到期 2025-06-16 按期办结" in notes and "到期 2025-09-28 按期办结" in notes
    assert "到期 2025-03-17 逾期办结" in notes and "到期 2025-11-17 已逾期" in notes


def test_opening_includes_open_applications_answered_in_time(run: EvaluationRun) -> None:
    measure = _result(run, GONGAN, "opening")
    # open ratio 1/2 and open applications 2/2 on time: (0.5 + 1.0) / 2
    assert measure.value == pytest.approx(0.75)
    assert measure.denominator == 2


def test_no_case_due_is_not_available(run: EvaluationRun) -> None:
    measure = _result(run, MINZHENG, "cases")
    assert measure.value is None and measure.note is not None and measure.note.zh == "本年度没有到期的办件"


def test_pending_only_is_not_available(instance: Callable[..., Path]) -> None:
    only = {k: v for k, v in CASES.items() if k.endswith("open-application-2025-003.yaml")}
    found = evaluate(open_instance(instance({**SMALL, **only})), 2025, dt.date(2026, 3, 1))
    assert _result(found, GONGAN, "cases").value is None
    opening = _result(found, GONGAN, "opening")
    assert (opening.value, opening.numerator, opening.denominator) == (0.5, 1, 2)  # the open ratio alone
    assert opening.note is not None and "开放申请" in opening.note.zh


def test_unknown_calendar_year(instance: Callable[..., Path]) -> None:
    """2027 is not in the calendar: a late-December receipt has no known due date."""
    unknown = {
        # Answered within 10 calendar days: on time whatever the calendar says.
        "cases/2026/open-application-2026-001.yaml": _case(
            "open-application-2026-001", "open-application", ["2026-12-28 received", f"2027-01-05 answered{ANSWER}"]
        ),
        # Answered after 10 calendar days into an unknown year: cannot be decided, not counted.
        "cases/2026/open-application-2026-002.yaml": _case(
            "open-application-2026-002", "open-application", ["2026-12-28 received", f"2027-01-20 answered{ANSWER}"]
        ),
    }
    found = evaluate(open_instance(instance({**SMALL, **unknown})), 2026, dt.date(2027, 3, 1))
    measure = _result(found, GONGAN, "cases")
    assert (measure.numerator, measure.denominator, measure.value) == (1, 1, 1.0)
    notes = sorted(e.note or "" for e in measure.evidence)
    assert len(notes) == 2 and "期限未知" in notes[1] and "不计" in notes[1]


def test_annual_report_shows_the_zone_figure(run: EvaluationRun) -> None:
    from govdata.report.annual import render_html

    html = render_html(run, [], None)
    assert "办件期限按时办结" in html and "按时办结 2 / 4（50%）" in html
    assert "cases/2025/correction-2025-002.yaml" in html  # the overdue deadline, traced to its file
