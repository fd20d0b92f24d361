"""Chinese working days (工作日): the official State Council calendar, never a guess.

The regulation counts its deadlines in working days: weekends and statutory holidays are
excluded and make-up working days (调休) included. ``chinese-calendar`` carries the official
schedules (2004–2026 in version 1.11). A later year is known only once the data authority has
entered its schedule in ``govdata.yaml`` (``calendar.holidays`` and ``calendar.workdays``; the
State Council publishes each year's in November). A year counts as entered as soon as either
list holds a date of it, since every published schedule names holidays. For a date in no known
year, every question raises :class:`UnknownCalendar`: callers report "unknown" rather than
fall back to Monday–Friday, which would be wrong around every holiday.

Overrides for a year the library covers are ignored: the library is the official record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import cache

from govdata.errors import GovdataError
from govdata.i18n import Text
from govdata.model.config import InstanceConfig


class UnknownCalendar(GovdataError):
    """A date falls in a year whose official working-day schedule govdata does not have."""

    exit_code = 1

    def __init__(self, year: int) -> None:
        super().__init__(
            Text(
                f"{year} 年的工作日历未知：请在 govdata.yaml 的 calendar.holidays 和 calendar.workdays 中补充国务院公布的安排",
                f"the working-day calendar of {year} is unknown: add the State Council schedule to "
                "calendar.holidays and calendar.workdays in govdata.yaml",
            )
        )
        self.year = year


@cache
def library_covers(year: int) -> bool:
    """Whether chinese-calendar has the official schedule of ``year``."""
    import chinese_calendar

    try:
        chinese_calendar.is_workday(dt.date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


@cache
def _official_workday(day: dt.date) -> bool:
    """chinese-calendar's answer, remembered: the library scans its whole table on every call
    (about 0.2 ms), and deadlines ask about the same few hundred days again and again."""
    import chinese_calendar

    return bool(chinese_calendar.is_workday(day))


class WorkCalendar:
    """Working days from chinese-calendar, extended to later years by configured overrides."""

    def __init__(self, holidays: Iterable[dt.date] = (), workdays: Iterable[dt.date] = ()) -> None:
        self._holidays = frozenset(d for d in holidays if not library_covers(d.year))
        self._workdays = frozenset(d for d in workdays if not library_covers(d.year))
        self._override_years = frozenset(d.year for d in self._holidays | self._workdays)

    def knows(self, year: int) -> bool:
        return library_covers(year) or year in self._override_years

    def is_workday(self, day: dt.date) -> bool:
        """Whether ``day`` is a working day; :class:`UnknownCalendar` when nobody knows."""
        if library_covers(day.year):
            return _official_workday(day)
        if day.year not in self._override_years:
            raise UnknownCalendar(day.year)
        if day in self._workdays:
            return True
        return day.weekday() < 5 and day not in self._holidays

    def on_or_after(self, day: dt.date) -> dt.date:
        """``day`` if it is a working day, else the next one (a deadline on a holiday rolls forward)."""
        while not self.is_workday(day):
            day += dt.timedelta(days=1)
        return day

    def add(self, start: dt.date, count: int) -> dt.date:
        """The ``count``-th working day after ``start``: "within N working days of" ``start``."""
        if count < 0:
            raise ValueError("count must not be negative")
        day = start
        remaining = count
        while remaining:
            day += dt.timedelta(days=1)
            if self.is_workday(day):
                remaining -= 1
        return day

    def between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end`` (0 when ``end`` <= ``start``)."""
        count = 0
        day = start
        while day < end:
            day += dt.timedelta(days=1)
            count += self.is_workday(day)
        return count


def calendar_for(config: InstanceConfig) -> WorkCalendar:
    """The working calendar of an instance (its ``calendar`` overrides applied)."""
    return WorkCalendar(config.calendar.holidays, config.calendar.workdays)


__all__ = ["UnknownCalendar", "WorkCalendar", "calendar_for", "library_covers"]
