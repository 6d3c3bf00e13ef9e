"""DuckDB-only behaviour: migrations, rollback of a failed batch, files on disk."""

from __future__ import annotations

import duckdb
import pytest

from dotterel.errors import StoreError
from dotterel.store import SCHEMA_VERSION, DuckDBStore
from dotterel.store.schema import schema_version
from tests.store.conftest import doc, ent, event
from tests.store.legacy import legacy_store

TEXT = "Russia threatened Ukraine with new strikes. Kyiv rejected the threat."


def _v1_database(path: str):
    """A database as Dotterel's schema version 1 left it, with one document and event."""
    document = doc("old", TEXT)
    threat = event(document, "threatened", "THREATEN", [ent("Russia", "RUSGOV")])
    threat.recipient = [ent("Ukraine", "UKR", 18)]
    legacy_store(path, 1, [(document, [threat])], run_open=False)
    return document, threat


def test_version_1_database_is_upgraded_without_losing_data(tmp_path) -> None:
    path = str(tmp_path / "v1.duckdb")
    document, threat = _v1_database(path)
    with DuckDBStore(path) as store:
        assert schema_version(store.con) == SCHEMA_VERSION
        assert store.documents() == [document]
        assert [e.to_dict() for e in store.query_events()] == [threat.to_dict()]
        # Version 2 added the entities table, backfilled from the stored events.
        assert [e.event_id for e in store.query_events(actor="RUS")] == [threat.event_id]
        assert [e.event_id for e in store.query_events(recipient="UKR")] == [threat.event_id]
        assert store.dyad_summary() == [("RUS", "UKR", "THREATEN", 1)]
        assert store.counts()["entities"] == 2
    # Opening again applies nothing and changes nothing.
    with DuckDBStore(path) as store:
        assert store.counts()["entities"] == 2
        assert store.documents() == [document]


def test_newer_schema_is_refused_and_left_untouched(tmp_path) -> None:
    path = str(tmp_path / "future.duckdb")
    with DuckDBStore(path) as store:
        store.add_batch([(doc("a", TEXT), [], [])], [], store.start_run("code", []))
        store.con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="newer"):
        DuckDBStore(path)
    con = duckdb.connect(path)
    assert con.execute("SELECT count(*) FROM documents").fetchone() == (1,)
    con.close()


def test_foreign_table_of_the_same_name_is_not_overwritten(tmp_path) -> None:
    path = str(tmp_path / "other.duckdb")
    con = duckdb.connect(path)
    con.execute("CREATE TABLE documents (mine VARCHAR)")
    con.execute("INSERT INTO documents VALUES ('keep me')")
    con.close()
    with pytest.raises(StoreError, match="migration to schema version 1 failed"):
        DuckDBStore(path)
    con = duckdb.connect(path)
    assert con.execute("SELECT * FROM documents").fetchall() == [("keep me",)]
    con.close()


def test_file_that_is_not_a_database_gives_store_error(tmp_path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(StoreError) as info:
        DuckDBStore(str(path))
    assert info.value.code == "DOT303"
    assert path.read_text().startswith("these are my notes")


def test_failure_mid_batch_rolls_back_every_table(tmp_path, monkeypatch) -> None:
    path = str(tmp_path / "crash.duckdb")
    first = doc("first", TEXT)
    second = doc("second", "China agreed to host talks with India. Delhi welcomed it.")
    items = [
        (first, [event(first, "threatened", "THREATEN", [ent("Russia", "RUS")])], []),
        (second, [event(second, "agreed", "AGREE", [ent("China", "CHN")])], []),
    ]
    with DuckDBStore(path) as store:
        run = store.start_run("code", [])
        real_insert = store._insert

        def crash_on_entities(table, columns, rows):
            if table == "entities":  # documents and events are already written by now
                raise RuntimeError("disk full")
            real_insert(table, columns, rows)

        monkeypatch.setattr(store, "_insert", crash_on_entities)
        with pytest.raises(StoreError, match="disk full"):
            store.add_batch(items, [], run)
        assert store.counts()["documents"] == 0
        assert store.counts()["events"] == 0
        monkeypatch.setattr(store, "_insert", real_insert)
        # Resuming after the crash stores the batch once, and again adds nothing.
        assert store.add_batch(items, [], run) == 2
        assert store.add_batch(items, [], run) == 0
    with DuckDBStore(path) as store:
        assert store.counts()["events"] == 2
        assert [d.doc_id for d in store.documents()] == ["first", "second"]
