"""spaCy component ``dotterel_places``: resolve place mentions and locate events.

Places: GPE/LOC/FAC entities and meeting names with a city ("Minsk International
Conference") are resolved with :class:`~dotterel.places.gazetteer.Gazetteer`, using as
context the countries of the document's actors and of its unambiguous places (plus the
US state of any US place, so "Moscow" with "Idaho" nearby goes to Idaho).

Event location, for each event in ``doc._.events`` (see ``data/attachment.yaml``):

1. ``clause``: a place governed by a locative preposition on the trigger or on a word
   above it in its own clause ("met in Geneva", "the summit in Kazan", "visit to
   Moscow", "during a visit to Moscow", "arrived in Russia"); for a meeting or
   agreement also a place on the person met or the deal ("met the envoy in Muscat",
   "talks with the minister in La Paz", "a deal between the two in Ankara") or on the
   meeting it agrees to ("agreed to meet in Arica"), and for a movement one on its
   object ("led a delegation to Niamey"); a participle on a noun ("prisoners released
   by Kyiv were flown to Moscow") does not take the clause's place;
2. ``reporting_clause``: the same on the reporting verb above the trigger, on that
   verb's participle adjunct ("Speaking at the Minsk ... Conference, Lavrov
   highlighted the treaty"), or the place a "where" clause refers back to ("at the
   summit in Kazan, where he revealed plans for the signing");
3. ``dateline``: the dateline's place;
4. otherwise ``None``. Places of other sentences are never used, nor a place that is
   the event's own actor ("Moscow said").
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.training import Example

from dotterel.datafiles import read_yaml_mapping
from dotterel.errors import DictionaryError
from dotterel.nlp.extensions import PARSE_ATTRIBUTES, register_extensions
from dotterel.places.extract import find_conference_places
from dotterel.places.gazetteer import (
    Gazetteer,
    Place,
    load_country_centroids,
    load_gazetteer,
    normalize,
)
from dotterel.places.story import StorySetting, lead_spans, story_setting
from dotterel.records import Entity, Event, Location

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
NON_PLACE_LABELS = frozenset({"NORP", "PERSON", "ORG"})
#: kinds of place that locate a noun they modify ("the Kazan summit"); a country in
#: that slot names a party or topic instead ("the Iran talks").
_MODIFIER_KINDS = frozenset({"city", "region", "facility", "state"})
_MAX_NESTING = 3
#: how many tokens after a withdrawal word its "from" phrase may start.
_SOURCE_WINDOW = 8
_SOURCE = "dotterel/places/data/attachment.yaml"


@dataclass(slots=True)
class PlaceMention:
    """A resolved place mention: character offsets, text, entity label and location."""

    start: int
    end: int
    text: str
    label: str
    location: Location
    kind: str = "city"


@dataclass(frozen=True, slots=True)
class AttachmentRules:
    """Word lists from ``data/attachment.yaml``."""

    locative: frozenset[str]
    motion_preps: frozenset[str]
    motion_lemmas: frozenset[str]
    occasion_preps: frozenset[str]
    occasion_lemmas: frozenset[str]
    target_preps: frozenset[str]
    target_types: frozenset[str]
    reporting: frozenset[str]
    settlements: frozenset[str]
    source_preps: frozenset[str] = frozenset()
    source_types: frozenset[str] = frozenset()
    meeting_types: frozenset[str] = frozenset()
    partner_preps: frozenset[str] = frozenset()
    feature_nouns: frozenset[str] = frozenset()
    ground_nouns: frozenset[str] = frozenset()
    statement_types: frozenset[str] = frozenset()
    issued_from: frozenset[str] = frozenset()
    motion_objects: frozenset[str] = frozenset()
    directions: frozenset[str] = frozenset()
    venue_words: frozenset[str] = frozenset()
    topic_nouns: frozenset[str] = frozenset()
    discuss_verbs: frozenset[str] = frozenset()
    back_references: frozenset[str] = frozenset()
    national_place_nouns: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def load_attachment_rules() -> AttachmentRules:
    """Read and check ``data/attachment.yaml`` (cached)."""
    data = read_yaml_mapping("dotterel.places", "data/attachment.yaml", "attachment rules")
    keys = (
        "locative_prepositions",
        "motion_prepositions",
        "motion_lemmas",
        "occasion_prepositions",
        "occasion_lemmas",
        "target_prepositions",
        "target_event_types",
        "reporting_lemmas",
        "settlement_nouns",
        "source_prepositions",
        "source_event_types",
        "meeting_event_types",
        "partner_prepositions",
        "feature_nouns",
        "ground_nouns",
        "statement_event_types",
        "issued_from_nouns",
        "motion_object_lemmas",
        "direction_words",
        "venue_words",
        "topic_nouns",
        "discuss_verbs",
        "back_reference_nouns",
        "national_place_nouns",
    )
    if not isinstance(data, dict):
        raise DictionaryError("attachment rules must be a mapping", source=_SOURCE)
    lists: list[frozenset[str]] = []
    for key in keys:
        value = data.get(key)
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            # Unquoted YAML words such as `on` turn into booleans: reject, don't guess.
            raise DictionaryError(f"{key!r} must be a non-empty list of strings", source=_SOURCE)
        lists.append(
            frozenset(str(v) if key.endswith("event_types") else str(v).casefold() for v in value)
        )
    return AttachmentRules(*lists)


@lru_cache(maxsize=1)
def load_seats() -> dict[str, Location]:
    """``data/seats.yaml``: lower-case body name → its seat, resolved (cached)."""
    source = "dotterel/places/data/seats.yaml"
    data = read_yaml_mapping("dotterel.places", "data/seats.yaml", "seats of bodies")
    seats = data.get("seats")
    if not isinstance(seats, dict) or not seats:
        raise DictionaryError("'seats' must be a non-empty mapping", source=source)
    gaz = load_gazetteer()
    out: dict[str, Location] = {}
    for name, city in seats.items():
        place = gaz.lookup(str(city)) if isinstance(city, str) else None
        if not isinstance(name, str) or place is None or place.kind != "city":
            raise DictionaryError(f"seat {name!r}: {city!r} is not a known city", source=source)
        out[name.casefold()] = place.to_location(source="seat")
    return out


# -- place mentions -----------------------------------------------------------------------


def _valid_country(code: str | None, gaz: Gazetteer) -> bool:
    return bool(code) and code in gaz.country_codes


def _actor_context(doc: Doc, gaz: Gazetteer) -> set[str]:
    codes: set[str] = set()
    for ent in getattr(doc._, "actors", None) or ():
        code = getattr(ent, "country_code", None) or getattr(ent, "country", None)
        if isinstance(code, str) and _valid_country(code, gaz):
            codes.add(code)
    return codes


def _raw_mentions(
    doc: Doc, gaz: Gazetteer, rules: AttachmentRules
) -> list[tuple[int, int, str, str, Place | None]]:
    """(start, end, text, label, fixed place or None) for entities and meetings."""
    found: list[tuple[int, int, str, str, Place | None]] = [
        (ent.start_char, ent.end_char, ent.text, ent.label_, None)
        for ent in doc.ents
        if ent.label_ in PLACE_LABELS
    ]
    # The tagger misses many places ("strikes on Kyiv"); a proper noun governed by a
    # place preposition that the gazetteer knows is taken as one, unless it is part
    # of another entity.
    preps = rules.locative | rules.motion_preps | rules.target_preps
    # Names the tagger took for a nationality or a person are still places after
    # "the town of" ("near the town of Samarra").
    in_ent = {tok.i for ent in doc.ents if ent.label_ not in NON_PLACE_LABELS for tok in ent}
    text = doc.text  # Doc.text joins every token: build it once
    for tok in doc:
        if _named_area(tok, rules, preps, in_ent):
            # "in the southern Khatlon region": the tagger leaves the name untagged as
            # a modifier of the area noun; name and noun together are the place.
            first = tok
            while (
                first.i > 0 and doc[first.i - 1].dep_ == "compound" and doc[first.i - 1].head == tok
            ):
                first = doc[first.i - 1]
            start, end = first.idx, tok.idx + len(tok.text)
            if gaz.lookup(text[start:end]) is not None:
                found.append((start, end, text[start:end], "PROPN", None))
            continue
        if tok.dep_ != "pobj" or tok.pos_ != "PROPN" or tok.i in in_ent:
            continue
        settlement = tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in rules.settlements
        if not settlement and (
            tok.head.lower_ not in preps or (_in_any(tok, doc) and not _mistagged_city(tok, gaz))
        ):
            continue
        first = tok
        while first.i > 0 and doc[first.i - 1].dep_ == "compound" and doc[first.i - 1].head == tok:
            first = doc[first.i - 1]
        start, end = first.idx, tok.idx + len(tok.text)
        place = gaz.lookup(text[start:end])
        if place is not None and not _other_actor(doc, start, end, place):
            found.append((start, end, text[start:end], "PROPN", None))
    for conf in find_conference_places(text, gaz):
        # A preposition cue points at a city written out after the keyword: it is the
        # mention (usually already an entity); otherwise the meeting name stands for it.
        if conf.how == "preposition" and conf.city_start is not None:
            start, end = conf.city_start, conf.city_end or conf.city_start
        else:
            start, end = conf.start, conf.end
        if any(s < end and start < e for s, e, *_ in found):
            continue
        place = gaz.lookup(conf.city)
        if place is not None:
            found.append((start, end, text[start:end], "MEETING", place))
    found = [
        item
        for item in found
        if item[3] == "MEETING" or not _names_feature(text, item[1], rules.feature_nouns)
    ]
    found.sort(key=lambda item: (item[0], item[1]))
    return found


_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]+)")


def _names_feature(text: str, end: int, feature_nouns: frozenset[str]) -> bool:
    """ "across the San Juan river": a name before a feature noun names the river or the
    range, which no town or country of that name locates."""
    match = _NEXT_WORD.match(text, end)
    return match is not None and match.group(1).casefold() in feature_nouns


def _named_area(
    tok: Token, rules: AttachmentRules, preps: Collection[str], in_ent: set[int]
) -> bool:
    """An area noun ("region", "province") after a place preposition, with an untagged
    proper-noun modifier right before it ("in the Khatlon region")."""
    if tok.dep_ != "pobj" or tok.pos_ != "NOUN" or tok.head.lower_ not in preps:
        return False
    if tok.lemma_.lower() not in rules.settlements or tok.i == 0:
        return False
    before = tok.doc[tok.i - 1]
    return (
        before.dep_ == "compound"
        and before.head == tok
        and before.pos_ == "PROPN"
        and before.i not in in_ent
    )


def _other_actor(doc: Doc, start: int, end: int, place: Place) -> bool:
    """ "took its complaint to OAS": an untagged name the actor dictionaries know as an
    organisation or as another country's is that actor, not a namesake town (Oas)."""
    for actor in getattr(doc._, "actors", None) or ():
        if actor.start < end and start < actor.end and actor.code:
            country = actor.country or actor.code[:3]
            if country != place.country:
                return True
    return False


