"""Wire-service datelines: "BEIJING, April 7 (AFP) -", "WASHINGTON (AP) —", "DAMASCUS -- ".

A dateline opens the article body (the first line, or the second when the first is the
title). It names where the story was filed, often the day and the agency. To keep ordinary
first sentences ("Russia and Iran are set to sign ...") out, a dateline must end in a
dash, and its place must be followed by a date or an agency, or be written in capitals
before a long dash.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dotterel.time.resolve import MONTHS, parse_published

# How far a dateline's day may run ahead of the publication date (time zones).
_AHEAD_DAYS = 1
_MONTH = "(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
_WORD = rf"(?!{_MONTH}\b)[A-Z][A-Za-z'’.\-]*"
_SEGMENT = rf"{_WORD}(?:[ \t]+(?:{_WORD}|of|de|la|el|al))*?"
_DATELINE = re.compile(
    rf"""
    [ \t]*(?P<place>{_SEGMENT}(?:,[ \t]*{_SEGMENT}){{0,2}}?)
    (?:,?[ \t]*(?P<date>
        (?P<m1>{_MONTH})\.?[ \t]+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:,?[ \t]+(?P<y1>\d{{4}}))?
      | (?P<d2>\d{{1,2}})(?:st|nd|rd|th)?[ \t]+(?P<m2>{_MONTH})\.?(?:,?[ \t]+(?P<y2>\d{{4}}))?
    ))?
    [ \t]*(?:\((?P<outlet>[A-Za-z][A-Za-z0-9 .&/-]{{0,40}}?)\))?
    [ \t]*(?P<dash>---?|—|–|-)
    """,
    re.VERBOSE,
)
_MONTH_RE = re.compile(rf"^{_MONTH}$")


@dataclass(frozen=True, slots=True)
class Dateline:
    """A parsed dateline: place as written (capitals title-cased), day, agency, offsets."""

    place: str | None
    date: str | None
    outlet: str | None
    start: int
    end: int


def parse_dateline(text: str, published: str | None) -> Dateline | None:
    """Parse the dateline opening ``text`` (its first or second line), or return ``None``.

    ``date`` is ``YYYY-MM-DD``: a month-day without a year goes to the most recent such day
    on or before ``published`` (a day ahead is allowed for time zones); it is ``None`` when
    the dateline gives no day or the year cannot be known.
    """
    first_break = text.find("\n")
    starts = [0]
    if first_break != -1:
        starts.append(first_break + 1)
    for start in starts:
        # Skip blank lines between a title and the body.
        while start < len(text) and text[start] in "\r\n":
            start += 1
        match = _DATELINE.match(text, start)
        if match is None or "\n" in match.group(0):
            continue
        dateline = _accept(match, published)
        if dateline is not None:
            return dateline
    return None


def _accept(match: re.Match[str], published: str | None) -> Dateline | None:
    place = match.group("place").strip()
    outlet = match.group("outlet")
    has_date = match.group("date") is not None
    letters = [c for c in place if c.isalpha()]
    all_caps = bool(letters) and all(c.isupper() for c in letters)
    # A bare place needs capitals and a long dash ("DAMASCUS --"): "NATO - Russia"
    # opening a title is not a dateline.
    bare_ok = all_caps and len(letters) >= 3 and match.group("dash") != "-"
    if not (has_date or outlet or bare_ok):
        return None
    if len(place) > 60:
        return None
    date = _date(match, published) if has_date else None
    return Dateline(
        place=_title(place) if all_caps or place.split(",")[0].isupper() else place,
        date=date,
        outlet=outlet.strip() if outlet else None,
        start=match.start("place"),
        end=match.end("dash"),
    )


def _title(place: str) -> str:
    def word(w: str) -> str:
        if len(w) <= 3 and "." in w:
            return w.upper()
        return w[:1].upper() + w[1:].lower() if w.isupper() else w

    parts = re.split(r"([ \t,\-]+)", place)
    titled = [word(p) if p and p[0].isalpha() else p for p in parts]
    lowered = {"Of": "of", "De": "de", "La": "la", "El": "el", "Al": "al"}
    return "".join(lowered.get(p, p) if i else p for i, p in enumerate(titled))


def _date(match: re.Match[str], published: str | None) -> str | None:
    month_word = (match.group("m1") or match.group("m2") or "").lower()
    if not _MONTH_RE.match(month_word):
        return None
    month = MONTHS[month_word]
    day = int(match.group("d1") or match.group("d2"))
    year_text = match.group("y1") or match.group("y2")
    if year_text:
        try:
            return dt.date(int(year_text), month, day).isoformat()
        except ValueError:
            return None
    base = parse_published(published)
    if base is None:
        return None
    limit = base + dt.timedelta(days=_AHEAD_DAYS)
    for year in range(limit.year, limit.year - 5, -1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate <= limit:
            return candidate.isoformat()
    return None
