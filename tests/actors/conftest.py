from __future__ import annotations

import pytest

from dotterel.nlp.pipeline import build_nlp
from dotterel.records import Document


@pytest.fixture(scope="session")
def nlp():
    """The production pipeline up to actor coreference (dateline, line breaks included)."""
    return build_nlp(components=["dotterel_dateline", "dotterel_actors", "dotterel_coref"])


@pytest.fixture(scope="session")
def run(nlp):
    def _run(text: str, published: str | None = None):
        doc = nlp.make_doc(text)
        doc._.document = Document(doc_id="t", text=text, published=published)
        return nlp(doc)

    return _run
