"""Parquet with typed columns: dates as DATE, lists as lists, entities as structs (pyarrow).

Rows are buffered in small record batches, so memory stays flat in the number of events.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from dotterel.interop.common import ExportRow, Writer, date_parts
from dotterel.records import Entity, Span

_SPAN = pa.struct([("text", pa.string()), ("start", pa.int32()), ("end", pa.int32())])
_ENTITY = pa.struct(
    [
        ("text", pa.string()),
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("code", pa.string()),
        ("country", pa.string()),
        ("role", pa.string()),
        ("canonical", pa.string()),
    ]
)
_LOCATION = pa.struct(
    [
        ("name", pa.string()),
        ("country", pa.string()),
        ("lat", pa.float64()),
        ("lon", pa.float64()),
    ]
)
PARQUET_SCHEMA = pa.schema(
    [
        ("event_id", pa.string()),
        ("doc_id", pa.string()),
        ("sentence_index", pa.int32()),
        ("event_date", pa.date32()),
        ("date_precision", pa.string()),
        ("event_type", pa.string()),
        ("mode", pa.string()),
        ("contexts", pa.list_(pa.string())),
        ("cameo", pa.string()),
        ("goldstein", pa.float64()),
        ("plover_score", pa.float64()),
        ("quad_class", pa.int8()),
        ("actor", pa.list_(_ENTITY)),
        ("recipient", pa.list_(_ENTITY)),
        ("factuality", pa.string()),
        ("claimed_by", pa.list_(_ENTITY)),
        ("denied_by", pa.list_(_ENTITY)),
        ("location", _LOCATION),
        ("confidence", pa.float64()),
        ("trigger", _SPAN),
        ("evidence", _SPAN),
        ("published", pa.date32()),
        ("outlet", pa.string()),
        ("url", pa.string()),
        ("title", pa.string()),
        ("fused_id", pa.string()),
        ("n_mentions", pa.int32()),
        ("n_documents", pa.int32()),
        ("n_sources", pa.int32()),
    ]
)
BATCH_ROWS = 2000


def to_date(text: str | None) -> date | None:
    """A :class:`datetime.date` from an ISO date (month/year precision: first day)."""
    parts = date_parts(text)
    if not parts:
        return None
    try:
        return date(*parts)
    except ValueError:
        return None


def _entity(entity: Entity) -> dict[str, Any]:
    return {
        "text": entity.text,
        "start": entity.start,
        "end": entity.end,
        "code": entity.code,
        "country": entity.country_code,
        "role": entity.role,
        "canonical": entity.canonical,
    }


def _span(span: Span) -> dict[str, Any]:
    return {"text": span.text, "start": span.start, "end": span.end}


def parquet_row(row: ExportRow) -> dict[str, Any]:
    """The :data:`PARQUET_SCHEMA` values of one export row."""
    event, document = row.event, row.document
    place = event.location
    return {
        "event_id": row.export_id,
        "doc_id": event.doc_id,
        "sentence_index": event.sentence_index,
        "event_date": to_date(event.event_date),
        "date_precision": event.date_precision,
        "event_type": event.event_type,
        "mode": event.mode,
        "contexts": list(event.contexts),
        "cameo": event.cameo,
        "goldstein": event.goldstein,
        "plover_score": event.plover_score,
        "quad_class": event.quad_class,
        "actor": [_entity(e) for e in event.actor],
        "recipient": [_entity(e) for e in event.recipient],
        "factuality": event.factuality,
        "claimed_by": [_entity(e) for e in event.claimed_by],
        "denied_by": [_entity(e) for e in event.denied_by],
        "location": (
            {"name": place.name, "country": place.country, "lat": place.lat, "lon": place.lon}
            if place
            else None
        ),
        "confidence": event.confidence,
        "trigger": _span(event.trigger),
        "evidence": _span(event.evidence),
        "published": to_date(document.published),
        "outlet": document.outlet,
        "url": document.url,
        "title": document.title,
        "fused_id": row.fusion.fused_id,
        "n_mentions": row.fusion.n_mentions,
        "n_documents": row.fusion.n_documents,
        "n_sources": row.fusion.n_sources,
    }


class ParquetWriter(Writer):
    """One Parquet file; rows written in record batches of :data:`BATCH_ROWS`."""

    format = "parquet"
    suffix = ".parquet"

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self._writer = pq.ParquetWriter(str(path), PARQUET_SCHEMA)
        self._pending: list[dict[str, Any]] = []

    def write(self, row: ExportRow) -> None:
        self._pending.append(parquet_row(row))
        self.rows += 1
        if len(self._pending) >= BATCH_ROWS:
            self.flush()

    def flush(self) -> None:
        if self._pending:
            batch = pa.RecordBatch.from_pylist(self._pending, schema=PARQUET_SCHEMA)
            self._writer.write_batch(batch)
            self._pending = []

    def close(self) -> None:
        if self._writer is not None:
            self.flush()
            self._writer.close()
            self._writer = None  # type: ignore[assignment]
