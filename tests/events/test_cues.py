"""The cue lists that decide factuality, claims and denials."""

from __future__ import annotations

import pytest

from dotterel.errors import DictionaryError
from dotterel.events.cues import CUE_LISTS, load_cues, parse_cues


def test_every_cue_list_is_present_and_lower_case() -> None:
    cues = load_cues()
    for name in CUE_LISTS:
        words = getattr(cues, name)
        assert words, name
        assert all(word == word.lower() for word in words), name


def test_reporting_and_denial_verbs_are_kept_apart() -> None:
    cues = load_cues()
    assert {"say", "announce", "allege", "confirm"} <= cues.reporting_verbs
    assert {"deny", "dismiss", "refute"} <= cues.denial_verbs
    assert not cues.reporting_verbs & {"deny", "dismiss", "refute"}


def test_status_cues_cover_the_common_wordings() -> None:
    cues = load_cues()
    assert {"will", "shall"} <= cues.future_auxiliaries
    assert {"could", "might", "may"} <= cues.hypothetical_auxiliaries
    assert {"set", "expect", "plan"} <= cues.future_governors
    assert {"refuse", "fail", "decline"} <= cues.negating_governors
    assert {"upcoming", "imminent"} <= cues.future_modifiers
    assert "potential" in cues.hypothetical_modifiers
    assert "if" in cues.conditional_marks


def test_relation_nouns_need_a_verb() -> None:
    cues = load_cues()
    assert {"treaty", "agreement", "cooperation", "partnership"} <= cues.nominal_needs_verb
    assert "attack" not in cues.nominal_needs_verb


def test_a_missing_list_is_a_dictionary_error_naming_the_file() -> None:
    with pytest.raises(DictionaryError, match="my-cues.yaml") as caught:
        parse_cues("reporting_verbs: [say]\n", "my-cues.yaml")
    assert caught.value.code == "DOT200"


def test_invalid_yaml_is_a_dictionary_error() -> None:
    with pytest.raises(DictionaryError, match="not valid YAML"):
        parse_cues("reporting_verbs: [say\n", "broken.yaml")
