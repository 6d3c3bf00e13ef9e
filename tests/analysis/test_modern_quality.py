"""Quality on the modern web-news set (``data/modern/``): stories without datelines.

The floors sit just under the figures of the first run on each part (the holdout part's
is its first contact, measured after the rules of issue 11 were written). They are far
below the issue's bar (triple F1 0.65, places 0.75, dates 0.90): they keep a later change
from losing ground while that gap is closed, and a change that closes it should raise them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dotterel.analysis.evaluate import EvaluationReport, load_gold, score
from dotterel.nlp.pipeline import Extraction, Extractor

DATA = Path(__file__).parent / "data" / "modern"


def _report(extractor: Extractor, name: str) -> EvaluationReport:
    gold = load_gold(DATA / f"{name}.jsonl")
    predictions = {
        result.document.doc_id: result.events
        for result in extractor.extract(g.document for g in gold)
        if isinstance(result, Extraction)
    }
    return score(gold, predictions)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "f1", "forbidden", "places"),
    [
        ("modern_dev_a", 0.53, 1, 0.95),
        ("modern_dev_b", 0.48, 0, 0.95),
        # 2 forbidden: one is a claimed cyber attack ("websites hit by denial-of-service
        # attacks from Chinese hackers") that the gold forbids as an attack by drills.
        ("modern_holdout_a", 0.55, 2, 0.80),
        ("modern_holdout_b", 0.56, 0, 0.95),
        # First contact, session 6 (tests/analysis/data/modern/README.md).
        ("modern_holdout2_a", 0.55, 1, 0.95),
        ("modern_holdout2_b", 0.46, 0, 0.95),
        # First contact, session 7 (tests/analysis/data/modern/README.md).
        ("modern_holdout3_a", 0.67, 1, 0.90),
        ("modern_holdout3_b", 0.46, 2, 0.90),
        # First contact, session 8 (tests/analysis/data/modern/README.md).
        ("modern_holdout4_a", 0.54, 0, 0.78),
        ("modern_holdout4_b", 0.47, 2, 0.80),
        # First contact, session 9 (tests/analysis/data/modern/README.md).
        ("modern_holdout5_a", 0.56, 0, 0.78),
        ("modern_holdout5_b", 0.53, 0, 0.95),
        # First contact, session 10 (tests/analysis/data/modern/README.md).
        ("modern_holdout6_a", 0.51, 3, 0.88),
        ("modern_holdout6_b", 0.28, 0, 0.95),
        # First contact, session 11 (tests/analysis/data/modern/README.md).
        ("modern_holdout7_a", 0.51, 0, 0.78),
        ("modern_holdout8_a", 0.52, 2, 0.65),
        ("modern_holdout7_b", 0.33, 0, 0.95),
    ],
)
def test_modern_stories_hold_their_first_measured_quality(
    extractor: Extractor, name: str, f1: float, forbidden: int, places: float
) -> None:
    report = _report(extractor, name).to_dict()
    assert report["f1"] >= f1
    assert report["forbidden_hits"] <= forbidden
    assert report["location"]["accuracy"] >= places
    # Holdout6 domestic: 7 of 8 found triples' statuses right at first contact.
    assert report["factuality"]["accuracy"] >= (0.85 if name == "modern_holdout6_b" else 0.9)
