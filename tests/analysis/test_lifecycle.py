"""Lifecycles through the real pipeline: a treaty's three stages, a claim's three turns.

Sentences were chosen by checking what the coder makes of them (see docs/fusion.md for
the stages the coder cannot produce yet: "entered into force" and "withdrew from" code
no event today).
"""

from __future__ import annotations

import pytest

from dotterel.analysis.fusion import Fuser, FusionSettings
from dotterel.analysis.lifecycle import treaty_stage
from dotterel.nlp.pipeline import Extraction, Extractor
from dotterel.records import Document
from dotterel.store import EventStore, MemoryStore

TREATY = (
    Document(
        doc_id="announce",
        text="Russia and Iran announced on Tuesday that they will sign a comprehensive "
        "strategic partnership treaty next month.",
        published="2024-12-10",
        outlet="TASS",
    ),
    Document(
        doc_id="sign",
        text="Russian President Vladimir Putin and Iranian President Masoud Pezeshkian signed "
        "a comprehensive strategic partnership treaty in Moscow on Friday.",
        published="2025-01-17",
        outlet="Reuters",
    ),
    Document(
        doc_id="ratify",
        text="The Russian parliament ratified the strategic partnership treaty with Iran on "
        "Monday.",
        published="2025-04-21",
        outlet="Tehran Times",
    ),
)

CLAIM = (
    Document(
        doc_id="allege",
        text="The United States accused North Korea of sending troops to Russia.",
        published="2024-10-10",
        outlet="CNN",
    ),
    Document(
        doc_id="deny",
        text="North Korea denied that it had sent troops to Russia.",
        published="2024-10-14",
        outlet="KCNA",
    ),
    Document(
        doc_id="confirm",
        text="North Korea confirmed on Tuesday that it had sent troops to Russia.",
        published="2024-11-05",
        outlet="Yonhap",
    ),
)


def _fuse_each(extractor: Extractor, documents: tuple[Document, ...]) -> EventStore:
    """Ingest and fuse the articles one at a time, in publication order."""
    store = MemoryStore()
    for document in documents:
        result = extractor.extract_one(document)
        assert isinstance(result, Extraction)
        store.add_batch([(document, result.events, result.mentions)], [], "run")
        Fuser(store, FusionSettings()).run()
    return store


def test_treaty_announced_signed_ratified_across_three_articles(extractor: Extractor) -> None:
    store = _fuse_each(extractor, TREATY)
    [treaty] = store.lifecycles(kind="treaty")
    assert treaty.dyad == ["IRN", "RUS"]
    assert [(s.stage, s.doc_id) for s in treaty.steps] == [
        ("announced", "announce"),
        ("signed", "sign"),
        ("ratified", "ratify"),
    ]
    assert treaty.status == "ratified"
    assert [s.date for s in treaty.steps] == ["2024-12-10", "2025-01-17", "2025-04-21"]
    assert "ratified" in (treaty.steps[-1].evidence or "")
    # Each stage is its own fused event, each pointing back at the lifecycle.
    assert len(set(treaty.fused_ids)) == 3
    for fused_id in treaty.fused_ids:
        fused = store.fused_event(fused_id)
        assert fused is not None and fused.lifecycle_id == treaty.lifecycle_id


def test_claim_alleged_denied_confirmed_across_three_articles(extractor: Extractor) -> None:
    store = _fuse_each(extractor, CLAIM)
    [claim] = store.lifecycles(kind="claim")
    assert claim.event_type == "AID"
    assert claim.dyad == ["PRK", ">", "RUS"]
    assert [(s.stage, s.doc_id) for s in claim.steps] == [
        ("alleged", "allege"),
        ("denied", "deny"),
        ("confirmed", "confirm"),
    ]
    assert claim.steps[0].by == ["USA"] and claim.steps[1].by == ["PRK"]
    assert claim.status == "confirmed"
    # Allegation and denial four days apart are reports of one act; the confirmation,
    # dated weeks later, is linked to it by the lifecycle.
    allegation = store.fused_event(claim.steps[0].fused_id)
    assert allegation is not None and allegation.n_documents == 2
    assert {e.code for e in allegation.denied_by} == {"PRK"}
    assert store.lifecycle(claim.lifecycle_id) == claim


def test_claim_waits_for_its_confirmation(extractor: Extractor) -> None:
    store = _fuse_each(extractor, CLAIM[:2])
    [claim] = store.lifecycles(kind="claim")
    assert claim.status == "denied"


@pytest.mark.parametrize(
    ("event_type", "factuality", "trigger", "stage"),
    [
        ("AGREE", "future", "sign", "announced"),
        ("AGREE", "actual", "agreed", "signed"),
        ("SUPPORT", "actual", "signed", "signed"),
        ("SUPPORT", "actual", "ratified", "ratified"),
        ("REJECT", "actual", "withdrew", "withdrawn"),
        ("ACCUSE", "actual", "violated", "breached"),
        ("SUPPORT", "actual", "praised", None),
        ("SUPPORT", "future", "ratify", None),
    ],
)
def test_treaty_stage_rules(event_type: str, factuality: str, trigger: str, stage) -> None:
    rule = treaty_stage(event_type, factuality, trigger)
    assert (rule.stage if rule else None) == stage
