"""The DuckDB :class:`EventStore`: one file holds documents, events, mentions and runs."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import duckdb

from dotterel.errors import StoreError
from dotterel.records import Document, Event, Failure
from dotterel.store.base import (
    MENTION_ROLE,
    BatchItem,
    EventStore,
    event_participants,
    group_unresolved,
    new_documents,
    new_run_id,
    now,
    to_json,
)
from dotterel.store.schema import ENTITY_COLUMNS, entity_row, insert_rows, migrate

DOCUMENT_COLUMNS = (
    ("seq", "BIGINT"),
    ("content_hash", "VARCHAR"),
    ("doc_id", "VARCHAR"),
    ("title", "VARCHAR"),
    ("text", "VARCHAR"),
    ("published", "VARCHAR"),
    ("outlet", "VARCHAR"),
    ("url", "VARCHAR"),
    ("language", "VARCHAR"),
    ("source", "VARCHAR"),
    ("run_id", "VARCHAR"),
    ("added", "VARCHAR"),
)
# Event fields in to_dict() order after the bookkeeping columns; ``json`` marks the
# nested values kept as JSON text.
EVENT_FIELDS: tuple[tuple[str, str, bool], ...] = (
    ("event_id", "VARCHAR", False),
    ("doc_id", "VARCHAR", False),
    ("sentence_index", "BIGINT", False),
    ("evidence", "VARCHAR", True),
    ("trigger", "VARCHAR", True),
    ("event_type", "VARCHAR", False),
    ("mode", "VARCHAR", False),
    ("contexts", "VARCHAR", True),
    ("cameo", "VARCHAR", False),
    ("goldstein", "DOUBLE", False),
    ("plover_score", "DOUBLE", False),
    ("quad_class", "BIGINT", False),
    ("actor", "VARCHAR", True),
    ("recipient", "VARCHAR", True),
    ("factuality", "VARCHAR", False),
    ("claimed_by", "VARCHAR", True),
    ("denied_by", "VARCHAR", True),
    ("event_date", "VARCHAR", False),
    ("date_precision", "VARCHAR", False),
    ("date_source", "VARCHAR", False),
    ("location", "VARCHAR", True),
    ("confidence", "DOUBLE", False),
    ("rules", "VARCHAR", True),
    ("cues", "VARCHAR", True),
    ("mentions", "VARCHAR", True),
)
EVENT_COLUMNS = (("seq", "BIGINT"), ("content_hash", "VARCHAR"), ("run_id", "VARCHAR")) + tuple(
    (name, sqltype) for name, sqltype, _json in EVENT_FIELDS
)
FAILURE_COLUMNS = (
    ("seq", "BIGINT"),
    ("run_id", "VARCHAR"),
    ("source", "VARCHAR"),
    ("line", "BIGINT"),
    ("code", "VARCHAR"),
    ("reason", "VARCHAR"),
    ("recorded", "VARCHAR"),
)
_EVENT_SELECT = ", ".join(f'e."{name}"' for name, _t, _j in EVENT_FIELDS)
_PARTICIPANT_MATCH = (
    "EXISTS (SELECT 1 FROM entities n WHERE n.event_seq = e.seq AND n.role = ? "
    "AND (starts_with(n.code, ?) OR ((n.code IS NULL OR n.code = '') "
    "AND starts_with(n.country, ?))))"
)
_COUNTRY = "COALESCE(NULLIF(country, ''), NULLIF(substr(code, 1, 3), ''))"


def event_row(event: Event, seq: int, content_hash: str, run_id: str) -> tuple[Any, ...]:
    """An ``events`` row (``EVENT_COLUMNS`` order) for ``event``."""
    data = event.to_dict()
    values = [to_json(data[name]) if nested else data[name] for name, _t, nested in EVENT_FIELDS]
    return (seq, content_hash, run_id, *values)


def row_event(row: Sequence[Any]) -> Event:
    """The :class:`Event` of a row selected with ``EVENT_FIELDS`` columns."""
    data = {
        name: (json.loads(value) if nested and value is not None else value)
        for (name, _t, nested), value in zip(EVENT_FIELDS, row, strict=True)
    }
    return Event.from_dict(data)


class DuckDBStore(EventStore):
    """Event store in a DuckDB database file (``":memory:"`` for a temporary one).

    Opening creates or upgrades the schema (see :mod:`dotterel.store.schema`). DuckDB lets
    one process write a file at a time; a file locked by another process, a file that is
    not a DuckDB database or a newer schema raise :class:`~dotterel.errors.StoreError`.
    """

    def __init__(self, path: str = ":memory:") -> None:
        self.path = path
        try:
            self._con: duckdb.DuckDBPyConnection | None = duckdb.connect(path)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open the event store: {exc}", source=path) from exc
        try:
            migrate(self._con)
        except Exception:
            self._con.close()
            self._con = None
            raise

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            raise StoreError("the store is closed", source=self.path)
        return self._con

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.con.execute(sql, list(params)).fetchone()
        return row[0] if row else None

    def _next_seq(self, table: str) -> int:
        return int(self._one(f"SELECT COALESCE(max(seq), 0) FROM {table}")) + 1

    # -- runs ----------------------------------------------------------------------------

    def start_run(self, command: str, inputs: list[str]) -> str:
        run_id = new_run_id()
        self.con.execute(
            "INSERT INTO runs VALUES (?, ?, ?, ?, ?, NULL, 0, 0, 0, 0)",
            [self._next_seq("runs"), run_id, command, to_json(list(inputs)), now()],
        )
        return run_id

    def finish_run(
        self, run_id: str, *, documents: int, events: int, failures: int, skipped: int
    ) -> None:
        if not self._one("SELECT count(*) FROM runs WHERE run_id = ?", [run_id]):
            raise StoreError(f"unknown run {run_id!r}", source=self.path)
        self.con.execute(
            "UPDATE runs SET finished = ?, documents = ?, events = ?, failures = ?, "
            "skipped = ? WHERE run_id = ?",
            [now(), documents, events, failures, skipped, run_id],
        )

    def runs(self) -> list[dict[str, Any]]:
        rows = self.con.execute(
            "SELECT run_id, command, inputs, started, finished, documents, events, failures, "
            "skipped FROM runs ORDER BY seq"
        ).fetchall()
        keys: tuple[str, ...] = (
            "run_id",
            "command",
            "inputs",
            "started",
            "finished",
            "documents",
            "events",
            "failures",
            "skipped",
        )
        result = []
        for row in rows:
            run = dict(zip(keys, row, strict=True))
            run["inputs"] = json.loads(run["inputs"] or "[]")
            run["status"] = "finished" if run["finished"] else "incomplete"
            result.append(run)
        return result

    # -- writing -------------------------------------------------------------------------

    def has_document(self, content_hash: str) -> bool:
        return bool(
            self._one("SELECT count(*) FROM documents WHERE content_hash = ?", [content_hash])
        )

    def known_hashes(self) -> set[str]:
        return {row[0] for row in self.con.execute("SELECT content_hash FROM documents").fetchall()}

    def _stored_among(self, hashes: list[str]) -> set[str]:
        if not hashes:
            return set()
        rows = self.con.execute(
            "SELECT content_hash FROM documents WHERE content_hash IN "
            "(SELECT unnest($1::VARCHAR[]))",
            [hashes],
        ).fetchall()
        return {row[0] for row in rows}

    def _insert(self, table: str, columns: Sequence[tuple[str, str]], rows: list[Any]) -> None:
        insert_rows(self.con, table, columns, rows)

    def add_batch(
        self, items: Sequence[BatchItem], failures: Sequence[Failure], run_id: str
    ) -> int:
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            known = self._stored_among([item[0].content_hash for item in items])
            fresh = new_documents(items, known)
            doc_seq = self._next_seq("documents")
            event_seq = self._next_seq("events")
            entity_seq = self._next_seq("entities")
            added = now()
            documents, events, entities = [], [], []
            for document, doc_events, mentions in fresh:
                digest = document.content_hash
                d = document.to_dict()
                documents.append(
                    (doc_seq, digest, d["doc_id"], d["title"], d["text"], d["published"])
                    + (d["outlet"], d["url"], d["language"], d["source"], run_id, added)
                )
                doc_seq += 1
                for event in doc_events:
                    events.append(event_row(event, event_seq, digest, run_id))
                    for role, entity in event_participants(event):
                        entities.append(
                            entity_row(
                                entity_seq,
                                event_seq,
                                event.event_id,
                                event.doc_id,
                                digest,
                                role,
                                entity.to_dict(),
                            )
                        )
                        entity_seq += 1
                    event_seq += 1
                for entity in mentions:
                    entities.append(
                        entity_row(
                            entity_seq,
                            None,
                            None,
                            document.doc_id,
                            digest,
                            MENTION_ROLE,
                            entity.to_dict(),
                        )
                    )
                    entity_seq += 1
            failure_seq = self._next_seq("failures")
            failure_rows = [
                (failure_seq + i, run_id, f.source, f.line, f.code, f.reason, added)
                for i, f in enumerate(failures)
            ]
            self._insert("documents", DOCUMENT_COLUMNS, documents)
            self._insert("events", EVENT_COLUMNS, events)
            self._insert("entities", ENTITY_COLUMNS, entities)
            self._insert("failures", FAILURE_COLUMNS, failure_rows)
            con.execute("COMMIT")
        except Exception as exc:
            con.execute("ROLLBACK")
            raise StoreError(
                f"batch of {len(items)} documents not stored: {exc}", source=self.path
            ) from exc
        return len(documents)

    # -- reading -------------------------------------------------------------------------

    def query_events(
        self,
        *,
        actor: str | None = None,
        recipient: str | None = None,
        event_type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        factuality: str | None = None,
        doc_id: str | None = None,
        limit: int | None = None,
    ) -> list[Event]:
        where: list[str] = []
        params: list[Any] = []
        for role, prefix in (("actor", actor), ("recipient", recipient)):
            if prefix:
                where.append(_PARTICIPANT_MATCH)
                params += [role, prefix.upper(), prefix.upper()]
        if event_type:
            where.append("e.event_type = ?")
            params.append(event_type.upper())
        if factuality:
            where.append("e.factuality = ?")
            params.append(factuality)
        if doc_id is not None:
            where.append("e.doc_id = ?")
            params.append(doc_id)
        if since:
            where.append("e.event_date >= ?")
            params.append(since)
        if until:
            where.append("e.event_date <= ?")
            params.append(until)
        sql = f"SELECT {_EVENT_SELECT} FROM events e"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY e.seq"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(max(limit, 0))
        return [row_event(row) for row in self.con.execute(sql, params).fetchall()]

    def documents(self, limit: int | None = None) -> list[Document]:
        sql = (
            "SELECT doc_id, title, text, published, outlet, url, language, content_hash, "
            "source FROM documents ORDER BY seq"
        )
        params: list[Any] = []
        if limit is not None:
            sql += " LIMIT ?"
            params.append(max(limit, 0))
        keys: tuple[str, ...] = (
            "doc_id",
            "title",
            "text",
            "published",
            "outlet",
            "url",
            "language",
            "content_hash",
            "source",
        )
        return [
            Document.from_dict(dict(zip(keys, row, strict=True)))
            for row in self.con.execute(sql, params).fetchall()
        ]

    def failures(self, run_id: str | None = None) -> list[Failure]:
        sql = "SELECT source, code, reason, line FROM failures"
        params: list[Any] = []
        if run_id is not None:
            sql += " WHERE run_id = ?"
            params.append(run_id)
        rows = self.con.execute(sql + " ORDER BY seq", params).fetchall()
        return [Failure(source=s, code=c, reason=r, line=n) for s, c, r, n in rows]

    def counts(self) -> dict[str, int]:
        tables = ("documents", "events", "entities", "failures", "runs")
        return {table: int(self._one(f"SELECT count(*) FROM {table}")) for table in tables}

    def unresolved_actors(self, limit: int = 50) -> list[tuple[str, int]]:
        rows = self.con.execute(
            "SELECT text, count(*) FROM entities WHERE role = ? AND code IS NULL GROUP BY text",
            [MENTION_ROLE],
        ).fetchall()
        return group_unresolved(((text, int(n)) for text, n in rows), limit)

    def dyad_summary(self, limit: int = 20) -> list[tuple[str, str, str, int]]:
        sql = f"""
            WITH parts AS (
                SELECT DISTINCT event_seq, role, {_COUNTRY} AS country
                FROM entities WHERE role IN ('actor', 'recipient')
            ),
            actors AS (
                SELECT event_seq, country FROM parts
                WHERE role = 'actor' AND country IS NOT NULL
            ),
            recipients AS (
                SELECT event_seq, country FROM parts
                WHERE role = 'recipient' AND country IS NOT NULL
            )
            SELECT a.country, COALESCE(r.country, ''), e.event_type, count(*) AS n
            FROM events e
            JOIN actors a ON a.event_seq = e.seq
            LEFT JOIN recipients r ON r.event_seq = e.seq
            GROUP BY 1, 2, 3
            ORDER BY n DESC, 1, 2, 3
            LIMIT ?
        """
        rows = self.con.execute(sql, [max(limit, 0)]).fetchall()
        return [(a, r, t, int(n)) for a, r, t, n in rows]

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    # -- watch state (dotterel watch) ----------------------------------------------------

    def watch_state(self, kind: str) -> dict[str, str]:
        rows = self.con.execute(
            "SELECT key, value FROM watch_state WHERE kind = ?", [kind]
        ).fetchall()
        return {key: value for key, value in rows}

    def save_watch_state(self, kind: str, entries: Mapping[str, str]) -> None:
        if not entries:
            return
        keys = list(entries)
        values = [str(entries[key]) for key in keys]
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(
                "INSERT OR REPLACE INTO watch_state (kind, key, value, updated) "
                "SELECT $1, unnest($2::VARCHAR[]), unnest($3::VARCHAR[]), $4",
                [kind, keys, values, now()],
            )
            con.execute("COMMIT")
        except Exception as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"watch state not saved: {exc}", source=self.path) from exc
