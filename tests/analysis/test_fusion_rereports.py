"""Re-reports of the seed article and ten stories, through the real pipeline, fused.

The generator (``rereports.py``) knows which story and which independently written
version each document is; these tests check that each act of the seed is one fused
event with the right number of independent sources, and measure false and missed
merges over every pair of reports.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

import pytest

from dotterel.analysis.fusion import MOOD, Fuser, FusionSettings, sides
from dotterel.nlp.pipeline import Extraction, Extractor
from dotterel.records import Event
from dotterel.store import EventStore, MemoryStore
from tests.analysis.rereports import Generated, corpus


@dataclass(slots=True)
class Scores:
    pairs_true: int
    pairs_fused: int
    false_merges: int
    missed_merges: int
    cross_story_fused_events: int

    @property
    def false_merge_rate(self) -> float:
        return self.false_merges / max(self.pairs_fused, 1)

    @property
    def missed_merge_rate(self) -> float:
        return self.missed_merges / max(self.pairs_true, 1)


def ingest_and_fuse(
    extractor: Extractor, generated: list[Generated], store: EventStore, chunk: int = 20
) -> dict[str, list[Event]]:
    """Extract, store and fuse in chunks, as repeated ``dotterel ingest`` runs would."""
    events: dict[str, list[Event]] = {}
    for start in range(0, len(generated), chunk):
        part = generated[start : start + chunk]
        items = []
        for result in extractor.extract(g.document for g in part):
            assert isinstance(result, Extraction)
            items.append((result.document, result.events, result.mentions))
            events[result.document.doc_id] = result.events
        store.add_batch(items, [], store.start_run("test", []))
        Fuser(store, FusionSettings()).run(batch_size=8)
    return events


def _same_act(a: Event, b: Event, same_version: bool) -> bool:
    """The truth: reports of one act have the same type, mood and participant countries;
    copies of one text may also code it with other participants but the same trigger."""
    if a.event_type != b.event_type or MOOD[a.factuality] != MOOD[b.factuality]:
        return False
    same = sides(a.event_type, a.actor, a.recipient) == sides(b.event_type, b.actor, b.recipient)
    return same or (same_version and a.trigger.text == b.trigger.text)


def score(generated: list[Generated], events: dict[str, list[Event]], store: EventStore) -> Scores:
    """Pairwise over reports of different stored documents: reports of one act should
    share a fused event, reports of different stories never."""
    truth = {g.document.doc_id: g for g in generated}
    stored = {d.doc_id for d in store.documents()}  # identical copies are stored once
    flat = [
        (e, store.fused_id_of(e.event_id))
        for doc_id, doc_events in events.items()
        if doc_id in stored
        for e in doc_events
    ]
    true = fused = false = missed = 0
    for (a, fa), (b, fb) in combinations(flat, 2):
        if a.doc_id == b.doc_id:
            continue
        ta, tb = truth[a.doc_id], truth[b.doc_id]
        should = ta.story == tb.story and _same_act(a, b, ta.version == tb.version)
        did = fa is not None and fa == fb
        true += should
        fused += did
        false += did and not should
        missed += should and not did
    cross = sum(
        1 for f in store.fused_events() if len({truth[m.doc_id].story for m in f.members}) > 1
    )
    return Scores(true, fused, false, missed, cross)


def expected_sources(generated: list[Generated], doc_ids: set[str]) -> int:
    """Independent sources among documents: versions, merged where outlets are one family."""
    truth = {g.document.doc_id: g for g in generated if g.document.doc_id in doc_ids}
    groups: list[set[str]] = []
    for g in truth.values():
        labels = {f"v{g.story}{g.version}", f"o{g.outlet_group}"}
        joined = [group for group in groups if group & labels]
        for group in joined:
            groups.remove(group)
            labels |= group
        groups.append(labels)
    return len(groups)


def _seed_fused(store: EventStore, events: dict[str, list[Event]]):
    original = events["seed-v0-0"]
    return {
        (e.event_type, e.trigger.text): store.fused_event(store.fused_id_of(e.event_id) or "")
        for e in original
    }


def check_seed(generated: list[Generated], events, store: EventStore) -> None:
    stored = {d.doc_id for d in store.documents()}
    seed = [g for g in generated if g.story == "seed" and g.document.doc_id in stored]
    seed_docs = {g.document.doc_id for g in seed}
    v0_docs = {g.document.doc_id for g in seed if g.version == 0}
    found = _seed_fused(store, events)
    assert all(found.values())
    for fused in found.values():
        assert fused is not None
        members = {m.doc_id for m in fused.members}
        assert members <= seed_docs
        assert fused.n_independent_sources == expected_sources(generated, members)
    agree = found[("AGREE", "sign")]
    assert agree is not None
    # The treaty is in every report of both versions: one act, two independent sources.
    assert {m.doc_id for m in agree.members} == seed_docs
    assert agree.n_documents == len(seed_docs)
    assert agree.n_independent_sources == 2
    assert agree.factuality == "future"
    iran_drones = found[("AID", "contributions")]
    assert iran_drones is not None and iran_drones.n_independent_sources == 2
    assert {e.code for e in iran_drones.denied_by} >= {"IRN"}
    troops = found[("AID", "arrived")]
    # Only the wire version tells of DPRK troops: every copy of it, one source.
    assert troops is not None and {m.doc_id for m in troops.members} == v0_docs
    assert troops.n_independent_sources == 1


@pytest.fixture(scope="module")
def small_run(extractor: Extractor):
    generated = corpus(per_story=2)
    store = MemoryStore()
    events = ingest_and_fuse(extractor, generated, store)
    return generated, events, store


def test_seed_rereports_fuse_with_the_right_number_of_sources(small_run) -> None:
    check_seed(*small_run)


def test_stories_do_not_merge_and_reports_of_one_act_do(small_run) -> None:
    scores = score(*small_run)
    assert scores.cross_story_fused_events == 0
    assert scores.false_merge_rate <= 0.02, scores
    assert scores.missed_merge_rate <= 0.10, scores


def test_rereports_join_their_story(small_run) -> None:
    all_generated, _events, store = small_run
    stored = {d.doc_id for d in store.documents()}
    generated = [g for g in all_generated if g.document.doc_id in stored]
    story_of = {g.document.doc_id: store.story_of(g.document.doc_id) for g in generated}
    for key in {g.story for g in generated}:
        others = {story_of[g.document.doc_id] for g in generated if g.story != key}
        # Copies of one text share its story; independent versions join it only when
        # they share at least fusion_story_shared_events acts (the one-act stories don't).
        for version in {g.version for g in generated if g.story == key}:
            ids = {
                story_of[g.document.doc_id]
                for g in generated
                if g.story == key and g.version == version
            }
            assert len(ids) == 1, (key, version, ids)
            assert not ids & others
    seed_ids = {story_of[g.document.doc_id] for g in generated if g.story == "seed"}
    assert len(seed_ids) == 1  # the seed's two versions share four acts


@pytest.mark.slow
def test_false_and_missed_merges_on_200_rereports(extractor: Extractor, tmp_path) -> None:
    from dotterel.store import DuckDBStore

    generated = corpus(per_story=19, seed=11)
    rereports = [g for g in generated if not g.document.doc_id.endswith("-0")]
    assert len(rereports) >= 200
    with DuckDBStore(str(tmp_path / "rereports.duckdb")) as store:
        events = ingest_and_fuse(extractor, generated, store, chunk=40)
        scores = score(generated, events, store)
        print(f"\n{len(generated)} documents: {scores}")
        print(
            f"false merge rate {scores.false_merge_rate:.3f}, missed {scores.missed_merge_rate:.3f}"
        )
        assert scores.cross_story_fused_events == 0
        assert scores.false_merge_rate <= 0.01
        assert scores.missed_merge_rate <= 0.10
        check_seed(generated, events, store)
