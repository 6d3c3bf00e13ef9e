"""News media, located ethnic groups, historic leaders, militant groups, misspelt names."""

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


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("ethnic Albanians in southern Serbia", "SRBCVL"),
        ("the Albanians of southern Serbia", "SRBCVL"),
        ("Kurds in Iraq", "IRQCVL"),
        ("ethnic Turks in Bulgaria", "BGRCVL"),
        ("the Albanian population of Montenegro", "MNECVL"),
        ("ethnic Albanian rebels in Macedonia", "MKDREB"),
        # no place in the phrase, or not an ethnic group: the demonym's own country
        ("Albanians", "ALBCVL"),
        ("Russian troops in Syria", "RUSMIL"),
        ("Afghan refugees in Pakistan", "AFGREF"),
        ("Iranian diplomats in Iraq", "IRNGOV"),
    ],
)
def test_ethnic_groups_are_placed_only_by_an_explicit_place(text, code):
    assert resolve(text).code == code


def test_located_group_is_one_mention_in_running_text(run):
    doc = run("Ethnic Albanians in southern Serbia clashed with police.")
    (group,) = [e for e in doc._.actors if e.text.startswith("Albanians")]
    assert group.text == "Albanians in southern Serbia" and group.code == "SRBCVL"


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


def test_place_and_given_names_are_not_surnames():
    # Ricardo Lagos must not turn the Nigerian city into Chile, nor "Mohamad" into Mahathir.
    assert resolve("Lagos", "2003-01-01").country == "NGA"
    assert resolve("Mohamad", "2000-01-01").code is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("FARC", "COLREB"),
        ("the IRA", "GBRREB"),
        ("MILF", "PHLREB"),
        ("Janjaweed", "SDNREB"),
        ("Lord's Resistance Army", "UGAREB"),
        ("Interahamwe", "RWAREB"),
        ("al-Aqsa Martyrs Brigades", "PSEREB"),
        ("Nepal's Maoists", "NPLREB"),
        ("Afghan mujahideen", "AFGREB"),
        ("GIA", "DZAREB"),
    ],
)
def test_militant_groups_code_to_the_country_they_fight_in(text, code):
    assert resolve(text).code == code


def test_misspelt_surname_after_a_title_or_the_right_first_name():
    assert resolve("President Laurent Gbago").canonical == "Laurent Gbagbo"
    assert resolve("President Abdelaziz Bouteflicka").code == "DZAGOV"
    # a different first name is somebody else, and a surname is no misspelt country
    assert resolve("Judge Alejandro Rivera").code is None


def test_neutral_head_takes_the_sector_of_the_body_it_belongs_to():
    assert resolve("a member of the Syrian parliament").code == "SYRLEG"
    assert resolve("a spokesman for the Israeli army").code == "ISRMIL"
    assert resolve("Iran's ambassador to Russia").code == "IRNGOV"
