"""The ``dotterel_lines`` component: a line break always ends a sentence.

News text puts headlines, datelines and paragraphs on lines of their own, often without
final punctuation; left to itself the parser joins a headline to the lead. Running before
the parser, this component marks every line break as a sentence start, which the parser
then respects. It also starts a sentence after the wire dateline, which
``dotterel_dateline`` (run before it, on the raw text) has parsed once for every stage.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("dotterel_lines", requires=["doc._.dateline"], assigns=["token.is_sent_start"])
def mark_line_starts(doc: Doc) -> Doc:
    """Start a sentence at every line break, and after the wire dateline.

    The break token itself opens the sentence: marking the first word after it instead
    derails spaCy's parser, which then splits the new line word by word.
    """
    last_word = max((token.i for token in doc if not token.is_space), default=-1)
    for token in doc:
        # A break after the last word ends nothing: marking it derails the parse too.
        if token.is_space and "\n" in token.text and 0 < token.i < last_word:
            token.is_sent_start = True
    # A wire dateline ("BEIJING, April 7 (AFP) -") is not part of the first sentence:
    # left in, its place and agency would be read as the sentence's subject.
    dateline = doc._.dateline
    if dateline is not None:
        for token in doc:
            if token.idx >= dateline.end and not token.is_space and token.i > 0:
                token.is_sent_start = True
                break
    return doc
