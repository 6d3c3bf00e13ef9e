"""DuckDB schema of the event store, built and upgraded by numbered migrations.

``meta.schema_version`` records the last migration applied. Opening a store applies the
missing ones in order, each in its own transaction. Migrations only ever add (tables,
columns, rows derived from stored data): user tables are never dropped or recreated, so a
crash or an upgrade cannot lose what was stored. A migration's SQL is frozen once
released; a change of schema is a new migration appended to :data:`MIGRATIONS`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

import duckdb

from dotterel.errors import StoreError

Migration = Callable[[duckdb.DuckDBPyConnection], None]
Columns = Sequence[tuple[str, str]]


def insert_rows(
    con: duckdb.DuckDBPyConnection, table: str, columns: Columns, rows: Sequence[Sequence[Any]]
) -> None:
    """Insert ``rows`` (tuples in ``columns`` order) in one statement.

    Column-wise lists unnested in SQL: with DuckDB 2.0, ``executemany`` costs about
    0.7 ms per row, this about 10 µs.
    """
    if not rows:
        return
    names = ", ".join(f'"{name}"' for name, _type in columns)
    values = ", ".join(
        f"unnest(${i}::{sqltype}[])" for i, (_name, sqltype) in enumerate(columns, start=1)
    )
    params = [list(column) for column in zip(*rows, strict=True)]
    con.execute(f"INSERT INTO {table} ({names}) SELECT {values}", params)


def _v1(con: duckdb.DuckDBPyConnection) -> None:
    """Documents, events (participants as JSON), failures and runs."""
    con.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    con.execute(
        """CREATE TABLE documents (
            seq BIGINT NOT NULL,
            content_hash VARCHAR PRIMARY KEY,
            doc_id VARCHAR NOT NULL,
            title VARCHAR,
            text VARCHAR NOT NULL,
            published VARCHAR,
            outlet VARCHAR,
            url VARCHAR,
            language VARCHAR,
            source VARCHAR,
            run_id VARCHAR,
            added VARCHAR
        )"""
    )
    con.execute(
        """CREATE TABLE events (
            seq BIGINT NOT NULL,
            event_id VARCHAR NOT NULL,
            doc_id VARCHAR NOT NULL,
            content_hash VARCHAR NOT NULL,
            run_id VARCHAR,
            sentence_index BIGINT,
            evidence VARCHAR,
            "trigger" VARCHAR,
            event_type VARCHAR,
            mode VARCHAR,
            contexts VARCHAR,
            cameo VARCHAR,
            goldstein DOUBLE,
            plover_score DOUBLE,
            quad_class BIGINT,
            actor VARCHAR,
            recipient VARCHAR,
            factuality VARCHAR,
            claimed_by VARCHAR,
            denied_by VARCHAR,
            event_date VARCHAR,
            date_precision VARCHAR,
            date_source VARCHAR,
            location VARCHAR,
            confidence DOUBLE,
            rules VARCHAR,
            cues VARCHAR,
            mentions VARCHAR
        )"""
    )
    con.execute(
        """CREATE TABLE failures (
            seq BIGINT NOT NULL,
            run_id VARCHAR,
            source VARCHAR NOT NULL,
            line BIGINT,
            code VARCHAR NOT NULL,
            reason VARCHAR NOT NULL,
            recorded VARCHAR
        )"""
    )
    con.execute(
        """CREATE TABLE runs (
            seq BIGINT NOT NULL,
            run_id VARCHAR PRIMARY KEY,
            command VARCHAR,
            inputs VARCHAR,
            started VARCHAR,
            finished VARCHAR,
            documents BIGINT,
            events BIGINT,
            failures BIGINT,
            skipped BIGINT
        )"""
    )


ENTITY_COLUMNS: Columns = (
    ("seq", "BIGINT"),
    ("event_seq", "BIGINT"),
    ("event_id", "VARCHAR"),
    ("doc_id", "VARCHAR"),
    ("content_hash", "VARCHAR"),
    ("role", "VARCHAR"),
    ("text", "VARCHAR"),
    ("start", "BIGINT"),
    ("end", "BIGINT"),
    ("code", "VARCHAR"),
    ("country", "VARCHAR"),
    ("role_code", "VARCHAR"),
    ("canonical", "VARCHAR"),
    ("why", "VARCHAR"),
)


def entity_row(
    seq: int,
    event_seq: int | None,
    event_id: str | None,
    doc_id: str,
    content_hash: str,
    role: str,
    entity: dict[str, Any],
) -> tuple[Any, ...]:
    """A row of the ``entities`` table (``ENTITY_COLUMNS`` order) from an entity dict."""
    return (
        seq,
        event_seq,
        event_id,
        doc_id,
        content_hash,
        role,
        entity["text"],
        entity["start"],
        entity["end"],
        entity.get("code"),
        entity.get("country"),
        entity.get("role"),
        entity.get("canonical"),
        entity.get("why"),
    )


EVENT_ROLE_COLUMNS = ("actor", "recipient", "claimed_by", "denied_by")


def _v2(con: duckdb.DuckDBPyConnection) -> None:
    """One row per event participant and actor mention, backfilled from stored events."""
    con.execute(
        """CREATE TABLE entities (
            seq BIGINT NOT NULL,
            event_seq BIGINT,
            event_id VARCHAR,
            doc_id VARCHAR NOT NULL,
            content_hash VARCHAR NOT NULL,
            role VARCHAR NOT NULL,
            text VARCHAR NOT NULL,
            start BIGINT,
            "end" BIGINT,
            code VARCHAR,
            country VARCHAR,
            role_code VARCHAR,
            canonical VARCHAR,
            why VARCHAR
        )"""
    )
    stored = con.execute(
        "SELECT seq, event_id, doc_id, content_hash, actor, recipient, claimed_by, denied_by "
        "FROM events ORDER BY seq"
    ).fetchall()
    rows: list[tuple[Any, ...]] = []
    for seq, event_id, doc_id, digest, *groups in stored:
        for role, group in zip(
            ("actor", "recipient", "claimed_by", "denied_by"), groups, strict=True
        ):
            for entity in json.loads(group or "[]"):
                rows.append(entity_row(len(rows) + 1, seq, event_id, doc_id, digest, role, entity))
    insert_rows(con, "entities", ENTITY_COLUMNS, rows)


def _fusion_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Cross-article fusion: fingerprints, stories, fused events, blocking keys, lifecycles.

    New tables only (nothing stored is touched); filled by ``dotterel fuse`` or ingest.
    The key, band and id columns carry ART indexes so that fusion's candidate lookups are
    point lookups whose cost does not grow with the store (docs/fusion.md).
    """
    statements = (
        "CREATE TABLE fusion_state (key VARCHAR NOT NULL, value BIGINT)",
        """CREATE TABLE fusion_documents (
            seq BIGINT NOT NULL,
            content_hash VARCHAR NOT NULL,
            doc_id VARCHAR NOT NULL,
            story_id VARCHAR NOT NULL,
            source_family VARCHAR NOT NULL,
            outlet VARCHAR,
            outlet_family VARCHAR,
            published VARCHAR,
            title VARCHAR,
            signature BIGINT[]
        )""",
        "CREATE INDEX fusion_documents_hash ON fusion_documents (content_hash)",
        "CREATE INDEX fusion_documents_doc ON fusion_documents (doc_id)",
        "CREATE TABLE fusion_bands (band VARCHAR NOT NULL, content_hash VARCHAR NOT NULL)",
        "CREATE INDEX fusion_bands_band ON fusion_bands (band)",
        """CREATE TABLE fused_events (
            seq BIGINT NOT NULL,
            fused_id VARCHAR NOT NULL,
            event_type VARCHAR,
            factuality VARCHAR,
            event_date VARCHAR,
            data VARCHAR NOT NULL
        )""",
        "CREATE INDEX fused_events_id ON fused_events (fused_id)",
        """CREATE TABLE fused_participants (
            fused_id VARCHAR NOT NULL,
            role VARCHAR NOT NULL,
            code VARCHAR,
            country VARCHAR
        )""",
        "CREATE INDEX fused_participants_id ON fused_participants (fused_id)",
        """CREATE TABLE fused_members (
            event_id VARCHAR NOT NULL,
            fused_id VARCHAR NOT NULL,
            doc_id VARCHAR NOT NULL
        )""",
        "CREATE INDEX fused_members_event ON fused_members (event_id)",
        "CREATE TABLE fusion_keys (key VARCHAR NOT NULL, fused_id VARCHAR NOT NULL)",
        "CREATE INDEX fusion_keys_key ON fusion_keys (key)",
        """CREATE TABLE lifecycles (
            seq BIGINT NOT NULL,
            lifecycle_id VARCHAR NOT NULL,
            kind VARCHAR NOT NULL,
            dyad_key VARCHAR NOT NULL,
            first_date VARCHAR,
            data VARCHAR NOT NULL
        )""",
        "CREATE INDEX lifecycles_id ON lifecycles (lifecycle_id)",
        "CREATE INDEX lifecycles_dyad ON lifecycles (dyad_key)",
    )
    for statement in statements:
        con.execute(statement)


