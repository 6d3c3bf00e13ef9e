"""Sentences of news text: a line break always ends a sentence (headlines and paragraphs
often have no final punctuation), and a wire dateline is kept out of the first sentence,
so that its place and agency are not read as the lead's subject.

The fixtures run the real pipeline's first stages (``build_nlp(components=...)``): the
model with ``dotterel_dateline`` and ``dotterel_lines`` before its parser.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.tokens import Doc

from dotterel.nlp.pipeline import build_nlp
from dotterel.records import Document


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_nlp(components=["dotterel_dateline"])


def _parse(nlp: Language, text: str, published: str | None = "2024-11-01") -> Doc:
    doc = nlp.make_doc(text)
    doc._.document = Document(doc_id="t", text=text, published=published)
    return nlp(doc)


def _sentences(doc: Doc) -> list[str]:
    """The sentences' words, without the line-break tokens that open some of them."""
    return [s.text.strip() for s in doc.sents if s.text.strip()]


def test_the_segmenter_runs_before_the_parser(nlp: Language) -> None:
    names = nlp.pipe_names
    assert names.index("dotterel_dateline") < names.index("dotterel_lines")
    assert names.index("dotterel_lines") < names.index("parser")


def test_an_unpunctuated_headline_is_its_own_sentence(nlp: Language) -> None:
    doc = _parse(
        nlp, "Iran and Oman sign border pact\nIran and Oman signed a border pact on Monday."
    )
    assert _sentences(doc) == [
        "Iran and Oman sign border pact",
        "Iran and Oman signed a border pact on Monday.",
    ]


def test_every_line_and_paragraph_ends_a_sentence(nlp: Language) -> None:
    text = "Talks resumed in Geneva\nIran and the US met on Monday\n\nNo deal was reached"
    assert _sentences(_parse(nlp, text)) == [
        "Talks resumed in Geneva",
        "Iran and the US met on Monday",
        "No deal was reached",
    ]


def test_a_line_break_after_the_last_word_ends_nothing(nlp: Language) -> None:
    text = "Egypt condemned the raid.\n"
    assert _sentences(_parse(nlp, text)) == ["Egypt condemned the raid."]


_WORDS = st.sampled_from(["Egypt", "condemned", "the", "raid", "Talks", "resumed", "in", "Cairo"])
_LINE = st.lists(_WORDS, min_size=1, max_size=6).map(" ".join)


@settings(max_examples=40, deadline=None)
@given(lines=st.lists(_LINE, min_size=1, max_size=5), breaks=st.sampled_from(["\n", "\n\n"]))
def test_no_sentence_crosses_a_line_break(nlp: Language, lines: list[str], breaks: str) -> None:
    text = breaks.join(lines)
    doc = _parse(nlp, text, None)
    starts = set()
    for sentence in doc.sents:
        words = [token for token in sentence if not token.is_space]
        if words:
            assert "\n" not in text[words[0].idx : words[-1].idx + len(words[-1])]
            starts.add(words[0].idx)
    # Every line opens a sentence.
    line_starts, offset = set(), 0
    for line in lines:
        line_starts.add(offset)
        offset += len(line) + len(breaks)
    assert line_starts <= starts


@pytest.mark.parametrize(
    ("text", "first", "lead"),
    [
        (
            "BEIJING, April 7 (AFP) - China protested to Japan on Monday over the visit.",
            "BEIJING, April 7 (AFP) -",
            "China protested to Japan on Monday over the visit.",
        ),
        (
            "UNITED NATIONS, June 26 (Xinhua) -- The UN chief urged restraint.",
            "UNITED NATIONS, June 26 (Xinhua) --",
            "The UN chief urged restraint.",
        ),
    ],
)
def test_the_dateline_is_kept_out_of_the_first_sentence(
    nlp: Language, text: str, first: str, lead: str
) -> None:
    doc = _parse(nlp, text)
    assert doc._.dateline is not None and text[: doc._.dateline.end].strip() == first
    assert _sentences(doc)[:2] == [first, lead]


def test_a_dateline_under_a_headline_starts_its_own_sentence(nlp: Language) -> None:
    text = (
        "Ban deplores Hamas abduction of Israeli soldiers\n"
        "UNITED NATIONS, June 26 (Xinhua) -- The UN chief urged restraint."
    )
    doc = _parse(nlp, text)
    assert doc._.dateline is not None and doc._.dateline.outlet == "Xinhua"
    assert _sentences(doc) == [
        "Ban deplores Hamas abduction of Israeli soldiers",
        "UNITED NATIONS, June 26 (Xinhua) --",
        "The UN chief urged restraint.",
    ]


def test_text_without_a_dateline_keeps_its_first_sentence_whole(nlp: Language) -> None:
    doc = _parse(nlp, "Beijing protested to Japan on Monday, officials said.")
    assert doc._.dateline is None
    assert _sentences(doc) == ["Beijing protested to Japan on Monday, officials said."]
