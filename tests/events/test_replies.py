"""Replies: rejecting or dismissing a statement told earlier in the story is a REJECT of
the one who made it (PLOVER REJECT, CAMEO 12x), found through the statement's owner or
the last statement addressed to the replier (sentences written for these tests)."""

from __future__ import annotations

from tests.conftest import Coder
from tests.events.event_shapes import triples


def test_rejected_protest_answers_the_protester_paragraphs_later(coder: Coder) -> None:
    events = coder(
        "Norway summoned Denmark's ambassador over the fishing dispute on Monday. "
        "Fishermen in the north said their catches had fallen for a third year. "
        "Prices at the harbour markets rose sharply in the spring. "
        "Several boats stayed in port for the whole season. "
        "Local officials asked for compensation from the fishing fund. "
        "Denmark rejected the protest on Thursday."
    )
    assert ("REJECT", ("DNK",), ("NOR",)) in triples(events)


def test_rejected_what_it_called_accusations(coder: Coder) -> None:
    events = coder(
        "Senegal accused Gambia of sheltering smugglers. "
        'Gambia rejected what it called "reckless accusations".'
    )
    assert ("REJECT", ("GMB",), ("SEN",)) in triples(events)


def test_statement_dismissed_as_baseless(coder: Coder) -> None:
    events = coder(
        "Poland urged Belarus to stop sending migrants to the frontier. "
        'Belarus dismissed the statement as "baseless propaganda".'
    )
    assert ("REJECT", ("BLR",), ("POL",)) in triples(events)


def test_dismissed_concerns_answer_who_raised_them(coder: Coder) -> None:
    events = coder("Argentina dismissed the concerns raised by Uruguay over the new pulp mill.")
    assert ("REJECT", ("ARG",), ("URY",)) in triples(events)


def test_rejected_offer_from_a_party_answers_it(coder: Coder) -> None:
    events = coder("Ecuador dismissed the invitation from Colombia without explanation.")
    assert ("REJECT", ("ECU",), ("COL",)) in triples(events)


def test_rejected_object_that_names_no_statement_gets_no_issuer(coder: Coder) -> None:
    events = coder("Senegal accused Gambia of sheltering smugglers. Gambia rejected the bill.")
    assert ("REJECT", ("GMB",), ("SEN",)) not in triples(events)