# -- reliability: typed columns and run status ------------------------------------------

#: DuckDB types of the event record's nested values (``Span``, ``Entity``, ``Location``).
SPAN_TYPE = 'STRUCT("text" VARCHAR, "start" BIGINT, "end" BIGINT)'
ENTITY_TYPE = (
    'STRUCT("text" VARCHAR, "start" BIGINT, "end" BIGINT, "code" VARCHAR, "country" VARCHAR, '
    '"role" VARCHAR, "canonical" VARCHAR, "why" VARCHAR)'
)
LOCATION_TYPE = (
    'STRUCT("name" VARCHAR, "country" VARCHAR, "lat" DOUBLE, "lon" DOUBLE, "source" VARCHAR)'
)
#: (table, column, new type) of the columns that were VARCHAR or JSON text before.
TYPED_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("documents", "published", "DATE"),
    ("documents", "added", "TIMESTAMPTZ"),
    ("events", "event_date", "DATE"),
    ("events", "evidence", SPAN_TYPE),
    ("events", "trigger", SPAN_TYPE),
    ("events", "contexts", "VARCHAR[]"),
    ("events", "actor", ENTITY_TYPE + "[]"),
    ("events", "recipient", ENTITY_TYPE + "[]"),
    ("events", "claimed_by", ENTITY_TYPE + "[]"),
    ("events", "denied_by", ENTITY_TYPE + "[]"),
    ("events", "location", LOCATION_TYPE),
    ("events", "rules", "VARCHAR[]"),
    ("events", "cues", "VARCHAR[]"),
    ("events", "mentions", SPAN_TYPE + "[]"),
    ("failures", "recorded", "TIMESTAMPTZ"),
    ("runs", "inputs", "VARCHAR[]"),
    ("runs", "started", "TIMESTAMPTZ"),
    ("runs", "finished", "TIMESTAMPTZ"),
)


