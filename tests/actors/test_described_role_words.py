"""Role words with modifiers (issue 11): "university students", "police spokesman".

A role word described by plain words of trade, study or kind keeps its sector; a body
named before a head of no sector of its own (a spokesperson, "officers") gives the
sector; a foreign marker or a possessor leaves the phrase unplaced. Sentences invented
for this file.
"""

from __future__ import annotations

import pytest


def roles(doc) -> dict[str, str | None]:
    return {e.text: e.role for e in doc._.actors}


@pytest.mark.parametrize(
    ("sentence", "phrase", "role"),
    [
        ("Hundreds of university students marched to the ministry.", "university students", "EDU"),
        ("Medical students blocked the avenue on Friday.", "Medical students", "EDU"),
        ("Dozens of truck drivers blocked the road.", "truck drivers", "LAB"),
    ],
)
def test_described_role_word_keeps_its_sector(run, sentence, phrase, role) -> None:
    assert roles(run(sentence)).get(phrase) == role


@pytest.mark.parametrize(
    ("sentence", "phrase", "role"),
    [
        ("On Sunday a police spokeswoman said nine men were held.", "police spokeswoman", "COP"),
        ("An army spokesman said the road was closed.", "army spokesman", "MIL"),
        ("Later, army officers took over the radio station.", "army officers", "MIL"),
    ],
)
def test_body_before_a_neutral_head_gives_the_sector(run, sentence, phrase, role) -> None:
    assert roles(run(sentence)).get(phrase) == role


def test_officers_of_a_named_force_are_that_force(run) -> None:
    doc = run("Stones were thrown at riot police officers in Nairobi.")
    entity = next(e for e in doc._.actors if e.text.startswith("riot police officers"))
    assert entity.code == "KENCOP"


def test_foreign_people_are_not_placed_by_the_story(run) -> None:
    found = roles(run("Later that week foreign students left the campus."))
    assert not any("students" in text for text in found)
