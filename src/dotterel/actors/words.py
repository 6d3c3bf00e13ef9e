"""The actor coder's word lists (``actors/data/actor_words.yaml``), read once.

:data:`ACTOR_WORDS` is the shipped file, loaded when the module is first imported (it is
package data, the same for every run, not configuration); :func:`load_actor_words` reads
another file of the same shape, for tests and for anyone editing the lists.
"""

from __future__ import annotations

from pathlib import Path

from dotterel.wordlists import WordLists, load_word_lists

#: The lists ``actor_words.yaml`` must hold (and nothing else).
ACTOR_WORD_LISTS = (
    "prepositions",
    "modifiers",
    "phrase_glue",
    "complement_prepositions",
    "accredited_heads",
    "neutral_heads",
    "hyphen_suffixes",
    "stance_prefixes",
    "community_nouns",
    "locating_words",
    "directions",
    "language_words",
    "rights_nouns",
    "bloc_nouns",
    "possessive_pronouns",
    "verbal_currencies",
    "international_office_words",
    "international_office_pairs",
    "not_in_title",
    "title_words",
    "military_ranks",
    "surname_joiners",
    "name_particles",
    "given_names",
    "stop_words",
    "organisation_words",
    "generic_organisation_words",
    "slavic_endings",
    "ambiguous_forces",
    "foreign_modifiers",
    "press_people",
    "standing_adjectives",
    "partitive_quantifiers",
    "expletive_predicates",
    "ideology_words",
    "office_nouns",
)
ACTOR_WORD_TABLES = ("title_offices",)


def load_actor_words(path: Path | None = None) -> WordLists:
    """The actor word lists shipped with Dotterel (or those in ``path``)."""
    return load_word_lists(
        "dotterel.actors",
        "data/actor_words.yaml",
        lists=ACTOR_WORD_LISTS,
        tables=ACTOR_WORD_TABLES,
        path=path,
    )


ACTOR_WORDS = load_actor_words()
