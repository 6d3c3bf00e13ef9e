"""The DuckDB :class:`EventStore`: one file holds documents, events, mentions and runs."""

from __future__ import annotations

import json
import os
import socket
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb

from dotterel.errors import NotAStoreError, StoreError, StoreLockedError, StoreMissingError
from dotterel.records import (
    Document,
    DocumentFingerprint,
    Entity,
    Event,
    Failure,
    FusedEvent,
    Lifecycle,
    OutsideEvent,
    Story,
)
from dotterel.store.base import (
    DEFAULT_CHUNK_SIZE,
    MENTION_ROLE,
    MISSING_DATE,
    MISSING_SCORE,
    BatchItem,
    EventStore,
    FusionBatch,
    FusionUpdate,
    check_date_bounds,
    clamp_limit,
    clean_document,
    clean_failure,
    doc_id_clashes,
    event_participants,
    group_unresolved,
    lifecycle_touches,
    new_documents,
    new_run_id,
    now,
    to_json,
    unseen_failures,
)
from dotterel.store.schema import (
    ENTITY_COLUMNS,
    ENTITY_TYPE,
    LOCATION_TYPE,
    OUTSIDE_EVENT_COLUMNS,
    SCHEMA_VERSION,
    SPAN_TYPE,
    entity_row,
    insert_rows,
    migrate,
    schema_version,
)

DOCUMENT_COLUMNS = (
    ("seq", "BIGINT"),
    ("content_hash", "VARCHAR"),
    ("doc_id", "VARCHAR"),
    ("title", "VARCHAR"),
    ("text", "VARCHAR"),
    ("published", "DATE"),
    ("outlet", "VARCHAR"),
    ("url", "VARCHAR"),
    ("language", "VARCHAR"),
    ("source", "VARCHAR"),
    ("run_id", "VARCHAR"),
    ("added", "TIMESTAMPTZ"),
)
# Event fields in to_dict() order after the bookkeeping columns, with their DuckDB types.
EVENT_FIELDS: tuple[tuple[str, str], ...] = (
    ("event_id", "VARCHAR"),
    ("doc_id", "VARCHAR"),
    ("sentence_index", "BIGINT"),
    ("evidence", SPAN_TYPE),
    ("trigger", SPAN_TYPE),
    ("event_type", "VARCHAR"),
    ("mode", "VARCHAR"),
    ("contexts", "VARCHAR[]"),
    ("cameo", "VARCHAR"),
    ("goldstein", "DOUBLE"),
    ("plover_score", "DOUBLE"),
    ("quad_class", "BIGINT"),
    ("actor", ENTITY_TYPE + "[]"),
    ("recipient", ENTITY_TYPE + "[]"),
    ("factuality", "VARCHAR"),
    ("claimed_by", ENTITY_TYPE + "[]"),
    ("denied_by", ENTITY_TYPE + "[]"),
    ("event_date", "DATE"),
    ("date_precision", "VARCHAR"),
    ("date_source", "VARCHAR"),
    ("location", LOCATION_TYPE),
    ("confidence", "DOUBLE"),
    ("rules", "VARCHAR[]"),
    ("cues", "VARCHAR[]"),
    ("mentions", SPAN_TYPE + "[]"),
)
EVENT_COLUMNS = (("seq", "BIGINT"), ("content_hash", "VARCHAR"), ("run_id", "VARCHAR")) + tuple(
    EVENT_FIELDS
)
FAILURE_COLUMNS = (
    ("seq", "BIGINT"),
    ("run_id", "VARCHAR"),
    ("source", "VARCHAR"),
    ("line", "BIGINT"),
    ("code", "VARCHAR"),
    ("reason", "VARCHAR"),
    ("recorded", "TIMESTAMPTZ"),
)
_EVENT_SELECT = ", ".join(f'e."{name}"' for name, _t in EVENT_FIELDS)
_PARTICIPANT_MATCH = (
    "EXISTS (SELECT 1 FROM entities n WHERE n.event_seq = e.seq AND n.role = ? "
    "AND (starts_with(n.code, ?) OR ((n.code IS NULL OR n.code = '') "
    "AND starts_with(n.country, ?))))"
)
_COUNTRY = "COALESCE(NULLIF(country, ''), NULLIF(substr(code, 1, 3), ''))"
_PARTY_MATCH = (
    "EXISTS (SELECT 1 FROM entities n WHERE n.event_seq = e.seq "
    "AND n.role IN ('actor', 'recipient') "
    "AND (starts_with(n.code, ?) OR ((n.code IS NULL OR n.code = '') "
    "AND starts_with(n.country, ?))))"
)
# Sort keys of event_page, matching dotterel.store.base.sort_key (dates as ISO text, so
# that a cursor holds the same value in both stores).
_SORT_SQL = {
    "seq": "e.seq",
    "event_date": f"COALESCE(strftime(e.event_date, '%Y-%m-%d'), '{MISSING_DATE}')",
    "goldstein": f"COALESCE(e.goldstein, {MISSING_SCORE})",
    "confidence": f"COALESCE(e.confidence, {MISSING_SCORE})",
}
_DATE_FIELDS = frozenset({"event_date"})


