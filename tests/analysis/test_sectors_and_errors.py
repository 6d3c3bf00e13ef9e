"""Sector-level scoring and the error analysis of ``dotterel evaluate --errors``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dotterel.analysis.errors import analyse
from dotterel.analysis.evaluate import load_gold, score, score_sectors
from dotterel.errors import GoldFormatError
from dotterel.records import Document, Entity, Event, Span
from tests.analysis.test_evaluate import doc, gold_event

TEXT = "Police arrested protesters in Algiers. The army shelled rebel positions."


def person(code: str | None, role: str | None = None, text: str = "x") -> Entity:
    return Entity(
        text=text, start=0, end=1, code=code, country=code[:3] if code else None, role=role
    )


def event(kind: str, actor: list[Entity], recipient: list[Entity], n: int = 0) -> Event:
    sentence = TEXT.split(". ")[n]
    return Event(
        doc_id="d1",
        sentence_index=n,
        evidence=Span(sentence, 0, len(sentence)),
        trigger=Span("arrested", n, n + 8),
        event_type=kind,
        actor=actor,
        recipient=recipient,
        rules=[f"rule:{kind.lower()}"],
    )


def domestic_gold(status: str = "required"):
    return gold_event(
        "COERCE",
        ["DZA"],
        ["DZA"],
        status=status,
        mentions=[("Police", "DZA", "COP"), ("protesters", "DZA", "CVL")],
    )


def test_a_domestic_event_scores_at_sector_level_only():
    gold = [doc(domestic_gold())]
    right = event("COERCE", [person("DZACOP", "COP")], [person("DZACVL", "CVL")])
    report = score(gold, {"d1": [right]})
    assert report.totals.gold_required == 0  # a self-pair at country level
    assert (report.sectors.found, report.sectors.gold_required) == (1, 1)
    assert report.sectors.precision == 1.0
    assert report.to_dict()["sector"]["f1"] == 1.0


def test_the_wrong_sector_is_a_miss_and_a_false_event():
    gold = [doc(domestic_gold())]
    wrong = event("COERCE", [person("DZAMIL", "MIL")], [person("DZACVL", "CVL")])
    counts = score_sectors(gold, {"d1": [wrong]})
    assert (counts.found, counts.correct, counts.predicted) == (0, 0, 1)


def test_a_gold_participant_without_sector_takes_any():
    gold = [
        doc(
            gold_event(
                "ACCUSE",
                ["USA"],
                ["RUS"],
                mentions=[("Washington", "USA", None), ("Russian officials", "RUS", "GOV")],
            )
        )
    ]
    ok = event("ACCUSE", [person("USAGOV", "GOV")], [person("RUSGOV", "GOV")])
    no_role = event("ACCUSE", [person("USA")], [person("RUS")])
    assert score_sectors(gold, {"d1": [ok]}).recall == 1.0
    assert score_sectors(gold, {"d1": [no_role]}).recall == 0.0  # RUS needs GOV


def test_six_letter_gold_codes_give_the_sector():
    gold = [doc(gold_event("PROTEST", ["FRACVL"], ["FRAGOV"]))]
    ok = event("PROTEST", [person("FRACVL", "CVL")], [person("FRAGOV", "GOV")])
    bad = event("PROTEST", [person("FRALAB", "LAB")], [person("FRAGOV", "GOV")])
    assert score_sectors(gold, {"d1": [ok]}).f1 == 1.0
    assert score_sectors(gold, {"d1": [bad]}).found == 0


def test_actor_mentions_are_read_and_checked(tmp_path: Path):
    line = {
        "doc_id": "a",
        "text": "x",
        "events": [
            {
                "status": "required",
                "type": "AID",
                "actor": ["USA"],
                "recipient": ["UKR"],
                "actor_mentions": [{"text": "US", "code": "USA", "sector": "GOV"}],
            }
        ],
    }
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    assert load_gold(path)[0].events[0].mentions == [("US", "USA", "GOV")]
    line["events"][0]["actor_mentions"] = [{"text": "US", "code": 5}]
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="actor mention"):
        load_gold(path)


# ----------------------------------------------------------------- error analysis


def _doc(*events):
    return [type(doc())(Document(doc_id="d1", text=TEXT), list(events))]


def test_misses_and_false_events_are_grouped_by_cause_with_evidence_and_rules():
    gold = _doc(
        gold_event("ASSAULT", ["DZA"], ["TUN"], mentions=[("The army", "DZA", "MIL")]),
        gold_event("ACCUSE", ["FRA"], ["DZA"]),
        gold_event("AID", ["USA"], ["DZA"]),
    )
    predictions = {
        "d1": [
            event("COERCE", [person("DZAMIL", "MIL")], [person("TUN")], n=1),  # category
            event("ACCUSE", [person("DZA")], [person("FRA")]),  # reversed
            event("SANCTION", [person("GBR")], [person("CHN")]),  # not in gold
        ]
    }
    analysis = analyse(gold, predictions)
    misses = analysis.grouped("miss")
    assert list(misses) == ["wrong category", "reversed", "not detected"]
    category = misses["wrong category"][0]
    assert category.label == "ASSAULT DZA→TUN"
    assert category.evidence == ["The army shelled rebel positions."]
    assert "rule:coerce" in category.rules
    assert any("actor: 'x' → DZAMIL" in p for p in category.participants)
    false = analysis.grouped("false")
    assert [c for c, v in false.items() for _ in v] == ["wrong category", "reversed", "not in gold"]
    text = analysis.to_text()
    assert "== misses: not detected (1)" in text and "rules: rule:sanction" in text
    assert set(analysis.to_dict()) == {"misses", "false_events"}


def test_a_found_event_without_resolved_participants_is_an_unresolved_miss():
    gold = _doc(gold_event("PROTEST", ["DZA"]))
    nobody = event("PROTEST", [Entity("crowds", 0, 6)], [])
    assert list(analyse(gold, {"d1": [nobody]}).grouped("miss")) == ["unresolved"]


def test_a_forbidden_event_is_its_own_cause():
    gold = _doc(gold_event("ASSAULT", ["ISR"], ["LBN"], status="forbidden"))
    hit = event("ASSAULT", [person("ISR")], [person("LBN")])
    assert list(analyse(gold, {"d1": [hit]}).grouped("false")) == ["forbidden"]
