"""Publication dates from the many shapes they come in, normalised to ``YYYY-MM-DD``."""

from __future__ import annotations

import re
import time
from datetime import date, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any

from dotterel.errors import BadDateError

#: The earliest publication day accepted (older dates are typos or placeholders).
EARLIEST_PUBLISHED = date(1800, 1, 1)

_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")
_COMPACT_DAY = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def normalise_date(value: Any) -> str | None:
    """``value`` as ``YYYY-MM-DD``, or ``None`` when it is empty or not a full date.

    Accepts ISO dates and timestamps (the local calendar day is kept, not converted to
    UTC: it is the day the outlet printed), RFC 822 feed dates, ``time.struct_time``,
    ``date``/``datetime`` objects, ``YYYYMMDD`` and English dates such as ``5 March 2024``.
    A year or a month alone is not a publication day and gives ``None``.
    """
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, time.struct_time):
        return time.strftime("%Y-%m-%d", value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    for pattern in (_ISO_DAY, _COMPACT_DAY):
        match = pattern.match(text)
        if match:
            try:
                return date(*(int(g) for g in match.groups())).isoformat()
            except ValueError:
                return None
    try:
        return parsedate_to_datetime(text).strftime("%Y-%m-%d")
    except (TypeError, ValueError, IndexError):
        pass
    return _dateparser_day(text)


def _dateparser_day(text: str) -> str | None:
    # Imported lazily: dateparser takes a noticeable time to import and most inputs
    # carry ISO dates.
    import dateparser

    # A full date names its year; "tomorrow" or "last Tuesday" depend on when it is read.
    if not re.search(r"\d{4}", text):
        return None

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    return parsed.strftime("%Y-%m-%d") if parsed else None


def check_published_day(day: str, what: str = "--published") -> str:
    """``day`` (``YYYY-MM-DD``) unless it is after tomorrow or before 1800 (``DOT602``).

    Tomorrow is allowed: an outlet east of the user may already print it.
    """
    parsed = date.fromisoformat(day)
    if parsed > date.today() + timedelta(days=1):
        raise BadDateError(f"{what} {day} is in the future")
    if parsed < EARLIEST_PUBLISHED:
        raise BadDateError(f"{what} {day} is before {EARLIEST_PUBLISHED.isoformat()}")
    return day