def _far_alias(text: str, place: Place, context: set[str]) -> bool:
    """A city found only under another spelling ("Sido" for Sidon), in a country the
    story does not otherwise name, is more likely an unlisted namesake than that city."""
    if place.kind != "city" or not context or place.country in context:
        return False
    return normalize(text).removeprefix("the ") != normalize(place.name)


def _in_any(tok: Token, doc: Doc) -> bool:
    return any(ent.start <= tok.i < ent.end for ent in doc.ents)


def _mistagged_city(tok: Token, gaz: Gazetteer) -> bool:
    """A one-word name the tagger took for a person or organisation, after a place
    preposition ("a delegation to Niamey", "talks in Sanaa"), that names one city only:
    the small tagger often mislabels capitals it has rarely seen."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    if ent is None or ent.label_ not in ("PERSON", "ORG") or len(ent) != 1:
        return False
    place = gaz.lookup(tok.text)
    return place is not None and place.kind == "city" and not gaz.is_ambiguous(tok.text)


def resolve_places(doc: Doc, gaz: Gazetteer, rules: AttachmentRules) -> list[PlaceMention]:
    """Resolve the document's place mentions (see the module docstring for context)."""
    raw = _raw_mentions(doc, gaz, rules)
    context = _actor_context(doc, gaz)
    aliases: set[int] = set()
    for index, (_start, _end, text, _label, fixed) in enumerate(raw):
        place = fixed or gaz.lookup(text, context)
        if place is not None and not fixed and _far_alias(text, place, context):
            # Checked before the mention adds its own country to the context.
            aliases.add(index)
            continue
        if place is not None and (fixed or not gaz.is_ambiguous(text)):
            context |= gaz.context_codes(place)
    out: list[PlaceMention] = []
    for index, (start, end, text, label, fixed) in enumerate(raw):
        place = fixed or gaz.lookup(text, context)
        if place is None:
            continue
        if index in aliases and _far_alias(text, place, context):
            continue
        out.append(PlaceMention(start, end, text, label, place.to_location(), place.kind))
    taken = [(m.start, m.end) for m in out]
    for mention in _capital_phrases(doc, gaz, rules.national_place_nouns):
        if not any(s < mention.end and mention.start < e for s, e in taken):
            out.append(mention)
    out.sort(key=lambda m: (m.start, m.end))
    return out


