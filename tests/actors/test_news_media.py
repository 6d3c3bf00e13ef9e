"""News media code to their home country as MED: named outlets, and generic broadcasters
by the country of their adjective or city."""

from __future__ import annotations

import pytest

from dotterel.actors import resolve


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("CNN", "USAMED"),
        ("the Associated Press", "USAMED"),
        ("The New York Times", "USAMED"),
        ("Reuters", "GBRMED"),
        ("the BBC", "GBRMED"),
        ("the Guardian", "GBRMED"),
        ("Agence France-Presse", "FRAMED"),
        ("Xinhua news agency", "CHNMED"),
        ("ITAR-TASS", "RUSMED"),
        ("Interfax", "RUSMED"),
        ("IRNA", "IRNMED"),
        ("KCNA", "PRKMED"),
        ("Yonhap", "KORMED"),
        ("Al Jazeera", "QATMED"),
        ("Anadolu news agency", "TURMED"),
        ("Haaretz", "ISRMED"),
        ("The Times of India", "INDMED"),
    ],
)
def test_news_media_code_to_their_home_country(text, code):
    assert resolve(text).code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Iraqi television", "IRQMED"),
        ("Syrian state TV", "SYRMED"),
        ("Belgrade radio", "SRBMED"),
        ("Omdurman radio", "SDNMED"),
        ("Iran's official news agency", "IRNMED"),
        ("a Lebanese newspaper", "LBNMED"),
    ],
)
def test_generic_broadcasters_take_the_country_of_their_adjective_or_city(text, code):
    assert resolve(text).code == code


def test_guardian_council_is_not_the_newspaper():
    assert resolve("the Guardian Council").code == "IRNGOV"


def test_media_in_running_text(run):
    doc = run("Troops moved north, according to CNN. Casualties rose, reported Reuters.")
    codes = {e.text: e.code for e in doc._.actors}
    assert codes["CNN"] == "USAMED" and codes["Reuters"] == "GBRMED"
    doc = run("Omdurman radio said the army had retreated.")
    assert {e.text: e.code for e in doc._.actors}["Omdurman radio"] == "SDNMED"
