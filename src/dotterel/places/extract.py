"""Cities carried by meeting names: "the BRICS summit in Kazan", "Munich Security Conference".

Three cues, tried for each meeting keyword (``data/conferences.yaml``) in text order:

1. a locative preposition after the keyword: "summit in Kazan", "talks held at Geneva"
   (any place the gazetteer knows, countries included: "a summit in Egypt");
2. a city in the modifier run before the keyword: "the second Minsk International
   Conference" (cities and named facilities only, so "Iran nuclear talks" and
   "Russia-Africa summit" name no venue);
3. a known meeting whose name does not contain its city ("Shangri-La Dialogue").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dotterel.datafiles import read_yaml_mapping
from dotterel.errors import DictionaryError
from dotterel.places.gazetteer import Gazetteer, load_gazetteer

_SOURCE = "dotterel/places/data/conferences.yaml"
#: how many words in front of a keyword may still belong to the meeting's name.
_MAX_MODIFIERS = 6
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f][\w'\u2019.-]*")
_PARTICLE = r"(?:el|al|ad|as|ash|de|la|du|di)(?:-[\w'\u2019-]+)?"
_CAP_RUN = r"[A-Z][\w'\u2019-]*(?:\.(?=\s))?(?:\s+(?:[A-Z][\w'\u2019-]*|" + _PARTICLE + r")){0,4}"
_AFTER = re.compile(
    r"\s+(?:(?:being|been|was|were|is|are)\s+)?(?:held\s+|taking\s+place\s+|hosted\s+)?"
    r"(?:in|at)\s+(?:the\s+)?(" + _CAP_RUN + r")"
)
_CITY_KINDS = frozenset({"city", "facility"})


@dataclass(frozen=True, slots=True)
class ConferencePlace:
    """A meeting mention and its city.

    ``start``/``end`` cover the meeting name (keyword included); ``city`` is the city as
    written, with its offsets, or the known venue (offsets ``None``) for cue 3; ``how``
    is ``preposition``, ``name`` or ``venue``.
    """

    start: int
    end: int
    city: str
    city_start: int | None
    city_end: int | None
    how: str


@dataclass(frozen=True, slots=True)
class _Rules:
    keywords: re.Pattern[str]
    stop_words: frozenset[str]
    venues: tuple[tuple[re.Pattern[str], str], ...]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = read_yaml_mapping("dotterel.places", "data/conferences.yaml", "the meeting list")
    keywords, stops, venues = data.get("keywords"), data.get("stop_words"), data.get("venues")
    if not (isinstance(keywords, list) and keywords and isinstance(stops, list)):
        raise DictionaryError("keywords and stop_words must be lists", source=_SOURCE)
    if not all(isinstance(w, str) for w in [*keywords, *stops]):
        # Unquoted YAML words such as `on` turn into booleans.
        raise DictionaryError("keywords and stop_words must be strings", source=_SOURCE)
    if not isinstance(venues, dict):
        raise DictionaryError("venues must be a mapping", source=_SOURCE)
    words = "|".join(sorted((re.escape(str(k)) for k in keywords), key=len, reverse=True))
    return _Rules(
        keywords=re.compile(rf"\b(?:{words})s?\b", re.IGNORECASE),
        stop_words=frozenset(str(s).casefold() for s in stops),
        venues=tuple(
            (re.compile(rf"\b{re.escape(str(name))}\b", re.IGNORECASE), str(city))
            for name, city in venues.items()
        ),
    )


def _prefix_place(
    words: list[re.Match[str]], gaz: Gazetteer, kinds: frozenset[str] | None
) -> tuple[int, int, str] | None:
    """The longest leading run of ``words`` that the gazetteer resolves."""
    for n in range(len(words), 0, -1):
        start, end = words[0].start(), words[n - 1].end()
        text = words[0].string[start:end].rstrip(".")
        place = gaz.lookup(text)
        if place is not None and (kinds is None or place.kind in kinds):
            return start, start + len(text), text
    return None


def _after(text: str, kw: re.Match[str], gaz: Gazetteer) -> ConferencePlace | None:
    m = _AFTER.match(text, kw.end())
    if not m:
        return None
    words = list(_WORD.finditer(text, m.start(1), m.end(1)))
    found = _prefix_place(words, gaz, None) if words else None
    if not found:
        return None
    start, end, city = found
    return ConferencePlace(kw.start(), kw.end(), city, start, end, "preposition")


def _before(
    text: str, kw: re.Match[str], gaz: Gazetteer, stops: frozenset[str]
) -> ConferencePlace | None:
    head = text[: kw.start()]
    # The name cannot run across clause punctuation or quotes.
    cut = max(head.rfind(ch) for ch in ',;:.!?"()\u201c\u201d\n')
    words = [w for w in _WORD.finditer(head) if w.start() > cut]
    run: list[re.Match[str]] = []
    for word in reversed(words[-_MAX_MODIFIERS:]):
        if word.group().casefold() in stops:
            break
        run.insert(0, word)
    for i, word in enumerate(run):
        if not word.group()[0].isupper():
            continue
        found = _prefix_place(run[i:], gaz, _CITY_KINDS)
        if found:
            start, end, city = found
            return ConferencePlace(run[0].start(), kw.end(), city, start, end, "name")
    return None


def find_conference_places(text: str, gazetteer: Gazetteer | None = None) -> list[ConferencePlace]:
    """Every meeting mention in ``text`` whose city can be told, in text order."""
    gaz = gazetteer or load_gazetteer()
    rules = _rules()
    out: list[ConferencePlace] = []
    # Known venues first: their names may hold a misleading place ("Shangri-La").
    for pattern, city in rules.venues:
        for m in pattern.finditer(text):
            out.append(ConferencePlace(m.start(), m.end(), city, None, None, "venue"))
    venues = list(out)
    for kw in rules.keywords.finditer(text):
        if any(v.start <= kw.start() < v.end for v in venues):
            continue
        found = _after(text, kw, gaz) or _before(text, kw, gaz, rules.stop_words)
        if found:
            out.append(found)
    out.sort(key=lambda p: (p.start, p.end))
    return out


def conference_city(text: str) -> str | None:
    """The city of the first meeting named in ``text`` ("summit in Kazan" -> "Kazan").

    ``None`` when no meeting is named or its city cannot be told.
    """
    found = find_conference_places(text)
    return found[0].city if found else None
