"""The tense and continuation word lists of the time stage are read from
``data/time_words.yaml``. Sentences are written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dotterel.time import component
from dotterel.time.resolve import load_words

from .placed_events import code_in_order

PUB = "2025-06-12"  # a Thursday


def test_shipped_lists_are_the_ones_the_stage_uses() -> None:
    words = load_words()
    assert frozenset(words["future_auxiliaries"]) == component._FUTURE_AUX
    assert frozenset(words["future_heads"]) == component._FUTURE_HEADS
    assert frozenset(words["past_auxiliaries"]) == component._PAST_AUX
    assert frozenset(words["continuing_openings"]) == component._CONTINUING
    assert frozenset(words["afterwards_adverbs"]) == component._AFTERWARDS
    assert frozenset(words["confirming_verbs"]) == component._CONFIRMING
    assert [[w] for w in words["anaphoric_determiners"]] == component._ANAPHORIC_DETERMINERS
    # Contracted auxiliaries must stay strings: the YAML quotes them.
    assert {"'ll", "'d"} <= component._FUTURE_AUX


def test_an_act_done_subsequently_takes_the_day_named_before_it(
    nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (
        "Chad shuts border posts\n"
        "Chad shut three border posts with Sudan on Monday.\n\n"
        "Sudan's foreign ministry summoned the Chadian envoy on Tuesday. "
        "A spokesman subsequently urged Chad to reopen the posts."
    )
    (urged,) = code_in_order(nlp, text, [("urged", "REQUEST", None, "actual")], PUB)
    assert (urged.event_date, urged.date_source) == ("2025-06-10", "lead")
    monkeypatch.setattr(component, "_AFTERWARDS", component._AFTERWARDS - {"subsequently"})
    (urged,) = code_in_order(nlp, text, [("urged", "REQUEST", None, "actual")], PUB)
    assert urged.event_date != "2025-06-10"
