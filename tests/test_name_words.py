"""Name words more than one stage reads (``dotterel/data/name_words.yaml``): an
organisation noun makes a name an organisation's, and the shared file is the only copy
the entity finder has."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from spacy.language import Language

from dotterel.errors import DictionaryError
from dotterel.nlp.entities import ENTITY_WORDS, EntityFinder, NameFinder, name_words
from dotterel.nlp.pipeline import build_nlp
from dotterel.records import Document
from dotterel.wordlists import NAME_WORD_LISTS, load_name_words

SHIPPED = Path(__file__).parents[1] / "src/dotterel/data/name_words.yaml"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_nlp(components=("dotterel_dateline",))


def labels(nlp: Language, text: str) -> dict[str, str]:
    doc = nlp.make_doc(text)
    doc._.document = Document(doc_id="t", text=text, published="2025-06-04")
    for _, component in nlp.pipeline:
        doc = component(doc)
    return {e.text: e.label_ for e in doc.ents}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Donors met at the Halvorsen Center for Peace in the capital.",
            "Halvorsen Center for Peace",
        ),
        ("The Brennan Society for Justice condemned the ruling.", "Brennan Society for Justice"),
        ("Envoys of the Ostrand Trust visited the camp.", "Ostrand Trust"),
        ("The Veldmark Interior Ministry denied the report.", "Veldmark Interior Ministry"),
    ],
)
def test_a_name_holding_an_organisation_noun_is_an_organisation(
    nlp: Language, text: str, name: str
) -> None:
    assert labels(nlp, text)[name] == "ORG"


def test_a_states_name_is_not_made_an_organisation_by_its_adjectives(nlp: Language) -> None:
    found = labels(nlp, "Envoys of the Islamic Republic of Iran and the Czech Republic met.")
    assert "ORG" not in found.values()


def test_the_shipped_lists_are_all_present_lower_case_and_not_copied_by_the_entity_finder() -> None:
    data = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))
    assert set(data) == set(NAME_WORD_LISTS)
    words = load_name_words()
    assert all(w == w.lower() for w in words["organisation_nouns"])
    assert "organisation_words" not in ENTITY_WORDS.lists
    assert name_words().organisation == words["organisation_nouns"]


def test_editing_the_file_changes_what_is_an_organisation(tmp_path: Path, nlp: Language) -> None:
    data = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))
    data["organisation_nouns"] = [w for w in data["organisation_nouns"] if w != "trust"]
    path = tmp_path / "name_words.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    shipped = nlp.get_pipe("dotterel_entities")
    assert isinstance(shipped, EntityFinder) and shipped.names is not None
    finder = EntityFinder(nlp, "edited")
    finder.initialize(
        lexicon=shipped.names.lexicon,
        gazetteer=shipped.names.gazetteer,
        words=name_words(shared=load_name_words(path)),
    )
    assert isinstance(finder.names, NameFinder)
    text = "Envoys of the Ostrand Trust visited the camp."
    doc = nlp.make_doc(text)
    doc._.document = Document(doc_id="t", text=text, published="2025-06-04")
    for name, component in nlp.pipeline:
        doc = finder(doc) if name == "dotterel_entities" else component(doc)
    assert {e.text: e.label_ for e in doc.ents}["Ostrand Trust"] != "ORG"


def test_a_malformed_file_is_refused_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "name_words.yaml"
    path.write_text('organisation_nouns: ["Ministry"]\n', encoding="utf-8")
    with pytest.raises(DictionaryError, match="lower-case"):
        load_name_words(path)
