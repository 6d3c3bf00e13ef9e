"""Codes in words: category names, sectors, countries, and an event's status as a sentence.

The words live in ``data/vocabulary.yaml``, country names in ``data/country_names.tsv``
(read once).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from dotterel.errors import DictionaryError
from dotterel.records import PLOVER_TYPES, Entity, Event


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Every code the explorer shows, with its words."""

    categories: dict[str, tuple[str, str]]
    quad_classes: dict[int, str]
    factuality: dict[str, str]
    sectors: dict[str, str]
    groups: dict[str, str]
    countries: dict[str, str]
    #: Cue stems that make a claimant an accuser ("alleged", "accused") rather than a
    #: source (``allegation_cue_stems`` in the file; not part of :meth:`to_dict`).
    allegation_stems: tuple[str, ...] = ()

    def category_label(self, event_type: str) -> str:
        return self.categories.get(event_type, (event_type.title(), ""))[0]

    def place_name(self, code: str | None) -> str | None:
        """Country or group name of a three-letter code (``RUS`` -> Russia)."""
        if not code:
            return None
        return self.countries.get(code) or self.groups.get(code)

    def actor_label(self, code: str | None) -> str | None:
        """``RUSGOV`` -> "Russia (government)"; ``None`` when the code says nothing known."""
        if not code:
            return None
        place = self.place_name(code[:3])
        sector = self.sectors.get(code[3:6]) if len(code) >= 6 else None
        if place and sector:
            return f"{place} ({sector})"
        return place

    def to_dict(self) -> dict[str, Any]:
        return {
            "categories": {
                code: {"label": label, "meaning": meaning}
                for code, (label, meaning) in self.categories.items()
            },
            "quad_classes": {str(k): v for k, v in self.quad_classes.items()},
            "factuality": dict(self.factuality),
            "sectors": dict(self.sectors),
            "groups": dict(self.groups),
            "countries": dict(self.countries),
        }


def _country_names() -> dict[str, str]:
    source = resources.files("dotterel.api.http").joinpath("data/country_names.tsv")
    names: dict[str, str] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("iso3\t"):
            continue
        iso3, _, name = line.partition("\t")
        if not name:
            raise DictionaryError(f"line without a name: {line!r}", source=str(source))
        names[iso3] = name
    return names


@lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    """The vocabulary bundled with Dotterel (read once)."""
    source = resources.files("dotterel.api.http").joinpath("data/vocabulary.yaml")
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    try:
        categories = {str(k): (str(v[0]), str(v[1])) for k, v in data["categories"].items()}
        vocabulary = Vocabulary(
            categories=categories,
            quad_classes={int(k): str(v) for k, v in data["quad_classes"].items()},
            factuality={str(k): str(v) for k, v in data["factuality"].items()},
            sectors={str(k): str(v) for k, v in data["sectors"].items()},
            groups={str(k): str(v) for k, v in data["groups"].items()},
            countries=_country_names(),
            allegation_stems=tuple(str(s).casefold() for s in data["allegation_cue_stems"]),
        )
    except (KeyError, IndexError, TypeError, AttributeError) as exc:
        raise DictionaryError(f"malformed vocabulary: {exc}", source=str(source)) from exc
    missing = [t for t in PLOVER_TYPES if t not in categories]
    if missing:
        raise DictionaryError(f"no words for categories {missing}", source=str(source))
    return vocabulary


def _names(entities: Sequence[Entity]) -> str:
    names: list[str] = []
    for entity in entities:
        name = " ".join(entity.text.split())
        if name and name not in names:
            names.append(name)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


_PUBLISHER_STATUS = {
    "actual": "Reported as fact by the publisher",
    "future": "Reported by the publisher as planned or expected",
    "hypothetical": "Reported by the publisher as possible, not as fact",
    "negated": "Reported by the publisher as not having happened",
}
_STATUS_SUFFIX = {
    "future": " (as planned or expected)",
    "hypothetical": " (as possible, not as fact)",
    "negated": " (as not having happened)",
}


def status_words(event: Event, vocabulary: Vocabulary | None = None) -> str:
    """Who vouches for the event and who denies it, in one sentence.

    "Reported as fact by the publisher"; "Alleged by US intelligence; denied by Iran";
    "According to state media (as planned or expected)".
    """
    claimants, deniers = _names(event.claimed_by), _names(event.denied_by)
    if not claimants:
        text = _PUBLISHER_STATUS.get(event.factuality, _PUBLISHER_STATUS["actual"])
        return f"{text}; denied by {deniers}" if deniers else text
    stems = (vocabulary or load_vocabulary()).allegation_stems
    alleged = bool(deniers) or any(stem in cue.casefold() for cue in event.cues for stem in stems)
    text = f"Alleged by {claimants}" if alleged else f"According to {claimants}"
    text += _STATUS_SUFFIX.get(event.factuality, "")
    return f"{text}; denied by {deniers}" if deniers else text
