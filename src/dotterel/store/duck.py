"""The DuckDB :class:`EventStore`: one file holds documents, events, mentions and runs."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import duckdb

from dotterel.errors import StoreError
from dotterel.records import (
    Document,
    DocumentFingerprint,
    Event,
    Failure,
    FusedEvent,
    Lifecycle,
    Story,
)
from dotterel.store.base import (
    MENTION_ROLE,
    MISSING_DATE,
    MISSING_SCORE,
    BatchItem,
    EventStore,
    FusionBatch,
    FusionUpdate,
    event_participants,
    group_unresolved,
    lifecycle_touches,
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
_PARTY_MATCH = (
    "EXISTS (SELECT 1 FROM entities n WHERE n.event_seq = e.seq "
    "AND n.role IN ('actor', 'recipient') "
    "AND (starts_with(n.code, ?) OR ((n.code IS NULL OR n.code = '') "
    "AND starts_with(n.country, ?))))"
)
# Sort keys of event_page, matching dotterel.store.base.sort_key.
_SORT_SQL = {
    "seq": "e.seq",
    "event_date": f"COALESCE(e.event_date, '{MISSING_DATE}')",
    "goldstein": f"COALESCE(e.goldstein, {MISSING_SCORE})",
    "confidence": f"COALESCE(e.confidence, {MISSING_SCORE})",
}
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

    # -- paged reading for the HTTP API (issue 14) -----------------------------------------

    def _filters(self, filters: dict[str, Any]) -> tuple[list[str], list[Any]]:
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
                where.append(f"e.event_date {op} ?")
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
        rows = self.con.execute(sql, params).fetchall()
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
        row = self.con.execute(
            "SELECT doc_id, title, text, published, outlet, url, language, content_hash, "
            "source FROM documents WHERE doc_id = ? ORDER BY seq LIMIT 1",
            [doc_id],
        ).fetchone()
        if row is None:
            return None
        keys = ("doc_id", "title", "text", "published", "outlet", "url", "language")
        return Document.from_dict(dict(zip((*keys, "content_hash", "source"), row, strict=True)))

    def event_by_id(self, event_id: str) -> Event | None:
        row = self.con.execute(
            f"SELECT {_EVENT_SELECT} FROM events e WHERE e.event_id = ? ORDER BY e.seq LIMIT 1",
            [event_id],
        ).fetchone()
        return row_event(row) if row else None

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    # -- cross-article fusion ------------------------------------------------------------

    def _in_list(self, sql: str, values: Sequence[str], extra: Sequence[Any] = ()) -> list[Any]:
        # An IN list of parameters is answered from the ART index (a join on an unnested
        # list is not): lookup cost stays flat as the store grows. Chunked to keep each
        # statement small.
        rows: list[Any] = []
        unique = list(dict.fromkeys(values))
        for start in range(0, len(unique), 500):
            chunk = unique[start : start + 500]
            marks = ", ".join("?" for _ in chunk)
            rows += self.con.execute(sql.format(marks=marks), [*extra, *chunk]).fetchall()
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
        rows = self.con.execute(sql, params).fetchall()
        return [FusedEvent.from_dict(json.loads(row[0])) for row in rows]

    def fused_event(self, fused_id: str) -> FusedEvent | None:
        found = self.fused_events_by_id([fused_id])
        return found[0] if found else None

    def fused_id_of(self, event_id: str) -> str | None:
        return self._one("SELECT fused_id FROM fused_members WHERE event_id = ?", [event_id])

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
            for story_id, doc_ids, outlets, first, last, titles, n, families in self.con.execute(
                sql, params
            ).fetchall()
        ]

    def story_of(self, doc_id: str) -> str | None:
        return self._one(
            "SELECT story_id FROM fusion_documents WHERE doc_id = ? ORDER BY seq LIMIT 1",
            [doc_id],
        )

    def lifecycles(self, *, since: str | None = None, kind: str | None = None) -> list[Lifecycle]:
        rows = self.con.execute("SELECT data FROM lifecycles ORDER BY seq").fetchall()
        found = (Lifecycle.from_dict(json.loads(row[0])) for row in rows)
        return [lc for lc in found if lifecycle_touches(lc, since, kind)]

    def lifecycle(self, lifecycle_id: str) -> Lifecycle | None:
        data = self._one("SELECT data FROM lifecycles WHERE lifecycle_id = ?", [lifecycle_id])
        return Lifecycle.from_dict(json.loads(data)) if data else None

    def _watermark(self) -> tuple[int, int]:
        rows = dict(self.con.execute("SELECT key, value FROM fusion_state").fetchall())
        return int(rows.get("documents_seq", 0)), int(rows.get("events_seq", 0))

    def pending_fusion(self, limit: int) -> FusionBatch:
        doc_mark, event_mark = self._watermark()
        rows = self.con.execute(
            "SELECT seq, doc_id, title, text, published, outlet, url, language, content_hash, "
            "source FROM documents WHERE seq > ? ORDER BY seq LIMIT ?",
            [doc_mark, max(limit, 0)],
        ).fetchall()
        if not rows:
            return FusionBatch(watermark=(doc_mark, event_mark))
        keys = ("doc_id", "title", "text", "published", "outlet", "url", "language")
        documents = [
            Document.from_dict(dict(zip(keys + ("content_hash", "source"), row[1:], strict=True)))
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
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            self._write_fusion(update)
            con.execute("COMMIT")
        except Exception as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"fusion step not stored: {exc}", source=self.path) from exc

    def _write_fusion(self, update: FusionUpdate) -> None:
        known = {
            row[0]
            for row in self._in_list(
                "SELECT content_hash FROM fusion_documents WHERE content_hash IN ({marks})",
                [fp.content_hash for fp, _bands in update.documents],
            )
        }
        seq = self._next_seq("fusion_documents")
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
        self._insert("fusion_documents", _FINGERPRINT_COLUMNS, documents)
        self._insert("fusion_bands", (("band", "VARCHAR"), ("content_hash", "VARCHAR")), bands)
        fused_ids = [f.fused_id for f in update.fused]
        old_seq = dict(
            self._in_list(
                "SELECT fused_id, seq FROM fused_events WHERE fused_id IN ({marks})", fused_ids
            )
        )
        members_known = {
            row[0]
            for row in self._in_list(
                "SELECT event_id FROM fused_members WHERE fused_id IN ({marks})", fused_ids
            )
        }
        for table in ("fused_events", "fused_participants"):
            self._in_list(f"DELETE FROM {table} WHERE fused_id IN ({{marks}})", fused_ids)
        seq = self._next_seq("fused_events")
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
        self._insert("fused_events", _FUSED_COLUMNS, fused_rows)
        self._insert("fused_participants", _PARTICIPANT_COLUMNS, participants)
        self._insert("fused_members", _MEMBER_COLUMNS, members)
        self._insert("fusion_keys", (("key", "VARCHAR"), ("fused_id", "VARCHAR")), update.keys)
        ids = [lc.lifecycle_id for _key, lc in update.lifecycles]
        old_lc = dict(
            self._in_list(
                "SELECT lifecycle_id, seq FROM lifecycles WHERE lifecycle_id IN ({marks})", ids
            )
        )
        self._in_list("DELETE FROM lifecycles WHERE lifecycle_id IN ({marks})", ids)
        seq = self._next_seq("lifecycles")
        lifecycle_rows = []
        for key, lc in update.lifecycles:
            row_seq = old_lc.get(lc.lifecycle_id)
            if row_seq is None:
                row_seq, seq = seq, seq + 1
            lifecycle_rows.append(
                (row_seq, lc.lifecycle_id, lc.kind, key, lc.first_date, to_json(lc.to_dict()))
            )
        self._insert("lifecycles", _LIFECYCLE_COLUMNS, lifecycle_rows)
        current = self._watermark()
        mark = max(current, update.watermark)
        self.con.execute("DELETE FROM fusion_state")
        self._insert(
            "fusion_state",
            (("key", "VARCHAR"), ("value", "BIGINT")),
            [("documents_seq", mark[0]), ("events_seq", mark[1])],
        )

    def clear_fusion(self) -> None:
        con = self.con
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
