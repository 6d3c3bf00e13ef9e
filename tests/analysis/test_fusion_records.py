"""Fusion records survive to_dict/from_dict and JSON without loss; fusion word lists load."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dotterel.analysis.lifecycle import treaty_rules
from dotterel.analysis.stories import fusion_words, outlet_family
from dotterel.records import (
    CLAIM_STAGES,
    FACTUALITY_VALUES,
    LIFECYCLE_KINDS,
    PLOVER_TYPES,
    TREATY_STAGES,
    DocumentFingerprint,
    FusedEvent,
    FusedMember,
    Lifecycle,
    LifecycleStep,
    Story,
)
from tests.strategies import record_strategies

S = record_strategies()
text = st.text(max_size=20)
maybe = st.none() | text
date = st.dates().map(lambda d: d.isoformat())

members = st.builds(
    FusedMember,
    event_id=text,
    doc_id=text,
    outlet=maybe,
    source_family=maybe,
    story_id=maybe,
    published=st.none() | date,
    sentence_index=st.none() | st.integers(0, 500),
    evidence=st.none() | S.spans,
    trigger=st.none() | S.spans,
    factuality=st.sampled_from(FACTUALITY_VALUES),
    claimed_by=st.lists(S.entities, max_size=2),
    denied_by=st.lists(S.entities, max_size=2),
    event_date=st.none() | date,
)
fused_events = st.builds(
    FusedEvent,
    fused_id=text,
    event_type=st.sampled_from(PLOVER_TYPES),
    actor=st.lists(S.entities, max_size=3),
    recipient=st.lists(S.entities, max_size=3),
    factuality=st.sampled_from(FACTUALITY_VALUES),
    claimed_by=st.lists(S.entities, max_size=2),
    denied_by=st.lists(S.entities, max_size=2),
    event_date=st.none() | date,
    date_precision=st.sampled_from([None, "day", "week", "month", "year"]),
    location=st.none() | S.locations,
    contexts=st.lists(text, max_size=2),
    goldstein=st.none() | st.floats(-10, 10),
    quad_class=st.none() | st.integers(1, 4),
    n_mentions=st.integers(0, 1000),
    n_documents=st.integers(0, 1000),
    n_independent_sources=st.integers(0, 1000),
    lifecycle_id=maybe,
    members=st.lists(members, max_size=3),
    date_source=st.sampled_from([None, "clause", "published"]),
)
steps = st.builds(
    LifecycleStep,
    stage=st.sampled_from(TREATY_STAGES + CLAIM_STAGES),
    date=st.none() | date,
    fused_id=text,
    event_id=maybe,
    doc_id=maybe,
    outlet=maybe,
    evidence=maybe,
    by=st.lists(text, max_size=3),
)
lifecycles = st.builds(
    Lifecycle,
    lifecycle_id=text,
    kind=st.sampled_from(LIFECYCLE_KINDS),
    dyad=st.lists(text, max_size=4),
    event_type=st.none() | st.sampled_from(PLOVER_TYPES),
    status=maybe,
    first_date=st.none() | date,
    last_date=st.none() | date,
    fused_ids=st.lists(text, max_size=3),
    steps=st.lists(steps, max_size=4),
)
stories = st.builds(
    Story,
    story_id=text,
    doc_ids=st.lists(text, max_size=4),
    outlets=st.lists(text, max_size=4),
    first_published=st.none() | date,
    last_published=st.none() | date,
    title=maybe,
    n_documents=st.integers(0, 100),
    n_source_families=st.integers(0, 100),
)
fingerprints = st.builds(
    DocumentFingerprint,
    doc_id=text,
    content_hash=text,
    story_id=text,
    source_family=text,
    outlet=maybe,
    outlet_family=maybe,
    published=st.none() | date,
    title=maybe,
    signature=st.lists(st.integers(0, 2**32 - 1), max_size=8),
)


def _json(data: dict) -> dict:
    return json.loads(json.dumps(data))


@settings(max_examples=50, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(fused_events)
def test_fused_event_round_trip(record: FusedEvent) -> None:
    assert FusedEvent.from_dict(record.to_dict()) == record
    assert FusedEvent.from_dict(_json(record.to_dict())) == record


@given(lifecycles)
def test_lifecycle_round_trip(record: Lifecycle) -> None:
    assert Lifecycle.from_dict(_json(record.to_dict())) == record


@given(stories)
def test_story_round_trip(record: Story) -> None:
    assert Story.from_dict(_json(record.to_dict())) == record


@given(fingerprints)
def test_fingerprint_round_trip(record: DocumentFingerprint) -> None:
    assert DocumentFingerprint.from_dict(_json(record.to_dict())) == record


def test_outlet_families_group_one_owner() -> None:
    assert outlet_family("Reuters UK") == outlet_family("reuters") == "reuters"
    assert outlet_family("https://www.reuters.com/") == "reuters"
    assert outlet_family("Associated Press") == outlet_family("AP News") == "ap"
    assert outlet_family("Daily Star") == "daily star"
    assert outlet_family("") is None and outlet_family(None) is None


def test_fusion_word_lists_are_well_formed() -> None:
    words = fusion_words()
    assert all(isinstance(v, str) and v for v in words["outlet_families"].values())
    rules = treaty_rules()
    assert {rule.stage for rule in rules} == set(TREATY_STAGES)
    for rule in rules:
        assert rule.types <= set(PLOVER_TYPES)
        assert rule.factuality <= set(FACTUALITY_VALUES)
    # Only stages that can begin a treaty's story may open a lifecycle.
    assert {rule.stage for rule in rules if rule.start} == {"announced", "signed", "ratified"}
