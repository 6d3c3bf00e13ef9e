"""The story-place and back-reference word lists are read from ``data/attachment.yaml``:
editing the file changes where an event is placed. Sentences are written for these tests."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from dotterel.places.component import load_attachment_rules

from .conftest import located, make_event

Run = Callable[..., Doc]


def test_direction_words_come_from_the_data_file(
    nlp: Language, run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    rules = load_attachment_rules()
    assert {"north", "south-west", "outside"} <= rules.directions
    assert "border town" in rules.national_place_nouns
    text = "Israeli tanks fired shells north of Jabalia refugee camp on Monday."
    doc = run(text, [make_event(text, "fired", "ASSAULT")])
    assert [(c, s) for _n, c, s in located(doc)] == [("PSE", "clause")]
    edited = replace(rules, directions=rules.directions - {"north"})
    # The component's rules are handed to it at initialize(): edit those it holds.
    monkeypatch.setattr(nlp.get_pipe("dotterel_places"), "rules", edited)
    doc = run(text, [make_event(text, "fired", "ASSAULT")])
    assert located(doc) == [None]
