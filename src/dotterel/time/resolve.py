"""Resolve a short time expression ("on Thursday", "Oct. 5", "last month") to a TIMEX value.

The resolver works on the DATE span only, never on a paragraph. Its own rules come first
(weekdays, month-day without a year, relative periods, quarters, seasons, decades, vague
references), because ``dateparser`` gets several of these wrong ("the 5th" → a month,
"mid-October" → nothing) and knows nothing about the tense of the clause; ``dateparser``
then handles the remaining explicit dates ("7/8/07", "12 March 1998").

Values follow TIMEX3: ``YYYY-MM-DD`` (day), ``YYYY-Www`` (week; ``YYYY-Www-WE`` for a
weekend), ``YYYY-MM`` (month), ``YYYY-Qn`` / ``YYYY-Hn`` (quarter, half), ``YYYY-SP``/``SU``/
``FA``/``WI`` (season), ``YYYY`` (year), ``YYY`` (decade).

Vague expressions ("soon", "recently", "currently", "the past") resolve to a
:class:`ResolvedTime` with ``vague=True``, the TIMEX3 reference value ``PAST_REF``,
``PRESENT_REF`` or ``FUTURE_REF`` as ``value`` and precision ``"ref"``: they say *that* the
text refers to a time but give no date (``iso_date`` is ``None``, :meth:`event_date` is
``None``). Expressions the resolver cannot read at all give ``None``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from dotterel.datafiles import read_yaml_mapping
from dotterel.errors import DictionaryError

DATA_DIR = Path(__file__).with_name("data")
TENSES = ("past", "present", "future")
PRECISIONS = ("day", "week", "month", "quarter", "season", "year", "decade", "duration", "ref")
# A month-day just after publication in a past-tense clause is a schedule reported in the
# past ("the vote was set for November 11"), not the same day a year earlier.
SOON_DAYS = 14


@dataclass(frozen=True, slots=True)
class ResolvedTime:
    """A resolved time expression.

    ``value`` is the TIMEX3 value, ``precision`` one of ``day``, ``week``, ``month``,
    ``quarter`` (also halves), ``season``, ``year``, ``decade``, ``duration`` (a stretch of
    time such as ``P6Y``: no date) or ``ref`` (vague);
    ``iso_date`` is the day (``YYYY-MM-DD``) for day precision, else ``None``.
    """

    value: str
    precision: str
    iso_date: str | None = None
    vague: bool = False

    def event_date(self) -> tuple[str, str] | None:
        """``(YYYY-MM-DD, precision)`` for an event record, or ``None``.

        Day precision gives the day; week, month and year give their first day with that
        precision; quarters, halves and seasons give the first day of their year with
        precision ``year`` (the event record only knows day/week/month/year, and ``year``
        is the finest of these that is still true). Decades and vague references give
        ``None``, and so do durations.
        """
        if self.vague:
            return None
        if self.precision == "day" and self.iso_date:
            return self.iso_date, "day"
        if self.precision == "week":
            match = re.match(r"(\d{4})-W(\d{2})", self.value)
            if match:
                monday = dt.date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1)
                return monday.isoformat(), "week"
        if self.precision == "month":
            return f"{self.value[:7]}-01", "month"
        if self.precision in ("year", "quarter", "season"):
            return f"{self.value[:4]}-01-01", "year"
        return None


def load_words(path: Path | None = None) -> dict[str, Any]:
    """Load the time word lists (``data/time_words.yaml`` by default).

    Raises :class:`~dotterel.errors.DictionaryError` when the file cannot be read or lacks
    a section the resolver needs.
    """
    path = path or DATA_DIR / "time_words.yaml"
    data = read_yaml_mapping("dotterel.time", "data/time_words.yaml", "time word list", path=path)
    needed = ("months", "weekdays", "numbers", "ordinals", "seasons", "day_parts", "vague")
    missing = [key for key in needed if key not in data]
    if missing:
        raise DictionaryError(f"missing sections {missing}", source=str(path))
    return data


WORDS: dict[str, Any] = load_words()
MONTHS: dict[str, int] = {str(k): int(v) for k, v in WORDS["months"].items()}
WEEKDAYS: dict[str, int] = {str(k): int(v) for k, v in WORDS["weekdays"].items()}
NUMBERS: dict[str, int] = {str(k): int(v) for k, v in WORDS["numbers"].items()}
ORDINALS: dict[str, int] = {str(k): int(v) for k, v in WORDS["ordinals"].items()}
SEASONS: dict[str, str] = {str(k): str(v) for k, v in WORDS["seasons"].items()}
VAGUE: dict[str, str] = {
    phrase.lower(): ref for ref, phrases in WORDS["vague"].items() for phrase in phrases
}
VAGUE_CONTAINS: list[tuple[str, str]] = [
    (word, ref) for ref, words in WORDS.get("vague_contains", {}).items() for word in words
]

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_NUMBER = "|".join(sorted((re.escape(k) for k in NUMBERS), key=len, reverse=True))
_DAY_PART = "|".join(WORDS["day_parts"])
_SEASON = "|".join(SEASONS)
_SEASON_ORDER = {"WI": 0, "SP": 1, "SU": 2, "FA": 3}

_LEADING = re.compile(
    r"^(?:on|in|at|by|during|since|until|till|from|of|for|before|after|over|through|"
    r"throughout|around|about|as of|as early as|as late as|no later than|within|between)\s+"
)
_MODIFIER = re.compile(
    r"^(?:(?:the\s+)?(?:very\s+)?(?:earlier|early|middle|mid|later|late|end|beginning|start|"
    r"close|turn|first\s+half|second\s+half|latter\s+part|last\s+days|first\s+days)"
    r"(?:\s+(?:in|on|of))?\s*-?\s*)"
)


def _words_of(text: str) -> str:
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    text = re.sub(r"(?<!\d)\.|\.(?!\d)", " ", text)
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[\"(),;:!?\[\]]", " ", text)
    return " ".join(text.split()).strip(" -")


def normalise(text: str) -> str:
    """Lower-case, de-tokenise and strip the leading preposition of a time expression."""
    text = _words_of(text)
    previous = None
    while previous != text:
        previous = text
        text = _LEADING.sub("", text)
    return text


def parse_published(published: str | None) -> dt.date | None:
    """Read a publication date: ISO (with or without a time) or ``DD-MM-YYYY``."""
    if not published:
        return None
    published = published.strip()
    match = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", published)
    try:
        if match:
            return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        match = re.match(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$", published)
        if match:
            return dt.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    except ValueError:
        return None
    return None


# --- value builders ---------------------------------------------------------------------


def _day(date: dt.date) -> ResolvedTime:
    return ResolvedTime(date.isoformat(), "day", date.isoformat())


def _week(date: dt.date, weekend: bool = False) -> ResolvedTime:
    year, week, _ = date.isocalendar()
    return ResolvedTime(f"{year}-W{week:02d}" + ("-WE" if weekend else ""), "week")


def _month(year: int, month: int) -> ResolvedTime:
    return ResolvedTime(f"{year:04d}-{month:02d}", "month")


def _year(year: int) -> ResolvedTime:
    return ResolvedTime(f"{year:04d}", "year")


def _ref(ref: str) -> ResolvedTime:
    return ResolvedTime(ref, "ref", None, True)


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# --- tense-dependent choices ------------------------------------------------------------


def _weekday(base: dt.date, weekday: int, tense: str | None, direction: str | None) -> dt.date:
    """Most recent such weekday on or before ``base``, or the next one after it (future)."""
    if direction == "next" or (direction is None and tense == "future"):
        return base + dt.timedelta(days=(weekday - base.weekday()) % 7 or 7)
    if direction == "last":
        return base - dt.timedelta(days=(base.weekday() - weekday) % 7 or 7)
    return base - dt.timedelta(days=(base.weekday() - weekday) % 7)


def _month_day(base: dt.date, month: int, day: int, tense: str | None) -> dt.date | None:
    candidates = [
        date
        for year in range(base.year - 4, base.year + 5)
        if (date := _safe_date(year, month, day))
    ]
    if not candidates:
        return None
    past = [d for d in candidates if d <= base]
    future = [d for d in candidates if d >= base]
    if tense == "past":
        if future and (future[0] - base).days <= SOON_DAYS:
            return future[0]
        return past[-1] if past else None
    if tense == "future":
        return future[0] if future else None
    return min(candidates, key=lambda d: (abs((d - base).days), d > base))


def _cycle(
    base_index: int, period: int, slot: int, tense: str | None, direction: str | None
) -> int:
    """Pick the index ``n`` (``n % period == slot``) of a yearly cycle (months, quarters...).

    ``base_index`` is the index of the publication date's own slot. Past picks the most
    recent slot on or before it, future the next on or after it, and otherwise (present,
    unknown) the nearer of the two (the past one on a tie).
    """
    own = base_index % period
    if direction == "last":
        return base_index - ((own - slot) % period or period)
    if direction == "next":
        return base_index + ((slot - own) % period or period)
    back = (own - slot) % period
    ahead = (slot - own) % period
    if tense == "past":
        return base_index - back
    if tense == "future":
        return base_index + ahead
    return base_index - back if back <= ahead else base_index + ahead


# --- the rules --------------------------------------------------------------------------

_UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month"}
_UNITS.update({"months": "month", "year": "year", "years": "year", "fortnight": "fortnight"})
_DECK = (
    r"(this|last|next|the past|the last|the previous|the coming|the next|the following|"
    r"the preceding|the current|the same|that|current|past|previous|coming|following)"
)


def _direction(word: str | None) -> str | None:
    if not word:
        return None
    word = word.removeprefix("the ")
    if word in ("last", "past", "previous", "preceding"):
        return "last"
    if word in ("next", "coming", "following"):
        return "next"
    return "this"


def _relative_period(unit: str, direction: str, base: dt.date) -> ResolvedTime | None:
    step = {"last": -1, "next": 1}.get(direction, 0)
    if unit == "day":
        return _day(base + dt.timedelta(days=step))
    if unit == "week":
        return _week(base + dt.timedelta(weeks=step))
    if unit == "weekend":
        return _week(base + dt.timedelta(weeks=step), weekend=True)
    if unit == "month":
        return _month(*_add_months(base.year, base.month, step))
    if unit == "year":
        return _year(base.year + step)
    if unit == "quarter":
        index = base.year * 4 + (base.month - 1) // 3 + step
        return ResolvedTime(f"{index // 4}-Q{index % 4 + 1}", "quarter")
    if unit == "decade":
        return ResolvedTime(f"{base.year // 10 + step:03d}", "decade")
    return None


def _shift(base: dt.date, amount: int, unit: str) -> ResolvedTime | None:
    if unit in ("day", "week", "fortnight"):
        days = {"day": 1, "week": 7, "fortnight": 14}[unit] * amount
        return _day(base + dt.timedelta(days=days))
    if unit == "month":
        return _month(*_add_months(base.year, base.month, amount))
    if unit == "year":
        return _year(base.year + amount)
    return None


def _two_digit_year(yy: int, base: dt.date | None) -> int:
    limit = (base.year if base else dt.date.today().year) + 10
    return 2000 + yy if 2000 + yy <= limit else 1900 + yy


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return NUMBERS.get(word)


def _strip_modifier(text: str) -> str:
    stripped = _MODIFIER.sub("", text, count=1).strip()
    return stripped or text


def _strip_day_part(text: str) -> str:
    text = re.sub(rf"\s+(?:at\s+|in\s+the\s+|on\s+)?(?:{_DAY_PART})$", "", text)
    return re.sub(rf"^(?:(?:early|late)\s+)?(?:{_DAY_PART})\s+(?:of\s+)?", "", text)


def _deictic_day(text: str, base: dt.date | None) -> ResolvedTime | None:
    if base is None:
        return None
    offset = _DEICTIC.get(text)
    return None if offset is None else _day(base + dt.timedelta(days=offset))


_DEICTIC = {"today": 0, "tonight": 0, "this day": 0, "this morning": 0, "this afternoon": 0}
_DEICTIC.update({"this evening": 0, "earlier today": 0, "later today": 0, "yesterday": -1})
_DEICTIC.update({"last night": -1, "tomorrow": 1, "the day before yesterday": -2})
_DEICTIC.update({"the day after tomorrow": 2})
_DURATION_UNITS = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE"}


def _duration(text: str) -> ResolvedTime | None:
    """Stretches of time ("six years", "the past nine days", "single-day") name no date."""
    m = re.fullmatch(
        r"(?:(?:more than|less than|nearly|almost|about|around|some|over|for|the past|"
        r"the last|the next|the previous|the first|past|last|next)\s+)*"
        rf"({_NUMBER}|\d+|single|intra)[\s-]*(day|week|month|year|decade)s?(?:\s+long)?",
        text,
    )
    if not m:
        return None
    amount = 1 if m.group(1) in ("single", "intra") else _number(m.group(1))
    if amount is None:
        return None
    unit = m.group(2)
    if unit == "decade":
        amount, unit = amount * 10, "year"
    return ResolvedTime(f"P{amount}{_DURATION_UNITS[unit]}", "duration")


def _rules(
    text: str, base: dt.date | None, tense: str | None, anchor: tuple[str, ...]
) -> ResolvedTime | None:
    """Own rules, tried in order; ``None`` when no rule reads ``text``."""
    days = [parse_published(value) for value in anchor if len(value) >= 10]
    anchor_day = next((day for day in days if day is not None), None)
    anchor_year = int(anchor[0][:4]) if anchor and anchor[0][:4].isdigit() else None
    if text in VAGUE:
        return _ref(VAGUE[text])
    text = _strip_modifier(text)
    text = _LEADING.sub("", text)
    if text in VAGUE:
        return _ref(VAGUE[text])
    if (deictic := _deictic_day(text, base)) is not None:
        return deictic
    if (duration := _duration(text)) is not None:
        return duration
    text = _strip_day_part(text)

    # Absolute forms first: they need no publication date.
    if m := re.fullmatch(r"(?:the\s+year\s+)?(1[0-9]{3}|20[0-9]{2})", text):
        return _year(int(m.group(1)))
    if m := re.fullmatch(r"'(\d{2})", text):
        return _year(_two_digit_year(int(m.group(1)), base))
    if m := re.fullmatch(r"(?:the\s+)?(1[0-9]{2}|20[0-9])0'?s", text):
        return ResolvedTime(m.group(1), "decade")
    if m := re.fullmatch(r"(?:the\s+)?'?([0-9])0'?s", text):
        return ResolvedTime(str(_two_digit_year(int(m.group(1)) * 10, base))[:3], "decade")
    if m := re.fullmatch(
        rf"(?:({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?|(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
        rf"({_MONTH})),?\s+(\d{{4}})",
        text,
    ):
        month = MONTHS[m.group(1) or m.group(4)]
        date = _safe_date(int(m.group(5)), month, int(m.group(2) or m.group(3)))
        return _day(date) if date else None
    if m := re.fullmatch(rf"({_MONTH}),?\s+(?:of\s+)?(\d{{4}})", text):
        return _month(int(m.group(2)), MONTHS[m.group(1)])
    if m := re.fullmatch(rf"({_SEASON})\s+(?:of\s+)?(\d{{4}})", text):
        return ResolvedTime(f"{m.group(2)}-{SEASONS[m.group(1)]}", "season")
    if m := re.fullmatch(
        r"(?:the\s+)?(first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+"
        rf"(quarter|half)(?:\s+of)?(?:\s+(\d{{4}}|{_DECK}\s+year))?",
        text,
    ):
        return _quarter(m, base, tense)
    if m := re.fullmatch(r"q([1-4])\s+(\d{4})|(\d{4})\s+q([1-4])", text):
        year, quarter = (m.group(2), m.group(1)) if m.group(1) else (m.group(3), m.group(4))
        return ResolvedTime(f"{year}-Q{quarter}", "quarter")

    if base is None:
        return None
    ref_day = anchor_day or base

    if (deictic := _deictic_day(text, base)) is not None:
        return deictic
    if text in ("the day", "the same day", "that day", "that same day", "the very day"):
        return _day(ref_day) if ref_day else None
    if text in ("the next day", "the following day", "the day after", "a day later"):
        return _day(ref_day + dt.timedelta(days=1)) if ref_day else None
    if text in ("the previous day", "the day before", "the preceding day", "a day earlier"):
        return _day(ref_day - dt.timedelta(days=1)) if ref_day else None
    if text in ("the previous year", "the year before", "the year previous", "a year earlier"):
        return _year((anchor_year or base.year) - 1)
    if text in ("the year", "the entire year", "the whole year", "the full year"):
        return _year(anchor_year or base.year)
    if re.fullmatch(r"(?:a|the)\s+(?:\w+\s+)?(?:straight|consecutive|successive)\s+day", text):
        # "for a second straight day": the run reaches the day of the report.
        return _day(base)

    # Weekdays: "Thursday", "last Monday", "next Friday", "this Tuesday".
    if m := re.fullmatch(rf"(?:(this|last|next|past|coming)\s+)?({_WEEKDAY})", text):
        direction = _direction(m.group(1))
        if direction == "this":
            direction = None
        return _day(_weekday(base, WEEKDAYS[m.group(2)], tense, direction))
    # "Thursday, October 31" / "Thursday 31 October": the date decides.
    if m := re.fullmatch(rf"(?:{_WEEKDAY})\s*,?\s+(.+)", text):
        return _rules(m.group(1), base, tense, anchor)
    # Month-day without a year.
    if m := re.fullmatch(
        rf"({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?|(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+"
        rf"(?:of\s+)?({_MONTH})",
        text,
    ):
        month = MONTHS[m.group(1) or m.group(4)]
        date = _month_day(base, month, int(m.group(2) or m.group(3)), tense)
        return _day(date) if date else None
    # "the 5th": a day of the publication month (or the one before, for the past).
    if m := re.fullmatch(r"the\s+(\d{1,2})(?:st|nd|rd|th)", text):
        day = int(m.group(1))
        year, month = base.year, base.month
        if tense == "past" and day > base.day:
            year, month = _add_months(year, month, -1)
        elif tense == "future" and day < base.day:
            year, month = _add_months(year, month, 1)
        date = _safe_date(year, month, day)
        return _day(date) if date else None
    # Month name alone: "October", "last September", "next March".
    if m := re.fullmatch(rf"(?:(this|last|next|past|coming)\s+)?({_MONTH})", text):
        direction = _direction(m.group(1))
        index = _cycle(
            base.year * 12 + base.month - 1,
            12,
            MONTHS[m.group(2)] - 1,
            tense,
            None if direction == "this" else direction,
        )
        return _month(index // 12, index % 12 + 1)
    # Seasons: "spring", "last summer".
    if m := re.fullmatch(rf"(?:(this|last|next|past|coming)\s+)?({_SEASON})", text):
        code = SEASONS[m.group(2)]
        own = {12: 0, 1: 0, 2: 0, 3: 1, 4: 1, 5: 1, 6: 2, 7: 2, 8: 2}.get(base.month, 3)
        direction = _direction(m.group(1))
        index = _cycle(
            base.year * 4 + own,
            4,
            _SEASON_ORDER[code],
            tense,
            None if direction == "this" else direction,
        )
        return ResolvedTime(f"{index // 4}-{code}", "season")
    # "this week", "last month", "the past decade", "the coming year", "this weekend".
    if m := re.fullmatch(rf"{_DECK}\s+(day|week|weekend|month|year|quarter|decade)", text):
        direction = _direction(m.group(1)) or "this"
        if m.group(1).startswith(("the following", "the preceding", "the same", "that")):
            # Anaphoric: counted from the date in focus, not from publication.
            return _relative_period(m.group(2), direction, ref_day or base)
        return _relative_period(m.group(2), direction, base)
    if text in ("the weekend", "weekend"):
        return _relative_period("weekend", "last" if tense == "past" else "this", base)
    # "two days ago", "a week later", "three years from now".
    if m := re.fullmatch(
        rf"({_NUMBER}|\d+)\s+(days?|weeks?|months?|years?|fortnight)\s+"
        r"(ago|earlier|before|back|later|after|from now|hence|on)",
        text,
    ):
        amount = _number(m.group(1))
        if amount is None:
            return None
        sign = -1 if m.group(3) in ("ago", "earlier", "before", "back") else 1
        start = base if m.group(3) in ("ago", "from now", "hence", "back") else ref_day or base
        return _shift(start, sign * amount, _UNITS[m.group(2)])
    # "this year's", "next year" handled above; "of this year" leftovers: "year".
    return None


def _quarter(m: re.Match[str], base: dt.date | None, tense: str | None) -> ResolvedTime | None:
    word, unit, year_part = m.group(1), m.group(2), m.group(3)
    period = 4 if unit == "quarter" else 2
    letter = "Q" if unit == "quarter" else "H"
    slot = period if word in ("final", "last") else ORDINALS.get(word, 0)
    if not 1 <= slot <= period:
        return None
    if year_part and year_part.isdigit():
        return ResolvedTime(f"{year_part}-{letter}{slot}", "quarter")
    if base is None:
        return None
    if year_part:
        direction = _direction(year_part.rsplit(" ", 1)[0])
        year = base.year + {"last": -1, "next": 1}.get(direction or "this", 0)
        return ResolvedTime(f"{year}-{letter}{slot}", "quarter")
    own = (base.month - 1) * period // 12
    if word == "last" and unit == "quarter":
        index = base.year * period + own - 1
        return ResolvedTime(f"{index // period}-{letter}{index % period + 1}", "quarter")
    index = _cycle(base.year * period + own, period, slot - 1, tense, None)
    return ResolvedTime(f"{index // period}-{letter}{index % period + 1}", "quarter")


# --- dateparser fallback ----------------------------------------------------------------


@lru_cache(maxsize=8192)
def _dateparser(text: str, base: dt.date | None, prefer: str) -> ResolvedTime | None:
    # Only explicit dates reach here: the relative ones are the rules' job, and dateparser
    # would otherwise read "a later time" or "the program" as something.
    has_month = re.search(rf"\b(?:{_MONTH})\b", text) is not None
    if not re.search(r"\d", text):
        return None
    if not has_month and not re.fullmatch(r"[\d/.\- ]+", text):
        return None
    settings: dict[str, Any] = {"PREFER_DATES_FROM": prefer, "REQUIRE_PARTS": []}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    from dateparser.date import DateDataParser

    parser = DateDataParser(languages=["en"], settings=settings)
    data = parser.get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    date = data.date_obj.date()
    period = data.period or "day"
    if period == "year":
        return _year(date.year)
    if period == "month":
        return _month(date.year, date.month)
    if period == "week":
        return _week(date)
    return _day(date)


@lru_cache(maxsize=16384)
def _resolve_cached(
    text: str, published: str | None, tense: str | None, anchor: tuple[str, ...]
) -> ResolvedTime | None:
    base = parse_published(published)
    norm = normalise(text)
    if not norm:
        return None
    result = _rules(norm, base, tense, anchor)
    if result is not None:
        return result
    if (stripped := _strip_day_part(_strip_modifier(norm))) and re.search(r"\d", stripped):
        prefer = {"past": "past", "future": "future"}.get(tense or "", "current_period")
        result = _dateparser(stripped, base, prefer)
        if result is not None:
            return result
    for word, ref in VAGUE_CONTAINS:
        if re.search(rf"\b{re.escape(word)}\b", norm):
            return _ref(ref)
    return None


def resolve_timex(
    text: str,
    published: str | None,
    tense: str | None = None,
    *,
    anchor: str | Sequence[str] | None = None,
) -> ResolvedTime | None:
    """Resolve a time expression against the publication date.

    ``text`` is the short expression itself (a spaCy DATE span, not a sentence);
    ``published`` the article's date (``YYYY-MM-DD``; ``DD-MM-YYYY`` is read too);
    ``tense`` the tense of the clause it sits in (``"past"``, ``"present"``, ``"future"``
    or ``None``). Weekdays go to the most recent one on or before the publication date
    (past, present, unknown) or the next one after it (future); month-days without a year
    to the nearest year consistent with the tense. ``anchor`` is the date in focus: a
    TIMEX value or several, most recent first (the values resolved before the expression).
    Anaphoric phrases count from it: "the same day" and "two days later" from its latest
    day (``YYYY-MM-DD``), "the previous year" from the year of its first value; without
    one they count from publication. Returns ``None`` when the expression cannot be read or
    needs a publication date that is missing.
    """
    if tense not in (None, *TENSES):
        tense = None
    if anchor is None:
        anchors: tuple[str, ...] = ()
    elif isinstance(anchor, str):
        anchors = (anchor,)
    else:
        anchors = tuple(anchor)
    return _resolve_cached(text, published, tense, anchors)