def _capital_phrases(doc: Doc, gaz: Gazetteer, nouns: frozenset[str]) -> list[PlaceMention]:
    """ "the Moldovan capital", "on Afghan soil": a nationality the actors stage resolved
    to a state, on a noun that names a place of that state."""
    actors = [
        a
        for a in getattr(doc._, "actors", None) or ()
        if _valid_country(getattr(a, "country", None), gaz)
    ]
    if not actors:
        return []
    centroids = load_country_centroids()
    out: list[PlaceMention] = []
    for tok in doc:
        if tok.lemma_.lower() not in nouns or tok.pos_ != "NOUN":
            continue
        for child in tok.children:
            if child.dep_ not in ("amod", "compound", "nmod") or child.i >= tok.i:
                continue
            actor = next(
                (a for a in actors if a.start <= child.idx < a.end and a.end <= tok.idx), None
            )
            if actor is None or len(actor.text.split()) > 2:
                continue
            code = str(actor.country)
            lat, lon = centroids.get(code, (None, None))
            start, end = actor.start, tok.idx + len(tok.text)
            location = Location(name=doc.text[start:end], country=code, lat=lat, lon=lon)
            out.append(PlaceMention(start, end, doc.text[start:end], "NATIONAL", location, "city"))
            break
    return out


# -- event locations ----------------------------------------------------------------------


