"""The actor coder's word lists are data (``actors/data/actor_words.yaml``).

Editing a list changes what is coded without touching code, and a malformed file is
refused with a coded dictionary error that names the file, before any text is coded.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from dotterel.actors.resolve import resolve
from dotterel.actors.words import ACTOR_WORD_LISTS, ACTOR_WORDS, load_actor_words
from dotterel.errors import DictionaryError
from dotterel.wordlists import parse_word_lists

SHIPPED = Path(__file__).parents[2] / "src/dotterel/actors/data/actor_words.yaml"


def shipped_data() -> dict:
    return yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))


def write(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "actor_words.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def test_every_list_is_shipped_lower_case_and_without_repeats() -> None:
    again = load_actor_words(SHIPPED)
    assert set(again.lists) == set(ACTOR_WORD_LISTS)
    for name in ACTOR_WORD_LISTS:
        words = again[name]
        assert words, name
        assert all(w == w.lower() for w in words), name
        assert len(again.ordered(name)) == len(words), name


def test_two_word_offices_read_as_word_pairs() -> None:
    assert ("secretary", "general") in ACTOR_WORDS.pairs("international_office_pairs")


def test_endings_keep_the_order_they_are_tried_in() -> None:
    endings = ACTOR_WORDS.ordered("slavic_endings")
    # A longer ending is tried before a shorter one it ends with ("skyy" before "sky").
    for i, longer in enumerate(endings):
        for shorter in endings[i + 1 :]:
            assert not shorter.endswith(longer)


def test_a_title_maps_to_the_offices_it_may_stand_for() -> None:
    offices = ACTOR_WORDS.table("title_offices")
    assert "prime_minister" in offices["chancellor"]
    assert {"minister", "foreign_minister"} <= offices["minister"]


def test_a_missing_list_is_refused_by_name(tmp_path: Path) -> None:
    data = shipped_data()
    del data["given_names"]
    with pytest.raises(DictionaryError, match="given_names") as raised:
        load_actor_words(write(tmp_path, data))
    assert raised.value.code.startswith("DOT")
    assert "actor_words.yaml" in str(raised.value)


def test_an_unknown_list_is_refused(tmp_path: Path) -> None:
    data = shipped_data()
    data["honorifics"] = ["sir"]
    with pytest.raises(DictionaryError, match="honorifics"):
        load_actor_words(write(tmp_path, data))


def test_an_unquoted_yaml_keyword_is_not_read_as_a_boolean() -> None:
    # YAML reads a bare ``on`` as True; the list must say "on" in quotes.
    with pytest.raises(DictionaryError, match="quote"):
        parse_word_lists("stop: [the, on]", "stop.yaml", lists=("stop",))
    words = parse_word_lists('stop: [the, "on"]', "stop.yaml", lists=("stop",))
    assert words["stop"] == frozenset({"the", "on"})


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("stop: [the, the]", "repeats"),
        ("stop: [The]", "lower-case"),
        ("stop: [secretary  general]", "single spaces"),
        ("stop: the", "not a list"),
        ("- the", "mapping"),
        ("stop: [the", "YAML"),
    ],
)
def test_malformed_lists_are_refused(text: str, problem: str) -> None:
    with pytest.raises(DictionaryError, match=problem):
        parse_word_lists(text, "stop.yaml", lists=("stop",))


def test_a_stance_prefix_makes_the_state_what_the_actor_opposes() -> None:
    # "anti-Chad" says what a movement is against; it is not Chad acting.
    assert "anti" in ACTOR_WORDS["stance_prefixes"]
    assert resolve("the anti-Chad movement", "2020-01-01").code is None
    assert resolve("the Chad government", "2020-01-01").code == "TCDGOV"


def test_a_community_noun_is_placed_by_its_complement() -> None:
    # A community lives where the complement says; refugees stay of their own state.
    assert "minority" in ACTOR_WORDS["community_nouns"]
    assert resolve("the Hungarian minority of Slovakia", "2020-01-01").country == "SVK"
    assert resolve("Hungarian refugees in Slovakia", "2020-01-01").country == "HUN"


def test_a_neutral_head_takes_the_sector_of_its_body() -> None:
    # "spokesman" says nothing of sector: the body he speaks for does.
    assert "spokesman" in ACTOR_WORDS["neutral_heads"]
    assert resolve("a spokesman for the Kenyan army", "2020-01-01").code == "KENMIL"