def _iso(value: Any) -> Any:
    """A DATE/TIMESTAMP value read back as the ISO text the records hold."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat(timespec="seconds")
    if isinstance(value, date):
        return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"
    return value


def event_row(event: Event, seq: int, content_hash: str, run_id: str) -> tuple[Any, ...]:
    """An ``events`` row (``EVENT_COLUMNS`` order) for ``event``."""
    data = event.to_dict()
    return (seq, content_hash, run_id, *(data[name] for name, _t in EVENT_FIELDS))


def row_event(row: Sequence[Any]) -> Event:
    """The :class:`Event` of a row selected with ``EVENT_FIELDS`` columns."""
    data = {
        name: (_iso(value) if name in _DATE_FIELDS else value)
        for (name, _t), value in zip(EVENT_FIELDS, row, strict=True)
    }
    return Event.from_dict(data)


def _lock_conflict(exc: duckdb.Error) -> bool:
    return "lock" in str(exc).lower()


class DuckDBStore(EventStore):
    """Event store in a DuckDB database file (``":memory:"`` for a temporary one).

    Opening creates or upgrades the schema (see :mod:`dotterel.store.schema`). DuckDB lets
    one process write a file at a time and locks readers out while it does, so a store on
    a file holds no connection between operations: each batch, query or run update opens
    the file, does its work in one transaction and closes it again. Readers therefore
    work while an ingest runs, and two ingests take turns batch by batch. An operation
    that finds the file locked retries for ``lock_timeout`` seconds, then raises
    :class:`~dotterel.errors.StoreLockedError`.

    ``read_only`` stores never create or change the file: a missing file raises
    :class:`~dotterel.errors.StoreMissingError`. A path that is not a DuckDB database or
    a newer schema raise :class:`~dotterel.errors.StoreError` subclasses.
    """

    def __init__(
        self, path: str = ":memory:", *, read_only: bool = False, lock_timeout: float = 30.0
    ) -> None:
        self.path = path
        self.read_only = read_only
        self.lock_timeout = lock_timeout
        self._con: duckdb.DuckDBPyConnection | None = None
        self._batch_con: duckdb.DuckDBPyConnection | None = None
        self._closed = False
        if path == ":memory:":
            self._con = self._connect()
            migrate(self._con)
            return
        if read_only and not Path(path).is_file():
            raise StoreMissingError(
                "no event store here (read-only commands never create one); "
                "check --db or run `dotterel ingest` first",
                source=path,
            )
        if not read_only and not Path(path).parent.is_dir():
            raise NotAStoreError("the folder of the database does not exist", source=path)
        self._prepare()

    # -- connections ---------------------------------------------------------------------

    def _connect(self, read_only: bool | None = None) -> duckdb.DuckDBPyConnection:
        read_only = self.read_only if read_only is None else read_only
        deadline = time.monotonic() + self.lock_timeout
        pause = 0.01
        while True:
            try:
                con = duckdb.connect(self.path, read_only=read_only and self.path != ":memory:")
                con.execute("SET TimeZone = 'UTC'")
                return con
            except duckdb.Error as exc:
                if not _lock_conflict(exc):
                    raise NotAStoreError(
                        f"not a DuckDB event store: {_first_line(exc)}", source=self.path
                    ) from None
                if time.monotonic() >= deadline:
                    raise StoreLockedError(
                        f"the database is locked by another process ({_first_line(exc)}); "
                        "wait for it to finish or raise lock_timeout",
                        source=self.path,
                    ) from None
            time.sleep(pause)
            pause = min(pause * 2, 0.25)

    @contextmanager
    def connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection for one operation: the held one, or the file opened until done."""
        if self._closed:
            raise StoreError("the store is closed", source=self.path)
        if self._con is not None:
            yield self._con
            return
        con = self._connect()
        try:
            yield con
        finally:
            con.close()

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """A connection held until :meth:`release` or :meth:`close` (locks the file)."""
        if self._closed:
            raise StoreError("the store is closed", source=self.path)
        if self._con is None:
            self._con = self._connect()
        return self._con

    def release(self) -> None:
        """Close a held file connection so that other processes can use the database."""
        if self._con is not None and self.path != ":memory:":
            self._con.close()
            self._con = None

    def _prepare(self) -> None:
        if self.read_only:
            with self.connection() as con:
                current = schema_version(con)
            if current == SCHEMA_VERSION:
                return
            if current > SCHEMA_VERSION:
                with self.connection() as con:
                    migrate(con)  # raises the "newer schema" error
        con = self._connect(read_only=False)
        try:
            if self.read_only and schema_version(con) == 0 and _has_tables(con):
                raise NotAStoreError("the database holds no Dotterel event store", source=self.path)
            migrate(con)
            if not self.read_only:
                self._close_dead_runs(con)
        finally:
            con.close()

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        with self.connection() as con:
            row = con.execute(sql, list(params)).fetchone()
        return row[0] if row else None

    @staticmethod
    def _next_seq(con: duckdb.DuckDBPyConnection, table: str) -> int:
        row = con.execute(f"SELECT COALESCE(max(seq), 0) FROM {table}").fetchone()
        return int(row[0] if row else 0) + 1

    # -- runs ----------------------------------------------------------------------------

    def start_run(self, command: str, inputs: list[str]) -> str:
        run_id = new_run_id()
        host, pid, pid_started = _process_identity()
        with self.connection() as con:
            con.execute(
                "INSERT INTO runs (seq, run_id, command, inputs, started, finished, documents, "
                "events, failures, skipped, status, host, pid, pid_started) "
                "VALUES (?, ?, ?, ?, ?, NULL, 0, 0, 0, 0, 'running', ?, ?, ?)",
                [
                    self._next_seq(con, "runs"),
                    run_id,
                    command,
                    list(inputs),
                    now(),
                    host,
                    pid,
                    pid_started,
                ],
            )
        return run_id

    def finish_run(
        self, run_id: str, *, documents: int, events: int, failures: int, skipped: int
    ) -> None:
        with self.connection() as con:
            row = con.execute("SELECT count(*) FROM runs WHERE run_id = ?", [run_id]).fetchone()
            if not row or not row[0]:
                raise StoreError(f"unknown run {run_id!r}", source=self.path)
            con.execute(
                "UPDATE runs SET finished = ?, documents = ?, events = ?, failures = ?, "
                "skipped = ?, status = 'finished' WHERE run_id = ?",
                [now(), documents, events, failures, skipped, run_id],
            )

    @staticmethod
    def _close_dead_runs(con: duckdb.DuckDBPyConnection) -> None:
        """Mark runs whose writing process is gone as interrupted, with what they stored."""
        running = con.execute(
            "SELECT run_id, host, pid, pid_started FROM runs WHERE status = 'running'"
        ).fetchall()
        dead = [run_id for run_id, *owner in running if not _process_alive(*owner)]
        for run_id in dead:
            con.execute(
                """UPDATE runs SET status = 'interrupted', finished = ?,
                    documents = (SELECT count(*) FROM documents d WHERE d.run_id = ?),
                    events = (SELECT count(*) FROM events e WHERE e.run_id = ?),
                    failures = (SELECT count(*) FROM failures f WHERE f.run_id = ?)
                WHERE run_id = ?""",
                [now(), run_id, run_id, run_id, run_id],
            )

    def runs(self) -> list[dict[str, Any]]:
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
            "status",
        )
        with self.connection() as con:
            rows = con.execute(f"SELECT {', '.join(keys)} FROM runs ORDER BY seq").fetchall()
        result = []
        for row in rows:
            run = {key: _iso(value) for key, value in zip(keys, row, strict=True)}
            run["inputs"] = list(run["inputs"] or [])
            result.append(run)
        return result

    # -- writing -------------------------------------------------------------------------

    def has_document(self, content_hash: str) -> bool:
        return bool(
            self._one("SELECT count(*) FROM documents WHERE content_hash = ?", [content_hash])
        )

    def known_hashes(self) -> set[str]:
        with self.connection() as con:
            return {row[0] for row in con.execute("SELECT content_hash FROM documents").fetchall()}

    def known_doc_ids(self) -> dict[str, str]:
        with self.connection() as con:
            rows = con.execute("SELECT doc_id, content_hash FROM documents").fetchall()
        return {doc_id: digest for doc_id, digest in rows}

    @staticmethod
    def _stored_among(con: duckdb.DuckDBPyConnection, hashes: list[str]) -> set[str]:
        if not hashes:
            return set()
        rows = con.execute(
            "SELECT content_hash FROM documents WHERE content_hash IN "
            "(SELECT unnest($1::VARCHAR[]))",
            [hashes],
        ).fetchall()
        return {row[0] for row in rows}

    @staticmethod
    def _ids_among(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> dict[str, str]:
        if not doc_ids:
            return {}
        rows = con.execute(
            "SELECT doc_id, content_hash FROM documents WHERE doc_id IN "
            "(SELECT unnest($1::VARCHAR[]))",
            [doc_ids],
        ).fetchall()
        return {doc_id: digest for doc_id, digest in rows}

    @staticmethod
    def _failures_among(
        con: duckdb.DuckDBPyConnection, failures: Sequence[Failure]
    ) -> set[tuple[str, int | None, str, str]]:
        sources = sorted({f.source for f in failures})
        if not sources:
            return set()
        rows = con.execute(
            "SELECT source, line, code, reason FROM failures WHERE source IN "
            "(SELECT unnest($1::VARCHAR[]))",
            [sources],
        ).fetchall()
        return {(s, n, c, r) for s, n, c, r in rows}

    def add_batch(
        self, items: Sequence[BatchItem], failures: Sequence[Failure], run_id: str
    ) -> int:
        with self.connection() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                added = self._add_batch(con, items, failures, run_id)
                con.execute("COMMIT")
            except Exception as exc:
                con.execute("ROLLBACK")
                raise StoreError(
                    f"batch of {len(items)} documents not stored: {exc}", source=self.path
                ) from exc
        return added

    def _add_batch(
        self,
        con: duckdb.DuckDBPyConnection,
        items: Sequence[BatchItem],
        failures: Sequence[Failure],
        run_id: str,
    ) -> int:
        items = [(clean_document(d), e, m) for d, e, m in items]
        known = self._stored_among(con, [item[0].content_hash for item in items])
        fresh = new_documents(items, known)
        stored_ids = self._ids_among(con, [item[0].doc_id for item in fresh])
        fresh, clashes = doc_id_clashes(fresh, stored_ids)
        failures = [clean_failure(f) for f in (*failures, *clashes)]
        failures = unseen_failures(failures, self._failures_among(con, failures))
        doc_seq = self._next_seq(con, "documents")
        event_seq = self._next_seq(con, "events")
        entity_seq = self._next_seq(con, "entities")
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
        failure_seq = self._next_seq(con, "failures")
        failure_rows = [
            (failure_seq + i, run_id, f.source, f.line, f.code, f.reason, added)
            for i, f in enumerate(failures)
        ]
        self._batch_con = con
        try:
            self._insert("documents", DOCUMENT_COLUMNS, documents)
            self._insert("events", EVENT_COLUMNS, events)
            self._insert("entities", ENTITY_COLUMNS, entities)
            self._insert("failures", FAILURE_COLUMNS, failure_rows)
        finally:
            self._batch_con = None
        return len(documents)

    def _insert(self, table: str, columns: Sequence[tuple[str, str]], rows: list[Any]) -> None:
        if self._batch_con is None:
            raise StoreError("rows are inserted only inside add_batch", source=self.path)
        insert_rows(self._batch_con, table, columns, rows)

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
        since_day, until_day = check_date_bounds(since, until)
        where, params = self._filters(
            {
                "actor": actor,
                "recipient": recipient,
                "event_type": event_type,
                "factuality": factuality,
                "doc_id": doc_id,
                "since": since_day,
                "until": until_day,
            }
        )
        sql = f"SELECT {_EVENT_SELECT} FROM events e"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY e.seq"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(clamp_limit(limit))
        with self.connection() as con:
            rows = con.execute(sql, params).fetchall()
        return [row_event(row) for row in rows]

    def documents(self, limit: int | None = None) -> list[Document]:
        sql = (
            "SELECT doc_id, title, text, published, outlet, url, language, content_hash, "
            "source FROM documents ORDER BY seq"
        )
        params: list[Any] = []
        if limit is not None:
            sql += " LIMIT ?"
            params.append(clamp_limit(limit))
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
        with self.connection() as con:
            rows = con.execute(sql, params).fetchall()
        return [
            Document.from_dict({key: _iso(value) for key, value in zip(keys, row, strict=True)})
            for row in rows
        ]

    def failures(self, run_id: str | None = None) -> list[Failure]:
        sql = "SELECT source, code, reason, line FROM failures"
        params: list[Any] = []
        if run_id is not None:
            sql += " WHERE run_id = ?"
            params.append(run_id)
        with self.connection() as con:
            rows = con.execute(sql + " ORDER BY seq", params).fetchall()
        return [Failure(source=s, code=c, reason=r, line=n) for s, c, r, n in rows]

    def counts(self) -> dict[str, int]:
        tables = ("documents", "events", "entities", "failures", "runs")
        with self.connection() as con:
            found = {}
            for table in tables:
                row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
                found[table] = int(row[0] if row else 0)
        return found

    def unresolved_actors(self, limit: int = 50) -> list[tuple[str, int]]:
        with self.connection() as con:
            rows = con.execute(
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
        with self.connection() as con:
            rows = con.execute(sql, [clamp_limit(limit)]).fetchall()
        return [(a, r, t, int(n)) for a, r, t, n in rows]

    # -- paged reading for the HTTP API (issue 14) -----------------------------------------

    @staticmethod
    def _filters(filters: dict[str, Any]) -> tuple[list[str], list[Any]]:
        """WHERE clauses and parameters of the event filters every event read shares."""
        where: list[str] = []
        params: list[Any] = []
        for role in ("actor", "recipient"):
            prefix = filters.get(role)
            if prefix:
                where.append(_PARTICIPANT_MATCH)
                params += [role, prefix.upper(), prefix.upper()]
        for prefix in filters.get("parties") or ():
            where.append(_PARTY_MATCH)
            params += [prefix.upper(), prefix.upper()]
        for name in ("event_type", "factuality", "doc_id"):
            value = filters.get(name)
            if value is not None and value != "":
                where.append(f"e.{name} = ?")
                params.append(value.upper() if name == "event_type" else value)
        for name, op in (("since", ">="), ("until", "<=")):
            if filters.get(name):
                where.append(f"e.event_date {op} ?::DATE")
                params.append(filters[name])
        return where, params

    def event_page(
        self,
        *,
        sort: str = "seq",
        descending: bool = False,
        after: tuple[Any, int] | None = None,
        limit: int = 50,
        **filters: Any,
    ) -> tuple[list[tuple[Any, int, Event]], int]:
        if sort not in _SORT_SQL:
            raise StoreError(f"unknown sort {sort!r}", source=self.path)
        key = _SORT_SQL[sort]
        where, params = self._filters(filters)
        op, direction = ("<", "DESC") if descending else (">", "ASC")
        after_sql = "TRUE"
        if after is not None:
            after_sql = f"(k {op} ? OR (k = ? AND seq {op} ?))"
            params += [after[0], after[0], after[1]]
        # Keys first, the wide rows of the page only: sorting all columns costs ~30x more.
        # One statement gives the page and the total of the filtered set.
        sql = f"""
            WITH matching AS MATERIALIZED (
                SELECT e.seq AS seq, {key} AS k FROM events e
                {"WHERE " + " AND ".join(where) if where else ""}
            ),
            page AS (
                SELECT seq, k FROM matching WHERE {after_sql}
                ORDER BY k {direction}, seq {direction} LIMIT ?
            )
            SELECT p.k, p.seq, (SELECT count(*) FROM matching), {_EVENT_SELECT}
            FROM page p JOIN events e ON e.seq = p.seq
            ORDER BY p.k {direction}, p.seq {direction}
        """
        params.append(max(limit, 0))
        with self.connection() as con:
            rows = con.execute(sql, params).fetchall()
        if not rows:
            return [], self.count_events(**filters)
        total = int(rows[0][2])
        return [(row[0], int(row[1]), row_event(row[3:])) for row in rows], total

    def count_events(self, **filters: Any) -> int:
        where, params = self._filters(filters)
        sql = "SELECT count(*) FROM events e"
        if where:
            sql += " WHERE " + " AND ".join(where)
        return int(self._one(sql, params))

    def document(self, doc_id: str) -> Document | None:
        with self.connection() as con:
            row = con.execute(
                "SELECT doc_id, title, text, published, outlet, url, language, content_hash, "
                "source FROM documents WHERE doc_id = ? ORDER BY seq LIMIT 1",
                [doc_id],
            ).fetchone()
        if row is None:
            return None
        keys = ("doc_id", "title", "text", "published", "outlet", "url", "language")
        values = (_iso(value) for value in row)
        return Document.from_dict(dict(zip((*keys, "content_hash", "source"), values, strict=True)))

    def event_by_id(self, event_id: str) -> Event | None:
        with self.connection() as con:
            row = con.execute(
                f"SELECT {_EVENT_SELECT} FROM events e WHERE e.event_id = ? ORDER BY e.seq LIMIT 1",
                [event_id],
            ).fetchone()
        return row_event(row) if row else None

    # -- cross-article fusion ------------------------------------------------------------

    def _in_list(
        self,
        sql: str,
        values: Sequence[str],
        extra: Sequence[Any] = (),
        con: duckdb.DuckDBPyConnection | None = None,
    ) -> list[Any]:
        # An IN list of parameters is answered from the ART index (a join on an unnested
        # list is not): lookup cost stays flat as the store grows. Chunked to keep each
        # statement small.
        rows: list[Any] = []
        unique = list(dict.fromkeys(values))
        for start in range(0, len(unique), 500):
            chunk = unique[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            if con is not None:
                rows += con.execute(sql.format(marks=marks), [*extra, *chunk]).fetchall()
                continue
            with self.connection() as read:
                rows += read.execute(sql.format(marks=marks), [*extra, *chunk]).fetchall()
        return rows

    def fused_events(
        self,
        *,
        actor: str | None = None,
        recipient: str | None = None,
        event_type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        factuality: str | None = None,
        limit: int | None = None,
    ) -> list[FusedEvent]:
        where: list[str] = []
        params: list[Any] = []
        for role, prefix in (("actor", actor), ("recipient", recipient)):
            if prefix:
                where.append(_FUSED_PARTICIPANT_MATCH)
                params += [role, prefix.upper(), prefix.upper()]
        if event_type:
            where.append("f.event_type = ?")
            params.append(event_type.upper())
        if factuality:
            where.append("f.factuality = ?")
            params.append(factuality)
        if since:
            where.append("f.event_date >= ?")
            params.append(since)
        if until:
            where.append("f.event_date <= ?")
            params.append(until)
        sql = "SELECT f.data FROM fused_events f"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY f.event_date NULLS LAST, f.fused_id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(max(limit, 0))
        with self.connection() as con:
            rows = con.execute(sql, params).fetchall()
        return [FusedEvent.from_dict(json.loads(row[0])) for row in rows]

    def fused_event(self, fused_id: str) -> FusedEvent | None:
        found = self.fused_events_by_id([fused_id])
        return found[0] if found else None

    def fused_id_of(self, event_id: str) -> str | None:
        return self._one("SELECT fused_id FROM fused_members WHERE event_id = ?", [event_id])

    def fused_ids_of(self, event_ids: Sequence[str]) -> dict[str, str]:
        rows = self._in_list(
            "SELECT event_id, fused_id FROM fused_members WHERE event_id IN ({marks})", event_ids
        )
        return {event_id: fused_id for event_id, fused_id in rows}

    @staticmethod
    def _fingerprint(row: Sequence[Any]) -> DocumentFingerprint:
        keys = (
            "doc_id",
            "content_hash",
            "story_id",
            "source_family",
            "outlet",
            "outlet_family",
            "published",
            "title",
            "signature",
        )
        return DocumentFingerprint.from_dict(dict(zip(keys, row, strict=True)))

    def stories(self, limit: int | None = None) -> list[Story]:
        sql = (
            "SELECT story_id, list(doc_id ORDER BY seq), list(outlet ORDER BY seq), "
            "min(published), max(published), list(title ORDER BY seq), count(*), "
            "count(DISTINCT source_family) FROM fusion_documents GROUP BY story_id "
            "ORDER BY min(seq)"
        )
        params: list[Any] = []
        if limit is not None:
            sql += " LIMIT ?"
            params.append(max(limit, 0))
        with self.connection() as con:
            found = con.execute(sql, params).fetchall()
        return [
            Story(
                story_id=story_id,
                doc_ids=list(doc_ids),
                outlets=list(dict.fromkeys(o for o in outlets if o)),
                first_published=first,
                last_published=last,
                title=next((t for t in titles if t), None),
                n_documents=int(n),
                n_source_families=int(families),
            )
            for story_id, doc_ids, outlets, first, last, titles, n, families in found
        ]

    def story_of(self, doc_id: str) -> str | None:
        return self._one(
            "SELECT story_id FROM fusion_documents WHERE doc_id = ? ORDER BY seq LIMIT 1",
            [doc_id],
        )

    def lifecycles(self, *, since: str | None = None, kind: str | None = None) -> list[Lifecycle]:
        with self.connection() as con:
            rows = con.execute("SELECT data FROM lifecycles ORDER BY seq").fetchall()
        found = (Lifecycle.from_dict(json.loads(row[0])) for row in rows)
        return [lc for lc in found if lifecycle_touches(lc, since, kind)]

    def lifecycle(self, lifecycle_id: str) -> Lifecycle | None:
        data = self._one("SELECT data FROM lifecycles WHERE lifecycle_id = ?", [lifecycle_id])
        return Lifecycle.from_dict(json.loads(data)) if data else None

    @staticmethod
    def _watermark(con: duckdb.DuckDBPyConnection) -> tuple[int, int]:
        rows = dict(con.execute("SELECT key, value FROM fusion_state").fetchall())
        return int(rows.get("documents_seq", 0)), int(rows.get("events_seq", 0))

    def pending_fusion(self, limit: int) -> FusionBatch:
        with self.connection() as con:
            doc_mark, event_mark = self._watermark(con)
            rows = con.execute(
                "SELECT seq, doc_id, title, text, published, outlet, url, language, "
                "content_hash, source FROM documents WHERE seq > ? ORDER BY seq LIMIT ?",
                [doc_mark, max(limit, 0)],
            ).fetchall()
        if not rows:
            return FusionBatch(watermark=(doc_mark, event_mark))
        keys = ("doc_id", "title", "text", "published", "outlet", "url", "language")
        documents = [
            Document.from_dict(
                dict(zip(keys + ("content_hash", "source"), map(_iso, row[1:]), strict=True))
            )
            for row in rows
        ]
        by_hash: dict[str, list[Event]] = {d.content_hash: [] for d in documents}
        last_event = event_mark
        # Events are appended with their documents, so ``seq >`` the watermark reads only
        # new row groups (DuckDB skips the others by their min/max).
        found = self._in_list(
            f"SELECT e.seq, e.content_hash, {_EVENT_SELECT} FROM events e "
            "WHERE e.seq > ? AND e.content_hash IN ({marks}) ORDER BY e.seq",
            list(by_hash),
            [event_mark],
        )
        for row in sorted(found, key=lambda r: r[0]):
            by_hash[row[1]].append(row_event(row[2:]))
            last_event = max(last_event, int(row[0]))
        items = [(d, by_hash[d.content_hash]) for d in documents]
        return FusionBatch(items=items, watermark=(int(rows[-1][0]), last_event))

    def similar_documents(self, bands: Sequence[str]) -> list[DocumentFingerprint]:
        hashes = [
            row[0]
            for row in self._in_list(
                "SELECT DISTINCT content_hash FROM fusion_bands WHERE band IN ({marks})", bands
            )
        ]
        rows = self._in_list(
            "SELECT doc_id, content_hash, story_id, source_family, outlet, outlet_family, "
            "published, title, signature FROM fusion_documents WHERE content_hash IN ({marks})",
            hashes,
        )
        return [self._fingerprint(row) for row in rows]

    def fusion_lookup(self, keys: Sequence[str]) -> list[tuple[str, str]]:
        rows = self._in_list("SELECT key, fused_id FROM fusion_keys WHERE key IN ({marks})", keys)
        return [(key, fused_id) for key, fused_id in rows]

    def fused_events_by_id(self, fused_ids: Sequence[str]) -> list[FusedEvent]:
        rows = self._in_list("SELECT data FROM fused_events WHERE fused_id IN ({marks})", fused_ids)
        return [FusedEvent.from_dict(json.loads(row[0])) for row in rows]

    def lifecycles_by_dyad(self, dyad_keys: Sequence[str]) -> list[tuple[str, Lifecycle]]:
        rows = self._in_list(
            "SELECT dyad_key, data FROM lifecycles WHERE dyad_key IN ({marks}) ORDER BY seq",
            dyad_keys,
        )
        return [(key, Lifecycle.from_dict(json.loads(data))) for key, data in rows]

    def save_fusion(self, update: FusionUpdate) -> None:
        with self.connection() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                self._write_fusion(con, update)
                con.execute("COMMIT")
            except Exception as exc:
                con.execute("ROLLBACK")
                raise StoreError(f"fusion step not stored: {exc}", source=self.path) from exc

    def _write_fusion(self, con: duckdb.DuckDBPyConnection, update: FusionUpdate) -> None:
        known = {
            row[0]
            for row in self._in_list(
                "SELECT content_hash FROM fusion_documents WHERE content_hash IN ({marks})",
                [fp.content_hash for fp, _bands in update.documents],
                con=con,
            )
        }
        seq = self._next_seq(con, "fusion_documents")
        documents, bands = [], []
        for fp, fp_bands in update.documents:
            if fp.content_hash in known:
                continue
            known.add(fp.content_hash)
            documents.append(
                (seq, fp.content_hash, fp.doc_id, fp.story_id, fp.source_family, fp.outlet)
                + (fp.outlet_family, fp.published, fp.title, list(fp.signature))
            )
            bands += [(band, fp.content_hash) for band in fp_bands]
            seq += 1
        insert_rows(con, "fusion_documents", _FINGERPRINT_COLUMNS, documents)
        insert_rows(con, "fusion_bands", (("band", "VARCHAR"), ("content_hash", "VARCHAR")), bands)
        fused_ids = [f.fused_id for f in update.fused]
        old_seq = dict(
            self._in_list(
                "SELECT fused_id, seq FROM fused_events WHERE fused_id IN ({marks})",
                fused_ids,
                con=con,
            )
        )
        members_known = {
            row[0]
            for row in self._in_list(
                "SELECT event_id FROM fused_members WHERE fused_id IN ({marks})", fused_ids, con=con
            )
        }
        for table in ("fused_events", "fused_participants"):
            self._in_list(f"DELETE FROM {table} WHERE fused_id IN ({{marks}})", fused_ids, con=con)
        seq = self._next_seq(con, "fused_events")
        fused_rows, participants, members = [], [], []
        for fused in update.fused:
            row_seq = old_seq.get(fused.fused_id)
            if row_seq is None:
                row_seq, seq = seq, seq + 1
            data = to_json(fused.to_dict())
            fused_rows.append(
                (row_seq, fused.fused_id, fused.event_type, fused.factuality)
                + (fused.event_date, data)
            )
            for role in ("actor", "recipient"):
                for entity in getattr(fused, role):
                    participants.append((fused.fused_id, role, entity.code, entity.country))
            for member in fused.members:
                if member.event_id not in members_known:
                    members_known.add(member.event_id)
                    members.append((member.event_id, fused.fused_id, member.doc_id))
        insert_rows(con, "fused_events", _FUSED_COLUMNS, fused_rows)
        insert_rows(con, "fused_participants", _PARTICIPANT_COLUMNS, participants)
        insert_rows(con, "fused_members", _MEMBER_COLUMNS, members)
        insert_rows(con, "fusion_keys", (("key", "VARCHAR"), ("fused_id", "VARCHAR")), update.keys)
        ids = [lc.lifecycle_id for _key, lc in update.lifecycles]
        old_lc = dict(
            self._in_list(
                "SELECT lifecycle_id, seq FROM lifecycles WHERE lifecycle_id IN ({marks})",
                ids,
                con=con,
            )
        )
        self._in_list("DELETE FROM lifecycles WHERE lifecycle_id IN ({marks})", ids, con=con)
        seq = self._next_seq(con, "lifecycles")
        lifecycle_rows = []
        for key, lc in update.lifecycles:
            row_seq = old_lc.get(lc.lifecycle_id)
            if row_seq is None:
                row_seq, seq = seq, seq + 1
            lifecycle_rows.append(
                (row_seq, lc.lifecycle_id, lc.kind, key, lc.first_date, to_json(lc.to_dict()))
            )
        insert_rows(con, "lifecycles", _LIFECYCLE_COLUMNS, lifecycle_rows)
        current = self._watermark(con)
        mark = max(current, update.watermark)
        con.execute("DELETE FROM fusion_state")
        insert_rows(
            con,
            "fusion_state",
            (("key", "VARCHAR"), ("value", "BIGINT")),
            [("documents_seq", mark[0]), ("events_seq", mark[1])],
        )

    def clear_fusion(self) -> None:
        with self.connection() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                for table in _FUSION_TABLES:
                    con.execute(f"DELETE FROM {table}")
                con.execute("COMMIT")
            except Exception as exc:
                con.execute("ROLLBACK")
                raise StoreError(f"fusion results not cleared: {exc}", source=self.path) from exc

    def fusion_counts(self) -> dict[str, int]:
        return {
            "fused_documents": int(self._one("SELECT count(*) FROM fusion_documents")),
            "fused_events": int(self._one("SELECT count(*) FROM fused_events")),
            "members": int(self._one("SELECT count(*) FROM fused_members")),
            "stories": int(self._one("SELECT count(DISTINCT story_id) FROM fusion_documents")),
            "lifecycles": int(self._one("SELECT count(*) FROM lifecycles")),
        }

    # -- watch state (dotterel watch) ----------------------------------------------------

    def watch_state(self, kind: str) -> dict[str, str]:
        with self.connection() as con:
            rows = con.execute(
                "SELECT key, value FROM watch_state WHERE kind = ?", [kind]
            ).fetchall()
        return {key: value for key, value in rows}

    def save_watch_state(self, kind: str, entries: Mapping[str, str]) -> None:
        if not entries:
            return
        keys = list(entries)
        values = [str(entries[key]) for key in keys]
        with self.connection() as con:
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

    # -- interop: streaming reads and outside events (issue 13) ---------------------------

    def iter_events(
        self, *, chunk_size: int = DEFAULT_CHUNK_SIZE, **filters: Any
    ) -> Iterator[Event]:
        for event, _document in self._stream_events(chunk_size, False, filters):
            yield event

    def iter_events_with_documents(
        self, *, chunk_size: int = DEFAULT_CHUNK_SIZE, **filters: Any
    ) -> Iterator[tuple[Event, Document]]:
        for event, document in self._stream_events(chunk_size, True, filters):
            assert document is not None
            yield event, document

    def _stream_events(
        self, chunk_size: int, with_documents: bool, filters: dict[str, Any]
    ) -> Iterator[tuple[Event, Document | None]]:
        options = dict(filters)
        limit = options.pop("limit", None)
        where, params = self._filters(options)
        select = _EVENT_SELECT
        source = "events e"
        if with_documents:
            select += ", " + ", ".join(f"d.{name}" for name in _DOCUMENT_META)
            source += " LEFT JOIN documents d ON d.content_hash = e.content_hash"
        with self.connection() as con:
            bounds = con.execute("SELECT min(seq), max(seq) FROM events").fetchone()
        if not bounds or bounds[0] is None:
            return
        low, high = int(bounds[0]), int(bounds[1])
        remaining = None if limit is None else max(int(limit), 0)
        # One query per window of ``seq`` values rather than one sorted query: DuckDB
        # would sort (and hold) the whole result before the first row; a window touches
        # only its row group (zone maps on ``seq``) and sorts at most ``window`` rows.
        window = max(chunk_size, 1)
        sql = (
            f"SELECT {select} FROM {source} WHERE e.seq >= ? AND e.seq < ?"
            + "".join(f" AND {clause}" for clause in where)
            + " ORDER BY e.seq"
        )
        width = len(EVENT_FIELDS)
        for start in range(low, high + 1, window):
            if remaining == 0:
                return
            # One connection per window: a long export never holds the file between
            # windows, so an ingest can write while it streams.
            with self.connection() as con:
                rows = con.execute(sql, [start, start + window, *params]).fetchall()
            if remaining is not None:
                rows = rows[:remaining]
                remaining -= len(rows)
            for row in rows:
                event = row_event(row[:width])
                document = None
                if with_documents:
                    meta = dict(zip(_DOCUMENT_META, row[width:], strict=True))
                    document = Document(
                        doc_id=meta["doc_id"] or event.doc_id,
                        text="",
                        title=meta["title"],
                        published=_iso(meta["published"]),
                        outlet=meta["outlet"],
                        url=meta["url"],
                        language=meta["language"] or "en",
                        content_hash=meta["content_hash"] or "",
                        source=meta["source"],
                    )
                yield event, document

    def iter_entity_rows(
        self, *, chunk_size: int = DEFAULT_CHUNK_SIZE
    ) -> Iterator[tuple[str, str | None, str, Entity]]:
        with self.connection() as con:
            cursor = con.cursor()
            result = cursor.execute(
                'SELECT doc_id, event_id, role, text, start, "end", code, country, '
                "role_code, canonical, why FROM entities ORDER BY seq"
            )
            while rows := result.fetchmany(max(chunk_size, 1)):
                for doc_id, event_id, role, *values in rows:
                    text, start, end, code, country, role_code, canonical, why = values
                    entity = Entity(text, start, end, code, country, role_code, canonical, why)
                    yield doc_id, event_id, role, entity
            cursor.close()

    def duplicate_event_ids(self) -> set[str]:
        with self.connection() as con:
            rows = con.execute(
                "SELECT event_id FROM events GROUP BY event_id HAVING count(*) > 1"
            ).fetchall()
        return {row[0] for row in rows}

    def add_outside_events(self, events: Sequence[OutsideEvent], run_id: str) -> int:
        with self.connection() as con:
            return self._add_outside_events(con, events, run_id)

    def _add_outside_events(
        self, con: duckdb.DuckDBPyConnection, events: Sequence[OutsideEvent], run_id: str
    ) -> int:
        con.execute("BEGIN TRANSACTION")
        try:
            keys = [event.row_key for event in events]
            stored = (
                {
                    row[0]
                    for row in con.execute(
                        "SELECT row_key FROM outside_events WHERE row_key IN "
                        "(SELECT unnest($1::VARCHAR[]))",
                        [keys],
                    ).fetchall()
                }
                if keys
                else set()
            )
            seq = self._next_seq(con, "outside_events")
            added = now()
            rows = []
            for event in events:
                if event.row_key in stored:
                    continue
                stored.add(event.row_key)
                rows.append(outside_event_row(event, seq, run_id, added))
                seq += 1
            insert_rows(con, "outside_events", OUTSIDE_EVENT_COLUMNS, rows)
            con.execute("COMMIT")
        except Exception as exc:
            con.execute("ROLLBACK")
            raise StoreError(
                f"{len(events)} outside events not stored: {exc}", source=self.path
            ) from exc
        return len(rows)

    def outside_events(
        self, *, source_dataset: str | None = None, limit: int | None = None
    ) -> list[OutsideEvent]:
        names = [name for name, _type in OUTSIDE_EVENT_COLUMNS]
        sql = "SELECT " + ", ".join(f'"{name}"' for name in names) + " FROM outside_events"
        params: list[Any] = []
        if source_dataset is not None:
            sql += " WHERE source_dataset = ?"
            params.append(source_dataset)
        sql += " ORDER BY seq"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(max(limit, 0))
        with self.connection() as con:
            found = con.execute(sql, params).fetchall()
        return [row_outside_event(dict(zip(names, row, strict=True))) for row in found]

    def fused_between(self, a: str, b: str) -> list[FusedEvent]:
        from dotterel.store.base import fused_sort_key

        a, b = a.upper(), b.upper()
        # The pair's fused ids from the narrow participants table, then their rows by id
        # (IN lists answered from the fused_id index): a join would scan every stored
        # fused event's data. Country and code carry indexes too (schema version 7).
        # One connection for both steps: opening the file costs more than the lookups.
        with self.connection() as con:
            ids = [
                row[0]
                for row in con.execute(
                    f"{_PARTICIPANT_IS} INTERSECT {_PARTICIPANT_IS}", [a, a, a, b, b, b]
                ).fetchall()
            ]
            rows = self._in_list(
                "SELECT data FROM fused_events WHERE fused_id IN ({marks})", ids, con=con
            )
        found = (FusedEvent.from_dict(json.loads(row[0])) for row in rows)
        return sorted(found, key=fused_sort_key)

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None
        self._closed = True


_FUSED_PARTICIPANT_MATCH = (
    "EXISTS (SELECT 1 FROM fused_participants p WHERE p.fused_id = f.fused_id AND p.role = ? "
    "AND (starts_with(p.code, ?) OR ((p.code IS NULL OR p.code = '') "
    "AND starts_with(p.country, ?))))"
)
_FINGERPRINT_COLUMNS = (
    ("seq", "BIGINT"),
    ("content_hash", "VARCHAR"),
    ("doc_id", "VARCHAR"),
    ("story_id", "VARCHAR"),
    ("source_family", "VARCHAR"),
    ("outlet", "VARCHAR"),
    ("outlet_family", "VARCHAR"),
    ("published", "VARCHAR"),
    ("title", "VARCHAR"),
    ("signature", "BIGINT[]"),
)
_FUSED_COLUMNS = (
    ("seq", "BIGINT"),
    ("fused_id", "VARCHAR"),
    ("event_type", "VARCHAR"),
    ("factuality", "VARCHAR"),
    ("event_date", "VARCHAR"),
    ("data", "VARCHAR"),
)
_PARTICIPANT_COLUMNS = (
    ("fused_id", "VARCHAR"),
    ("role", "VARCHAR"),
    ("code", "VARCHAR"),
    ("country", "VARCHAR"),
)
_MEMBER_COLUMNS = (("event_id", "VARCHAR"), ("fused_id", "VARCHAR"), ("doc_id", "VARCHAR"))
_LIFECYCLE_COLUMNS = (
    ("seq", "BIGINT"),
    ("lifecycle_id", "VARCHAR"),
    ("kind", "VARCHAR"),
    ("dyad_key", "VARCHAR"),
    ("first_date", "VARCHAR"),
    ("data", "VARCHAR"),
)
_FUSION_TABLES = (
    "fusion_state",
    "fusion_documents",
    "fusion_bands",
    "fused_events",
    "fused_participants",
    "fused_members",
    "fusion_keys",
    "lifecycles",
)


_DOCUMENT_META = (
    "doc_id",
    "title",
    "published",
    "outlet",
    "url",
    "language",
    "content_hash",
    "source",
)
_OUTSIDE_JSON = ("contexts", "actor", "recipient", "location", "fields")


def outside_event_row(event: OutsideEvent, seq: int, run_id: str, added: str) -> tuple[Any, ...]:
    """An ``outside_events`` row (``OUTSIDE_EVENT_COLUMNS`` order) for ``event``."""
    data = event.to_dict()
    values = {
        **data,
        "seq": seq,
        "run_id": run_id,
        "added": added,
    }
    for name in _OUTSIDE_JSON:
        values[name] = to_json(data[name])
    return tuple(values[name] for name, _type in OUTSIDE_EVENT_COLUMNS)


def row_outside_event(row: dict[str, Any]) -> OutsideEvent:
    """The :class:`OutsideEvent` of an ``outside_events`` row read as a dict."""
    data = dict(row)
    for name in _OUTSIDE_JSON:
        data[name] = json.loads(data[name]) if data[name] is not None else None
    return OutsideEvent.from_dict(data)


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def _has_tables(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute("SELECT count(*) FROM information_schema.tables").fetchone()
    return bool(row and row[0])


def _process_identity() -> tuple[str, int, float]:
    """(host, pid, process start time) of this process, to tell later if it still runs."""
    import psutil

    return socket.gethostname(), os.getpid(), psutil.Process().create_time()


def _process_alive(host: str | None, pid: int | None, started: float | None) -> bool:
    """Whether the process that wrote a run row still runs (unknown hosts count as alive)."""
    import psutil

    if pid is None or host is None:
        return False
    if host != socket.gethostname():
        return True
    try:
        return abs(psutil.Process(pid).create_time() - (started or 0.0)) < 1.0
    except psutil.AccessDenied:
        return True
    except (psutil.NoSuchProcess, ValueError):
        return False


_PARTICIPANT_IS = (
    "(SELECT fused_id FROM fused_participants WHERE country = ? "
    "UNION SELECT fused_id FROM fused_participants WHERE code = ? "
    "UNION SELECT fused_id FROM fused_participants "
    "WHERE (country IS NULL OR country = '') AND starts_with(code, ?))"
)
