"""Long documents read in sections give the records of one document: cuts at sentence
ends when a text has no paragraphs, the same actor mentions at document offsets, and an
act told again in a later section kept as one record whose mentions point into the
document's text. (Cuts at paragraph ends, events and ids equal to one pass, and the time
budget are in ``test_sections.py``.)"""

from __future__ import annotations

from dotterel.nlp.pipeline import Extractor
from dotterel.nlp.sections import split_sections
from dotterel.records import Document

TREATY = "Russia and Iran signed a defence treaty in Moscow on Friday.\n\n"
RAID = "Egypt condemned Israel over the raid, officials said.\n\n"
EXPULSION = "Chad expelled the French ambassador on Tuesday.\n\n"


def _both(extractor: Extractor, text: str, section_chars: int):
    document = Document(doc_id="long", text=text, published="2024-11-01")
    whole = Extractor(extractor.nlp, section_chars=0).extract_one(document)
    parts = Extractor(extractor.nlp, section_chars=section_chars).extract_one(document)
    return whole, parts


def test_a_text_without_paragraphs_is_cut_at_sentence_ends() -> None:
    text = "Egypt condemned the raid. Israel denied it. " * 20
    sections = split_sections(text, 100)
    assert len(sections) > 1
    for _offset, piece in sections[:-1]:
        assert piece.rstrip().endswith(".")
        assert len(piece) <= 100


def test_a_document_under_the_section_size_is_one_pass(extractor: Extractor) -> None:
    text = TREATY + RAID
    whole, parts = _both(extractor, text, len(text) + 1)
    assert [e.to_dict() for e in parts.events] == [e.to_dict() for e in whole.events]


def test_actor_mentions_are_those_of_one_pass(extractor: Extractor) -> None:
    text = (TREATY + RAID) * 4
    whole, parts = _both(extractor, text, len(TREATY + RAID))
    assert parts.mentions, "the story names actors"
    assert [(m.text, m.start, m.end, m.code) for m in parts.mentions] == [
        (m.text, m.start, m.end, m.code) for m in whole.mentions
    ]
    for mention in parts.mentions:
        assert text[mention.start : mention.end] == mention.text


def test_an_act_told_again_in_a_later_section_is_one_record(extractor: Extractor) -> None:
    text = TREATY + RAID + EXPULSION + TREATY
    whole, parts = _both(extractor, text, len(TREATY + RAID))
    treaties = [e for e in parts.events if e.trigger.text == "signed"]
    assert len(treaties) == 1
    (treaty,) = treaties
    later = len(TREATY + RAID + EXPULSION)
    assert any(m.start >= later for m in treaty.mentions), "the retelling is a mention"
    for mention in treaty.mentions:
        assert text[mention.start : mention.end] == mention.text
    (alone,) = [e for e in whole.events if e.trigger.text == "signed"]
    assert {(m.start, m.end) for m in treaty.mentions} == {(m.start, m.end) for m in alone.mentions}


def test_sentence_indices_continue_across_sections(extractor: Extractor) -> None:
    text = TREATY + RAID + EXPULSION + TREATY
    whole, parts = _both(extractor, text, len(TREATY + RAID))
    assert [(e.event_type, e.sentence_index) for e in parts.events] == [
        (e.event_type, e.sentence_index) for e in whole.events
    ]


def test_an_act_told_again_lists_each_mention_once(extractor: Extractor) -> None:
    text = TREATY + RAID + EXPULSION + TREATY
    whole, parts = _both(extractor, text, len(TREATY + RAID))
    (treaty,) = [e for e in parts.events if e.trigger.text == "signed"]
    (alone,) = [e for e in whole.events if e.trigger.text == "signed"]
    assert [(m.start, m.end) for m in treaty.mentions] == [(m.start, m.end) for m in alone.mentions]