class _Locator:
    def __init__(self, doc: Doc, places: list[PlaceMention], rules: AttachmentRules) -> None:
        self.doc = doc
        self.rules = rules
        self.by_token: dict[int, PlaceMention] = {}
        for mention in places:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            for tok in span:
                self.by_token.setdefault(tok.i, mention)
        self.places = places
        self.story: PlaceMention | None = None

    def _refers_back(self, head: Token) -> bool:
        """ "held talks here", "clashes in the city": words that point at the story place."""
        preps = [c for c in head.children if c.dep_ == "prep"]
        for child in head.children:
            if child.dep_ == "advmod" and child.lower_ == "here":
                return True
            if child.dep_ in ("dobj", "pobj", "prep"):
                # "fired tear gas at crowds in the city": one noun phrase further down.
                for noun in [child] if child.dep_ != "prep" else list(child.children):
                    preps.extend(c for c in noun.children if c.dep_ == "prep")
        for child in preps:
            if child.lower_ in ("in", "at", "near", "outside"):
                for obj in child.children:
                    determiner = [d.lower_ for d in obj.children if d.dep_ == "det"]
                    if (
                        obj.dep_ == "pobj"
                        and obj.lower_ in self.rules.back_references
                        and determiner == ["the"]
                        and not any(c.dep_ == "prep" for c in obj.children)
                    ):
                        return True
        return False

    def in_np(
        self, noun: Token, depth: int = 0, motion: bool = False, partner: bool = False
    ) -> PlaceMention | None:
        """The place a noun phrase carries: itself, a place modifier, or a nested phrase.

        Inside a movement or occasion phrase ("a visit by the president to Moscow") the
        parser often hangs "to Moscow" on the nearest noun, so movement prepositions and
        "of"/"by" links stay allowed below it; inside a meeting's phrase (``partner``)
        the same holds for the other side's "with"/"between" ("talks with the minister
        in La Paz": the parser hangs "in La Paz" on "minister").
        """
        mention = self.by_token.get(noun.i)
        if mention is not None:
            return mention
        for child in noun.children:
            if child.dep_ in ("compound", "nmod", "amod", "poss"):
                mention = self.by_token.get(child.i)
                if mention is None:
                    continue
                if mention.kind in _MODIFIER_KINDS and child.dep_ != "poss":
                    return mention
                if noun.lemma_.lower() in self.rules.national_place_nouns:
                    # "the Solomon Islands capital", "Afghanistan's capital".
                    return mention
        if depth >= _MAX_NESTING:
            return None
        motion = motion or self._is_motion(noun)
        linked = motion or self._is_occasion(noun)
        partner = partner or self._is_occasion(noun)
        for prep in noun.children:
            if prep.dep_ != "prep":
                continue
            word = prep.lower_
            settlement = word == "of" and (
                noun.lemma_.lower() in self.rules.settlements
                or noun.lower_ in self.rules.directions
            )
            if word == "from" and noun.lemma_.lower() in self.rules.issued_from:
                # "a statement from Riyadh": only the place right after "from". "From its
                # headquarters in Abuja" names the body's seat, and a seat lent to the
                # statement would also give its country to the parties it speaks of.
                for obj in prep.children:
                    if obj.dep_ == "pobj" and obj.i in self.by_token:
                        return self.by_token[obj.i]
                continue
            ok = (
                word in self.rules.locative
                or (word in self.rules.motion_preps and motion)
                or (word in ("of", "by") and linked)
                or (word in self.rules.partner_preps and partner)
                or settlement
            )
            if not ok:
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                if word in self.rules.partner_preps:
                    # The other side itself ("talks with Russia") is a party, not a
                    # place: only a locative phrase on it counts.
                    found = self._locative_on(obj, depth + 1)
                else:
                    found = self.in_np(obj, depth + 1, motion, partner)
                if found is not None:
                    return found
        return None

    def _locative_on(self, noun: Token, depth: int) -> PlaceMention | None:
        """The place of a locative phrase on a noun, not the noun itself."""
        if depth >= _MAX_NESTING:
            return None
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in self.rules.locative:
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        found = self.in_np(obj, depth + 1)
                        if found is not None:
                            return found
        return None

    def _in_prep_objects(self, noun: Token, preps: Collection[str]) -> PlaceMention | None:
        """The first place in the object of one of ``preps`` hanging on ``noun``."""
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in preps:
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        found = self.in_np(obj)
                        if found is not None:
                            return found
        return None

    def _is_motion(self, tok: Token) -> bool:
        return tok.lemma_.lower() in self.rules.motion_lemmas

    def _is_occasion(self, tok: Token) -> bool:
        return tok.lemma_.lower() in self.rules.occasion_lemmas or tok.lower_ in (
            self.rules.occasion_lemmas
        )

    def from_preps(self, head: Token, event_type: str, is_trigger: bool) -> PlaceMention | None:
        found = self._from_preps(head, event_type, is_trigger)
        if found is not None:
            return found
        for child in head.children:
            # "10 km east of Jabalia", "north of the capital": a direction word's "of".
            if child.lower_ in self.rules.directions or any(
                g.lower_ in self.rules.directions for g in child.children
            ):
                direction = (
                    child
                    if child.lower_ in self.rules.directions
                    else next(g for g in child.children if g.lower_ in self.rules.directions)
                )
                found = self.in_np(direction)
                if found is not None:
                    return found
            if child.dep_ in ("dobj", "dative") and head.lemma_.lower() in self.rules.reporting:
                # "told reporters in Baghdad", "told a news conference in Kabul".
                found = self._in_prep_objects(child, self.rules.locative)
                if found is not None:
                    return found
            if child.dep_ == "dobj" and self._is_motion(head):
                # "led a delegation to Kigali", "sent troops to Mali": the parser often
                # hangs the destination on the object.
                found = self._in_prep_objects(child, self.rules.motion_preps)
                if found is not None:
                    return found
            if is_trigger and event_type in self.rules.meeting_types:
                found = self._meeting_place(child)
                if found is not None:
                    return found
            if is_trigger and child.dep_ == "dobj" and event_type in self.rules.target_types:
                # "shelled Kyiv", "bombed the town of X", "shelled positions in Idlib":
                # an attack lands on its target (a country as the target is a party).
                found = self.in_np(child)
                own = self.by_token.get(child.i)
                if found is not None and not (found is own and found.kind == "country"):
                    return found
        return None

    def _meeting_place(self, child: Token) -> PlaceMention | None:
        """A meeting's place written on its object ("met the envoy in Muscat", "brokered
        a deal between the two countries in Ankara") or on the meeting or signing it
        agrees to ("agreed to meet in Arica")."""
        if child.dep_ == "dobj":
            # The object itself ("lobbied Washington") is a party, not the venue.
            return (
                self._locative_on(child, 0)
                if child.i in self.by_token
                else (self.in_np(child, partner=True))
            )
        if child.dep_ == "xcomp" and child.pos_ == "VERB":
            return self._in_prep_objects(child, self.rules.locative)
        return None

    def _from_preps(self, head: Token, event_type: str, is_trigger: bool) -> PlaceMention | None:
        for prep in head.children:
            if prep.dep_ not in ("prep", "agent"):
                continue
            word = prep.lower_
            objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
            for obj in objs:
                if obj.pos_ == "VERB":
                    continue
                locative = (
                    word in self.rules.locative
                    or (word in self.rules.motion_preps and self._is_motion(head))
                    or (word == "on" and obj.lemma_.lower() in self.rules.ground_nouns)
                )
                occasion = word in self.rules.occasion_preps and self._is_occasion(obj)
                target = (
                    is_trigger
                    and word in self.rules.target_preps
                    and event_type in self.rules.target_types
                )
                found = self.in_np(obj) if locative or occasion or target else None
                if found is not None:
                    return found
        return None

    def from_adjuncts(self, head: Token, event_type: str) -> PlaceMention | None:
        """Participle adjuncts without a subject share the clause's setting."""
        for child in head.children:
            if child.dep_ != "advcl" or child.tag_ not in ("VBG", "VBN"):
                continue
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
                continue
            found = self.from_preps(child, event_type, False)
            if found is not None:
                return found
        return None

    def from_subject(self, verb: Token, event_type: str) -> PlaceMention | None:
        """ "Police in Moscow arrested ...", "the US embassy in San Jose said": the
        subject's own locative phrase; "the ministers, meeting in Kuwait, backed ...":
        what the subject is doing meanwhile (a present participle on it, not a past one:
        "troops based in Syria" tells where they are based, not where they act)."""
        for subj in verb.children:
            if subj.dep_ not in ("nsubj", "nsubjpass"):
                continue
            for prep in subj.children:
                if prep.dep_ == "prep" and prep.lower_ in ("in", "at"):
                    for obj in prep.children:
                        if obj.dep_ == "pobj" and obj.i in self.by_token:
                            return self.by_token[obj.i]
            for acl in subj.children:
                if acl.dep_ == "acl" and acl.tag_ == "VBG" and acl.i > subj.i:
                    found = self._from_preps(acl, event_type, False)
                    if found is not None:
                        return found
        return None

    def from_conjuncts(self, trigger: Token, event_type: str) -> PlaceMention | None:
        """ "killed six herders and drove off their camels inside Mali": a place closing
        acts of violence coordinated after the attack, with its subject, sets them all.
        Only a locative phrase counts (a movement's goal is where the next act goes);
        a statement's is not taken ("condemned the raid and urged restraint in Gaza"
        names what the restraint is about)."""
        if event_type not in self.rules.target_types:
            return None
        for conj in trigger.children:
            if conj.dep_ != "conj" or conj.pos_ != "VERB" or conj.i < trigger.i:
                continue
            if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in conj.children):
                continue
            for prep in conj.children:
                if prep.dep_ == "prep" and prep.lower_ in self.rules.locative:
                    for obj in prep.children:
                        if obj.dep_ == "pobj" and obj.pos_ != "VERB":
                            found = self.in_np(obj)
                            if found is not None:
                                return found
            for obj in conj.children:
                if obj.dep_ == "dobj":
                    found = self._locative_on(obj, 0)
                    if found is not None:
                        return found
        return None

    def from_source(self, trigger: Token, event_type: str) -> PlaceMention | None:
        """ "withdrew its troops from Congo": a pull-out happens where it leaves from."""
        if event_type not in self.rules.source_types:
            return None
        for tok in trigger.subtree:
            if tok.dep_ != "prep" or tok.lower_ not in self.rules.source_preps:
                continue
            if not 0 < tok.i - trigger.i <= _SOURCE_WINDOW:
                continue
            for obj in tok.children:
                if obj.dep_ == "pobj":
                    found = self.in_np(obj)
                    if found is not None:
                        return found
        return None

    def where_antecedent(self, relcl: Token) -> PlaceMention | None:
        """For "..., where he said ...": the nearest place before the relative clause."""
        wh = [c for c in relcl.children if c.dep_ == "advmod" and c.lower_ == "where"]
        if not wh:
            return None
        sent = relcl.sent
        before = [m for m in self.places if sent.start_char <= m.start and m.end <= wh[0].idx]
        return before[-1] if before else None

    def locate(self, trigger: Token, event: Event) -> tuple[PlaceMention, str] | None:
        actor_spans = [(a.start, a.end) for a in event.actor]
        tok: Token = trigger
        reported = False
        seen: set[int] = set()
        last = False
        statement = event.event_type in self.rules.statement_types
        # A statement's place found on a clause of what was said, kept in case the
        # reporting verb above names none.
        held: tuple[PlaceMention, str] | None = None
        while tok.i not in seen:
            seen.add(tok.i)
            speech = tok.i != trigger.i and tok.lemma_.lower() in self.rules.reporting
            reported = reported or speech
            source = "reporting_clause" if reported else "clause"
            found = (
                self.in_np(tok) if tok.i == trigger.i and tok.pos_ != "VERB" else None
            ) or self.from_preps(tok, event.event_type, tok.i == trigger.i)
            found = found or self.from_adjuncts(tok, event.event_type)
            if found is None and tok.i == trigger.i:
                found = self.from_conjuncts(tok, event.event_type) or self.from_source(
                    tok, event.event_type
                )
            if found is None and (statement or not speech):
                # Where the speaker is ("officials in Gondar said") places what it says,
                # not the acts it reports.
                found = self.from_subject(tok, event.event_type)
            if found is None and tok.dep_ == "relcl":
                found = self.where_antecedent(tok)
                if found is not None:
                    return (found, source) if not _overlaps(found, actor_spans) else None
            if found is not None and not _overlaps(found, actor_spans):
                if (
                    statement
                    and held is None
                    and tok.i != trigger.i
                    and not speech
                    and self._under_speech(tok)
                ):
                    held = (found, source)
                else:
                    return found, source
            if self.story is not None and self._refers_back(tok):
                if held is not None:
                    return held
                return self.story, "dateline" if self.story.label == "DATELINE" else "story"
            if last or not self._may_climb(tok):
                break
            # A participle on a noun ("the prisoners released by Kyiv were flown to
            # Moscow") shares that noun's phrase, not the clause the noun stands in.
            last = tok.i == trigger.i and tok.dep_ == "acl" and tok.pos_ == "VERB"
            tok = tok.head
        return held

    def _under_speech(self, tok: Token) -> bool:
        """True when ``tok`` lies in what a reporting verb above it says."""
        return any(a.lemma_.lower() in self.rules.reporting for a in tok.ancestors)

    @staticmethod
    def _may_climb(tok: Token) -> bool:
        if tok.head.i == tok.i or tok.dep_ in ("relcl", "parataxis", "appos"):
            return False
        has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children)
        # A finite subordinate or coordinated clause with its own subject has its own
        # setting; a participle or shared-subject verb shares its head's.
        return not (tok.dep_ in ("advcl", "conj") and has_subject)


