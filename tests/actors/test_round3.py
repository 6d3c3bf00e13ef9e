"""Group anaphors for several states, nationality over a namesake, currencies, IMG groups
and creed-qualified role words (sentences written for these tests)."""

from __future__ import annotations

import pytest

from dotterel.actors.coref import _region_members
from dotterel.actors.resolve import currency_follows, resolve


def _codes(doc, text):
    return sorted(e.code for e in doc._.actors if e.text == text)


def _at(doc, text):
    return [e for e in doc._.actors if e.text == text]


# -- 1. plural group anaphors ---------------------------------------------------------


def test_both_countries_skips_the_subject_of_its_own_clause(run):
    doc = run(
        "Tensions rose between Chile and Peru over the fishing zone. "
        "Colin Powell telephoned leaders of both countries and urged them to talk."
    )
    # The role word heads the group phrase: the leaders are both governments.
    assert _codes(doc, "leaders of both countries") == ["CHLGOV", "PERGOV"]
    assert _codes(doc, "them") == ["CHLGOV", "PERGOV"]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("The two leaders", ["ECUGOV", "PERGOV"]),
        ("The two presidents", ["ECUGOV", "PERGOV"]),
        ("The two foreign ministers", ["ECUGOV", "PERGOV"]),
        ("Both governments", ["ECUGOV", "PERGOV"]),
        ("The two sides", ["ECU", "PER"]),
        ("Both sides", ["ECU", "PER"]),
        ("The two neighbours", ["ECU", "PER"]),
        ("The two neighbors", ["ECU", "PER"]),
    ],
)
def test_group_words_stand_for_every_state(run, phrase, expected):
    doc = run(f"Ecuador and Peru signed a border accord. {phrase} promised to respect it.")
    found = _at(doc, phrase)
    assert sorted(e.code for e in found) == expected
    assert len({(e.start, e.end) for e in found}) == 1


def test_numbered_group_with_region_takes_members_of_the_region(run):
    doc = run(
        "Italy, Spain and Portugal made an offer to Morocco. "
        "The three European countries want an answer soon."
    )
    assert _codes(doc, "The three European countries") == ["ESP", "ITA", "PRT"]
    # The region word is part of the description, not a separate EUR actor.
    assert not any(e.code == "EUR" for e in doc._.actors)


def test_numbered_group_without_region_takes_the_latest_states(run):
    doc = run(
        "Norway hosted envoys from Kenya, Uganda and Tanzania. The three nations signed a deal."
    )
    assert _codes(doc, "The three nations") == ["KEN", "TZA", "UGA"]


def test_group_word_needs_enough_states(run):
    doc = run("Ghana held elections. The two sides argued.")
    assert _at(doc, "The two sides") == []


def test_region_table_has_major_members():
    regions = _region_members()
    assert {"GBR", "FRA", "DEU"} <= regions["EUR"]
    assert "KEN" in regions["AFR"] and "KEN" not in regions["EUR"]


# -- 2. nationality beats a namesake; IGO office appositive -------------------------


def test_nationality_beats_a_foreign_namesake(run):
    doc = run("South Korean Foreign Minister Choi Young-jin rejected the offer.")
    found = [e for e in doc._.actors if e.text.startswith("South Korean")]
    assert [e.code for e in found] == ["KORGOV"]


def test_namesake_of_the_same_country_keeps_its_code():
    assert resolve("Chinese President Hu Jintao").code == "CHNGOV"


def test_person_with_igo_office_appositive_speaks_for_the_igo(run):
    doc = run("Kenzo Oshima, the United Nations Emergency Relief Coordinator, toured Chad.")
    assert _codes(doc, "Kenzo Oshima") == ["IGOUNO"]


def test_list_neighbour_is_not_an_office_appositive(run):
    doc = run("Tony Blair, the United Nations and Egypt discussed aid.")
    assert _codes(doc, "Tony Blair") == ["GBRGOV"]


# -- 3. currencies --------------------------------------------------------------------


def test_currency_names_are_not_actors(run):
    doc = run(
        "Japan pledged 500 million US dollars, and Canada added US$ 5 million, "
        "30 million Hong Kong dollars and 2 million British pounds."
    )
    countries = sorted(e.country for e in doc._.actors if e.country)
    assert countries == ["CAN", "JPN"]


def test_verb_pounds_after_a_state_is_still_an_actor(run):
    doc = run("Israel pounds militant positions near the border.")
    assert _codes(doc, "Israel") == ["ISR"]


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("US dollars", 2, True),
        ("US$ 5", 2, True),
        ("Indian rupees", 6, True),
        ("Swiss francs", 5, True),
        ("US officials", 2, False),
        ("US won the vote", 2, False),
    ],
)
def test_currency_follows(text, end, expected):
    assert currency_follows(text, end, 0) is expected


# -- 4. international militant groups -------------------------------------------------


@pytest.mark.parametrize("name", ["Jemaah Islamiyah", "Jemaah Islamiah", "JI", "AQAP"])
def test_transnational_jihadist_groups_are_img(name):
    assert resolve(name).country == "IMG"


def test_domestic_insurgents_keep_their_country():
    assert resolve("Abu Sayyaf").code == "PHLREB"
    assert resolve("Lashkar-e-Taiba").code == "PAKREB"


# -- 5. Islamists as a role word ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mention", "role"),
    [
        ("Islamists stormed a court in the capital.", "Islamists", "RAD"),
        ("Islamist militants ambushed a convoy.", "Islamist militants", "REB"),
        ("The army said the Islamists had fled.", "Islamists", "RAD"),
    ],
)
def test_islamists_are_an_unplaced_role(run, text, mention, role):
    found = _at(run(text), mention)
    assert [(e.code, e.role, e.why) for e in found] == [(None, role, "agent:unplaced")]


def test_islamists_are_placed_by_context():
    assert resolve("Islamists", context="Islamists clashed with police in Algeria.").code == (
        "DZARAD"
    )
