"""The time word lists: the shipped file is complete, broken files raise coded errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from dotterel.errors import DictionaryError
from dotterel.time.resolve import MONTHS, VAGUE, WEEKDAYS, load_words


def test_shipped_word_lists_cover_months_weekdays_and_vague_phrases() -> None:
    words = load_words()
    assert set(MONTHS.values()) == set(range(1, 13))
    assert set(WEEKDAYS.values()) == set(range(7))
    assert set(words["vague"]) == {"PAST_REF", "PRESENT_REF", "FUTURE_REF"}
    assert VAGUE["soon"] == "FUTURE_REF"
    # A phrase must not be listed under two references.
    listed = [p for phrases in words["vague"].values() for p in phrases]
    assert len(listed) == len(set(listed))


def test_broken_word_lists_raise_dictionary_errors(tmp_path: Path) -> None:
    bad = tmp_path / "words.yaml"
    bad.write_text("months: [unclosed\n", encoding="utf-8")
    with pytest.raises(DictionaryError) as info:
        load_words(bad)
    assert info.value.code == "DOT200"
    bad.write_text("months: {january: 1}\n", encoding="utf-8")
    with pytest.raises(DictionaryError, match="missing sections"):
        load_words(bad)
    with pytest.raises(DictionaryError):
        load_words(tmp_path / "absent.yaml")
