"""Disputed and occupied territories, first-level subdivisions and country centroids."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from dotterel.places.gazetteer import Gazetteer, load_country_centroids, load_gazetteer

DATA = resources.files("dotterel.places").joinpath("data")


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def test_every_territory_and_alias_resolves_to_its_country(gaz: Gazetteer) -> None:
    data = yaml.safe_load(DATA.joinpath("territories.yaml").read_text("utf-8"))
    for entry in data["territories"]:
        for name in [entry["name"], *(entry.get("aliases") or [])]:
            loc = gaz.resolve(name)
            assert loc is not None, name
            if entry["name"] != "Kashmir":  # two administrations, see the next test
                assert loc.country == entry["country"], name
            assert loc.lat is not None and loc.lon is not None, name


@pytest.mark.parametrize(
    ("name", "country"),
    [
        # The gold README's conventions: ISO 3166-1 alpha-3, Palestine is PSE.
        ("West Bank", "PSE"),
        ("Gaza Strip", "PSE"),
        ("the occupied West Bank", "PSE"),
        ("northern Gaza Strip", "PSE"),
        ("Golan Heights", "SYR"),
        ("Crimea", "UKR"),
        ("Donbas", "UKR"),
        ("Abkhazia", "GEO"),
        ("South Ossetia", "GEO"),
        ("Transnistria", "MDA"),
        ("Nagorno-Karabakh", "AZE"),
        ("Northern Cyprus", "CYP"),
        ("Kurdistan Region", "IRQ"),
        ("Western Sahara", "ESH"),
        ("Pakistan-administered Kashmir", "PAK"),
        ("Indian-administered Kashmir", "IND"),
    ],
)
def test_disputed_territories(gaz: Gazetteer, name: str, country: str) -> None:
    loc = gaz.resolve(name)
    assert loc is not None and loc.country == country


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Helmand province", "AFG"),
        ("Helmand", "AFG"),
        ("Anbar", "IRQ"),
        ("Al Anbar province", "IRQ"),
        ("the governorate of Anbar", "IRQ"),
        ("Nangarhar", "AFG"),
        ("Rivers State", "NGA"),
        ("Kano State", "NGA"),
        ("Sindh", "PAK"),
        ("rebel-held Idlib", "SYR"),
        ("the province of Idlib", "SYR"),
        ("western Baghdad", "IRQ"),
    ],
)
def test_first_level_subdivisions(gaz: Gazetteer, name: str, country: str) -> None:
    loc = gaz.resolve(name)
    assert loc is not None and loc.country == country, name


@pytest.mark.parametrize("name", ["Southern", "Rivers", "Plateau", "Central", "Islamic State"])
def test_ordinary_words_are_not_subdivisions(gaz: Gazetteer, name: str) -> None:
    loc = gaz.resolve(name)
    assert loc is None or loc.country == "USA"  # "Central", Louisiana, is a GeoNames town


def test_names_that_are_places_themselves_keep_their_direction_word(gaz: Gazetteer) -> None:
    north, south = gaz.resolve("North Korea"), gaz.resolve("South Sudan")
    assert north is not None and north.country == "PRK"
    assert south is not None and south.country == "SSD"


def test_country_level_places_have_coordinates_inside_the_country(gaz: Gazetteer) -> None:
    # Rough boxes: the point must fall in the country, not in the sea or abroad.
    boxes = {
        "Russia": (41, 82, 19, 180),
        "Chile": (-56, -17, -76, -66),
        "Indonesia": (-11, 6, 95, 141),
        "United States": (24, 50, -125, -66),
        "France": (42, 51.5, -5, 8.5),
    }
    for name, (lat0, lat1, lon0, lon1) in boxes.items():
        loc = gaz.resolve(name)
        assert loc is not None and loc.lat is not None and loc.lon is not None, name
        assert lat0 <= loc.lat <= lat1 and lon0 <= loc.lon <= lon1, name


def test_centroid_table_covers_the_gazetteers_countries(gaz: Gazetteer) -> None:
    table = load_country_centroids()
    missing = {c for c in gaz.country_codes if c not in table}
    # GeoNames lists no settlement of 1,000 people for a few uninhabited territories.
    assert len(missing) <= 10, sorted(missing)
    assert {"PSE", "ESH", "XKX", "TWN"} <= set(table)
