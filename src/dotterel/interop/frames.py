"""Stored events, documents, actor mentions and fused events as pandas or polars frames.

Columns are typed through Arrow: dates are dates (pandas ``datetime64``, polars
``Date``), lists are lists, entities are structs (dicts in pandas).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import pyarrow as pa

from dotterel.errors import FrameBackendError
from dotterel.interop.common import ExportRow, with_fusion
from dotterel.interop.parquet import PARQUET_SCHEMA, parquet_row, to_date
from dotterel.store.base import EventStore

BACKENDS: tuple[str, ...] = ("pandas", "polars")
_BATCH = 5000

DOCUMENT_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("title", pa.string()),
        ("published", pa.date32()),
        ("outlet", pa.string()),
        ("url", pa.string()),
        ("language", pa.string()),
        ("source", pa.string()),
        ("content_hash", pa.string()),
        ("n_characters", pa.int64()),
    ]
)
ACTOR_SCHEMA = pa.schema(
    [
        ("doc_id", pa.string()),
        ("event_id", pa.string()),
        ("role", pa.string()),
        ("text", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("code", pa.string()),
        ("country", pa.string()),
        ("sector", pa.string()),
        ("canonical", pa.string()),
        ("why", pa.string()),
    ]
)
_FUSED_ENTITY = pa.list_(
    pa.struct([("text", pa.string()), ("code", pa.string()), ("country", pa.string())])
)
FUSED_SCHEMA = pa.schema(
    [
        ("fused_id", pa.string()),
        ("event_type", pa.string()),
        ("actor", _FUSED_ENTITY),
        ("recipient", _FUSED_ENTITY),
        ("factuality", pa.string()),
        ("claimed_by", _FUSED_ENTITY),
        ("denied_by", _FUSED_ENTITY),
        ("event_date", pa.date32()),
        ("date_precision", pa.string()),
        ("cameo", pa.string()),
        ("goldstein", pa.float64()),
        ("quad_class", pa.int8()),
        ("first_reported", pa.date32()),
        ("last_reported", pa.date32()),
        ("n_mentions", pa.int32()),
        ("n_documents", pa.int32()),
        ("n_independent_sources", pa.int32()),
        ("member_event_ids", pa.list_(pa.string())),
    ]
)


DYAD_SCHEMA = pa.schema(
    [
        ("period", pa.date32()),
        ("cooperation", pa.float64()),
        ("conflict", pa.float64()),
        ("net", pa.float64()),
        ("n_events", pa.int32()),
        ("fused_ids", pa.list_(pa.string())),
    ]
)


def _table(rows: Iterable[dict[str, Any]], schema: pa.Schema) -> pa.Table:
    batches: list[pa.RecordBatch] = []
    pending: list[dict[str, Any]] = []
    for row in rows:
        pending.append(row)
        if len(pending) >= _BATCH:
            batches.append(pa.RecordBatch.from_pylist(pending, schema=schema))
            pending = []
    batches.append(pa.RecordBatch.from_pylist(pending, schema=schema))
    return pa.Table.from_batches(batches, schema=schema)


def to_frame(table: pa.Table, backend: str) -> Any:
    """An Arrow table as a pandas or polars DataFrame, keeping its types."""
    if backend == "polars":
        import polars as pl

        return pl.from_arrow(table)
    if backend != "pandas":
        known = ", ".join(BACKENDS)
        raise FrameBackendError(f"unknown DataFrame backend {backend!r} (known: {known})")
    frame = table.to_pandas(date_as_object=False)
    for name in table.schema.names:
        if pa.types.is_list(table.schema.field(name).type):
            # Arrow gives numpy arrays; users of a list column expect Python lists.
            frame[name] = [list(value) if value is not None else [] for value in frame[name]]
    return frame


def event_rows(store: EventStore, **filters: Any) -> Iterator[dict[str, Any]]:
    stream = store.iter_events_with_documents(**filters)
    for event, document, fusion in with_fusion(store, stream, _BATCH):
        yield parquet_row(ExportRow(event, document, event.event_id, fusion))


def events_table(store: EventStore, **filters: Any) -> pa.Table:
    """Events (filters of ``query_events``) in the typed columns of the Parquet export."""
    return _table(event_rows(store, **filters), PARQUET_SCHEMA)


def documents_table(store: EventStore) -> pa.Table:
    """One row per stored document (its length, not its text)."""
    rows = (
        {
            "doc_id": d.doc_id,
            "title": d.title,
            "published": to_date(d.published),
            "outlet": d.outlet,
            "url": d.url,
            "language": d.language,
            "source": d.source,
            "content_hash": d.content_hash,
            "n_characters": len(d.text),
        }
        for d in store.documents()
    )
    return _table(rows, DOCUMENT_SCHEMA)


def actors_table(store: EventStore) -> pa.Table:
    """One row per actor mention and event participant (``role`` says which)."""
    rows = (
        {
            "doc_id": doc_id,
            "event_id": event_id,
            "role": role,
            "text": e.text,
            "start": e.start,
            "end": e.end,
            "code": e.code,
            "country": e.country_code,
            "sector": e.role,
            "canonical": e.canonical,
            "why": e.why,
        }
        for doc_id, event_id, role, e in store.iter_entity_rows()
    )
    return _table(rows, ACTOR_SCHEMA)


def fused_table(store: EventStore) -> pa.Table:
    """One row per fused event; a store without fusion gives a coded error."""
    listing = getattr(store, "fused_events", None)
    if not callable(listing):
        raise FrameBackendError("this store has no fused events (run fusion first)")

    def people(entities: list[Any]) -> list[dict[str, Any]]:
        return [{"text": e.text, "code": e.code, "country": e.country_code} for e in entities]

    rows = (
        {
            "fused_id": f.fused_id,
            "event_type": f.event_type,
            "actor": people(f.actor),
            "recipient": people(f.recipient),
            "factuality": f.factuality,
            "claimed_by": people(f.claimed_by),
            "denied_by": people(f.denied_by),
            "event_date": to_date(f.event_date),
            "date_precision": f.date_precision,
            "cameo": f.cameo,
            "goldstein": f.goldstein,
            "quad_class": f.quad_class,
            "first_reported": to_date(f.first_reported),
            "last_reported": to_date(f.last_reported),
            "n_mentions": f.n_mentions,
            "n_documents": f.n_documents,
            "n_independent_sources": f.n_independent_sources,
            "member_event_ids": [m.event_id for m in f.members],
        }
        for f in listing()
    )
    return _table(rows, FUSED_SCHEMA)


def dyad_table(points: Iterable[Any]) -> pa.Table:
    """One row per period of a dyad series (:class:`dotterel.analysis.dyads.DyadPoint`)."""
    rows = (
        {
            "period": to_date(p.period),
            "cooperation": p.cooperation,
            "conflict": p.conflict,
            "net": p.net,
            "n_events": p.n_events,
            "fused_ids": list(p.fused_ids),
        }
        for p in points
    )
    return _table(rows, DYAD_SCHEMA)
