"""Dotterel's own flat columns as CSV (RFC 4180, header line, ``;`` inside a cell)."""

from __future__ import annotations

from typing import Any, ClassVar

from dotterel.interop.common import CsvWriter, ExportRow, iso_date, joined
from dotterel.records import Entity

CSV_COLUMNS: tuple[str, ...] = (
    "event_id",
    "doc_id",
    "sentence_index",
    "event_date",
    "date_precision",
    "event_type",
    "mode",
    "contexts",
    "cameo",
    "goldstein",
    "plover_score",
    "quad_class",
    "actor",
    "actor_country",
    "recipient",
    "recipient_country",
    "factuality",
    "claimed_by",
    "denied_by",
    "location_name",
    "location_country",
    "latitude",
    "longitude",
    "confidence",
    "trigger",
    "trigger_start",
    "trigger_end",
    "evidence",
    "evidence_start",
    "evidence_end",
    "published",
    "outlet",
    "url",
    "fused_id",
    "n_sources",
)
SEPARATOR = ";"


def codes(entities: list[Entity]) -> str:
    """Participants' codes ``;``-joined (``?text`` for one without a code)."""
    return joined([e.code or f"?{e.text}" for e in entities], SEPARATOR)


def countries(entities: list[Entity]) -> str:
    return joined([e.country_code for e in entities], SEPARATOR)


class TableCsvWriter(CsvWriter):
    """One row per event with Dotterel's field names."""

    format = "csv"
    suffix = ".csv"
    columns: ClassVar[tuple[str, ...]] = CSV_COLUMNS

    def write(self, row: ExportRow) -> None:
        event, document = row.event, row.document
        place = event.location
        values: list[Any] = [
            row.export_id,
            event.doc_id,
            event.sentence_index,
            iso_date(event.event_date),
            event.date_precision,
            event.event_type,
            event.mode,
            joined(event.contexts, SEPARATOR),
            event.cameo,
            event.goldstein,
            event.plover_score,
            event.quad_class,
            codes(event.actor),
            countries(event.actor),
            codes(event.recipient),
            countries(event.recipient),
            event.factuality,
            codes(event.claimed_by),
            codes(event.denied_by),
            place.name if place else None,
            place.country if place else None,
            place.lat if place else None,
            place.lon if place else None,
            event.confidence,
            event.trigger.text,
            event.trigger.start,
            event.trigger.end,
            event.evidence.text,
            event.evidence.start,
            event.evidence.end,
            iso_date(document.published),
            document.outlet,
            document.url,
            row.fusion.fused_id,
            row.fusion.n_sources,
        ]
        self._line(values)
