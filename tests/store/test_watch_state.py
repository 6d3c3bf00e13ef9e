"""The watch state table, the same in every store, kept across reopening a file."""

from __future__ import annotations

from pathlib import Path

import duckdb

from dotterel.store import SCHEMA_VERSION, DuckDBStore, EventStore
from dotterel.store.schema import migrate


def test_entries_are_kept_per_kind_and_replaced_by_key(store: EventStore) -> None:
    assert store.watch_state("feed") == {}
    store.save_watch_state("feed", {"http://a.example/rss": '{"etag": "1"}'})
    store.save_watch_state("url", {"http://a.example/1": "x", "http://a.example/2": "y"})
    store.save_watch_state("feed", {"http://a.example/rss": '{"etag": "2"}'})
    store.save_watch_state("url", {})
    assert store.watch_state("feed") == {"http://a.example/rss": '{"etag": "2"}'}
    assert store.watch_state("url") == {"http://a.example/1": "x", "http://a.example/2": "y"}
    assert store.watch_state("file") == {}


def test_watch_state_survives_reopening_the_file(tmp_path: Path) -> None:
    path = str(tmp_path / "events.duckdb")
    with DuckDBStore(path) as store:
        store.save_watch_state("url", {"http://a.example/1": "stored"})
    with DuckDBStore(path) as store:
        assert store.watch_state("url") == {"http://a.example/1": "stored"}


def test_a_store_from_before_the_watch_table_gains_it(tmp_path: Path) -> None:
    path = str(tmp_path / "old.duckdb")
    con = duckdb.connect(path)
    migrate(con, target=SCHEMA_VERSION - 1)
    con.close()
    with DuckDBStore(path) as store:
        store.save_watch_state("feed", {"k": "v"})
        assert store.watch_state("feed") == {"k": "v"}
