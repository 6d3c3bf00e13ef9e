"""The resolver: table of expressions plus property tests for weekdays and month-days."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dotterel.time.resolve import ResolvedTime, normalise, parse_published, resolve_timex

PUB = "2024-11-01"  # a Friday

TABLE = [
    ("yesterday", None, "2024-10-31", "day"),
    ("today", None, "2024-11-01", "day"),
    ("tomorrow", "future", "2024-11-02", "day"),
    ("on Thursday", "past", "2024-10-31", "day"),
    ("Thursday night", "past", "2024-10-31", "day"),
    ("Monday", "future", "2024-11-04", "day"),
    ("Friday", "past", "2024-11-01", "day"),
    ("last week", None, "2024-W43", "week"),
    ("this week", None, "2024-W44", "week"),
    ("this weekend", None, "2024-W44-WE", "week"),
    ("next month", None, "2024-12", "month"),
    ("last month", None, "2024-10", "month"),
    ("earlier this month", "past", "2024-11", "month"),
    ("late last month", "past", "2024-10", "month"),
    ("two days ago", None, "2024-10-30", "day"),
    ("a week ago", None, "2024-10-25", "day"),
    ("this year", None, "2024", "year"),
    ("last year", None, "2023", "year"),
    ("next year", None, "2025", "year"),
    ("in 2003", None, "2003", "year"),
    ("March 2004", None, "2004-03", "month"),
    ("Oct. 5", "past", "2024-10-05", "day"),
    ("Oct 5", "future", "2025-10-05", "day"),
    ("October 23", None, "2024-10-23", "day"),
    ("5 October 2008", None, "2008-10-05", "day"),
    ("July 24 , 2003", None, "2003-07-24", "day"),
    ("the 5th", "future", "2024-11-05", "day"),
    ("the 5th", "past", "2024-10-05", "day"),
    ("mid-October", "past", "2024-10", "month"),
    ("last September", None, "2024-09", "month"),
    ("early 2009", None, "2009", "year"),
    ("the 1990s", None, "199", "decade"),
    ("the past decade", None, "201", "decade"),
    ("the third quarter of 2009", None, "2009-Q3", "quarter"),
    ("the first quarter of last year", None, "2023-Q1", "quarter"),
    ("spring", None, "2024-SP", "season"),
    ("7/8/07", None, "2007-07-08", "day"),
]


@pytest.mark.parametrize(("text", "tense", "value", "precision"), TABLE)
def test_expression_table(text: str, tense: str | None, value: str, precision: str) -> None:
    resolved = resolve_timex(text, PUB, tense)
    assert resolved is not None
    assert (resolved.value, resolved.precision) == (value, precision)
    assert resolved.vague is False
    assert (resolved.iso_date == value) == (precision == "day")


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        ("soon", "FUTURE_REF"),
        ("recently", "PAST_REF"),
        ("upcoming", "FUTURE_REF"),
        ("in the coming weeks", "FUTURE_REF"),
        ("now", "PRESENT_REF"),
        ("currently", "PRESENT_REF"),
        ("the past", "PAST_REF"),
        ("recent years", "PAST_REF"),
    ],
)
def test_vague_expressions_name_no_date(text: str, ref: str) -> None:
    resolved = resolve_timex(text, PUB, "past")
    assert resolved == ResolvedTime(ref, "ref", None, True)
    assert resolved.event_date() is None


def test_durations_are_not_dates() -> None:
    resolved = resolve_timex("the past nine days", PUB)
    assert resolved is not None and resolved.value == "P9D"
    assert resolved.event_date() is None
    assert resolve_timex("over six years", PUB).value == "P6Y"  # type: ignore[union-attr]


def test_unreadable_or_unanchored_expressions_give_none() -> None:
    assert resolve_timex("the Joint Strike Fighter program", PUB) is None
    assert resolve_timex("yesterday", None) is None
    assert resolve_timex("Thursday", None) is None
    # Absolute dates need no publication date.
    assert resolve_timex("March 12, 1998", None).value == "1998-03-12"  # type: ignore[union-attr]


def test_anaphoric_phrases_follow_the_anchor() -> None:
    assert resolve_timex("the same day", PUB, anchor="2024-10-23").value == "2024-10-23"  # type: ignore[union-attr]
    assert resolve_timex("two days later", PUB, anchor="2024-10-23").value == "2024-10-25"  # type: ignore[union-attr]
    assert resolve_timex("the previous year", PUB, anchor=("2019",)).value == "2018"  # type: ignore[union-attr]
    assert resolve_timex("the same day", PUB).value == PUB  # type: ignore[union-attr]


def test_event_date_gives_the_first_day_and_a_record_precision() -> None:
    assert resolve_timex("last week", PUB).event_date() == ("2024-10-21", "week")  # type: ignore[union-attr]
    assert resolve_timex("March 2004", PUB).event_date() == ("2004-03-01", "month")  # type: ignore[union-attr]
    assert resolve_timex("in 2003", PUB).event_date() == ("2003-01-01", "year")  # type: ignore[union-attr]
    assert resolve_timex("the third quarter of 2009", PUB).event_date() == ("2009-01-01", "year")  # type: ignore[union-attr]


def test_published_dates_are_read_in_both_orders() -> None:
    assert parse_published("2009-02-03T10:00:00Z") == dt.date(2009, 2, 3)
    assert parse_published("03-02-2009") == dt.date(2009, 2, 3)
    assert parse_published("not a date") is None


def test_normalise_detokenises_and_drops_prepositions() -> None:
    assert normalise("on  Oct. 5 ,") == "oct 5"
    assert normalise("in March , 2004") == "march 2004"


WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
dates = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2090, 12, 31))


@given(published=dates, weekday=st.sampled_from(range(7)), prefix=st.sampled_from(["", "on "]))
def test_weekday_in_past_clause_is_within_the_week_before(
    published: dt.date, weekday: int, prefix: str
) -> None:
    resolved = resolve_timex(prefix + WEEKDAY_NAMES[weekday], published.isoformat(), "past")
    assert resolved is not None and resolved.iso_date is not None
    day = dt.date.fromisoformat(resolved.iso_date)
    assert 0 <= (published - day).days < 7
    assert day.weekday() == weekday


@given(published=dates, weekday=st.sampled_from(range(7)))
def test_weekday_in_future_clause_is_within_the_week_after(
    published: dt.date, weekday: int
) -> None:
    resolved = resolve_timex(WEEKDAY_NAMES[weekday], published.isoformat(), "future")
    assert resolved is not None and resolved.iso_date is not None
    day = dt.date.fromisoformat(resolved.iso_date)
    assert 1 <= (day - published).days <= 7
    assert day.weekday() == weekday


@given(day=dates, style=st.sampled_from(["{b} {d}, {y}", "{d} {B} {y}", "{B} {d} , {y}"]))
def test_month_day_year_round_trips(day: dt.date, style: str) -> None:
    text = style.format(b=day.strftime("%b."), B=day.strftime("%B"), d=day.day, y=day.year)
    resolved = resolve_timex(text, None)
    assert resolved is not None and resolved.iso_date == day.isoformat()


@given(day=dates, tense=st.sampled_from(["past", "future", None]))
def test_month_day_without_year_lands_near_publication(day: dt.date, tense: str | None) -> None:
    published = day + dt.timedelta(days=40)
    if (day.month, day.day) == (2, 29):
        return
    resolved = resolve_timex(day.strftime("%B ") + str(day.day), published.isoformat(), tense)
    assert resolved is not None and resolved.iso_date is not None
    found = dt.date.fromisoformat(resolved.iso_date)
    assert (found.month, found.day) == (day.month, day.day)
    if tense == "future":
        assert found >= published and (found - published).days <= 366
    else:
        assert found == day