def _overlaps(mention: PlaceMention, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s < mention.end and mention.start < e for s, e in spans)


def resolve_dateline(
    doc: Doc, places: list[PlaceMention], gaz: Gazetteer, context: Iterable[str] = ()
) -> Location | None:
    """The place of the document's wire dateline, resolved once, in the light of the
    countries its actors and places name (``BEIRUT`` is Lebanon's, not a namesake)."""
    dateline_place = getattr(getattr(doc._, "dateline", None), "place", None)
    if not isinstance(dateline_place, str) or not dateline_place.strip():
        return None
    ctx = set(context) | {p.location.country for p in places if p.location.country}
    return gaz.resolve(dateline_place, ctx)


def locate_events(
    doc: Doc,
    places: list[PlaceMention],
    events: Iterable[Event],
    dateline: Location | None,
    story: PlaceMention | None,
    rules: AttachmentRules,
) -> None:
    """Set ``event.location`` on each event that has none (see module docstring)."""
    locator = _Locator(doc, places, rules)
    # "here" and "the city" point at the dateline when there is one (wire copy: "talks
    # here" is in the dateline's city), else at the story place.
    locator.story = (
        PlaceMention(-1, -1, dateline.name, "DATELINE", dateline) if dateline is not None else story
    )
    for event in events:
        if event.location is not None:
            continue
        span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        found = locator.locate(span.root, event) if span is not None and len(span) else None
        if found is not None:
            mention, source = found
            event.location = dataclasses.replace(mention.location, source=source)
        elif dateline is not None:
            event.location = dataclasses.replace(dateline, source="dateline")
    _place_headline_acts(doc, events)


