"""Descriptions of a story's parties and bodies: "the two sides" are the states the story
names most, never a region or a mediator named last; "the bloc" is the international body
last named (sentences written for these tests)."""

from __future__ import annotations


def _codes(doc, text):
    return sorted(e.country_code for e in doc._.actors if e.text == text)


def test_the_two_sides_are_the_parties_not_the_mediator_named_last(run):
    doc = run(
        "Kenya accused Tanzania of moving troops to the border. Tanzania denied it and "
        "said Kenya was spreading lies. Talks in Geneva were hosted by Switzerland. "
        "The two sides agreed to meet again."
    )
    assert _codes(doc, "The two sides") == ["KEN", "TZA"]


def test_the_two_countries_are_never_a_region(run):
    doc = run(
        "Chile protested to Peru over the arrests. The Latin American envoy of the "
        "organisation spoke to Peru. The two countries later agreed to talk."
    )
    assert "LAM" not in _codes(doc, "The two countries")


def test_the_bloc_is_the_international_body_last_named(run):
    doc = run("The EU's foreign policy chief said the bloc would send observers to Georgia.")
    assert [e.code for e in doc._.actors if e.text == "the bloc"] == ["IGOEUREEC"]


def test_a_regional_bloc_in_apposition_is_the_body_not_the_region(run):
    doc = run("The East African Community, the East African bloc, said its envoy would visit Juba.")
    assert "AFR" not in {e.country_code for e in doc._.actors}
    assert [e.code for e in doc._.actors if e.text == "the East African bloc"] == ["IGOEAFEAC"]


def test_regional_bodies_known_by_their_acronyms(run):
    doc = run("IGAD and ECCAS called for a ceasefire.")
    assert {e.text: e.code for e in doc._.actors} == {
        "IGAD": "IGOEAFDEVIAD",
        "ECCAS": "IGOCAFECA",
    }
