"""Actor mentions stop at line breaks: a headline's last words and the dateline below it
are two mentions, and offsets stay right after a break (sentences written for these
tests)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

# No public route cuts an entity span at line breaks on its own; the property is checked
# on the helper itself, the behaviour through the pipeline below.
from dotterel.actors.component import _line_pieces
from dotterel.actors.lexicon import default_lexicon
from dotterel.actors.resolve import find_actors

HEADLINE = (
    "Ban deplores Hamas abduction of Israeli soldiers\n"
    "UNITED NATIONS, June 26 (Xinhua) -- The UN chief urged restraint."
)


def _at(doc, text):
    return [e for e in doc._.actors if e.text == text]


def test_mentions_do_not_cross_a_line_break(run):
    doc = run(HEADLINE)
    assert not any("\n" in e.text for e in doc._.actors)
    assert _at(doc, "Israeli soldiers")[0].code == "ISRMIL"
    assert _at(doc, "UNITED NATIONS")[0].code.startswith("IGOUNO")


def test_dictionary_offsets_stay_right_after_a_line_break():
    text = "Talks stalled\n\nIranian officials left Vienna."
    (found,) = [e for e in find_actors(default_lexicon(), text, None) if e.code == "IRNGOV"]
    assert text[found.start : found.end] == found.text == "Iranian officials"


@given(st.text(alphabet="ab \n", max_size=30), st.data())
def test_line_pieces_never_hold_a_newline_and_stay_inside(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    pieces = _line_pieces(text, start, end)
    for a, b in pieces:
        assert start <= a < b <= end
        assert "\n" not in text[a:b] and text[a:b] == text[a:b].strip()
    # Every non-space character of the span is in exactly one piece.
    kept = sum(b - a for a, b in pieces)
    assert kept >= len(text[start:end].replace(" ", "").replace("\n", ""))
