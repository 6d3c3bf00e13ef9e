"""Cities carried by meeting names."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dotterel.places.extract import conference_city, find_conference_places


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("delegates at the third Minsk International Conference on Eurasian Security", "Minsk"),
        ("Leaders gathered for the BRICS summit in Kazan last week.", "Kazan"),
        ("the Munich Security Conference opened on Friday", "Munich"),
        ("at the Paris climate conference", "Paris"),
        ("talks held in Sharm el-Sheikh ended without a deal", "Sharm el-Sheikh"),
        ("a summit in Egypt", "Egypt"),
        ("on the sidelines of the Shangri-La Dialogue", "Singapore"),
        ("Geneva talks resumed", "Geneva"),
    ],
)
def test_meeting_names_give_their_city(text: str, city: str) -> None:
    assert conference_city(text) == city


@pytest.mark.parametrize(
    "text",
    [
        "the Iran nuclear talks stalled",
        "the Russia-Africa Summit",
        "the G20 summit",
        "the annual meeting of shareholders",
        "no meeting here at all",
    ],
)
def test_meetings_without_a_venue_give_none(text: str) -> None:
    assert conference_city(text) is None


def test_offsets_point_at_the_city_as_written() -> None:
    text = "He spoke at the BRICS summit in Kazan on Wednesday."
    (found,) = find_conference_places(text)
    assert found.how == "preposition"
    assert found.city_start is not None and found.city_end is not None
    assert text[found.city_start : found.city_end] == "Kazan"


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_any_text_is_safe(text: str) -> None:
    for found in find_conference_places(text):
        assert 0 <= found.start < found.end <= len(text)
        assert found.city
