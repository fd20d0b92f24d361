"""Due dates of cases across the holidays that move working days, checked against chinese-calendar."""

from __future__ import annotations

import datetime as dt
from typing import Any

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdata.cases.counting import count_working_days, working_days_between
from govdata.cases.deadlines import deadlines
from govdata.model.case import Case
from govdata.workdays import WorkCalendar

D = dt.date
OFFICIAL = WorkCalendar()


def _case(kind: str, events: list[tuple[str, str, dict[str, Any]]], **header: Any) -> Case:
    data = {"id": f"{kind}-2026-001", "kind": kind, "title": "测试", "department": "gongan", **header}
    data["events"] = [{"date": day, "type": kind_, "by": "经办人", **extra} for day, kind_, extra in events]
    return Case.model_validate(data)


def _oracle(start: dt.date, days: int) -> dt.date:
    """chinese-calendar's own answer: the ``days``-th working day after ``start``, walked day by day."""
    day, left = start, days
    while left:
        day += dt.timedelta(days=1)
        left -= chinese_calendar.is_workday(day)
    # The library's own helpers agree: the working days after ``start`` up to the due date.
    assert len(chinese_calendar.get_workdays(start + dt.timedelta(days=1), day, include_weekends=True)) == days
    if chinese_calendar.is_workday(start):  # find_workday counts the start itself when it is one
        assert chinese_calendar.find_workday(days, start) == day
    return day


@pytest.mark.parametrize(
    ("start", "days", "due", "notes"),
    [
        # National Day and Mid-Autumn 2026: 10-01…10-07 off, Saturday 10-10 worked.
        (D(2026, 9, 30), 5, D(2026, 10, 13), ("10-01…10-07 国庆节假期不计", "10-10 调休上班计入")),
        (D(2026, 9, 24), 10, D(2026, 10, 15), ("09-25…09-27 中秋节假期不计", "10-01…10-07 国庆节假期不计")),
        # Spring Festival 2026: Saturday 02-14 worked, 02-15…02-23 off, Saturday 02-28 worked.
        (D(2026, 2, 12), 5, D(2026, 2, 26), ("02-14 调休上班计入", "02-15…02-23 春节假期不计")),
        (D(2026, 2, 13), 10, D(2026, 3, 5), ("02-14、02-28 调休上班计入",)),
        # Year boundary into a known year: New Year's Day 2026 off, Sunday 01-04 worked.
        (D(2025, 12, 29), 5, D(2026, 1, 6), ("2026-01-01…2026-01-03 元旦假期不计", "2026-01-04 调休上班计入")),
    ],
)
def test_due_dates_across_holidays(start: dt.date, days: int, due: dt.date, notes: tuple[str, ...]) -> None:
    case = _case("correction", [(start.isoformat(), "received", {})]) if days == 10 else None
    count = count_working_days(OFFICIAL, start, days)
    assert count.due == due == _oracle(start, days)
    if case is not None:
        (deadline,) = deadlines(case, OFFICIAL)
        assert deadline.due == due
        for note in notes:
            assert note in deadline.explanation.zh, deadline.explanation.zh
    from govdata.cases.counting import explain_count
    from govdata.i18n import Text

    text = explain_count(count, Text("收到申请", "received")).zh
    for note in notes:
        assert note in text, text


@settings(max_examples=100)
@given(st.dates(min_value=D(2020, 1, 1), max_value=D(2026, 11, 1)), st.integers(min_value=1, max_value=20))
def test_every_count_agrees_with_chinese_calendar(start: dt.date, days: int) -> None:
    count = count_working_days(OFFICIAL, start, days)
    assert count.due == _oracle(start, days)
    assert working_days_between(OFFICIAL, start, count.due) == days


def test_a_year_the_library_does_not_cover_is_unknown() -> None:
    case = _case("open-application", [("2026-12-24", "received", {})])
    (deadline,) = deadlines(case, OFFICIAL)
    assert deadline.due is None and deadline.unknown_year == 2027
    assert deadline.status(D(2027, 3, 1)) == "unknown"  # never "overdue" on a guess
    assert "2027 年的工作日历未收录" in deadline.explanation.zh
    # An answer within 10 calendar days is on time whatever 2027's schedule turns out to be.
    quick = _case("open-application", [("2026-12-24", "received", {}), ("2027-01-02", "answered", {"outcome": "同意"})])
    assert deadlines(quick, OFFICIAL)[0].status(D(2027, 3, 1)) == "on-time"
    slow = _case("open-application", [("2026-12-24", "received", {}), ("2027-01-06", "answered", {"outcome": "同意"})])
    assert deadlines(slow, OFFICIAL)[0].status(D(2027, 3, 1)) == "unknown"


