"""``dotterel_morphology`` gives exactly the annotations of the model's own rule components."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from dotterel.nlp.pipeline import build_nlp

WIRE = Path(__file__).resolve().parents[1] / "analysis" / "data" / "wire_stories.jsonl"


@pytest.fixture(scope="module")
def remembered() -> Language:
    return build_nlp(components=())


@pytest.fixture(scope="module")
def model_rules() -> Language:
    return build_nlp(components=(), remember_morphology=False)


def _annotations(doc: Doc) -> list[tuple[object, ...]]:
    return [
        (t.text, t.tag_, t.pos_, t.dep_, t.head.i, str(t.morph), t.lemma_, t.ent_type_) for t in doc
    ]


def test_the_model_rules_are_replaced_not_added(remembered: Language) -> None:
    assert "dotterel_morphology" in remembered.pipe_names
    assert "attribute_ruler" not in remembered.pipe_names
    assert "lemmatizer" not in remembered.pipe_names
    assert remembered.get_pipe("dotterel_morphology").exact_rules


@pytest.mark.slow
def test_every_token_of_real_articles_is_annotated_as_by_the_model(
    remembered: Language, model_rules: Language
) -> None:
    texts = [json.loads(line)["text"].rstrip() for line in WIRE.read_text().splitlines()[:40]]
    # Twice: the second pass reads every word from what the first remembered.
    for _ in range(2):
        for ours, theirs in zip(remembered.pipe(texts), model_rules.pipe(texts), strict=True):
            assert _annotations(ours) == _annotations(theirs)


@pytest.mark.parametrize(
    "text",
    [
        "There is no agreement, and there were talks.",  # two-token rule: expl + be
        "They're gonna sign it; I'd say he's been there.",  # contractions, pronoun morphology
        "Let's go.\n\n  The   ministers met  .",  # white space tokens change tag and dependency
        "I met them, and she told me that it wasn't over.",  # pronoun case by dependency
    ],
)
def test_rules_that_depend_on_neighbours_and_white_space(
    remembered: Language, model_rules: Language, text: str
) -> None:
    # Warm the memory with the same words in other contexts first.
    list(remembered.pipe(["There, is it? Let us go. They met. I, me, she, it."]))
    assert _annotations(remembered(text)) == _annotations(model_rules(text))
