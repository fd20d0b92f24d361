"""Counting N working days, with the reasons a day did or did not count kept for the explanation.

"Within N working days of" a date counts from the day after it (Art. 19, 24, 40, 41 all say
自……之日起), skipping weekends and statutory holidays, counting make-up Saturdays and Sundays
(调休上班), and skipping the days a pause stopped the clock. A day in a year the calendar does
not know stops the count: the due date is then unknown, never guessed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from govdata.i18n import Text
from govdata.workdays import UnknownCalendar, WorkCalendar, library_covers

# chinese-calendar names holidays in English; the explanation speaks Chinese first.
HOLIDAY_NAMES = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "抗战胜利纪念日",
}

Pause = tuple[dt.date, dt.date | None]  # the clock stops after the first day, up to and including the second


@dataclass
class Count:
    """The due date of ``days`` working days after ``start``, or the year that stopped the count."""

    start: dt.date
    days: int
    due: dt.date | None = None
    unknown_year: int | None = None
    paused_open: dt.date | None = None  # an unended pause reached before the count finished
    holidays: list[tuple[dt.date, dt.date, list[str]]] = field(default_factory=list)
    makeup: list[dt.date] = field(default_factory=list)
    paused: list[tuple[dt.date, dt.date]] = field(default_factory=list)


@cache
def _holiday_name(day: dt.date) -> str | None:
    """The holiday a non-working weekday (or weekend inside a holiday) belongs to, if named."""
    if not library_covers(day.year):
        return "govdata.yaml"
    import chinese_calendar

    on_holiday, name = chinese_calendar.get_holiday_detail(day)
    return str(name) if on_holiday and name else None


def _paused(day: dt.date, pauses: Sequence[Pause]) -> Pause | None:
    for pause in pauses:
        start, end = pause
        if start < day and (end is None or day <= end):
            return pause
    return None


def _note_holiday(count: Count, day: dt.date, name: str) -> None:
    if count.holidays and (day - count.holidays[-1][1]).days <= 1:
        first, _, names = count.holidays[-1]
        count.holidays[-1] = (first, day, names if name in names else [*names, name])
    else:
        count.holidays.append((day, day, [name]))


def _note_pause(count: Count, day: dt.date) -> None:
    if count.paused and (day - count.paused[-1][1]).days == 1:
        count.paused[-1] = (count.paused[-1][0], day)
    else:
        count.paused.append((day, day))


def count_working_days(calendar: WorkCalendar, start: dt.date, days: int, pauses: Sequence[Pause] = ()) -> Count:
    """The ``days``-th working day after ``start``, not counting paused days."""
    count = Count(start, days)
    remaining = days
    day = start
    while remaining:
        day += dt.timedelta(days=1)
        pause = _paused(day, pauses)
        if pause is not None:
            if pause[1] is None:
                count.paused_open = pause[0]
                return count
            _note_pause(count, day)
            continue
        try:
            working = calendar.is_workday(day)
        except UnknownCalendar as unknown:
            count.unknown_year = unknown.year
            return count
        if working:
            remaining -= 1
            if day.weekday() >= 5:
                count.makeup.append(day)
        elif day.weekday() < 5 or _holiday_name(day) not in (None, "govdata.yaml"):
            _note_holiday(count, day, _holiday_name(day) or "holiday")
    count.due = day
    return count


def working_days_between(
    calendar: WorkCalendar, start: dt.date, end: dt.date, pauses: Sequence[Pause] = ()
) -> int | None:
    """Working days after ``start`` up to ``end``, paused days left out; None when a year is unknown."""
    total = 0
    day = start
    while day < end:
        day += dt.timedelta(days=1)
        if _paused(day, pauses) is not None:
            continue
        try:
            total += calendar.is_workday(day)
        except UnknownCalendar:
            return None
    return total


def _short(day: dt.date, year: int) -> str:
    return day.strftime("%m-%d") if day.year == year else day.isoformat()


def explain_count(count: Count, what: Text) -> Text:
    """ "受理 2026-09-30 起 5 个工作日：2026-10-13（10-01…10-07 国庆节假期不计；10-10 调休上班计入）"."""
    year = count.start.year
    head_zh = f"{what.zh} {count.start.isoformat()} 起 {count.days} 个工作日："
    head_en = f"{what.en} {count.start.isoformat()}; {count.days} working days: "
    if count.unknown_year is not None:
        return Text(
            head_zh + f"未知（{count.unknown_year} 年的工作日历未收录，请在 govdata.yaml 的 calendar 中补充）",
            head_en
            + f"unknown (the working-day calendar of {count.unknown_year} is not known; add it to govdata.yaml)",
        )
    if count.paused_open is not None:
        return Text(
            head_zh + f"自 {count.paused_open.isoformat()} 起中止计时，恢复后继续计算",
            head_en + f"clock stopped since {count.paused_open.isoformat()}; it resumes when the case does",
        )
    assert count.due is not None
    notes_zh: list[str] = []
    notes_en: list[str] = []
    for first, last, names in count.holidays:
        span = _short(first, year) if first == last else f"{_short(first, year)}…{_short(last, year)}"
        if names == ["govdata.yaml"]:
            notes_zh.append(f"{span} govdata.yaml 所列节假日不计")
            notes_en.append(f"{span} holiday listed in govdata.yaml not counted")
            continue
        notes_zh.append(f"{span} {'、'.join(HOLIDAY_NAMES.get(n, '节假日') for n in names)}假期不计")
        notes_en.append(f"{span} {', '.join(n if n != 'holiday' else 'public' for n in names)} holiday not counted")
    if count.makeup:
        days = "、".join(_short(d, year) for d in count.makeup)
        notes_zh.append(f"{days} 调休上班计入")
        notes_en.append(f"{days.replace('、', ', ')} make-up working day{'s' if len(count.makeup) > 1 else ''} counted")
    for first, last in count.paused:
        span = _short(first, year) if first == last else f"{_short(first, year)}…{_short(last, year)}"
        notes_zh.append(f"{span} 中止计时不计")
        notes_en.append(f"{span} paused, not counted")
    tail_zh = f"（{'；'.join(notes_zh)}）" if notes_zh else ""
    tail_en = f" ({'; '.join(notes_en)})" if notes_en else ""
    return Text(head_zh + count.due.isoformat() + tail_zh, head_en + count.due.isoformat() + tail_en)


__all__ = ["Count", "Pause", "count_working_days", "explain_count", "working_days_between"]