#: places an act of the lead may lend to the same act told in the headline.
_LEAD_SOURCES = frozenset({"clause", "reporting_clause"})


def _place_headline_acts(doc: Doc, events: Iterable[Event]) -> None:
    """ "Gunmen from Afghanistan kill two Chinese miners" over "... killed two Chinese
    workers at a gold mine in the Khatlon region": a headline tells the lead's act in
    short and leaves out its place; it happened where the lead says (source ``lead``).
    The lead's act must be of the same type, its sides of the same countries."""
    spans = lead_spans(doc)
    if len(spans) < 2 or spans[0].start_char != 0 or doc.text.find("\n") <= 0:
        return
    headline, body = spans[0], spans[1:]
    events = list(events)
    for event in events:
        if event.location is not None or not (
            headline.start_char <= event.trigger.start < headline.end_char
        ):
            continue
        for other in events:
            place = other.location
            if (
                place is None
                or place.source not in _LEAD_SOURCES
                or other.event_type != event.event_type
                or not any(s.start_char <= other.trigger.start < s.end_char for s in body)
                or not _same_sides(event, other)
            ):
                continue
            event.location = dataclasses.replace(place, source="lead")
            break


def _same_sides(one: Event, other: Event) -> bool:
    """A country in common on the same side, and no side whose countries differ (the
    lead's "Israeli warplanes struck Lebanon" is not the headline's "Hezbollah capture
    of Israeli soldiers")."""
    shared = False
    for mine, theirs in ((one.actor, other.actor), (one.recipient, other.recipient)):
        a, b = _countries(mine), _countries(theirs)
        if a and b:
            if not a & b:
                return False
            shared = True
    return shared


