"""Extraction quality on the shared gold files, scored by ``dotterel evaluate``'s rules.

The seed article is held to the bar of the event-coding issue; the PLOVER gold standard
sentences to a floor just under the figure measured when this test was last raised, so
that a rule change that loses quality fails here. ``data/wire_stories.jsonl`` holds 68
AFP/Xinhua-style stories written for the project by reviewers who coded them before
seeing the coder's output (the unseen wire articles the project is judged on are coded
the same way); it guards against rules tuned to the single-sentence gold standard.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dotterel.analysis.evaluate import EvaluationReport, load_gold, score
from dotterel.nlp.pipeline import Extraction, Extractor


def evaluate(extractor: Extractor, path: Path) -> EvaluationReport:
    gold = load_gold(path)
    predictions = {
        result.document.doc_id: result.events
        for result in extractor.extract(g.document for g in gold)
        if isinstance(result, Extraction)
    }
    return score(gold, predictions)


def test_seed_article_meets_the_event_coding_bar(extractor: Extractor, shared_dir: Path) -> None:
    report = evaluate(extractor, shared_dir / "gold" / "seed.jsonl").to_dict()
    assert report["recall"] == 1.0
    assert report["precision"] >= 0.85
    assert report["forbidden_hits"] == 0
    for attribute in ("factuality", "claimed_by", "denied_by", "date", "location"):
        assert report[attribute]["accuracy"] == 1.0, attribute


@pytest.mark.slow
def test_plover_gold_standard_does_not_regress(extractor: Extractor, shared_dir: Path) -> None:
    report = evaluate(extractor, shared_dir / "gold" / "plover_gsr.jsonl").to_dict()
    assert report["f1"] >= 0.70
    assert report["forbidden_hits"] == 0


@pytest.mark.slow
def test_wire_stories_meet_the_unseen_article_bar(extractor: Extractor) -> None:
    report = evaluate(extractor, Path(__file__).parent / "data" / "wire_stories.jsonl").to_dict()
    assert report["f1"] >= 0.68
    # One known trap is still hit: "held separate talks with Greek and Macedonian
    # negotiators" pairs the two sides as if they had met.
    assert report["forbidden_hits"] <= 1
    assert report["factuality"]["accuracy"] >= 0.9
    assert report["claimed_by"]["accuracy"] >= 0.9
