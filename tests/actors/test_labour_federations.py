"""Labour federations named after a seat of power ("the Trade Union Congress") are
unions of the story's country, not the US Congress (sentences written for these
tests)."""

from __future__ import annotations


def _one(doc, text):
    (entity,) = [e for e in doc._.actors if e.text == text]
    return entity


def test_a_congress_of_trade_unions_is_labour_placed_by_the_story(run):
    doc = run("The Trade Union Congress said its members would strike on Monday.")
    tuc = _one(doc, "Trade Union Congress")
    assert tuc.role == "LAB" and tuc.country is None and tuc.needs_context


def test_a_trades_union_congress_of_a_named_country_is_its_labour(run):
    doc = run("Zambia's Trades Union Congress rejected the new tax.")
    assert _one(doc, "Zambia's Trades Union Congress").code == "ZMBLAB"


def test_the_us_congress_is_still_the_us_legislature(run):
    doc = run("The US Congress approved the aid package.")
    assert _one(doc, "The US Congress").code == "USALEG"
