"""Publication dates normalised to YYYY-MM-DD."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta, timezone
from email.utils import format_datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dotterel.ingest import normalise_date

days = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


@given(days)
def test_iso_day_round_trips(day: date) -> None:
    assert normalise_date(day.isoformat()) == day.isoformat()
    assert normalise_date(day.strftime("%Y%m%d")) == day.isoformat()
    assert normalise_date(day) == day.isoformat()


@given(days, st.integers(min_value=-11, max_value=12), st.integers(0, 23))
def test_timestamps_keep_the_local_day(day: date, offset: int, hour: int) -> None:
    stamp = datetime(
        day.year, day.month, day.day, hour, 30, tzinfo=timezone(timedelta(hours=offset))
    )
    assert normalise_date(stamp.isoformat()) == day.isoformat()
    assert normalise_date(format_datetime(stamp)) == day.isoformat()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("5 March 2024", "2024-03-05"),
        ("March 5, 2024", "2024-03-05"),
        ("Tue, 05 Mar 2024 10:00:00 GMT", "2024-03-05"),
        ("2024-03-05T23:59:00Z", "2024-03-05"),
        (time.strptime("2024-03-05", "%Y-%m-%d"), "2024-03-05"),
        (datetime(2024, 3, 5, 23, tzinfo=UTC), "2024-03-05"),
        ("2024", None),
        ("March 2024", None),
        ("2024-02-30", None),
        ("not a date", None),
        ("", None),
        (None, None),
        (20240305, None),
    ],
)
def test_various_shapes(value: object, expected: str | None) -> None:
    assert normalise_date(value) == expected
