"""Cue word lists for factuality, claims and denials, loaded from ``data/cues.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

import yaml

from dotterel.errors import DictionaryError

CUE_LISTS = (
    "reporting_verbs",
    "hedge_adverbs",
    "denial_verbs",
    "claim_nouns",
    "future_governors",
    "hypothetical_governors",
    "negating_governors",
    "future_auxiliaries",
    "hypothetical_auxiliaries",
    "future_modifiers",
    "hypothetical_modifiers",
    "negating_modifiers",
    "future_nouns",
    "hypothetical_nouns",
    "conditional_marks",
    "nominal_needs_verb",
    "light_verbs",
    "movement_verbs",
    "measure_nouns",
    "drill_nouns",
    "partitive_nouns",
    "effort_nouns",
    "commitment_governors",
    "charging_verbs",
    "stance_nouns",
    "receiving_verbs",
    "departure_verbs",
    "escort_verbs",
    "force_nouns",
    "frontier_nouns",
    "frame_nouns",
    "result_adjectives",
    "responsibility_verbs",
    "blaming_verbs",
    "violence_nouns",
    "reaction_verbs",
    "reaction_nouns",
    "resolve_adjectives",
    "act_nouns",
    "side_nouns",
    "statement_nouns",
    "announcing_verbs",
    "proposing_verbs",
    "wanting_verbs",
    "recipient_preps",
    "noun_recipient_preps",
    "host_preps",
    "place_preps",
    "strike_preps",
    "site_preps",
    "host_verb_preps",
    "adjunct_preps",
    "group_preps",
    "stance_preps",
    "inquiry_preps",
    "concern_preps",
    "reflexive_pronouns",
    "release_nouns",
    "custody_release_verbs",
    "stative_passives",
    "crowd_words",
    "concern_words",
    "condition_nouns",
    "lethal_words",
    "nonlethal_modifiers",
    "online_objects",
    "punishment_verbs",
    "punishment_nouns",
    "person_office_nouns",
    "vague_sector_words",
    "actual_infinitive_governors",
    "envoy_words",
    "crew_nouns",
    "carrier_nouns",
    "cargo_words",
    "reply_verbs",
    "reply_nouns",
    "naming_verbs",
    "dismissive_words",
    "refusal_verbs",
    "act_pro_forms",
    "comment_verbs",
)


@dataclass(frozen=True)
class Cues:
    """Every cue list as a frozen set of lower-case lemmas."""

    lists: dict[str, frozenset[str]]

    @cached_property
    def reporters(self) -> frozenset[str]:
        """Verbs that can close a sentence as its source ("..., the army said")."""
        return self.reporting_verbs | self.charging_verbs

    def __getattr__(self, name: str) -> frozenset[str]:
        try:
            return self.lists[name]
        except KeyError as exc:
            raise AttributeError(name) from exc


def parse_cues(text: str, source: str) -> Cues:
    """Parse a cues YAML document; every list in :data:`CUE_LISTS` must be present."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise DictionaryError(f"not valid YAML: {exc}", source=source) from exc
    if not isinstance(data, dict):
        raise DictionaryError("expected a mapping of cue lists", source=source)
    lists: dict[str, frozenset[str]] = {}
    for name in CUE_LISTS:
        values = data.get(name)
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise DictionaryError(
                f"cue list {name!r} missing or not a list of words", source=source
            )
        lists[name] = frozenset(value.lower() for value in values)
    return Cues(lists)


@lru_cache(maxsize=4)
def load_cues(path: str | None = None) -> Cues:
    """The cue lists shipped with Dotterel (or those in ``path``)."""
    if path is not None:
        return parse_cues(Path(path).read_text(encoding="utf-8"), path)
    text = resources.files("dotterel.events").joinpath("data/cues.yaml").read_text("utf-8")
    return parse_cues(text, "dotterel/events/data/cues.yaml")
