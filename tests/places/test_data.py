"""The shipped data files load, hold what the code expects, and bad files are refused."""

from __future__ import annotations

from importlib import resources
from typing import Any

import pytest
import yaml

from dotterel import datafiles
from dotterel.errors import DictionaryError
from dotterel.places import component, extract
from dotterel.places.gazetteer import load_gazetteer

DATA = resources.files("dotterel.places").joinpath("data")


def _yaml(name: str) -> Any:
    return yaml.safe_load(DATA.joinpath(name).read_text("utf-8"))


def test_every_redirect_lands_in_its_stated_country() -> None:
    gaz = load_gazetteer()
    for alias, (_city, country) in _yaml("places.yaml")["redirects"].items():
        loc = gaz.resolve(alias)
        assert loc is not None and loc.country == country, alias


def test_every_extra_country_name_resolves_to_its_code() -> None:
    gaz = load_gazetteer()
    for alias, code in _yaml("places.yaml")["country_names"].items():
        loc = gaz.resolve(str(alias))
        assert loc is not None and loc.country == code, alias


def test_every_not_place_stays_unresolved() -> None:
    gaz = load_gazetteer()
    for name in _yaml("places.yaml")["not_places"]:
        assert gaz.resolve(str(name)) is None, name


def test_attachment_rules_are_words_not_booleans() -> None:
    rules = component.load_attachment_rules()
    assert "on" in rules.target_preps and "in" in rules.locative
    assert "visit" in rules.motion_lemmas and "say" in rules.reporting


def test_every_known_venue_is_a_gazetteer_place() -> None:
    gaz = load_gazetteer()
    for meeting, city in _yaml("conferences.yaml")["venues"].items():
        assert gaz.resolve(city) is not None, meeting


class _FakeFiles:
    def __init__(self, text: str) -> None:
        self.text = text

    def joinpath(self, _name: str) -> _FakeFiles:
        return self

    def read_text(self, _encoding: str) -> str:
        return self.text


@pytest.mark.parametrize(
    "text", ["locative_prepositions: [on]\n", "- just a list\n", "key: [unclosed\n"]
)
def test_malformed_attachment_file_is_refused(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(datafiles.resources, "files", lambda _pkg: _FakeFiles(text))
    component.load_attachment_rules.cache_clear()
    try:
        with pytest.raises(DictionaryError) as info:
            component.load_attachment_rules()
        assert info.value.code == "DOT200"
    finally:
        monkeypatch.undo()
        component.load_attachment_rules.cache_clear()


def test_malformed_meeting_file_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "keywords: [summit]\nstop_words: [the, on]\nvenues: {}\n"
    monkeypatch.setattr(datafiles.resources, "files", lambda _pkg: _FakeFiles(text))
    extract._rules.cache_clear()
    try:
        with pytest.raises(DictionaryError):
            extract._rules()
    finally:
        monkeypatch.undo()
        extract._rules.cache_clear()


def test_every_seat_is_a_known_city() -> None:
    seats = component.load_seats()
    assert seats["security council"].country == "USA"
    assert all(seat.country and seat.source == "seat" for seat in seats.values())
