"""Reliability of both stores: re-runs, reused ids, unclean metadata, typed dates, runs
left by killed processes, read-only opening and the migration to typed columns."""

from __future__ import annotations

import subprocess
import sys

import duckdb
import pytest

from dotterel.errors import BadDateError, StoreError
from dotterel.records import Document, Failure
from dotterel.store import SCHEMA_VERSION, DuckDBStore, EventStore
from dotterel.store.schema import schema_version
from tests.store.conftest import doc, ent, event
from tests.store.legacy import BEFORE_TYPED, legacy_store

TEXT = "Russia threatened Ukraine with new strikes. Kyiv rejected the threat."


def test_a_rerun_records_each_failure_once(store: EventStore) -> None:
    bad = Failure("news/x.jsonl", "DOT105", "invalid JSON", line=4)
    for _ in range(3):
        store.add_batch([], [bad, bad], store.start_run("ingest", ["news"]))
    assert store.failures() == [bad]


def test_a_reused_doc_id_with_another_text_is_a_failure_not_a_second_document(
    store: EventStore,
) -> None:
    run = store.start_run("ingest", [])
    first = doc("story-1", TEXT)
    revised = Document(doc_id="story-1", text=TEXT + " Moscow denied it.", source="b.jsonl:2")
    assert store.add_batch([(first, [], [])], [], run) == 1
    assert store.add_batch([(revised, [], [])], [], run) == 0
    assert [d.text for d in store.documents()] == [TEXT]
    (failure,) = store.failures()
    assert failure.code == "DOT109" and failure.source == "b.jsonl:2"
    assert "story-1" in failure.reason
    # The same id twice within one batch: the first is kept.
    other = Document(doc_id="story-2", text="Kyiv protested.")
    other_revised = Document(doc_id="story-2", text="Kyiv protested loudly.")
    assert store.add_batch([(other, [], []), (other_revised, [], [])], [], run) == 1
    assert store.known_doc_ids()["story-2"] == other.content_hash


def test_nul_and_lone_surrogates_in_metadata_do_not_abort_the_batch(store: EventStore) -> None:
    dirty = Document(
        doc_id="bad\ud800id\x00",
        text=TEXT,
        title="Ti\x00tle",
        outlet="Out\x00let",
        url="http://x/\x00",
    )
    run = store.start_run("ingest", [])
    failure = Failure("dir/\udcff.txt", "DOT103", "reason \ud800")
    assert store.add_batch([(dirty, [], [])], [failure], run) == 1
    (stored,) = store.documents()
    assert (stored.doc_id, stored.title, stored.outlet, stored.url) == (
        "bad\ufffdid",
        "Title",
        "Outlet",
        "http://x/",
    )
    assert store.failures()[0].source == "dir/\ufffd.txt"


def test_since_and_until_are_dates_not_strings(store: EventStore) -> None:
    document = doc("d", TEXT)
    threat = event(document, "threatened", "THREATEN", [ent("Russia", "RUS")], date="2024-05-01")
    store.add_batch([(document, [threat], [])], [], store.start_run("ingest", []))
    with pytest.raises(BadDateError):
        store.query_events(since="0000-00-00")
    with pytest.raises(BadDateError):
        store.query_events(until="yesterday")
    assert len(store.query_events(since="2024-05-01", until="2024-05-01")) == 1
    assert store.query_events(since="2024-05-02") == []
    assert len(store.query_events(limit=10**30)) == 1


def test_read_only_open_of_a_missing_file_creates_nothing(tmp_path) -> None:
    path = tmp_path / "mistyped.duckdb"
    with pytest.raises(StoreError) as info:
        DuckDBStore(str(path), read_only=True)
    assert info.value.code == "DOT301"
    assert not path.exists()


