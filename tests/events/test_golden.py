"""Golden files: short texts written for Dotterel and the events they must give.

Each case in ``golden/cases.jsonl`` lists every event the pipeline must emit (type,
country-level actors and recipients, factuality, claimant and denier countries); extra
events fail the test too, so a rule that starts over-coding is caught here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dotterel.records import Entity, Event
from tests.conftest import Coder

CASES = [
    json.loads(line)
    for line in (Path(__file__).parent / "golden" / "cases.jsonl").read_text().splitlines()
    if line.strip()
]


def countries(entities: list[Entity]) -> list[str]:
    return sorted({e.country_code for e in entities if e.country_code})


def summary(event: Event) -> dict[str, Any]:
    return {
        "event_type": event.event_type,
        "actor": countries(event.actor),
        "recipient": countries(event.recipient),
        "factuality": event.factuality,
        "claimed_by": countries(event.claimed_by),
        "denied_by": countries(event.denied_by),
    }


def key(record: dict[str, Any]) -> str:
    return json.dumps(record, sort_keys=True)


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_golden_case(coder: Coder, case: dict[str, Any]) -> None:
    got = sorted((summary(e) for e in coder(case["text"], case["published"])), key=key)
    expected = sorted(
        (
            {**e, "actor": sorted(e["actor"]), "recipient": sorted(e["recipient"])}
            for e in case["events"]
        ),
        key=key,
    )
    assert got == expected