def _json_structure(sqltype: str) -> str:
    """The ``from_json`` structure string of a DuckDB type built from the constants above."""
    if sqltype.endswith("[]"):
        return "[" + _json_structure(sqltype[:-2]) + "]"
    if sqltype.startswith("STRUCT("):
        fields = []
        for part in sqltype[len("STRUCT(") : -1].split(", "):
            name, field_type = part.split(" ", 1)
            fields.append(f"{name}: {_json_structure(field_type)}")
        return "{" + ", ".join(fields) + "}"
    return f'"{sqltype}"'


def _typed_columns(con: duckdb.DuckDBPyConnection) -> None:
    """Dates as DATE, times as TIMESTAMPTZ, lists and spans as LIST/STRUCT; run status.

    Values are converted in place (``ALTER COLUMN ... TYPE ... USING``). A stored value
    that would not convert stops the migration (and its transaction) rather than being
    lost. Runs gain ``status`` (running/finished/interrupted) and the writer's process
    identity, so that a later open can tell a live run from a killed one; runs already
    unfinished here were left by a process that is gone (it would hold the lock).
    """
    for table, column, sqltype in TYPED_COLUMNS:
        if sqltype.startswith(("STRUCT", "VARCHAR[]")) or sqltype.endswith("[]"):
            structure = _json_structure(sqltype).replace("'", "''")
            using = f"from_json(\"{column}\", '{structure}')"
            lost = f'"{column}" IS NOT NULL AND json_valid("{column}") IS NOT TRUE'
        else:
            using = f'CAST("{column}" AS {sqltype})'
            lost = f'"{column}" IS NOT NULL AND TRY_CAST("{column}" AS {sqltype}) IS NULL'
        bad = con.execute(f"SELECT count(*) FROM {table} WHERE {lost}").fetchone()
        if bad and bad[0]:
            raise StoreError(f"{bad[0]} values of {table}.{column} are not {sqltype}")
        con.execute(f'ALTER TABLE {table} ALTER "{column}" TYPE {sqltype} USING {using}')
    con.execute("ALTER TABLE runs ADD COLUMN status VARCHAR")
    con.execute("ALTER TABLE runs ADD COLUMN host VARCHAR")
    con.execute("ALTER TABLE runs ADD COLUMN pid BIGINT")
    con.execute("ALTER TABLE runs ADD COLUMN pid_started DOUBLE")
    con.execute(
        "UPDATE runs SET status = CASE WHEN finished IS NULL THEN 'interrupted' ELSE 'finished' END"
    )


