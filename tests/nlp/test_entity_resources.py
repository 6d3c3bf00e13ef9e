"""``dotterel_entities`` labels names with the gazetteer and lexicon it is handed, not with
a module-level one: ``build_nlp`` builds them once and initialises the component."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dotterel.nlp.entities import EntityFinder
from dotterel.nlp.pipeline import build_nlp
from dotterel.places.component import PlacesComponent
from dotterel.places.gazetteer import Gazetteer, Place
from dotterel.records import Document

TEXT = "Envoys from Quallenby and Warsaw met on Friday."


def labels(nlp: Language, text: str = TEXT) -> dict[str, str]:
    doc = nlp.make_doc(text)
    doc._.document = Document(doc_id="t", text=text, published="2025-06-04")
    for _, component in nlp.pipeline:
        doc = component(doc)
    return {e.text: e.label_ for e in doc.ents}


def one_town_gazetteer() -> Gazetteer:
    town = Place(name="Quallenby", country="NOR", lat=60.0, lon=10.0, population=900, kind="city")
    return Gazetteer([town], {}, {}, {"quallenby": (0,)}, frozenset())


def test_the_shipped_gazetteer_knows_warsaw_but_not_an_invented_town() -> None:
    found = labels(build_nlp(components=("dotterel_dateline",)))
    assert found["Warsaw"] == "GPE"
    assert found["Quallenby"] != "GPE"


def test_a_gazetteer_handed_to_the_pipeline_is_the_one_names_are_placed_by() -> None:
    found = labels(build_nlp(components=("dotterel_dateline",), gazetteer=one_town_gazetteer()))
    assert found["Quallenby"] == "GPE"
    assert found["Warsaw"] != "GPE"  # not in the gazetteer it was given


def test_the_component_says_what_it_lacks_until_initialised() -> None:
    finder = EntityFinder(Language(), "dotterel_entities")
    doc = Language().make_doc(TEXT)
    with pytest.raises(ValueError, match="initialize"):
        finder(doc)


def test_names_and_actors_read_the_one_lexicon_of_the_users_dictionaries(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "mine.yaml"
    path.write_text("actors:\n  - text: Ostrava Free Union\n    code: CZEOPP\n", encoding="utf-8")
    nlp = build_nlp(
        components=("dotterel_dateline", "dotterel_actors"), user_dictionaries=str(path)
    )
    finder = nlp.get_pipe("dotterel_entities")
    assert isinstance(finder, EntityFinder) and finder.names is not None
    assert finder.names.lexicon is nlp.get_pipe("dotterel_actors").lexicon
    assert finder.names.lexicon.names  # the shipped entries with the user's


def test_the_places_stage_says_what_it_lacks_until_initialised() -> None:
    places = PlacesComponent(Language(), "dotterel_places")
    with pytest.raises(ValueError, match="initialize"):
        places(Language().make_doc(TEXT))


def test_the_gazetteer_handed_to_the_pipeline_is_the_one_places_are_resolved_by() -> None:
    nlp = build_nlp(
        components=("dotterel_dateline", "dotterel_actors", "dotterel_places"),
        gazetteer=one_town_gazetteer(),
    )
    doc = nlp.make_doc(TEXT)
    doc._.document = Document(doc_id="t", text=TEXT, published="2025-06-04")
    for _, component in nlp.pipeline:
        doc = component(doc)
    assert [(m.text, m.location.country) for m in doc._.places] == [("Quallenby", "NOR")]
