"""One suite for every EventStore: the in-memory twin must behave like DuckDB."""

from __future__ import annotations

import pytest

from dotterel.errors import StoreError
from dotterel.records import Failure
from dotterel.store import EventStore, MemoryStore, open_store
from tests.store.conftest import doc, ent, event

MOSCOW = doc("moscow", "Russia signed a trade pact with China. Officials praised it.")
KYIV = doc("kyiv", "Ukraine accused Russia of shelling. Kyiv protested loudly.")
BERLIN = doc("berlin", "Germany sent aid to Ukraine on Monday.", published="2024-06-10")


def _batch():
    rus, chn = ent("Russia", "RUSGOV"), ent("China", "CHN", 31)
    moscow_events = [event(MOSCOW, "signed", "AGREE", [rus], [chn])]
    ukr = ent("Ukraine", "UKR")
    kyiv_events = [
        event(KYIV, "accused", "ACCUSE", [ukr], [ent("Russia", "RUSMIL", 24)]),
        event(KYIV, "protested", "PROTEST", [ent("Kyiv", None, 36, country="UKR")], []),
    ]
    berlin_events = [
        event(
            BERLIN,
            "sent",
            "AID",
            [ent("Germany", "DEU")],
            [ent("Ukraine", "UKR", 21)],
            date="2024-06-10",
            factuality="actual",
        ),
        event(BERLIN, "aid", "AID", [ent("Germany", "DEUGOV")], [], date=None),
    ]
    mentions = [ent("Officials", None, 38), ent("officials", None, 40), ent("Kremlin", None, 1)]
    return [
        (MOSCOW, moscow_events, [rus, chn, *mentions]),
        (KYIV, kyiv_events, [ent("Kyiv", None, 36), ent("OFFICIALS", None, 50)]),
        (BERLIN, berlin_events, []),
    ]


@pytest.fixture
def filled(store: EventStore) -> EventStore:
    run = store.start_run("code", ["news/"])
    failures = [Failure("news/bad.txt", "DOT101", "empty file")]
    assert store.add_batch(_batch(), failures, run) == 3
    store.finish_run(run, documents=3, events=5, failures=1, skipped=0)
    return store


def _types(events):
    return [e.event_type for e in events]


def test_batch_is_stored_and_counted(filled: EventStore) -> None:
    assert filled.counts() == {
        "documents": 3,
        "events": 5,
        "entities": 15,
        "failures": 1,
        "runs": 1,
    }
    assert [d.doc_id for d in filled.documents()] == ["moscow", "kyiv", "berlin"]
    assert filled.documents(limit=1)[0] == MOSCOW
    assert filled.has_document(KYIV.content_hash)
    assert not filled.has_document("0" * 64)
    assert filled.known_hashes() == {MOSCOW.content_hash, KYIV.content_hash, BERLIN.content_hash}


def test_entity_rows_cover_participants_and_mentions(filled: EventStore) -> None:
    # 8 event participants + 5 mentions of the first document + 2 of the second.
    assert filled.counts()["entities"] == 8 + 5 + 2


def test_rerun_adds_nothing(filled: EventStore) -> None:
    before = filled.counts()
    run = filled.start_run("code", ["news/"])
    assert filled.add_batch(_batch(), [], run) == 0
    after = filled.counts()
    assert {k: after[k] for k in ("documents", "events", "entities")} == {
        k: before[k] for k in ("documents", "events", "entities")
    }


def test_duplicate_within_batch_is_stored_once(store: EventStore) -> None:
    run = store.start_run("code", [])
    copy = doc("moscow-copy", "  Russia signed a trade pact with China.\nOfficials praised it. ")
    assert copy.content_hash == MOSCOW.content_hash
    assert store.add_batch([(MOSCOW, [], []), (copy, [], [])], [], run) == 1
    assert [d.doc_id for d in store.documents()] == ["moscow"]


def test_documents_without_events_are_remembered(store: EventStore) -> None:
    run = store.start_run("code", [])
    assert store.add_batch([(BERLIN, [], [])], [], run) == 1
    assert store.query_events() == []
    assert store.has_document(BERLIN.content_hash)


def test_events_round_trip_in_insertion_order(filled: EventStore) -> None:
    expected = [e for _doc, events, _m in _batch() for e in events]
    assert [e.to_dict() for e in filled.query_events()] == [e.to_dict() for e in expected]


def test_actor_filter_matches_country_prefix_or_full_code(filled: EventStore) -> None:
    assert _types(filled.query_events(actor="RUS")) == ["AGREE"]
    assert _types(filled.query_events(actor="rusgov")) == ["AGREE"]
    assert _types(filled.query_events(actor="RUSMIL")) == []
    assert _types(filled.query_events(actor="DEU")) == ["AID", "AID"]
    assert _types(filled.query_events(actor="DEUGOV")) == ["AID"]
    # A participant without a code matches on its country.
    assert _types(filled.query_events(actor="UKR")) == ["ACCUSE", "PROTEST"]


