"""Words built on a country's name that are no actor: stances ("anti-Syria"), languages
("Russian speakers", "Arabic-language") and currencies ("US dollars") (sentences written
for these tests)."""

from __future__ import annotations

import pytest

from dotterel.actors.lexicon import default_lexicon
from dotterel.actors.resolve import currency_follows, find_actors, resolve


def _codes(doc, text):
    return sorted(e.code for e in doc._.actors if e.text == text)


def _at(doc, text):
    return [e for e in doc._.actors if e.text == text]


# -- stance modifiers --------------------------------------------------------------


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


# -- languages -----------------------------------------------------------------------


def test_language_names_are_not_actors(run):
    doc = run(
        "Lawmakers voted to limit teaching in the Russian language. "
        "Russian speakers in the region protested."
    )
    assert not any(e.country_code == "RUS" for e in doc._.actors)


def test_hyphenated_language_and_speaking_are_not_actors(run):
    doc = run("An Arabic-language daily said English-speaking tourists left Egypt.")
    assert {e.code for e in doc._.actors if e.code} == {"EGY"}
    assert not any("Arabic" in e.text or "English" in e.text for e in doc._.actors)


def test_demonym_before_other_nouns_still_codes():
    lex = default_lexicon()
    found = find_actors(lex, "Russian diplomats met English language teachers.", None)
    assert [(e.text, e.code) for e in found] == [("Russian diplomats", "RUSGOV")]


# -- currencies ----------------------------------------------------------------------


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
