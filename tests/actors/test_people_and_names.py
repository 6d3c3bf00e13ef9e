"""People: leaders coded within their tenure, nationality and titles over namesakes,
surnames, misspellings and names the tagger cuts (sentences written for these tests)."""

from __future__ import annotations

import pytest

from dotterel.actors import resolve


def _at(doc, text):
    return [e for e in doc._.actors if e.text == text]


# -- leaders within their tenure ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date", "code", "canonical"),
    [
        ("President Omar El Bashir", "2000-01-01", "SDNGOV", "Omar al-Bashir"),
        ("Laurent Gbagbo", "2003-01-01", "CIVGOV", "Laurent Gbagbo"),
        ("Slobodan Milosevic", "1999-04-01", "SRBGOV", "Slobodan Milosevic"),
        ("Zoran Djindjic", "1997-01-01", "SRBOPP", "Zoran Djindjic"),
        ("Zoran Djindjic", "2002-01-01", "SRBGOV", "Zoran Djindjic"),
        ("Hamid Karzai", "2003-01-01", "AFGGOV", "Hamid Karzai"),
        ("Jonas Savimbi", "1999-01-01", "AGOREB", "Jonas Savimbi"),
        ("Foday Sankoh", "2000-01-01", "SLEREB", "Foday Sankoh"),
        ("Velupillai Prabhakaran", "2000-01-01", "LKAREB", "Velupillai Prabhakaran"),
        ("Aung San Suu Kyi", "2000-01-01", "MMROPP", "Aung San Suu Kyi"),
        ("Mahathir", "2000-01-01", "MYSGOV", "Mahathir Mohamad"),
        ("Sheikh Hamad", "2000-01-01", "QATGOV", "Hamad bin Khalifa Al Thani"),
        ("Israeli Prime Minister Ehud Barak", None, "ISRGOV", "Ehud Barak"),
    ],
)
def test_historic_leaders_resolve_within_their_tenure(text, date, code, canonical):
    res = resolve(text, date)
    assert (res.code, res.canonical) == (code, canonical)


def test_solana_alone_is_the_eu_after_leaving_nato():
    assert resolve("Javier Solana", "2006-07-20").code == "IGOEUREECGOV"
    assert resolve("Javier Solana", "1997-01-01").code == "IGOWSTNATGOV"


# -- nationality and titles over namesakes -----------------------------------------


def test_nationality_beats_a_foreign_namesake(run):
    doc = run("South Korean Foreign Minister Choi Young-jin rejected the offer.")
    found = [e for e in doc._.actors if e.text.startswith("South Korean")]
    assert [e.code for e in found] == ["KORGOV"]


def test_namesake_of_the_same_country_keeps_its_code():
    assert resolve("Chinese President Hu Jintao").code == "CHNGOV"


def test_title_before_a_name_wins_over_a_namesake_and_surnames_follow(run):
    doc = run(
        "Chilean Foreign Minister Soledad Alvear met her Bolivian counterpart. "
        "Alvear later accused Bolivia of stirring tensions."
    )
    # The title and the name are one phrase or two, depending on whether the name is in
    # the knowledge base; either way both code to Chile.
    named = [e for e in doc._.actors if e.text.endswith("Soledad Alvear")]
    assert [e.code for e in named] == ["CHLGOV"]
    assert [e.code for e in _at(doc, "Alvear")] == ["CHLGOV"]


# -- surnames and names that are not surnames ----------------------------------------


def test_place_and_given_names_are_not_surnames():
    # Ricardo Lagos must not turn the Nigerian city into Chile, nor "Mohamad" into Mahathir.
    assert resolve("Lagos", "2003-01-01").country == "NGA"
    assert resolve("Mohamad", "2000-01-01").code is None


def test_military_rank_is_not_a_surname(run):
    doc = run("Major General Peter Cosgrove arrived in Dili on Monday.")
    assert all(e.country != "GBR" for e in doc._.actors)


def test_surname_followed_by_an_unknown_name_is_someone_else(run):
    doc = run("Haitian envoy Fritz Longchamp met reporters in Paris.")
    assert all(e.country != "PLW" for e in doc._.actors)


def test_bare_surname_needs_its_country_in_the_text(run):
    doc = run("Aslam told reporters in Islamabad that the relief flights would continue.")
    assert all(e.country != "MDV" for e in doc._.actors)


def test_misspelt_surname_after_a_title_or_the_right_first_name():
    assert resolve("President Laurent Gbago").canonical == "Laurent Gbagbo"
    assert resolve("President Abdelaziz Bouteflicka").code == "DZAGOV"
    # a different first name is somebody else, and a surname is no misspelt country
    assert resolve("Judge Alejandro Rivera").code is None


def test_name_cut_by_the_tagger_is_made_whole(run):
    doc = run("Haiti recalled its ambassador to Santo Domingo on Thursday.")
    assert any(e.text == "Santo Domingo" and e.country == "DOM" for e in doc._.actors)


def test_a_bare_surname_repeated_is_no_evidence_of_its_own_country(run):
    doc = run(
        "Porras said on Monday that the inquiry would continue. Porras added that no "
        "charges had been filed in the capital."
    )
    assert all(e.code is None for e in doc._.actors if e.text == "Porras")
