"""Long documents in sections: cuts at paragraph/sentence ends, document offsets kept,
the same events as one pass where sections do not cut context, and the time budget."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dotterel.nlp.pipeline import Extractor
from dotterel.nlp.sections import split_sections
from dotterel.records import Document, Failure

STORY = (
    "Russia and Iran signed a defence treaty in Moscow on Friday.\n\n"
    "Egypt condemned Israel over the raid, officials said.\n\n"
)


@settings(max_examples=80, deadline=None)
@given(text=st.text(max_size=2000), size=st.integers(min_value=1, max_value=300))
def test_sections_cover_the_text_in_order_and_stay_under_the_size(text: str, size: int) -> None:
    sections = split_sections(text, size)
    joined = ""
    for offset, piece in sections:
        assert len(piece) <= max(size, 1) or len(text) <= size
        assert text[offset : offset + len(piece)] == piece
        joined += text[len(joined) : offset] + piece  # only white space is dropped
    assert joined.strip() == text.strip() or not text.strip()


def test_cuts_fall_at_paragraph_ends() -> None:
    text = STORY * 10
    for offset, piece in split_sections(text, 300)[:-1]:
        assert piece.endswith("\n") and text[offset:].startswith(piece)


def test_sectioned_events_match_one_pass_with_document_offsets(extractor: Extractor) -> None:
    text = STORY * 6
    document = Document(doc_id="long", text=text, published="2024-11-01")
    whole = Extractor(extractor.nlp, section_chars=0).extract_one(document)
    parts = Extractor(extractor.nlp, section_chars=len(STORY) * 2).extract_one(document)
    assert parts.events, "the story has events"
    for event in parts.events:
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text
        assert text[event.evidence.start : event.evidence.end] == event.evidence.text
        for entity in event.actor + event.recipient:
            assert text[entity.start : entity.end] == entity.text
    # The same acts, each once, first mentioned at the same place with the same id.
    key = [(e.event_type, e.trigger.start, e.event_id) for e in whole.events]
    assert [(e.event_type, e.trigger.start, e.event_id) for e in parts.events] == key


def test_a_document_over_the_time_budget_is_a_failure_and_the_run_goes_on(
    extractor: Extractor,
) -> None:
    slow = Document(doc_id="slow", text=STORY * 20, source="big.txt")
    quick = Document(doc_id="quick", text=STORY)
    budgeted = Extractor(extractor.nlp, section_chars=len(STORY), time_budget=1e-9)
    first, second = list(budgeted.extract([slow, quick]))
    assert isinstance(first, Failure) and first.code == "DOT501"
    assert first.source == "big.txt" and "time budget" in first.reason
    assert not isinstance(second, Failure) and second.document.doc_id == "quick"
