"""Extraction quality on the shared gold files, scored by ``dotterel evaluate``'s rules.

The seed article is held to the bar of the event-coding issue; the PLOVER gold standard
sentences to a floor just under the figure measured when this test was last raised, so
that a rule change that loses quality fails here.
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
    assert report["f1"] >= 0.57
    assert report["forbidden_hits"] == 0
