"""ICEWS coded event data: the 20 tab-separated columns of its Dataverse ``.tab`` files.

One line per (source, target) pair, as ICEWS codes one dyad per record; ids are unique
(``ev_...``, with ``.1``, ``.2`` ... when one event has several dyads).
"""

from __future__ import annotations

from functools import cache
from typing import Any, ClassVar

from dotterel.events.lexicon import load_lexicon
from dotterel.interop.common import (
    DelimitedWriter,
    ExportRow,
    country_name,
    country_of,
    dyad_id,
    dyads,
    entity_name,
    is_country_level,
    iso_date,
    sector_names,
)
from dotterel.records import Entity

ICEWS_COLUMNS: tuple[str, ...] = (
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Sectors",
    "Source Country",
    "Event Text",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Sectors",
    "Target Country",
    "Story ID",
    "Sentence Number",
    "Publisher",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
)


@cache
def cameo_name(code: str | None) -> str | None:
    """The CAMEO verb phrase of a code (``036`` -> ``Express intent to meet or negotiate``)."""
    if not code:
        return None
    info = load_lexicon().cameo_codes.get(code)
    return info.name if info else None


def _side(entity: Entity | None) -> list[Any]:
    if entity is None:
        return [None, None, None]
    return [
        entity_name(entity),
        ",".join(sector_names(entity)),
        country_name(country_of(entity)),
    ]


class IcewsWriter(DelimitedWriter):
    """ICEWS's columns with a header line; sectors comma-joined as ICEWS joins them."""

    format = "icews"
    suffix = ".tab"
    columns: ClassVar[tuple[str, ...]] = ICEWS_COLUMNS

    def write(self, row: ExportRow) -> None:
        event, document = row.event, row.document
        place = event.location
        city = place.name if place is not None and not is_country_level(place) else None
        pairs = dyads(event)
        for number, (source, target) in enumerate(pairs, start=1):
            self._line(
                [
                    dyad_id(row.export_id, number, len(pairs)),
                    iso_date(event.event_date),
                    *_side(source),
                    cameo_name(event.cameo),
                    event.cameo,
                    event.goldstein,
                    *_side(target),
                    event.doc_id,
                    event.sentence_index + 1,
                    document.outlet,
                    city,
                    None,
                    None,
                    country_name(place.country) if place else None,
                    place.lat if place else None,
                    place.lon if place else None,
                ]
            )
