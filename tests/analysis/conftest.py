"""Fused events of generated and seed articles, made once per session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dotterel.nlp.pipeline import Extractor
from dotterel.records import Document, Entity, FusedEvent, FusedMember
from tests.analysis.network_corpus import fuse_singletons, planted_documents


@pytest.fixture(scope="session")
def planted_fused(extractor: Extractor) -> list[FusedEvent]:
    return fuse_singletons(extractor, planted_documents())


@pytest.fixture(scope="session")
def seed_fused(extractor: Extractor, shared_dir: Path) -> list[FusedEvent]:
    line = (shared_dir / "gold" / "seed.jsonl").read_text(encoding="utf-8").splitlines()[0]
    data = json.loads(line)
    document = Document(
        doc_id=data["doc_id"], text=data["text"], published=data["published"], outlet="seed"
    )
    return fuse_singletons(extractor, [document])


def state(code: str, role: str = "GOV") -> Entity:
    return Entity(text=code, start=0, end=3, code=code + role, country=code)


def fused_event(
    event_type: str,
    actors: list[str],
    recipients: list[str],
    date: str = "2024-03-01",
    *,
    fused_id: str | None = None,
    factuality: str = "actual",
    claimed_by: list[str] | None = None,
    denied_by: list[str] | None = None,
    score: float | None = None,
    quad: int | None = None,
) -> FusedEvent:
    """A fused event of one report built by hand (scores default to the category's)."""
    claimants = [state(c) for c in claimed_by or []]
    deniers = [state(c) for c in denied_by or []]
    ident = fused_id or f"fu_{event_type}_{'_'.join(actors)}_{'_'.join(recipients)}_{date}"
    member = FusedMember(
        event_id="ev_" + ident,
        doc_id="doc_" + ident,
        published=date,
        factuality=factuality,
        claimed_by=claimants,
        denied_by=deniers,
        event_date=date,
    )
    return FusedEvent(
        fused_id=ident,
        event_type=event_type,
        actor=[state(c) for c in actors],
        recipient=[state(c) for c in recipients],
        factuality=factuality,
        claimed_by=claimants,
        denied_by=deniers,
        event_date=date,
        plover_score=score,
        quad_class=quad,
        first_reported=date,
        n_mentions=1,
        n_documents=1,
        n_independent_sources=1,
        members=[member],
    )