def _countries(entities: Iterable[Entity]) -> set[str]:
    return {code[:3] for e in entities if (code := e.country or e.code)}


class PlacesComponent:
    """The ``dotterel_places`` pipeline component: the gazetteer and the attachment rules
    are handed to :meth:`initialize` (``dotterel.nlp.pipeline.build_nlp`` does)."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.gazetteer: Gazetteer | None = None
        self.rules: AttachmentRules | None = None
        register_extensions()

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]] | None = None,
        *,
        nlp: Language | None = None,
        gazetteer: Gazetteer | None = None,
        rules: AttachmentRules | None = None,
    ) -> None:
        """Take the gazetteer and the attachment rules; those not given are the shipped ones."""
        self.gazetteer = gazetteer if gazetteer is not None else load_gazetteer()
        self.rules = rules if rules is not None else load_attachment_rules()

    def __call__(self, doc: Doc) -> Doc:
        gaz, rules = self.gazetteer, self.rules
        if gaz is None or rules is None:
            raise ValueError(
                f"pipe {self.name!r} has no gazetteer: call its initialize() "
                "(dotterel.nlp.pipeline.build_nlp does)"
            )
        places = resolve_places(doc, gaz, rules)
        doc._.places = places
        events = getattr(doc._, "events", None) or []
        doc._.dateline_location = resolve_dateline(doc, places, gaz, _actor_context(doc, gaz))
        setting = story_setting(doc, places, rules, gaz)
        story = setting[0] if setting is not None else None
        doc._.story_setting = StorySetting(
            place=dataclasses.replace(story.location, source="story") if story else None,
            venue=bool(setting and setting[1]),
        )
        locate_events(doc, places, events, doc._.dateline_location, story, rules)
        return doc


def _make(nlp: Language, name: str) -> PlacesComponent:
    """Resolve place mentions and the dateline's place, locate events, find the story's place."""
    return PlacesComponent(nlp, name)


def _register(**_: Any) -> None:
    if not Language.has_factory("dotterel_places"):
        Language.factory(
            "dotterel_places",
            requires=[
                "doc.ents",
                "doc._.actors",
                "doc._.events",
                "doc._.dateline",
                "doc.sents",
                *PARSE_ATTRIBUTES,
            ],
            assigns=[
                "doc._.places",
                "doc._.dateline_location",
                "doc._.story_setting",
                "doc._.events",
            ],
            func=_make,
        )


register_extensions()
_register()
