"""The story place: where the story is set, read from its headline and lead.

Modern articles have no dateline; a reader still knows where a story happens from its
headline and first sentences ("Car bomb kills two US soldiers in Baghdad", "Israeli
troops raided the West Bank city of Jenin on Tuesday"). :func:`story_setting` finds it:

1. The *lead* is the headline (the first line, when the text has one) and the first
   :data:`LEAD_SENTENCES` sentences of the body, after any dateline.
2. A place counts only where it is written *as a place*: the object of a locative or
   movement preposition ("in Baghdad", "near the border town of Sido", "arrived in
   Lesotho", "east of Jabalia"), the object of a verb of movement ("troops left
   Lebanon", "crossed into Lesotho"), or a city, region or facility modifying a noun
   ("a Baghdad market"). A country used as an actor ("China and Pakistan signed")
   is not a setting.
3. The first such place of the body's lead wins, else the headline's; a headline kept
   apart from the text (``Document.title``) is read for "in/at/near <Place>".
4. No such place: no story place (the story's country is not guessed).

"here" and "the city" in the text refer back to it (see
:mod:`dotterel.places.component`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from dotterel.records import Location

if TYPE_CHECKING:
    from dotterel.places.component import AttachmentRules, PlaceMention
    from dotterel.places.gazetteer import Gazetteer

#: body sentences after the headline that make up the lead.
LEAD_SENTENCES = 2
_PLACE_KINDS_AS_MODIFIER = frozenset({"city", "region", "facility", "state", "province"})


def lead_spans(doc: Doc) -> list[Span]:
    """The headline (when the text opens with a line of its own) and the lead sentences."""
    text = doc.text
    out: list[Span] = []
    body_start = 0
    first_break = text.find("\n")
    if 0 < first_break < 300:
        head = doc.char_span(0, first_break, alignment_mode="contract")
        if head is not None and len(head):
            out.append(head)
        body_start = first_break + 1
    dateline = getattr(doc._, "dateline", None)
    end = getattr(dateline, "end", None)
    if isinstance(end, int) and end > body_start:
        body_start = end
    count = 0
    for sent in doc.sents:
        if sent.end_char <= body_start or not sent.text.strip():
            continue
        start = max(sent.start_char, body_start)
        span = doc.char_span(start, sent.end_char, alignment_mode="contract")
        if span is None or not len(span):
            continue
        out.append(span)
        count += 1
        if count >= LEAD_SENTENCES:
            break
    return out


def _is_topic(noun: Token, rules: AttachmentRules) -> bool:
    """ "discussed the conflict in Ukraine", "talks on the crisis in Syria": a place
    inside what is talked about is the topic, not where the story happens."""
    if noun.lemma_.lower() not in rules.topic_nouns:
        return False
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in rules.discuss_verbs | (
        rules.reporting
    ):
        return True
    return noun.dep_ == "pobj" and head.lower_ in ("about", "on", "over", "regarding")


def written_as_place(tok: Token, mention: PlaceMention, rules: AttachmentRules) -> bool:
    """True when the place mention whose root is ``tok`` is used as a setting."""
    head = tok.head
    if tok.dep_ == "pobj":
        word = head.lower_
        if word in rules.locative:
            return not _is_topic(head.head, rules)
        if word in rules.motion_preps:
            # "sent troops to Lesotho", not "aid to Pakistan" or "ambassador to Denmark".
            return head.head.lemma_.lower() in rules.motion_lemmas
        if word == "of":
            above = head.head
            return (
                above.lower_ in rules.directions
                or above.lemma_.lower() in rules.settlements
                or above.lemma_.lower() in ("outskirts", "heart", "centre", "center", "edge")
            )
        return False
    if tok.dep_ == "dobj":
        return head.lemma_.lower() in rules.motion_objects or head.lemma_.lower() in (
            rules.motion_lemmas
        )
    if tok.dep_ in ("compound", "nmod", "amod") and mention.kind in _PLACE_KINDS_AS_MODIFIER:
        # "a Baghdad market", "the Gaza Strip border": a place naming a setting.
        return head.pos_ in ("NOUN",)
    return bool(tok.dep_ == "appos" and head.lemma_.lower() in rules.settlements)


def is_venue(tok: Token, rules: AttachmentRules) -> bool:
    """True when the place sits under a meeting word ("talks ended at ... near Paris",
    "the summit in Kazan", "met in Geneva"): the story is about a meeting held there."""
    seen = 0
    while seen < 8:
        lemma = tok.lemma_.lower()
        if lemma in rules.venue_words or tok.lower_ in rules.venue_words:
            return True
        if tok.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lemma_.lower() in rules.venue_words
            for c in tok.children
        ):
            # "talks ended at ...", "they held a summit in ...".
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        seen += 1
    return False


@dataclass(frozen=True, slots=True)
class StorySetting:
    """Where a story is set: what the places stage hands to the context stage.

    ``place`` is the story place as a :class:`~dotterel.records.Location` with source
    ``story`` (``None`` when the lead names none); ``venue`` is true when the lead names
    it as a meeting's venue.
    """

    place: Location | None = None
    venue: bool = False


def story_setting(
    doc: Doc, places: Sequence[PlaceMention], rules: AttachmentRules, gaz: Gazetteer
) -> tuple[PlaceMention, bool] | None:
    """The story place and whether the lead names it as a meeting's venue."""
    spans = lead_spans(doc)
    if not spans:
        return None
    headline = spans[0] if doc.text.find("\n") > 0 and spans[0].start_char == 0 else None
    body = [s for s in spans if s is not headline]
    ordered = [*body[:1], *([headline] if headline is not None else []), *body[1:]]
    for span in ordered:
        for mention in places:
            if not (span.start_char <= mention.start and mention.end <= span.end_char):
                continue
            if not mention.location.country:
                continue
            ment = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if ment is None or not len(ment):
                continue
            if written_as_place(ment.root, mention, rules):
                return mention, is_venue(ment.root, rules)
    found = title_place(doc, places, gaz)
    return (found, False) if found is not None else None


_TITLE_LOCATIVE = re.compile(
    r"\b(?:in|at|near|outside)\s+((?:the\s+)?[A-Z][\w'\u2019.-]*(?:\s+(?:of\s+)?[A-Z][\w'\u2019.-]*){0,3})"
)


def title_place(doc: Doc, places: Sequence[PlaceMention], gaz: Gazetteer) -> PlaceMention | None:
    """The story place from a headline kept apart from the text (``Document.title``):
    a name after "in", "at", "near" or "outside" ("Terrorist Attacks in Iraq") that the
    gazetteer knows, longest first."""
    from dotterel.places.component import PlaceMention

    document = getattr(doc._, "document", None)
    title = getattr(document, "title", None)
    if not isinstance(title, str) or not title.strip() or doc.text.startswith(title.strip()):
        return None
    context = {m.location.country for m in places if m.location.country}
    for match in _TITLE_LOCATIVE.finditer(title):
        words = match.group(1).split()
        for n in range(len(words), 0, -1):
            name = " ".join(words[:n]).rstrip(".,")
            place = gaz.lookup(name, context)
            if place is not None and place.country:
                return PlaceMention(-1, -1, name, "TITLE", place.to_location(), place.kind)
    return None