def test_recipient_filter_is_separate_from_actor(filled: EventStore) -> None:
    assert _types(filled.query_events(recipient="RUS")) == ["ACCUSE"]
    assert _types(filled.query_events(recipient="UKR")) == ["AID"]
    assert _types(filled.query_events(actor="UKR", recipient="RUS")) == ["ACCUSE"]


def test_date_type_factuality_doc_and_limit_filters(filled: EventStore) -> None:
    assert _types(filled.query_events(since="2024-06-01")) == ["AID"]
    assert _types(filled.query_events(until="2024-05-01")) == ["AGREE", "ACCUSE", "PROTEST"]
    assert _types(filled.query_events(since="2024-05-01", until="2024-05-01")) == [
        "AGREE",
        "ACCUSE",
        "PROTEST",
    ]
    assert _types(filled.query_events(event_type="aid")) == ["AID", "AID"]
    assert _types(filled.query_events(factuality="negated")) == []
    assert _types(filled.query_events(doc_id="kyiv")) == ["ACCUSE", "PROTEST"]
    assert _types(filled.query_events(limit=2)) == ["AGREE", "ACCUSE"]
    assert filled.query_events(limit=0) == []


def test_failures_and_runs_are_kept_per_run(filled: EventStore) -> None:
    first = filled.runs()[0]
    assert first["command"] == "code" and first["inputs"] == ["news/"]
    assert first["status"] == "finished"
    assert (first["documents"], first["events"], first["failures"]) == (3, 5, 1)
    second = filled.start_run("code", ["more/"])
    bad = Failure("more/x.jsonl", "DOT105", "invalid JSON", line=4)
    filled.add_batch([], [bad], second)
    assert filled.failures(second) == [bad]
    assert filled.failures() == [Failure("news/bad.txt", "DOT101", "empty file"), bad]
    assert [r["status"] for r in filled.runs()] == ["finished", "running"]


def test_finish_unknown_run_is_an_error(store: EventStore) -> None:
    with pytest.raises(StoreError):
        store.finish_run("run-nope", documents=0, events=0, failures=0, skipped=0)


def test_unresolved_actors_grouped_case_insensitively(filled: EventStore) -> None:
    # "Officials", "officials", "OFFICIALS" once each: one group; a tie shows the first
    # form in code-point order.
    assert filled.unresolved_actors() == [("OFFICIALS", 3), ("Kremlin", 1), ("Kyiv", 1)]
    assert filled.unresolved_actors(limit=1) == [("OFFICIALS", 3)]


def test_unresolved_actors_show_most_common_surface_form(store: EventStore) -> None:
    run = store.start_run("code", [])
    d = doc("d", "The rebels and the Rebels met the rebels.")
    mentions = [ent("rebels", None, 4), ent("Rebels", None, 19), ent("rebels", None, 34)]
    store.add_batch([(d, [], mentions)], [], run)
    assert store.unresolved_actors() == [("rebels", 3)]


def test_dyad_summary_counts_country_pairs(filled: EventStore) -> None:
    assert filled.dyad_summary() == [
        ("DEU", "", "AID", 1),
        ("DEU", "UKR", "AID", 1),
        ("RUS", "CHN", "AGREE", 1),
        ("UKR", "", "PROTEST", 1),
        ("UKR", "RUS", "ACCUSE", 1),
    ]
    run = filled.start_run("code", [])
    d = doc("again", "Russia signed another pact with China.")
    again = event(d, "signed", "AGREE", [ent("Russia", "RUS")], [ent("China", "CHNGOV", 31)])
    filled.add_batch([(d, [again], [])], [], run)
    assert filled.dyad_summary(limit=1) == [("RUS", "CHN", "AGREE", 2)]


def test_bad_event_in_batch_stores_nothing(store: EventStore) -> None:
    run = store.start_run("code", [])
    good, bad = _batch()[0], _batch()[1]
    bad[1][0].contexts = [object()]  # type: ignore[list-item]  # not JSON-serialisable
    with pytest.raises(StoreError):
        store.add_batch([good, bad], [Failure("x", "DOT101", "empty")], run)
    assert store.counts() == {
        "documents": 0,
        "events": 0,
        "entities": 0,
        "failures": 0,
        "runs": 1,
    }
    # The same batch, fixed, goes in whole afterwards.
    assert store.add_batch(_batch(), [], run) == 3


def test_closed_store_refuses_work(store: EventStore) -> None:
    store.close()
    store.close()  # idempotent
    with pytest.raises(StoreError):
        store.counts()


def test_open_store_choices(tmp_path) -> None:
    assert isinstance(open_store(None), MemoryStore)
    with open_store(":memory:") as memory_db:
        assert memory_db.counts()["documents"] == 0
    path = str(tmp_path / "x.duckdb")
    with open_store(path) as on_disk:
        on_disk.add_batch([(MOSCOW, [], [])], [], on_disk.start_run("code", []))
    with open_store(path) as reopened:
        assert reopened.documents() == [MOSCOW]
