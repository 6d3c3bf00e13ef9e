"""Stances and languages are no actors, mentions stop at line breaks, an international
body's office beats its holder's nationality, and "leaders of both countries" takes the
group's states (sentences written for these tests)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dotterel.actors.component import _line_pieces
from dotterel.actors.lexicon import default_lexicon
from dotterel.actors.resolve import find_actors, resolve


def _codes(doc):
    return {e.code for e in doc._.actors if e.code}


def _at(doc, text):
    return [e for e in doc._.actors if e.text == text]


# -- 1. stance modifiers --------------------------------------------------------------


def test_anti_country_modifier_is_not_an_actor(run):
    doc = run("A well-known anti-Syria columnist was shot dead in Beirut.")
    assert not any(e.country_code == "SYR" for e in doc._.actors)
    assert not any("Syria" in e.text for e in doc._.actors)


def test_pro_and_anti_demonyms_are_not_actors_but_the_role_word_stays(run):
    doc = run(
        "Pro-Iranian gunmen fired on anti-American demonstrators while Russian troops watched."
    )
    countries = {e.country_code for e in doc._.actors if e.code}
    assert "IRN" not in countries and "USA" not in countries
    assert _at(doc, "Russian troops")[0].code == "RUSMIL"
    # The protesters are still someone, placed later like any bare role word.
    (crowd,) = _at(doc, "anti-American demonstrators")
    assert crowd.code is None and crowd.why == "agent:unplaced"


def test_stance_phrase_resolves_without_the_opposed_state():
    assert resolve("anti-Syria columnist").code is None


# -- 2. languages -------------------------------------------------------------------------


def test_language_names_are_not_actors(run):
    doc = run(
        "Lawmakers voted to limit teaching in the Russian language. "
        "Russian speakers in the region protested."
    )
    assert not any(e.country_code == "RUS" for e in doc._.actors)


def test_hyphenated_language_and_speaking_are_not_actors(run):
    doc = run("An Arabic-language daily said English-speaking tourists left Egypt.")
    assert _codes(doc) == {"EGY"}
    assert not any("Arabic" in e.text or "English" in e.text for e in doc._.actors)


def test_demonym_before_other_nouns_still_codes():
    lex = default_lexicon()
    found = find_actors(lex, "Russian diplomats met English language teachers.", None)
    assert [(e.text, e.code) for e in found] == [("Russian diplomats", "RUSGOV")]


# -- 3. line breaks ---------------------------------------------------------------------


HEADLINE = (
    "Ban deplores Hamas abduction of Israeli soldiers\n"
    "UNITED NATIONS, June 26 (Xinhua) -- The UN chief urged restraint."
)


def test_mentions_do_not_cross_a_line_break(run):
    doc = run(HEADLINE)
    assert not any("\n" in e.text for e in doc._.actors)
    assert _at(doc, "Israeli soldiers")[0].code == "ISRMIL"
    assert _at(doc, "UNITED NATIONS")[0].code.startswith("IGOUNO")


def test_dictionary_offsets_stay_right_after_a_line_break():
    text = "Talks stalled\n\nIranian officials left Vienna."
    (found,) = [e for e in find_actors(default_lexicon(), text, None) if e.code == "IRNGOV"]
    assert text[found.start : found.end] == found.text == "Iranian officials"


@given(st.text(alphabet="ab \n", max_size=30), st.data())
def test_line_pieces_never_hold_a_newline_and_stay_inside(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    pieces = _line_pieces(text, start, end)
    for a, b in pieces:
        assert start <= a < b <= end
        assert "\n" not in text[a:b] and text[a:b] == text[a:b].strip()
    # Every non-space character of the span is in exactly one piece.
    kept = sum(b - a for a, b in pieces)
    assert kept >= len(text[start:end].replace(" ", "").replace("\n", ""))


# -- 4. offices of international bodies -----------------------------------------------


def test_nato_secretary_general_acts_for_nato(run):
    doc = run(
        "NATO Secretary General Jaap de Hoop Scheffer called on both sides to show restraint.",
        "2006-07-20",
    )
    (person,) = _at(doc, "Jaap de Hoop Scheffer")
    assert person.code.startswith("IGOWSTNAT") and person.country == "IGO"


def test_arab_league_chief_and_eu_chief_act_for_their_bodies(run):
    doc = run(
        "Arab League Secretary General Amr Moussa arrived in Cairo on Monday. "
        "EU foreign policy chief Javier Solana flew to Tehran.",
        "2006-07-20",
    )
    assert _at(doc, "Amr Moussa")[0].code.startswith("IGOARBLEA")
    assert _at(doc, "Javier Solana")[0].code.startswith("IGOEUR")


def test_holder_already_coded_for_the_body_keeps_its_code(run):
    doc = run(
        "IAEA chief Mohamed ElBaradei and UN Secretary-General Kofi Annan spoke.", "2005-01-10"
    )
    assert _at(doc, "Mohamed ElBaradei")[0].code == "IGOUNOGOV"
    assert _at(doc, "Kofi Annan")[0].code == "IGOUNOGOV"


def test_a_person_merely_next_to_a_body_keeps_nationality(run):
    doc = run("NATO and Jaap de Hoop Scheffer discussed the crisis.", "2002-06-01")
    assert _at(doc, "Jaap de Hoop Scheffer")[0].code == "NLDGOV"


# -- 5. role word heading a group phrase ----------------------------------------------


def test_leaders_of_both_countries_are_both_governments(run):
    doc = run("Eritrea and Ethiopia exchanged fire. Leaders of both countries met on Sunday.")
    found = _at(doc, "Leaders of both countries")
    assert sorted(e.code for e in found) == ["ERIGOV", "ETHGOV"]
    assert not any(e.text == "Leaders" for e in doc._.actors)


def test_soldiers_of_the_two_countries_keep_their_sector(run):
    doc = run("Eritrea and Ethiopia exchanged fire. Soldiers of the two countries later withdrew.")
    found = _at(doc, "Soldiers of the two countries")
    assert sorted(e.code for e in found) == ["ERIMIL", "ETHMIL"]


def test_solana_alone_is_the_eu_after_leaving_nato():
    assert resolve("Javier Solana", "2006-07-20").code == "IGOEUREECGOV"
    assert resolve("Javier Solana", "1997-01-01").code == "IGOWSTNATGOV"


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


def test_military_rank_is_not_a_surname(run):
    doc = run("Major General Peter Cosgrove arrived in Dili on Monday.")
    assert all(e.country != "GBR" for e in doc._.actors)


def test_definite_role_word_refers_back_to_its_phrase(run):
    doc = run(
        "Foreign ministers of the Arab League met in Cairo on Monday. "
        "The ministers also called for calm."
    )
    (later,) = [e for e in doc._.actors if e.text == "ministers"]
    assert later.code.startswith("IGO")


def test_surname_followed_by_an_unknown_name_is_someone_else(run):
    doc = run("Haitian envoy Fritz Longchamp met reporters in Paris.")
    assert all(e.country != "PLW" for e in doc._.actors)


def test_bare_surname_needs_its_country_in_the_text(run):
    doc = run("Aslam told reporters in Islamabad that the relief flights would continue.")
    assert all(e.country != "MDV" for e in doc._.actors)


def test_name_cut_by_the_tagger_is_made_whole(run):
    doc = run("Haiti recalled its ambassador to Santo Domingo on Thursday.")
    assert any(e.text == "Santo Domingo" and e.country == "DOM" for e in doc._.actors)
