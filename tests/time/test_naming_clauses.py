"""A naming clause ("what it called a cowardly act") names a thing; it tells no act of
its own, so a day the parser hangs on it dates the clause above.

Every sentence here is made up for the test (none comes from a gold file).
"""

from __future__ import annotations

from spacy.language import Language

from .placed_events import code_in_order

PUB = "2025-03-13"  # a Thursday


def test_a_day_hung_on_a_naming_clause_dates_the_clause_above(nlp: Language) -> None:
    text = (
        "Rebels shelled a market in Goma late on Sunday.\n\n"
        'Rwanda\'s foreign ministry condemned what it called "a barbaric crime" in a '
        "statement on Tuesday and said the rebels had crossed from Uganda. It demanded "
        "that Kampala close the camps."
    )
    triggers: list[tuple[str, str, str | None, str | None]] = [
        ("condemned", "ACCUSE", "RWA", "actual"),
        ("demanded", "REQUEST", "RWA", "actual"),
    ]
    condemned, demanded = code_in_order(nlp, text, triggers, PUB)
    assert condemned.event_date == "2025-03-11"
    assert demanded.event_date == "2025-03-11"
