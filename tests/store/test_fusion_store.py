"""Fusion tables in every EventStore: one suite, so the in-memory twin behaves like DuckDB."""

from __future__ import annotations

import duckdb
import pytest

from dotterel.analysis.fusion import Fuser, FusionSettings
from dotterel.errors import StoreError
from dotterel.records import Document, FusedEvent
from dotterel.store import SCHEMA_VERSION, DuckDBStore, EventStore
from dotterel.store.base import FusionUpdate
from dotterel.store.schema import MIGRATIONS, _fusion_tables, schema_version
from tests.store.conftest import ent, event
from tests.store.legacy import legacy_store

PACT = "Russia and China signed a trade pact in Beijing on Tuesday, officials said."


def _doc(doc_id: str, text: str, published: str, outlet: str | None = None) -> Document:
    return Document(doc_id=doc_id, text=text, title=None, published=published, outlet=outlet)


def _pact(
    doc_id: str,
    text: str,
    published: str,
    outlet: str,
    date: str = "2024-05-07",
    trigger: str = "signed",
):
    document = _doc(doc_id, text, published, outlet)
    agree = event(
        document, trigger, "AGREE", [ent("Russia", "RUSGOV")], [ent("China", "CHN")], date=date
    )
    return document, [agree], []


def _attack(doc_id: str, published: str, outlet: str):
    text = f"Russian forces shelled Kharkiv in Ukraine ({doc_id})."
    document = _doc(doc_id, text, published, outlet)
    shell = event(
        document,
        "shelled",
        "ASSAULT",
        [ent("Russian forces", "RUSMIL")],
        [ent("Ukraine", "UKR", 30)],
        date=published,
    )
    return document, [shell], []


def _ingest(store: EventStore, items) -> None:
    store.add_batch(items, [], store.start_run("test", []))


def _fuse(store: EventStore) -> None:
    Fuser(store, FusionSettings()).run(batch_size=2)


def _summary(store: EventStore) -> list[tuple[str, str, int, int, int]]:
    return [
        (f.fused_id, f.event_type, f.n_mentions, f.n_documents, f.n_independent_sources)
        for f in store.fused_events()
    ]


WIRE = PACT + " The pact covers energy, grain and rail freight for the next ten years."
REWRITE = "Beijing and Moscow put their names to a commercial accord this week in China."


@pytest.fixture
def fused(store: EventStore) -> EventStore:
    _ingest(
        store,
        [
            _pact("wire", WIRE, "2024-05-07", "Reuters"),
            _pact("copy", WIRE + " Reporting by staff.", "2024-05-08", "Reuters UK"),
            _pact("other", WIRE.replace("officials", "ministers"), "2024-05-08", "Daily Star"),
            _pact("rewrite", REWRITE, "2024-05-08", "Global Times", trigger="put"),
            _attack("shell", "2024-05-07", "Kyiv Post"),
        ],
    )
    _fuse(store)
    return store


def test_one_act_from_many_reports_counts_copies_once(fused: EventStore) -> None:
    pact, attack = fused.fused_events(event_type="AGREE"), fused.fused_events(event_type="ASSAULT")
    assert len(pact) == 1 and len(attack) == 1
    record = pact[0]
    assert [m.doc_id for m in record.members] == ["wire", "copy", "other", "rewrite"]
    assert record.n_documents == 4
    # wire + copy are one outlet family (Reuters), "other" is a near-copy of the wire
    # text: one source; the rewrite is a second, independent one.
    assert record.n_independent_sources == 2
    assert {m.outlet for m in record.members} == {
        "Reuters",
        "Reuters UK",
        "Daily Star",
        "Global Times",
    }
    assert fused.fused_id_of(record.members[2].event_id) == record.fused_id
    assert fused.fused_id_of("ev_unknown") is None


def test_fused_event_lookup_and_filters(fused: EventStore) -> None:
    record = fused.fused_events(actor="RUS", recipient="CHN")[0]
    assert fused.fused_event(record.fused_id) == record
    assert fused.fused_event("fu_missing") is None
    assert [f.event_type for f in fused.fused_events()] == ["AGREE", "ASSAULT"]
    assert [f.event_type for f in fused.fused_events(actor="RUSMIL")] == ["ASSAULT"]
    assert fused.fused_events(actor="UKR") == []
    assert [f.event_type for f in fused.fused_events(recipient="ukr")] == ["ASSAULT"]
    assert fused.fused_events(since="2024-05-08") == []
    assert len(fused.fused_events(until="2024-05-07")) == 2
    assert fused.fused_events(factuality="negated") == []
    assert len(fused.fused_events(limit=1)) == 1


