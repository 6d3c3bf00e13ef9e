from __future__ import annotations

import pytest

from dotterel.actors import resolve, resolve_many


@pytest.mark.parametrize(
    ("text", "date", "code"),
    [
        ("Kremlin", None, "RUSGOV"),
        ("the White House", None, "USAGOV"),
        ("the Pentagon", None, "USAMIL"),
        ("Downing Street", None, "GBRGOV"),
        ("US intelligence", None, "USASPY"),
        ("Chinese firms", None, "CHNBUS"),
        ("Hungarian officials", None, "HUNGOV"),
        ("DPRK troops", None, "PRKMIL"),
        ("U.S. lawmakers", None, "USALEG"),
        ("Iran's ambassador to Russia", None, "IRNGOV"),
        ("president of Armenia", None, "ARMGOV"),
        ("Burmese troops", None, "MMRMIL"),
        ("the Iranian president", "2024-11-01", "IRNGOV"),
        ("Israeli police", None, "ISRCOP"),
        ("rebels in Darfur", None, "SDNREB"),
    ],
)
def test_phrases_code_to_country_and_sector(text, date, code):
    assert resolve(text, date=date).code == code


def test_office_title_resolves_holder_by_date():
    assert resolve("the Iranian president", "2024-11-01").canonical == "Masoud Pezeshkian"
    assert resolve("the Iranian president", "2022-01-01").canonical == "Ebrahim Raisi"
    assert resolve("Iran's foreign minister", "2024-11-01").canonical == "Abbas Araghchi"
    assert resolve("the US president", "1998-06-01").canonical == "Bill Clinton"
    assert resolve("the US president", "2025-03-01").canonical == "Donald Trump"


def test_person_names_resolve_by_full_name_and_surname():
    lavrov = resolve("Sergey Lavrov", "2024-11-01")
    assert (lavrov.code, lavrov.canonical) == ("RUSGOV", "Sergey Lavrov")
    assert resolve("Yeltsin", "1997-05-01").code == "RUSGOV"
    assert resolve("Kofi Annan", "1999-03-01").country == "IGO"
    assert resolve("Primakov", "1998-10-01").canonical == "Yevgeny Primakov"


def test_same_surname_picks_the_holder_in_office():
    assert resolve("President Bush", "1991-01-01").canonical == "George H. W. Bush"
    assert resolve("President Bush", "2003-01-01").canonical == "George W. Bush"
    # Without a date the most recent holder wins.
    assert resolve("Trump").canonical == "Donald Trump"


def test_organisations_groups_and_blocs():
    assert resolve("NATO").code.startswith("IGO")
    assert resolve("the United Nations").code == "IGOUNO"
    assert resolve("Amnesty International").code.startswith("NGO")
    assert resolve("al-Qaeda").country == "IMG"
    assert resolve("Western countries").country == "WST"
    assert resolve("UN peacekeepers").role == "MIL"


def test_demonyms_aliases_and_capitals():
    assert resolve("Palestinians").country == "PSE"
    assert resolve("North Korean").country == "PRK"
    assert resolve("Burma").country == "MMR"
    assert resolve("UAE").country == "ARE"
    assert resolve("Tehran").code == "IRNGOV"
    assert resolve("Foggy Bottom").code == "USAGOV"


def test_misspelt_acronym_and_country_names():
    assert resolve("DRPK").country == "PRK"
    assert resolve("Ethiopa").country == "ETH"


def test_ambiguous_words_need_capitals_in_context():
    # "us" is a pronoun, not the United States; "turkey" alone asked for explicitly is.
    assert resolve("the rest of us").code is None
    assert resolve("Chad").country == "TCD"


def test_context_lends_a_role_to_coordinated_adjectives():
    sentence = "Senior Polish and Czech officials met on Monday."
    assert resolve("Polish", context=sentence).code == "POLGOV"
    assert resolve("Polish").code == "POL"


def test_unresolved_text_gives_null_code():
    res = resolve("a blue teapot")
    assert res.code is None and res.to_dict()["code"] is None


def test_resolve_many_keeps_order_and_matches_single_calls():
    items = [("Kremlin", None, None), ("nothing here", None, None), ("Chinese firms", None, None)]
    out = resolve_many(items)
    assert [r.code for r in out] == ["RUSGOV", None, "CHNBUS"]
    assert [r.text for r in out] == ["Kremlin", "nothing here", "Chinese firms"]


def test_a_role_with_no_country_takes_the_country_the_context_is_about() -> None:
    result = resolve("Judge Maria Lopez", context="Chilean police arrested two Chilean officials.")
    assert (result.code, result.why) == ("CHLJUD", "agent:placed-by-context")


def test_an_ethnic_group_belongs_to_the_country_the_story_is_about() -> None:
    result = resolve(
        "ethnic Serbs", context="Clashes broke out in Croatia as Croatia's police moved in."
    )
    assert result.country == "HRV"


def test_the_target_of_anti_or_pro_is_not_the_actor() -> None:
    result = resolve("anti-Iran protesters", context="Police in Iraq dispersed the crowd in Iraq.")
    assert result.country == "IRQ"
    assert resolve("anti-Iran protesters").country is None


def test_an_unknown_name_takes_the_country_of_its_context_only_when_given() -> None:
    context = "Egyptian police broke up a rally in Cairo, Egypt's interior ministry said."
    guessed = resolve("Zentrovia Circle", context=context)
    assert (guessed.code, guessed.why) == ("EGY", "name:placed-by-context")
    assert resolve("Zentrovia Circle").code is None
    assert resolve("car bomb", context=context).code is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("UNIFIL", "IGOUNOMIL"),
        ("KFOR", "IGOWSTNAT"),
        ("ECOMOG", "IGOWAFECO"),
        ("MONUC", "IGOUNOMIL"),
    ],
)
def test_peace_missions_are_their_organisations(text: str, code: str) -> None:
    assert resolve(text).code == code


@pytest.mark.parametrize(
    ("phrase", "role"),
    [
        ("opposition leaders", "OPP"),
        ("leaders of the opposition", "OPP"),
        ("police officials", "COP"),
        ("the leader of the rebels", "REB"),
        ("government officials", "GOV"),
        ("officials", "GOV"),
    ],
)
def test_a_neutral_role_word_gives_way_to_the_body_it_speaks_for(phrase: str, role: str) -> None:
    assert resolve(phrase).role == role


def test_a_neutral_head_keeps_the_named_bodys_own_sector() -> None:
    assert resolve("leaders of Hamas").code == resolve("Hamas").code
    assert resolve("a spokesman for the Kremlin").code == "RUSGOV"
    assert resolve("leader of Russia").code == "RUSGOV"


def test_a_given_name_alone_is_not_an_office_holder() -> None:
    # The table knows Jerônimo Rodrigues (governor of Bahia); his given name alone is
    # no one in particular.
    assert not (resolve("Jerônimo").why or "").startswith("holder")
    assert resolve("Jerônimo Rodrigues", "2024-05-01").code == "BRAGOV"
