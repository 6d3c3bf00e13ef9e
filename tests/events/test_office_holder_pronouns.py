"""A "he" or "she" subject that no person name resolves stands for the last person
named by office before it ("Kenya's foreign minister ... She accused ..."), never for
someone named as an object (sentences written for these tests)."""

from __future__ import annotations

from tests.conftest import Coder
from tests.events.event_shapes import triples


def test_she_after_a_minister_by_office_is_that_minister(coder: Coder) -> None:
    events = coder(
        "In a speech in Nairobi, Kenya's foreign minister said the talks had stalled. "
        "She accused the Ugandan government of stirring unrest on the border."
    )
    assert ("ACCUSE", ("KEN",), ("UGA",)) in triples(events)


def test_he_does_not_stand_for_an_official_named_as_object(coder: Coder) -> None:
    events = coder(
        "An unnamed aide summoned the Ghanaian ambassador on Monday. "
        "He accused Togo of harbouring smugglers."
    )
    assert not [e for e in events if e.event_type == "ACCUSE"]
