"""The time stage's tests run a prefix of the real pipeline: the model with Dotterel's
line segmenter, morphology and entities, the dateline parser and the time stage, with the
events placed by hand so that only the dating rules are judged."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dotterel.nlp.pipeline import build_nlp


@pytest.fixture(scope="session")
def nlp() -> Language:
    return build_nlp(components=("dotterel_dateline", "dotterel_time"))
