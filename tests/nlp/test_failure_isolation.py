"""One bad document does not stop a run: a document whose processing raises becomes a
``Failure`` coded DOT500 that names it, and every other document of the batch is still
extracted, in input order, exactly as it would be on its own.

The pipeline is a prefix of the real one (``build_nlp(components=...)``) with one stage
added at the end that raises on a marked document, as a bug in any stage would.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from dotterel.nlp.pipeline import PIPELINE_ERROR, Extraction, Extractor, build_nlp
from dotterel.records import Document, Failure

PREFIX = ["dotterel_dateline", "dotterel_actors", "dotterel_coref", "dotterel_events"]
MARK = "Zanzibar"


def _explode(doc: Doc) -> Doc:
    if MARK in doc.text:
        raise RuntimeError("stage failed on purpose")
    return doc


if not Language.has_factory("test_explode_on_mark"):
    Language.component("test_explode_on_mark", func=_explode)


@pytest.fixture(scope="module")
def nlp() -> Language:
    pipeline = build_nlp(components=PREFIX)
    pipeline.add_pipe("test_explode_on_mark")
    return pipeline


GOOD = [
    Document(doc_id="a", text="Egypt condemned Israel over the raid on Monday.", source="a.txt"),
    Document(doc_id="b", text="Russia and Iran signed a defence treaty in Moscow.", source="b.txt"),
]
BAD = Document(doc_id="bad", text=f"Troops from {MARK} clashed with police.", source="bad.txt")


def _signature(result: Extraction) -> tuple[object, ...]:
    return (
        result.document.doc_id,
        [(e.event_type, e.trigger.start, e.event_id) for e in result.events],
        [(m.text, m.start, m.code) for m in result.mentions],
    )


@pytest.mark.parametrize("batch_size", [1, 2, 32])
def test_a_failing_document_is_a_dot500_failure_and_the_batch_goes_on(
    nlp: Language, batch_size: int
) -> None:
    extractor = Extractor(nlp, batch_size=batch_size)
    results = list(extractor.extract([GOOD[0], BAD, GOOD[1]]))
    assert len(results) == 3
    first, failure, last = results
    assert isinstance(failure, Failure)
    assert failure.code == PIPELINE_ERROR == "DOT500"
    assert failure.source == "bad.txt"
    assert "bad" in failure.reason and "stage failed on purpose" in failure.reason
    assert isinstance(first, Extraction) and isinstance(last, Extraction)
    assert [first.document.doc_id, last.document.doc_id] == ["a", "b"]


def test_the_rest_of_the_batch_is_extracted_as_on_its_own(nlp: Language) -> None:
    extractor = Extractor(nlp, batch_size=32)
    alone = [extractor.extract_one(document) for document in GOOD]
    assert all(result.events for result in alone), "the good stories have events"
    together = [r for r in extractor.extract([BAD, *GOOD, BAD]) if isinstance(r, Extraction)]
    assert [_signature(r) for r in together] == [_signature(r) for r in alone]


def test_a_failure_without_a_source_names_the_document(nlp: Language) -> None:
    unnamed = Document(doc_id="no-source", text=BAD.text)
    (failure,) = Extractor(nlp).extract([unnamed])
    assert isinstance(failure, Failure) and failure.source == "no-source"


def test_extract_one_raises_instead(nlp: Language) -> None:
    with pytest.raises(RuntimeError, match="on purpose"):
        Extractor(nlp).extract_one(BAD)


def test_a_failing_section_of_a_long_document_fails_that_document_only(nlp: Language) -> None:
    story = "Egypt condemned Israel over the raid on Monday.\n\n"
    long_bad = Document(doc_id="long", text=story * 4 + BAD.text, source="long.txt")
    extractor = Extractor(nlp, section_chars=len(story) * 2)
    failure, good = extractor.extract([long_bad, GOOD[1]])
    assert isinstance(failure, Failure) and failure.code == "DOT500"
    assert failure.source == "long.txt" and "long" in failure.reason
    assert isinstance(good, Extraction) and good.events


def test_a_document_the_tokenizer_refuses_is_a_failure_too() -> None:
    # Too long for the model (spaCy's own limit, E088) and not cut into sections.
    pipeline = build_nlp(components=[])
    pipeline.max_length = 60
    extractor = Extractor(pipeline, section_chars=0)
    too_long = Document(doc_id="big", text="Egypt condemned Israel. " * 5, source="big.txt")
    short = Document(doc_id="small", text="Egypt condemned Israel.")
    failure, result = extractor.extract([too_long, short])
    assert isinstance(failure, Failure) and failure.code == "DOT500"
    assert failure.source == "big.txt"
    assert isinstance(result, Extraction) and result.document.doc_id == "small"
