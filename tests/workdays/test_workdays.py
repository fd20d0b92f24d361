"""Working days: the official calendar, configured later years, and no guessing beyond them."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdata.workdays import UnknownCalendar, WorkCalendar

D = dt.date


def test_official_calendar_knows_make_up_days_and_holidays() -> None:
    calendar = WorkCalendar()
    assert calendar.is_workday(D(2026, 2, 14))  # Saturday, make-up day for the Spring Festival
    assert not calendar.is_workday(D(2026, 2, 17))  # Tuesday in the Spring Festival holiday
    assert not calendar.is_workday(D(2025, 10, 1))  # National Day
    assert calendar.is_workday(D(2025, 9, 28))  # Sunday, make-up day for National Day


def test_five_working_days_across_national_day() -> None:
    # A request received on Friday 2025-09-26: the holiday 10-01..10-08 does not count,
    # the make-up Sunday 09-28 and Saturday 10-11 do.
    calendar = WorkCalendar()
    assert calendar.add(D(2025, 9, 26), 5) == D(2025, 10, 10)
    assert calendar.between(D(2025, 9, 26), D(2025, 10, 10)) == 5


def test_a_year_without_schedule_is_unknown() -> None:
    calendar = WorkCalendar()
    with pytest.raises(UnknownCalendar) as raised:
        calendar.is_workday(D(2027, 3, 1))
    assert raised.value.year == 2027
    assert "2027" in raised.value.text.zh and "2027" in raised.value.text.en
    # A deadline counted from late December runs into the unknown year, and says so.
    with pytest.raises(UnknownCalendar):
        calendar.add(D(2026, 12, 28), 10)


def test_configured_year_uses_overrides_only() -> None:
    calendar = WorkCalendar(holidays=[D(2027, 1, 1), D(2027, 2, 8)], workdays=[D(2027, 2, 6)])
    assert calendar.knows(2027)
    assert not calendar.knows(2028)
    assert not calendar.is_workday(D(2027, 1, 1))  # Friday, configured holiday
    assert calendar.is_workday(D(2027, 2, 6))  # Saturday, configured make-up day
    assert not calendar.is_workday(D(2027, 2, 7))  # Sunday
    assert calendar.is_workday(D(2027, 2, 9))  # Tuesday, nothing configured
    assert calendar.on_or_after(D(2027, 1, 1)) == D(2027, 1, 4)
    with pytest.raises(UnknownCalendar):
        calendar.is_workday(D(2028, 1, 3))


def test_overrides_never_change_an_official_year() -> None:
    calendar = WorkCalendar(holidays=[D(2026, 3, 2)], workdays=[D(2026, 3, 1)])
    assert calendar.is_workday(D(2026, 3, 2))
    assert not calendar.is_workday(D(2026, 3, 1))
    assert not calendar.knows(2099)


@given(st.dates(min_value=D(2004, 1, 1), max_value=D(2026, 9, 30)), st.integers(min_value=0, max_value=40))
def test_adding_working_days_agrees_with_counting_them(start: dt.date, count: int) -> None:
    calendar = WorkCalendar()
    end = calendar.add(start, count)
    assert calendar.between(start, end) == count
    assert count == 0 or calendar.is_workday(end)
