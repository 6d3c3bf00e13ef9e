"""Datelines: a table of wire formats, false-positive guards and property tests."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dotterel.time.dateline import Dateline, parse_dateline

PUB = "2024-11-01"

FORMATS = [
    ("BEIJING, April 7 (AFP) - China said", "Beijing", "2024-04-07", "AFP"),
    ("MOSCOW, Oct 31 (Reuters) - The Kremlin", "Moscow", "2024-10-31", "Reuters"),
    ("WASHINGTON (AP) \u2014 Lawmakers", "Washington", None, "AP"),
    ("Kabul, Afghanistan, Jan. 3 (Xinhua) -- The", "Kabul, Afghanistan", "2024-01-03", "Xinhua"),
    ("UNITED NATIONS, May 2 (AFP) - The council", "United Nations", "2024-05-02", "AFP"),
    ("PARIS, 12 March 1998 (AFP) - Ministers", "Paris", "1998-03-12", "AFP"),
    ("JERUSALEM, Dec 3 (AFP) - Officials", "Jerusalem", "2023-12-03", "AFP"),
    ("DAMASCUS -- Troops", "Damascus", None, None),
    ("NEW YORK, Nov. 2 (Reuters) - Stocks", "New York", "2024-11-02", "Reuters"),
]


@pytest.mark.parametrize(("text", "place", "date", "outlet"), FORMATS)
def test_wire_formats(text: str, place: str, date: str | None, outlet: str | None) -> None:
    dateline = parse_dateline(text, PUB)
    assert dateline is not None
    assert (dateline.place, dateline.date, dateline.outlet) == (place, date, outlet)
    assert dateline.start == 0
    # The dateline ends with its dash: the story starts right after it.
    assert text[dateline.end :].strip()[0].isupper()


def test_dateline_after_a_title_line_has_body_offsets() -> None:
    text = "Talks resume in Geneva\nGENEVA, June 3 (AFP) - Delegates met."
    dateline = parse_dateline(text, "2024-06-04")
    assert dateline == Dateline("Geneva", "2024-06-03", "AFP", 23, 45)
    assert text[dateline.start : dateline.end] == "GENEVA, June 3 (AFP) -"


def test_year_is_unknown_without_publication_date() -> None:
    dateline = parse_dateline("MOSCOW, Oct 31 (Reuters) - x", None)
    assert dateline is not None and dateline.date is None and dateline.place == "Moscow"


@pytest.mark.parametrize(
    "text",
    [
        "Russia and Iran are set to sign a joint agreement - officials say.",
        "US intelligence alleged that troops arrived.",
        "Russia, Iran to sign strategic partnership agreement on defense\n"
        "Russia and Iran are reportedly set to sign a joint agreement.",
        "NATO - Russia relations worsen",
        "Putin - the man who",
        "Kabul - The city",
        "",
    ],
)
def test_ordinary_openings_are_not_datelines(text: str) -> None:
    assert parse_dateline(text, PUB) is None


cities = st.sampled_from(["BEIJING", "MOSCOW", "TEHRAN", "NEW DELHI", "UNITED NATIONS"])
outlets = st.sampled_from(["AFP", "Reuters", "AP", "Xinhua"])
dashes = st.sampled_from(["-", "--", "\u2014", "\u2013"])


@given(
    city=cities,
    outlet=outlets,
    dash=dashes,
    published=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2060, 1, 1)),
    back=st.integers(min_value=0, max_value=300),
    abbreviate=st.booleans(),
)
def test_month_day_datelines_resolve_to_the_nearest_past_day(
    city: str, outlet: str, dash: str, published: dt.date, back: int, abbreviate: bool
) -> None:
    day = published - dt.timedelta(days=back)
    month = day.strftime("%b.") if abbreviate else day.strftime("%B")
    text = f"{city}, {month} {day.day} ({outlet}) {dash} Officials said on Monday."
    dateline = parse_dateline(text, published.isoformat())
    assert dateline is not None
    assert dateline.date == day.isoformat()
    assert dateline.outlet == outlet
    assert dateline.place == city.title()
    assert text[dateline.end :].startswith(" Officials")


@given(
    sentence=st.text(alphabet="abcdefghijklmnopqrstuvwxyz ,.", min_size=1, max_size=60),
    first=st.sampled_from(["The", "Russia", "Iran", "Officials", "China and"]),
)
def test_sentences_opening_in_lower_case_words_are_not_datelines(sentence: str, first: str) -> None:
    assert parse_dateline(f"{first} {sentence}", PUB) is None
