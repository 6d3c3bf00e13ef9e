"""Long documents in sections, under a time budget.

The pipeline's cost grows faster than linearly within a document for some passes
(antecedents are searched among earlier sentences) and spaCy keeps the whole ``Doc`` in
memory, so a document longer than ``section_chars`` is cut into sections at paragraph
ends (else sentence ends, else spaces) of at most that size, each extracted as its own
``Doc``. Offsets of events, evidence, mentions and actors are shifted back to the
document's text and sentence indices continue across sections, so the records are those
of one document; event ids are recomputed from the shifted trigger offsets, and an act
mentioned again in a later section is merged into its first record. What a
section loses is context from earlier sections (an antecedent, a dateline).

The time budget is checked between sections: a document still unfinished after
``time_budget`` seconds is given up as a ``DOT501`` failure and the run goes on. One
section is bounded by its size, so no document overruns the budget by more than the time
of one section.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from dotterel.errors import DocumentTimeoutError
from dotterel.records import Document, Entity, Event, Failure, Span

_PARAGRAPH_END = re.compile(r"\n\s*\n|\n")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+")
_SPACE = re.compile(r"\s+")


def _cut(text: str, start: int, end: int, size: int, patterns: list[re.Pattern[str]]) -> int:
    """The best place to end a section of ``text[start:end]`` no longer than ``size``."""
    limit = min(end, start + size)
    if limit >= end:
        return end
    floor = start + size // 4  # never cut a section down to a sliver
    for pattern in patterns:
        best = None
        for match in pattern.finditer(text, floor, limit):
            best = match.end()
        if best is not None and best > start:
            return best
    return limit


def split_sections(text: str, size: int) -> list[tuple[int, str]]:
    """``(offset, section text)`` pieces of ``text`` of at most ``size`` characters,
    cut at paragraph ends, else sentence ends, else white space, else anywhere."""
    if size <= 0 or len(text) <= size:
        return [(0, text)]
    patterns = [_PARAGRAPH_END, _SENTENCE_END, _SPACE]
    sections = []
    start = 0
    while start < len(text):
        end = _cut(text, start, len(text), size, patterns)
        if text[start:end].strip():
            sections.append((start, text[start:end]))
        start = end
    return sections


def _span(span: Span, offset: int) -> Span:
    return Span(span.text, span.start + offset, span.end + offset)


def _entity(entity: Entity, offset: int) -> Entity:
    return replace(entity, start=entity.start + offset, end=entity.end + offset)


def shift_event(event: Event, offset: int, sentences_before: int) -> Event:
    """``event`` from a section moved to document offsets, with a new id."""
    trigger = _span(event.trigger, offset)
    return replace(
        event,
        sentence_index=event.sentence_index + sentences_before,
        evidence=_span(event.evidence, offset),
        trigger=trigger,
        actor=[_entity(e, offset) for e in event.actor],
        recipient=[_entity(e, offset) for e in event.recipient],
        claimed_by=[_entity(e, offset) for e in event.claimed_by],
        denied_by=[_entity(e, offset) for e in event.denied_by],
        mentions=[_span(m, offset) for m in event.mentions],
        event_id=Event.make_id(event.doc_id, trigger.start, trigger.end, event.event_type),
    )


def _act_key(event: Event) -> tuple[object, ...]:
    def codes(entities: list[Entity]) -> tuple[str, ...]:
        return tuple(sorted(e.code or e.text.lower() for e in entities))

    return (event.event_type, codes(event.actor), codes(event.recipient), event.factuality)


def merge_across_sections(events: list[Event]) -> list[Event]:
    """One record per act, as within a section: a later mention of the same act (type,
    actors, recipients, factuality) in another section becomes one of its mentions."""
    first: dict[tuple[object, ...], Event] = {}
    merged: list[Event] = []
    for event in events:
        key = _act_key(event)
        kept = first.get(key)
        if kept is None:
            first[key] = event
            merged.append(event)
            continue
        # A record's mentions already hold its own evidence: each span is listed once.
        listed = {(m.start, m.end) for m in [kept.evidence, *kept.mentions]}
        for mention in [event.evidence, *event.mentions]:
            if (mention.start, mention.end) not in listed:
                listed.add((mention.start, mention.end))
                kept.mentions.append(mention)
    return merged


SectionResult = tuple[list[Event], list[Entity], int]
#: Runs the pipeline over section documents: (events, mentions, sentence count) each.
SectionRunner = Callable[[Iterable[Document]], Iterator[SectionResult]]


def extract_in_sections(
    document: Document, size: int, time_budget: float, run_sections: SectionRunner
) -> tuple[list[Event], list[Entity]] | Failure:
    """Events and mentions of a long ``document``, or a failure when over the budget."""
    started = time.monotonic()
    pieces = split_sections(document.text, size)
    sections = (
        replace(document, text=piece, content_hash=document.content_hash) for _o, piece in pieces
    )
    events: list[Event] = []
    mentions: list[Entity] = []
    sentences = 0
    for (offset, _piece), (found, named, count) in zip(pieces, run_sections(sections), strict=True):
        events.extend(shift_event(event, offset, sentences) for event in found)
        mentions.extend(_entity(entity, offset) for entity in named)
        sentences += count
        elapsed = time.monotonic() - started
        if time_budget > 0 and elapsed > time_budget:
            error = DocumentTimeoutError(
                f"document {document.doc_id} took more than the time budget of "
                f"{time_budget:g} s ({elapsed:.0f} s for {offset + len(_piece):,} of "
                f"{len(document.text):,} characters); raise doc_time_budget to extract it"
            )
            return Failure(document.source or document.doc_id, error.code, error.message)
    return merge_across_sections(events), mentions
