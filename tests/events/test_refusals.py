"""Refusals: "X refused" is a rejection that happened (PLOVER REJECT, CAMEO 12x) of what
was asked or offered; a refusal that does not say what it refuses answers the last
request, offer or invitation made to the refuser (sentences written for these tests)."""

from __future__ import annotations

from tests.conftest import Coder
from tests.events.event_shapes import of_type, triples


def test_bare_refusal_answers_the_request_of_the_sentence_before(coder: Coder) -> None:
    events = coder(
        "Namibia asked Botswana to reopen the Mohembo crossing. Botswana refused on Friday."
    )
    assert ("REJECT", ("BWA",), ("NAM",)) in triples(events)
    (refusal,) = of_type(events, "REJECT")
    assert refusal.factuality == "actual"


def test_refusal_in_the_request_sentence(coder: Coder) -> None:
    events = coder(
        "Namibia asked Botswana to reopen the crossing, but Botswana refused, officials said."
    )
    assert ("REJECT", ("BWA",), ("NAM",)) in triples(events)


def test_refused_to_do_so_answers_the_demand(coder: Coder) -> None:
    events = coder(
        "Namibia has demanded that Botswana return the impounded cattle. "
        "Botswana has refused to do so."
    )
    assert ("REJECT", ("BWA",), ("NAM",)) in triples(events)


def test_refused_invitation_answers_the_host(coder: Coder) -> None:
    events = coder("Zambia invited Malawi to talks on the lake border. Malawi refused.")
    assert ("REJECT", ("MWI",), ("ZMB",)) in triples(events)


def test_refusal_not_made_is_negated(coder: Coder) -> None:
    events = coder("Namibia asked Botswana to reopen the crossing. Botswana did not refuse.")
    for refusal in of_type(events, "REJECT"):
        assert refusal.factuality == "negated"


def test_refusal_that_may_come_is_hypothetical(coder: Coder) -> None:
    events = coder("Namibia asked Botswana to reopen the crossing. Botswana may refuse.")
    for refusal in of_type(events, "REJECT"):
        assert refusal.factuality == "hypothetical"


def test_bare_refusal_without_a_request_to_the_refuser_gets_no_recipient(coder: Coder) -> None:
    events = coder("Namibia asked Angola to reopen the crossing. Botswana refused on Friday.")
    assert ("REJECT", ("BWA",), ("NAM",)) not in triples(events)


def test_refusal_of_a_stated_act_keeps_its_own_recipient(coder: Coder) -> None:
    events = coder(
        "Namibia asked Botswana to reopen the crossing. Botswana refused to meet Angola's envoy."
    )
    assert ("REJECT", ("BWA",), ("AGO",)) in triples(events)
    assert ("REJECT", ("BWA",), ("NAM",)) not in triples(events)


def test_refusal_of_a_request_naming_no_addressee(coder: Coder) -> None:
    events = coder(
        "Namibia asked to be allowed to graze cattle in the delta, but Botswana refused."
    )
    found = triples(events)
    assert ("REJECT", ("BWA",), ("NAM",)) in found
    assert ("REQUEST", ("NAM",), ("BWA",)) in found


def test_refusing_comment_is_no_rejection(coder: Coder) -> None:
    events = coder("Botswana refused to comment on the shooting of Namibian fishermen.")
    assert not of_type(events, "REJECT")


def test_declining_comment_does_not_refuse_the_talks(coder: Coder) -> None:
    events = coder("Botswana declined to comment on the talks with Namibia.")
    assert not of_type(events, "REJECT")
