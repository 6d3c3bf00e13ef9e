"""The Phoenix daily files' 26 tab-separated columns (no header line, as Phoenix shipped).

One line per (source, target) pair; multi-valued cells (attributes, sentence ids, URLs,
sources) are ``;``-joined as the Phoenix pipeline joined them.
"""

from __future__ import annotations

from typing import Any, ClassVar

from dotterel.interop.common import (
    DelimitedWriter,
    ExportRow,
    date_parts,
    dyad_id,
    dyads,
    is_country_level,
    joined,
    sector_codes,
)
from dotterel.records import Entity

PHOENIX_COLUMNS: tuple[str, ...] = (
    "EventID",
    "Date",
    "Year",
    "Month",
    "Day",
    "SourceActorFull",
    "SourceActorEntity",
    "SourceActorRole",
    "SourceActorAttribute",
    "TargetActorFull",
    "TargetActorEntity",
    "TargetActorRole",
    "TargetActorAttribute",
    "EventCode",
    "EventRootCode",
    "PentaClass",
    "GoldsteinScore",
    "Issues",
    "Lat",
    "Lon",
    "LocationName",
    "StateName",
    "CountryCode",
    "SentenceID",
    "URLs",
    "NewsSources",
)
SEPARATOR = ";"
#: CAMEO root code -> Phoenix's five-way class (0 statements ... 4 material conflict).
PENTA_CLASS = {
    "01": 0, "02": 0, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2, "09": 3,
    "10": 3, "11": 3, "12": 3, "13": 3, "14": 4, "15": 4, "16": 3, "17": 4, "18": 4,
    "19": 4, "20": 4,
}  # fmt: skip


def _side(entity: Entity | None) -> list[Any]:
    if entity is None:
        return [None, None, None, None]
    codes = sector_codes(entity)
    return [
        entity.code or entity.country_code,
        entity.country_code,
        entity.role or (codes[0] if codes else None),
        joined([c for c in codes if c != entity.role], SEPARATOR),
    ]


class PhoenixWriter(DelimitedWriter):
    """Phoenix lines: no header, like the ``events.full.YYYYMMDD.txt`` files."""

    format = "phoenix"
    suffix = ".txt"
    header = False
    columns: ClassVar[tuple[str, ...]] = PHOENIX_COLUMNS

    def write(self, row: ExportRow) -> None:
        event, document = row.event, row.document
        parts = date_parts(event.event_date)
        stamp = f"{parts[0]:04d}{parts[1]:02d}{parts[2]:02d}" if parts else None
        root = (event.cameo or "")[:2] or None
        place = event.location
        pairs = dyads(event)
        for number, (source, target) in enumerate(pairs, start=1):
            self._line(
                [
                    dyad_id(row.export_id, number, len(pairs)),
                    stamp,
                    *(parts or (None, None, None)),
                    *_side(source),
                    *_side(target),
                    event.cameo,
                    root,
                    PENTA_CLASS.get(root or ""),
                    event.goldstein,
                    None,
                    place.lat if place else None,
                    place.lon if place else None,
                    (place.name if not is_country_level(place) else None) if place else None,
                    None,
                    place.country if place else None,
                    f"{event.doc_id}_{event.sentence_index}",
                    document.url,
                    document.outlet,
                ]
            )