def test_stories_group_copies_and_reports_sharing_events(fused: EventStore) -> None:
    stories = fused.stories()
    by_doc = {doc_id: s.story_id for s in stories for doc_id in s.doc_ids}
    assert by_doc["wire"] == by_doc["copy"] == by_doc["other"]
    # One shared event is not enough to join a story without shared text.
    assert by_doc["rewrite"] != by_doc["wire"]
    assert fused.story_of("copy") == by_doc["copy"]
    assert fused.story_of("nope") is None
    wire_story = next(s for s in stories if s.story_id == by_doc["wire"])
    assert wire_story.outlets == ["Reuters", "Reuters UK", "Daily Star"]
    assert wire_story.first_published == "2024-05-07"
    assert wire_story.last_published == "2024-05-08"
    assert wire_story.n_source_families == 1
    assert len(fused.stories(limit=1)) == 1


def test_rerun_is_idempotent_and_rebuild_gives_the_same_ids(fused: EventStore) -> None:
    before = [f.to_dict() for f in fused.fused_events()]
    counts = fused.fusion_counts()
    _fuse(fused)
    assert [f.to_dict() for f in fused.fused_events()] == before
    assert fused.fusion_counts() == counts
    fused.clear_fusion()
    assert fused.fused_events() == [] and fused.stories() == []
    _fuse(fused)
    assert [f.to_dict() for f in fused.fused_events()] == before


def test_new_reports_join_in_place_and_the_id_stays(fused: EventStore) -> None:
    record = fused.fused_events(event_type="AGREE")[0]
    _ingest(
        fused,
        [
            _pact(
                "late",
                "Russia and China inked a pact, TASS said.",
                "2024-05-09",
                "TASS",
                trigger="inked",
            )
        ],
    )
    _fuse(fused)
    again = fused.fused_events(event_type="AGREE")
    assert [f.fused_id for f in again] == [record.fused_id]
    assert again[0].n_documents == 5 and again[0].n_independent_sources == 3


def test_distinct_acts_stay_apart(store: EventStore) -> None:
    _ingest(
        store,
        [
            _pact("may", PACT, "2024-05-07", "A"),
            # Same dyad and type, a month later: another pact.
            _pact("june", "Russia and China signed another pact.", "2024-06-20", "B", "2024-06-20"),
            _attack("kharkiv", "2024-05-07", "C"),
        ],
    )
    _fuse(store)
    assert len(store.fused_events()) == 3


def test_lifecycles_are_stored_and_filtered(store: EventStore) -> None:
    announce = _doc("plan", "Russia and China will sign a pact.", "2024-05-01")
    plan = event(announce, "sign", "AGREE", [ent("Russia", "RUS")], [ent("China", "CHN", 20)])
    plan.factuality = "future"
    _ingest(store, [(announce, [plan], []), _pact("done", PACT, "2024-05-07", "X")])
    _fuse(store)
    [treaty] = store.lifecycles(kind="treaty")
    assert [s.stage for s in treaty.steps] == ["announced", "signed"]
    assert treaty.status == "signed"
    assert store.lifecycle(treaty.lifecycle_id) == treaty
    assert store.lifecycle("lc_missing") is None
    assert store.lifecycles(kind="claim") == []
    assert store.lifecycles(since="2024-05-05") == [treaty]
    assert store.lifecycles(since="2024-06-01") == []
    for fused_id in treaty.fused_ids:
        record = store.fused_event(fused_id)
        assert record is not None and record.lifecycle_id == treaty.lifecycle_id


def test_a_failed_fusion_write_changes_nothing(fused: EventStore) -> None:
    before = [f.to_dict() for f in fused.fused_events()]
    counts = fused.fusion_counts()
    broken = FusedEvent(fused_id="fu_broken", event_type="AGREE", goldstein=object())  # type: ignore[arg-type]
    good = fused.fused_events()[0]
    with pytest.raises(StoreError):
        fused.save_fusion(FusionUpdate(fused=[good, broken], keys=[("k", "fu_broken")]))
    assert [f.to_dict() for f in fused.fused_events()] == before
    assert fused.fusion_counts() == counts
    assert fused.fusion_lookup(["k"]) == []


def _fusion_version() -> int:
    return next(v for v, step in MIGRATIONS.items() if step is _fusion_tables)


def test_store_from_before_fusion_is_migrated_and_keeps_its_data(tmp_path) -> None:
    path = str(tmp_path / "old.duckdb")
    old = _fusion_version() - 1
    items = [_pact("wire", WIRE, "2024-05-07", "Reuters"), _attack("s", "2024-05-07", "K")]
    legacy_store(path, old, [(document, events) for document, events, _ in items], run_open=False)
    events = [e.to_dict() for _doc, found, _ in items for e in found]
    documents = [document for document, _events, _ in items]
    con = duckdb.connect(path)
    assert schema_version(con) == old
    con.close()
    with DuckDBStore(path) as store:
        assert schema_version(store.con) == SCHEMA_VERSION
        assert [e.to_dict() for e in store.query_events()] == events
        assert store.documents() == documents
        assert store.fused_events() == []
        _fuse(store)
        assert len(store.fused_events()) == 2
    with DuckDBStore(path) as store:
        assert len(store.fused_events()) == 2
