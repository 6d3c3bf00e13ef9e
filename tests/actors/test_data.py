from __future__ import annotations

import csv

import pycountry
import pytest

from dotterel.actors.lexicon import DATA_DIR, _read_tsv, default_lexicon, key_of
from dotterel.errors import DictionaryError


@pytest.fixture(scope="module")
def lex():
    return default_lexicon()


def test_every_iso_state_has_a_name(lex):
    for country in pycountry.countries:
        assert country.alpha_3 in lex.country_codes, country.name


@pytest.mark.parametrize(
    ("alias", "iso"),
    [
        ("DPRK", "PRK"),
        ("PRC", "CHN"),
        ("ROK", "KOR"),
        ("UAE", "ARE"),
        ("U.S.", "USA"),
        ("America", "USA"),
        ("Britain", "GBR"),
        ("Great Britain", "GBR"),
        ("Burma", "MMR"),
        ("Palestinians", "PSE"),
        ("Israeli", "ISR"),
        ("North Korean", "PRK"),
        ("Pyongyang", "PRK"),
        ("Kremlin", "RUS"),
        ("Whitehall", "GBR"),
        ("Quai d'Orsay", "FRA"),
    ],
)
def test_aliases_demonyms_and_seats(lex, alias, iso):
    entries = lex.names[key_of(alias)]
    assert entries[0].codes[0].code[:3] == iso


def test_short_ambiguous_names_are_case_sensitive(lex):
    for word in ("US", "Chad", "Turkey", "Jordan", "Guinea"):
        assert all(e.case_sensitive for e in lex.names[key_of(word)] if e.source != "city")


def test_office_holders_have_ordered_tenures():
    rows = _read_tsv(DATA_DIR / "office_holders.tsv")
    assert len(rows) > 250
    for row in rows:
        assert not row["end"] or row["start"] <= row["end"], row["name"]
    g20 = {
        "ARG",
        "AUS",
        "BRA",
        "CAN",
        "CHN",
        "FRA",
        "DEU",
        "IND",
        "IDN",
        "ITA",
        "JPN",
        "KOR",
        "MEX",
        "RUS",
        "SAU",
        "ZAF",
        "TUR",
        "GBR",
        "USA",
        "IRN",
        "PRK",
        "ISR",
        "UKR",
        "BLR",
        "SYR",
        "IGOUNO",
    }
    assert g20 <= {row["country"] for row in rows}


def test_holder_lookup_by_title_and_date(lex):
    assert lex.holder_for("RUS", "president", "1997-06-01").name == "Boris Yeltsin"
    assert lex.holder_for("GBR", "prime_minister", "2024-08-01").name == "Keir Starmer"
    assert lex.holder_for("IGOUNO", "secretary_general", "2000-01-01").name == "Kofi Annan"
    assert lex.holder_for("IRN", "president", "2024-06-15") is None  # interim after Raisi


def test_agent_roles_and_generated_plurals(lex):
    assert lex.agents["ambassador"][0] == "GOV"
    assert lex.agents["ambassadors"][0] == "GOV"
    assert lex.agents["policemen"][0] == "COP"
    assert lex.agents["lawmakers"][0] == "LEG"


def test_malformed_data_file_raises_dictionary_error(tmp_path):
    bad = tmp_path / "x.tsv"
    with bad.open("w") as fh:
        csv.writer(fh, delimiter="\t").writerows([["text", "role", "title"], ["a", "GOV"]])
    with pytest.raises(DictionaryError):
        _read_tsv(bad)
