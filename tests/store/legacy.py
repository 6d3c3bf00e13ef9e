"""Stores as earlier Dotterel versions wrote them, for the migration tests.

The row builders here are frozen copies of the layout before typed columns (dates as
VARCHAR, lists and nested records as JSON text): they must not follow later changes.
"""

from __future__ import annotations

import json
from typing import Any

import duckdb

from dotterel.records import Document, Event
from dotterel.store.schema import MIGRATIONS, _typed_columns, insert_rows, migrate

#: The schema version just before typed columns (looked up, never hardcoded).
BEFORE_TYPED = next(v for v, step in MIGRATIONS.items() if step is _typed_columns) - 1

_JSON_FIELDS = {
    "evidence",
    "trigger",
    "contexts",
    "actor",
    "recipient",
    "claimed_by",
    "denied_by",
    "location",
    "rules",
    "cues",
    "mentions",
}
_EVENT_ORDER = [
    "event_id",
    "doc_id",
    "sentence_index",
    "evidence",
    "trigger",
    "event_type",
    "mode",
    "contexts",
    "cameo",
    "goldstein",
    "plover_score",
    "quad_class",
    "actor",
    "recipient",
    "factuality",
    "claimed_by",
    "denied_by",
    "event_date",
    "date_precision",
    "date_source",
    "location",
    "confidence",
    "rules",
    "cues",
    "mentions",
]
LEGACY_EVENT_COLUMNS = [("seq", "BIGINT"), ("content_hash", "VARCHAR"), ("run_id", "VARCHAR")] + [
    (name, "DOUBLE" if name in ("goldstein", "plover_score", "confidence") else "VARCHAR")
    if name not in ("sentence_index", "quad_class")
    else (name, "BIGINT")
    for name in _EVENT_ORDER
]
LEGACY_DOCUMENT_COLUMNS = [
    (name, "BIGINT" if name == "seq" else "VARCHAR")
    for name in [
        "seq",
        "content_hash",
        "doc_id",
        "title",
        "text",
        "published",
        "outlet",
        "url",
        "language",
        "source",
        "run_id",
        "added",
    ]
]


def legacy_event_row(event: Event, seq: int, digest: str, run_id: str) -> tuple[Any, ...]:
    data = event.to_dict()
    values = [
        json.dumps(data[name], ensure_ascii=False) if name in _JSON_FIELDS else data[name]
        for name in _EVENT_ORDER
    ]
    return (seq, digest, run_id, *values)


def legacy_store(
    path: str, version: int, documents: list[tuple[Document, list[Event]]], *, run_open: bool
) -> None:
    """A database at schema ``version`` holding ``documents`` and one run (left open or not)."""
    con = duckdb.connect(path)
    migrate(con, target=version)
    doc_rows, event_rows = [], []
    for seq, (document, events) in enumerate(documents, start=1):
        d = document.to_dict()
        doc_rows.append(
            (seq, d["content_hash"], d["doc_id"], d["title"], d["text"], d["published"])
            + (d["outlet"], d["url"], "en", d["source"], "run-old", "2024-01-01T00:00:00+00:00")
        )
        for event in events:
            event_rows.append(
                legacy_event_row(event, len(event_rows) + 1, d["content_hash"], "run-old")
            )
    insert_rows(con, "documents", LEGACY_DOCUMENT_COLUMNS, doc_rows)
    insert_rows(con, "events", LEGACY_EVENT_COLUMNS, event_rows)
    con.execute(
        "INSERT INTO failures VALUES (1, 'run-old', 'bad.txt', NULL, 'DOT101', 'empty file', "
        "'2024-01-01T00:00:00+00:00')"
    )
    finished = None if run_open else "2024-01-01T00:05:00+00:00"
    con.execute(
        "INSERT INTO runs VALUES (1, 'run-old', 'ingest', '[\"news\"]', "
        "'2024-01-01T00:00:00+00:00', ?, 0, 0, 0, 0)",
        [finished],
    )
    con.close()
