"""MEANTIME evaluation: the scorer's gold readings and the resolver's accuracy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dotterel.errors import GoldFormatError, MissingInputError
from dotterel.time.evaluate import classify, evaluate_timex
from dotterel.time.resolve import ResolvedTime

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
MEANTIME = SHARED / "gold" / "meantime_timex.jsonl"


def _write(tmp_path: Path, articles: list[dict[str, object]]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(a) for a in articles) + "\n", encoding="utf-8")
    return path


def test_small_gold_file_is_scored_exactly(tmp_path: Path) -> None:
    text = "Talks end\nThe ministers met on Thursday and will meet again on Monday.\nIn the past."
    timexes = [
        {"text": "Thursday", "start": 31, "end": 39, "type": "DATE", "value": "2024-10-31"},
        {"text": "Monday", "start": 63, "end": 69, "type": "DATE", "value": "2024-11-04"},
        {"text": "the past", "start": 74, "end": 82, "type": "DATE", "value": "PAST_REF"},
        {"text": "a week", "start": 0, "end": 1, "type": "DURATION", "value": "P1W"},
    ]
    path = _write(
        tmp_path, [{"doc_id": "a", "published": "2024-11-01", "text": text, "timex": timexes}]
    )
    report = evaluate_timex(path)
    assert (report.total, report.correct) == (3, 3)
    assert report.accuracy == 1.0
    assert report.errors_by_class == {}


def test_error_classes_name_the_kind_of_mistake() -> None:
    day = ResolvedTime("2024-10-24", "day", "2024-10-24")
    assert classify("2024-10-31", day) == "weekday_direction"
    assert classify("2024-10-31", None) == "unresolved"
    assert classify(None, day) == "date_where_gold_has_none"
    assert classify("2023-10", ResolvedTime("2024-10", "month")) == "wrong_year"
    assert classify("PAST_REF", day) == "vague_vs_date"
    assert classify(None, None) is None


def test_bad_gold_files_raise_coded_errors(tmp_path: Path) -> None:
    with pytest.raises(MissingInputError):
        evaluate_timex(tmp_path / "missing.jsonl")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc_id": "x"}\n', encoding="utf-8")
    with pytest.raises(GoldFormatError) as info:
        evaluate_timex(bad)
    assert info.value.code == "DOT400"


@pytest.mark.skipif(not MEANTIME.exists(), reason="shared MEANTIME gold not present")
def test_meantime_dates_are_at_least_ninety_percent_exact() -> None:
    report = evaluate_timex(MEANTIME)
    assert report.total >= 400
    assert report.accuracy >= 0.90, report.summary()
