"""Partitioned Parquet of extraction results: one file per partition and table.

A partition folder holds four data sets, each readable directly by DuckDB, Polars or
Spark (``read_parquet('<folder>/events/*.parquet')``):

- ``documents/part-<key>.parquet``: the documents extracted (text and metadata),
- ``events/part-<key>.parquet``: their events, key fields as columns plus the full
  record as JSON in ``record`` (the public event contract, ``docs/events.md``),
- ``mentions/part-<key>.parquet``: actor mentions (the ``Entity`` fields),
- ``failures/part-<key>.parquet``: documents the pipeline failed on.

Every file is written to a hidden temporary name and renamed into place, so a reader
never sees half a file; ``documents`` is written last and marks the partition done.
``<key>`` is a digest of the partition's documents and of the pipeline settings, so a
re-run over the same inputs finds the partitions it already did.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from dotterel import __version__
from dotterel.nlp.pipeline import Extraction
from dotterel.records import Document, Entity, Event, Failure
from dotterel.runner.base import PipelineConfig, Result

TABLES: tuple[str, ...] = ("events", "mentions", "failures", "documents")

_CODES = pa.list_(pa.string())

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema(
        [
            ("position", pa.int32()),
            ("doc_id", pa.string()),
            ("content_hash", pa.string()),
            ("title", pa.string()),
            ("text", pa.string()),
            ("published", pa.string()),
            ("outlet", pa.string()),
            ("url", pa.string()),
            ("language", pa.string()),
            ("source", pa.string()),
        ]
    ),
    "events": pa.schema(
        [
            ("position", pa.int32()),
            ("event_id", pa.string()),
            ("doc_id", pa.string()),
            ("sentence_index", pa.int32()),
            ("event_type", pa.string()),
            ("mode", pa.string()),
            ("cameo", pa.string()),
            ("goldstein", pa.float64()),
            ("quad_class", pa.int32()),
            ("factuality", pa.string()),
            ("actor", _CODES),
            ("recipient", _CODES),
            ("claimed_by", _CODES),
            ("denied_by", _CODES),
            ("event_date", pa.string()),
            ("date_precision", pa.string()),
            ("location_name", pa.string()),
            ("location_country", pa.string()),
            ("confidence", pa.float64()),
            ("trigger", pa.string()),
            ("evidence", pa.string()),
            ("record", pa.string()),
        ]
    ),
    "mentions": pa.schema(
        [
            ("position", pa.int32()),
            ("doc_id", pa.string()),
            ("text", pa.string()),
            ("start", pa.int32()),
            ("end", pa.int32()),
            ("code", pa.string()),
            ("country", pa.string()),
            ("role", pa.string()),
            ("canonical", pa.string()),
            ("why", pa.string()),
        ]
    ),
    "failures": pa.schema(
        [
            ("position", pa.int32()),
            ("source", pa.string()),
            ("code", pa.string()),
            ("reason", pa.string()),
            ("line", pa.int32()),
        ]
    ),
}


def partition_key(documents: Sequence[Document], config: PipelineConfig) -> str:
    """A digest of the documents (content and id, in order) and of the pipeline settings."""
    digest = hashlib.sha1(f"{__version__}\x1e{config!r}".encode())
    for document in documents:
        digest.update(f"\x1e{document.doc_id}\x1f{document.content_hash}".encode())
    return digest.hexdigest()[:20]


def partition_path(folder: Path, table: str, key: str) -> Path:
    return folder / table / f"part-{key}.parquet"


def partition_done(folder: Path, key: str) -> bool:
    """Whether partition ``key`` was completely written (its documents file exists)."""
    return partition_path(folder, "documents", key).exists()


def _codes(entities: list[Entity]) -> list[str]:
    return [entity.code or f"?{entity.text}" for entity in entities]


def _event_row(position: int, event: Event) -> dict[str, Any]:
    return {
        "position": position,
        "event_id": event.event_id,
        "doc_id": event.doc_id,
        "sentence_index": event.sentence_index,
        "event_type": event.event_type,
        "mode": event.mode,
        "cameo": event.cameo,
        "goldstein": event.goldstein,
        "quad_class": event.quad_class,
        "factuality": event.factuality,
        "actor": _codes(event.actor),
        "recipient": _codes(event.recipient),
        "claimed_by": _codes(event.claimed_by),
        "denied_by": _codes(event.denied_by),
        "event_date": event.event_date,
        "date_precision": event.date_precision,
        "location_name": event.location.name if event.location else None,
        "location_country": event.location.country if event.location else None,
        "confidence": event.confidence,
        "trigger": event.trigger.text,
        "evidence": event.evidence.text,
        "record": json.dumps(event.to_dict(), ensure_ascii=False),
    }


def _write_atomically(table: pa.Table, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        pq.write_table(table, temporary)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def write_partition(
    folder: Path, key: str, documents: Sequence[Document], results: Sequence[Result]
) -> None:
    """Write one partition's four files; ``documents`` last, as the done marker."""
    rows: dict[str, list[dict[str, Any]]] = {table: [] for table in TABLES}
    for position, (document, result) in enumerate(zip(documents, results, strict=True)):
        if isinstance(result, Failure):
            rows["failures"].append({"position": position, **result.to_dict()})
            continue
        row = {"position": position, **document.to_dict()}
        rows["documents"].append(row)
        rows["events"].extend(_event_row(position, event) for event in result.events)
        rows["mentions"].extend(
            {"position": position, "doc_id": document.doc_id, **mention.to_dict()}
            for mention in result.mentions
        )
    for table in TABLES:
        arrow = pa.Table.from_pylist(rows[table], schema=SCHEMAS[table])
        _write_atomically(arrow, partition_path(folder, table, key))


def read_partition(folder: Path, key: str, documents: Sequence[Document]) -> list[Result]:
    """The results of a written partition, one per document in order."""

    def table_rows(table: str) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = pq.read_table(partition_path(folder, table, key)).to_pylist()
        return rows

    failures = {row.pop("position"): row for row in table_rows("failures")}
    events: dict[int, list[Event]] = {}
    for row in table_rows("events"):
        events.setdefault(row["position"], []).append(Event.from_dict(json.loads(row["record"])))
    mentions: dict[int, list[Entity]] = {}
    for row in table_rows("mentions"):
        position = row.pop("position")
        row.pop("doc_id")
        mentions.setdefault(position, []).append(Entity.from_dict(row))
    results: list[Result] = []
    for position, document in enumerate(documents):
        failure = failures.get(position)
        if failure is not None:
            results.append(
                Failure(
                    source=failure["source"],
                    code=failure["code"],
                    reason=failure["reason"],
                    line=failure["line"],
                )
            )
        else:
            results.append(
                Extraction(
                    document=document,
                    events=events.get(position, []),
                    mentions=mentions.get(position, []),
                )
            )
    return results
