"""An object noun in -ing that the tagger reads as a verb ("crossing") still matches the
trigger objects written as nouns (sentences written for these tests)."""

from __future__ import annotations

from tests.conftest import Coder
from tests.events.event_shapes import triples


def test_closed_border_crossing_is_a_sanction(coder: Coder) -> None:
    events = coder("Uzbekistan closed its main bridge crossing into Kyrgyzstan on Friday.")
    assert ("SANCTION", ("UZB",), ("KGZ",)) in triples(events)