OUTSIDE_EVENT_COLUMNS: Columns = (
    ("seq", "BIGINT"),
    ("row_key", "VARCHAR"),
    ("source_dataset", "VARCHAR"),
    ("source_event_id", "VARCHAR"),
    ("source_file", "VARCHAR"),
    ("run_id", "VARCHAR"),
    ("added", "VARCHAR"),
    ("event_date", "VARCHAR"),
    ("event_type", "VARCHAR"),
    ("mode", "VARCHAR"),
    ("contexts", "VARCHAR"),
    ("cameo", "VARCHAR"),
    ("goldstein", "DOUBLE"),
    ("intensity", "DOUBLE"),
    ("quad_class", "BIGINT"),
    ("actor", "VARCHAR"),
    ("recipient", "VARCHAR"),
    ("location", "VARCHAR"),
    ("story_id", "VARCHAR"),
    ("sentence_number", "BIGINT"),
    ("publisher", "VARCHAR"),
    ("published", "VARCHAR"),
    ("language", "VARCHAR"),
    ("fields", "VARCHAR"),
)


def _outside_events(con: duckdb.DuckDBPyConnection) -> None:
    """Events imported from other datasets (ICEWS, POLECAT), apart from Dotterel's own."""
    con.execute(
        """CREATE TABLE outside_events (
            seq BIGINT NOT NULL,
            row_key VARCHAR PRIMARY KEY,
            source_dataset VARCHAR NOT NULL,
            source_event_id VARCHAR NOT NULL,
            source_file VARCHAR,
            run_id VARCHAR,
            added VARCHAR,
            event_date VARCHAR,
            event_type VARCHAR,
            mode VARCHAR,
            contexts VARCHAR,
            cameo VARCHAR,
            goldstein DOUBLE,
            intensity DOUBLE,
            quad_class BIGINT,
            actor VARCHAR,
            recipient VARCHAR,
            location VARCHAR,
            story_id VARCHAR,
            sentence_number BIGINT,
            publisher VARCHAR,
            published VARCHAR,
            language VARCHAR,
            fields VARCHAR
        )"""
    )


def _watch_state(con: duckdb.DuckDBPyConnection) -> None:
    """State of ``dotterel watch``: feeds' validators and schedule, URLs and files seen."""
    con.execute(
        """CREATE TABLE watch_state (
            kind VARCHAR NOT NULL,
            key VARCHAR NOT NULL,
            value VARCHAR NOT NULL,
            updated VARCHAR,
            PRIMARY KEY (kind, key)
        )"""
    )


def _participant_indexes(con: duckdb.DuckDBPyConnection) -> None:
    """Indexes on the country and code of fused participants: the fused events of one
    dyad (``EventStore.fused_between``, the HTTP API's dyad series) are point lookups."""
    con.execute("CREATE INDEX fused_participants_country ON fused_participants (country)")
    con.execute("CREATE INDEX fused_participants_code ON fused_participants (code)")


#: Migration functions by the schema version they produce, applied in order.
MIGRATIONS: dict[int, Migration] = {
    1: _v1,
    2: _v2,
    3: _fusion_tables,
    4: _typed_columns,
    5: _outside_events,
    6: _watch_state,
    7: _participant_indexes,
}
SCHEMA_VERSION = max(MIGRATIONS)


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The schema version of an open database (0 for a database Dotterel never set up)."""
    has_meta = con.execute(
        "SELECT count(*) FROM information_schema.tables "
        "WHERE table_schema = 'main' AND table_name = 'meta'"
    ).fetchone()
    if not has_meta or not has_meta[0]:
        return 0
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def migrate(con: duckdb.DuckDBPyConnection, target: int = SCHEMA_VERSION) -> list[int]:
    """Apply the migrations after the current version up to ``target``; the ones applied."""
    current = schema_version(con)
    if current > SCHEMA_VERSION:
        raise StoreError(
            f"the store has schema version {current}, newer than this Dotterel "
            f"understands ({SCHEMA_VERSION}); upgrade Dotterel to open it"
        )
    applied = []
    for version in sorted(v for v in MIGRATIONS if current < v <= target):
        con.execute("BEGIN TRANSACTION")
        try:
            MIGRATIONS[version](con)
            con.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)",
                [str(version)],
            )
            con.execute("COMMIT")
        except Exception as exc:
            con.execute("ROLLBACK")
            raise StoreError(f"migration to schema version {version} failed: {exc}") from exc
        applied.append(version)
    return applied
