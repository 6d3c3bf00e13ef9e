"""Events placed by hand in a text and dated by the time stage's pipeline prefix."""

from __future__ import annotations

from spacy.language import Language

from dotterel.records import Document, Entity, Event, Span


def code_in_order(
    nlp: Language,
    text: str,
    triggers: list[tuple[str, str, str | None, str | None]],
    published: str | None,
) -> list[Event]:
    """Events at the first occurrence (after the previous trigger) of each word, with a
    category, an actor code (or None) and a factuality (or None), dated by the pipeline."""
    doc = nlp.make_doc(text)
    doc._.document = Document(doc_id="t", text=text, published=published)
    events, position = [], 0
    for word, event_type, actor, factuality in triggers:
        start = text.index(word, position)
        position = start + len(word)
        span = Span(word, start, start + len(word))
        event = Event(
            doc_id="t", sentence_index=0, evidence=span, trigger=span, event_type=event_type
        )
        if actor:
            event.actor = [Entity(text=actor, start=0, end=0, code=actor, country=actor)]
        event.factuality = factuality
        events.append(event)
    doc._.events = events
    nlp(doc)
    return events