def test_a_year_entered_in_govdata_yaml_is_counted() -> None:
    # An assumed 2027 schedule: 01-01 off; Spring Festival 02-06…02-12 off with make-up Saturday 01-30.
    holidays = [D(2027, 1, 1), *(D(2027, 2, 6) + dt.timedelta(days=i) for i in range(7))]
    calendar = WorkCalendar(holidays=holidays, workdays=[D(2027, 1, 30)])
    case = _case("open-application", [("2026-12-24", "received", {})])
    (deadline,) = deadlines(case, calendar)
    # 12-25, 12-28…12-31 (5), 01-04…01-08 (10): 01-01 does not count.
    assert deadline.due == D(2027, 1, 8)
    assert "2027-01-01 govdata.yaml 所列节假日不计" in deadline.explanation.zh
    late = _case("open-application", [("2027-01-27", "received", {})])
    (across,) = deadlines(late, calendar)
    # 01-28, 01-29, 01-30 (make-up Saturday), 02-01…02-05, then 02-15, 02-16.
    assert across.due == D(2027, 2, 16)
    assert "01-30 调休上班计入" in across.explanation.zh
    # The library's own years ignore overrides: they are the official record.
    assert WorkCalendar(holidays=[D(2026, 3, 2)]).is_workday(D(2026, 3, 2))


def test_pauses_stop_the_clock_and_show() -> None:
    events = [("2026-11-02", "received", {}), ("2026-11-04", "paused", {"reason": "请申请人补正材料"})]
    paused = _case("correction", events)
    (deadline,) = deadlines(paused, OFFICIAL)
    assert deadline.status(D(2026, 12, 31)) == "paused" and deadline.due is None
    assert "自 2026-11-04 起中止计时" in deadline.explanation.zh
    resumed = _case("correction", [*events, ("2026-11-11", "resumed", {})])
    (deadline,) = deadlines(resumed, OFFICIAL)
    # 11-03, 11-04 count; 11-05…11-11 paused (5 working days); the other 8 from 11-12.
    assert deadline.due == D(2026, 11, 23)
    assert deadline.due == _oracle(D(2026, 11, 2), 10 + 5)
    assert "11-05…11-11 中止计时不计" in deadline.explanation.zh


def test_extensions_count_only_when_approved_and_within_the_article() -> None:
    base = [("2026-11-02", "received", {})]
    approved = _case("correction", [*base, ("2026-11-10", "extended", {"days": 10, "approver": "局长", "reason": "r"})])
    assert deadlines(approved, OFFICIAL)[0].due == _oracle(D(2026, 11, 2), 20)
    unapproved = _case("correction", [*base, ("2026-11-10", "extended", {"days": 10, "reason": "r"})])
    assert deadlines(unapproved, OFFICIAL)[0].due == _oracle(D(2026, 11, 2), 10)
    too_long = _case("correction", [*base, ("2026-11-10", "extended", {"days": 15, "approver": "局长", "reason": "r"})])
    assert deadlines(too_long, OFFICIAL)[0].due == _oracle(D(2026, 11, 2), 20)
    interface = _case(
        "interface",
        [("2026-09-01", "received", {}), ("2026-09-25", "extended", {"days": 5, "approver": "数据局", "reason": "r"})],
        agreed_date="2026-09-30",
    )
    assert deadlines(interface, OFFICIAL)[0].due == _oracle(D(2026, 9, 30), 5) == D(2026, 10, 13)


def test_annual_reports_are_due_at_month_end_calendar_dates() -> None:
    department = _case("annual-report", [], report_year=2025)
    zone = _case("annual-report", [], report_year=2027, department="dashuju")
    assert deadlines(department, OFFICIAL, "dashuju")[0].due == D(2026, 1, 31)
    assert deadlines(zone, OFFICIAL, "dashuju")[0].due == D(2028, 2, 29)  # a leap year


def test_problem_data_has_two_periods_and_a_refusal_ends_it() -> None:
    events = [("2026-02-10", "received", {}), ("2026-02-11", "dispatched", {})]
    decide, correct = deadlines(_case("problem-data", events), OFFICIAL)
    assert decide.due == _oracle(D(2026, 2, 11), 5) and not correct.started
    decided = [*events, ("2026-02-25", "decided", {"outcome": "更正"})]
    decide, correct = deadlines(_case("problem-data", decided), OFFICIAL)
    assert decide.status(D(2026, 6, 1)) == "on-time"
    assert correct.due == _oracle(D(2026, 2, 25), 10)
    refused = [*events, ("2026-02-26", "decided", {"outcome": "不更正", "reason": "r"})]
    (late,) = deadlines(_case("problem-data", refused), OFFICIAL)
    assert late.status(D(2026, 6, 1)) == "late"
