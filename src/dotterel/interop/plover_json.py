"""PLOVER's JSON interchange records, one per line (JSONL), as the PLOVER manual's
"JSON Data Fields" chapter names them; Dotterel's extra facts under their own names.

Every record validates against ``dotterel/schema/plover.schema.json``.
"""

from __future__ import annotations

import json
from typing import Any

from dotterel.interop.common import CODER, ExportRow, TextWriter, iso_date
from dotterel.records import Entity, Location

CODEBOOK = "plover-0.7b1"


def actor_object(entity: Entity) -> dict[str, Any]:
    """PLOVER's actor object: top-level code, sector, text; Dotterel's code and offsets."""
    return {
        "code": entity.country_code,
        "sector": entity.role,
        "actor_text": entity.text,
        "identifier_text": entity.canonical,
        "full_code": entity.code,
        "start": entity.start,
        "end": entity.end,
    }


def location_object(location: Location | None) -> dict[str, Any] | None:
    """PLOVER's location object (GeoNames field names, ``cc3`` for alpha-3)."""
    if location is None:
        return None
    return {
        "name": location.name,
        "latitude": location.lat,
        "longitude": location.lon,
        "cc3": location.country or None,
    }


def plover_record(row: ExportRow) -> dict[str, Any]:
    """The PLOVER JSON record of one export row."""
    event, document = row.event, row.document
    return {
        "id": row.export_id,
        "date": iso_date(event.event_date),
        "source": [actor_object(e) for e in event.actor],
        "recipient": [actor_object(e) for e in event.recipient],
        "event": [event.event_type],
        "event_loc": location_object(event.location),
        "event_text": [event.trigger.text],
        "quad_code": event.quad_class,
        "event_scale": event.plover_score,
        "mode": [event.mode] if event.mode else [],
        "context": list(event.contexts),
        "link": row.fusion.fused_id,
        "text": event.evidence.text,
        "text_info": {
            "sequence": event.sentence_index,
            "start": event.evidence.start,
            "end": event.evidence.end,
        },
        "cite_info": {
            "citation": event.doc_id,
            "url": document.url,
            "title": document.title,
            "language": document.language,
            "publication": document.outlet,
            "coder": CODER,
            "codebook": CODEBOOK,
        },
        "coder": CODER,
        "factuality": event.factuality,
        "claimed_by": [actor_object(e) for e in event.claimed_by],
        "denied_by": [actor_object(e) for e in event.denied_by],
        "date_precision": event.date_precision,
        "cameo": event.cameo,
        "goldstein": event.goldstein,
        "confidence": event.confidence,
        "trigger": {
            "text": event.trigger.text,
            "start": event.trigger.start,
            "end": event.trigger.end,
        },
        "published": iso_date(document.published),
        "source_count": row.fusion.n_sources,
    }


class PloverJsonWriter(TextWriter):
    """One PLOVER JSON object per line."""

    format = "plover-json"
    suffix = ".jsonl"

    def write(self, row: ExportRow) -> None:
        self.stream.write(json.dumps(plover_record(row), ensure_ascii=False) + "\n")
        self.rows += 1