def test_a_missing_folder_or_a_text_file_is_a_coded_error(tmp_path) -> None:
    with pytest.raises(StoreError) as info:
        DuckDBStore(str(tmp_path / "no" / "such" / "dir.duckdb"))
    assert info.value.code == "DOT303"
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n" * 50)
    with pytest.raises(StoreError) as info:
        DuckDBStore(str(notes), read_only=True)
    assert info.value.code == "DOT303"


def test_the_store_holds_no_lock_between_operations(tmp_path) -> None:
    path = str(tmp_path / "shared.duckdb")
    with DuckDBStore(path) as writer:
        run = writer.start_run("ingest", [])
        writer.add_batch([(doc("a", TEXT), [], [])], [], run)
        # Another process (here: a read-only connection) can open the file meanwhile.
        con = duckdb.connect(path, read_only=True)
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (1,)
        con.close()
        with DuckDBStore(path, read_only=True) as reader:
            assert [d.doc_id for d in reader.documents()] == ["a"]


_KILLED_WRITER = """
import os, sys
from dotterel.store import DuckDBStore
store = DuckDBStore(sys.argv[1])
store.start_run("ingest", ["news"])
os._exit(9)  # as kill -9 would: no finish_run, no close
"""


def test_a_run_whose_process_died_is_marked_interrupted(tmp_path) -> None:
    path = str(tmp_path / "killed.duckdb")
    subprocess.run([sys.executable, "-c", _KILLED_WRITER, path], check=False)
    with DuckDBStore(path, read_only=True) as reader:
        assert [r["status"] for r in reader.runs()] == ["running"]  # readers change nothing
    with DuckDBStore(path) as store:
        (run,) = store.runs()
        assert run["status"] == "interrupted" and run["finished"] is not None
        live = store.start_run("ingest", [])
    with DuckDBStore(path) as store:
        # This process is alive: its run stays running.
        assert {r["run_id"]: r["status"] for r in store.runs()}[live] == "running"


def test_a_store_at_the_version_before_typed_columns_is_migrated_exactly(tmp_path) -> None:
    path = str(tmp_path / "old.duckdb")
    document = doc("old", TEXT)
    threat = event(document, "threatened", "THREATEN", [ent("Russia", "RUSGOV")])
    threat.recipient = [ent("Ukraine", "UKR", 18)]
    threat.contexts = ["military"]
    threat.cues = ["said"]
    undated = event(document, "rejected", "REJECT", [ent("Kyiv", "UKR")], date=None)
    legacy_store(path, BEFORE_TYPED, [(document, [threat, undated])], run_open=True)
    with DuckDBStore(path) as store:
        assert schema_version(store.con) == SCHEMA_VERSION
        types = dict(
            store.con.execute(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_name = 'events'"
            ).fetchall()
        )
        assert types["event_date"] == "DATE"
        assert types["contexts"] == "VARCHAR[]"
        assert types["trigger"].startswith("STRUCT")
        assert types["actor"].startswith("STRUCT") and types["actor"].endswith("[]")
        store.release()
        assert store.documents() == [document]
        assert [e.to_dict() for e in store.query_events()] == [
            threat.to_dict(),
            undated.to_dict(),
        ]
        assert len(store.query_events(since="2024-05-01")) == 1
        (run,) = store.runs()
        assert run["status"] == "interrupted" and run["inputs"] == ["news"]
        assert store.failures() == [Failure("bad.txt", "DOT101", "empty file")]


def test_a_value_that_would_not_convert_stops_the_migration(tmp_path) -> None:
    path = str(tmp_path / "odd.duckdb")
    document = doc("odd", TEXT, published=None)
    legacy_store(path, BEFORE_TYPED, [(document, [])], run_open=False)
    con = duckdb.connect(path)
    con.execute("UPDATE documents SET published = 'sometime'")
    con.close()
    with pytest.raises(StoreError, match="not DATE"):
        DuckDBStore(path)
    con = duckdb.connect(path)
    assert con.execute("SELECT published FROM documents").fetchall() == [("sometime",)]
    con.close()
