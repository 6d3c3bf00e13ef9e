from __future__ import annotations

from pathlib import Path

import pytest

from dotterel.actors.lexicon import DATA_DIR, Lexicon, build_lexicon
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


def data_with_knowledge_base(directory: Path, table: str) -> Path:
    """``directory`` filled with the shipped dictionaries and ``table`` as knowledge base."""
    for path in DATA_DIR.glob("*.tsv"):
        (directory / path.name).write_bytes(path.read_bytes())
    (directory / "knowledge_base.tsv").write_text(table, encoding="utf-8")
    return directory


def lexicon_with_knowledge_base(directory: Path, table: str) -> Lexicon:
    """A lexicon of the shipped dictionaries with ``table`` as its knowledge base."""
    return build_lexicon(data_with_knowledge_base(directory, table))
