"""POLECAT's released TSV: its 40 columns in their order, then Dotterel's own.

The header is the one of POLECAT's monthly release files (``ngecEvents`` on Harvard
Dataverse); see ``docs/formats.md`` for where it comes from and what each column holds.
"""

from __future__ import annotations

from typing import Any, ClassVar

from dotterel.interop.common import (
    CODER,
    QUAD_NAMES,
    DelimitedWriter,
    ExportRow,
    country_number,
    country_of,
    entity_name,
    is_country_level,
    iso_date,
    joined,
    sector_codes,
    sector_names,
)
from dotterel.records import Entity

POLECAT_COLUMNS: tuple[str, ...] = (
    "Event ID",
    "Event Date",
    "Event Type",
    "Event Mode",
    "Intensity",
    "Quad Code",
    "Contexts",
    "Actor Name",
    "Actor Country",
    "Actor COW",
    "Primary Actor Sector",
    "Actor Sectors",
    "Actor Title",
    "Actor Name Raw",
    "Wikipedia Actor ID",
    "Recipient Name",
    "Recipient Country",
    "Recipient COW",
    "Primary Recipient Sector",
    "Recipient Sectors",
    "Recipient Title",
    "Recipient Name Raw",
    "Wikipedia Recipient ID",
    "Placename",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
    "GeoNames ID",
    "Raw Placename",
    "Feature Type",
    "Source",
    "Publication Date",
    "Story People",
    "Story Organizations",
    "Story Locations",
    "Language",
    "Version",
)
#: Dotterel's facts POLECAT has no column for, appended after its own columns.
DOTTEREL_COLUMNS: tuple[str, ...] = (
    "Factuality",
    "Claimed By",
    "Denied By",
    "Evidence",
    "Evidence Start",
    "Evidence End",
    "Trigger",
    "Trigger Start",
    "Trigger End",
    "Document ID",
    "Fused ID",
    "Source Count",
)
#: POLECAT joins the values of a multi-valued cell with a semicolon and a space.
SEPARATOR = "; "


def aligned(values: list[Any]) -> str:
    """Per-participant values ``; ``-joined position by position (empty kept), so the
    n-th name, country and number belong together; a ``;`` inside a value becomes ``,``."""
    if not any(v not in (None, "") for v in values):
        return ""
    return SEPARATOR.join("" if v is None else str(v).replace(";", ",") for v in values)


def _side(entities: list[Entity]) -> list[Any]:
    """The eight participant columns (name ... Wikipedia id) of one side."""
    primary = next((codes[0] for e in entities if (codes := sector_codes(e))), None)
    sectors: list[str] = []
    for entity in entities:
        for name in sector_names(entity):
            if name not in sectors:
                sectors.append(name)
    return [
        aligned([entity_name(e) for e in entities]),
        aligned([country_of(e) or e.country_code for e in entities]),
        aligned([country_number(country_of(e)) for e in entities]),
        primary,
        joined(sectors, SEPARATOR),
        None,
        aligned([e.text for e in entities]),
        None,
    ]


def _codes(entities: list[Entity]) -> str:
    return joined([e.code or e.country_code or e.text for e in entities], SEPARATOR)


class PolecatWriter(DelimitedWriter):
    """One line per event, participants ``; ``-joined as POLECAT joins them."""

    format = "polecat"
    suffix = ".tsv"
    columns: ClassVar[tuple[str, ...]] = POLECAT_COLUMNS + DOTTEREL_COLUMNS

    def write(self, row: ExportRow) -> None:
        event, document = row.event, row.document
        place = event.location
        city = place.name if place is not None and not is_country_level(place) else None
        values: list[Any] = [
            row.export_id,
            iso_date(event.event_date),
            event.event_type,
            event.mode,
            event.plover_score,
            QUAD_NAMES.get(event.quad_class or 0),
            joined(event.contexts, SEPARATOR),
            *_side(event.actor),
            *_side(event.recipient),
            place.name if place else None,
            city,
            None,
            None,
            place.country if place else None,
            place.lat if place else None,
            place.lon if place else None,
            None,
            place.name if place else None,
            None,
            document.outlet,
            iso_date(document.published),
            None,
            None,
            None,
            document.language,
            CODER,
            event.factuality,
            _codes(event.claimed_by),
            _codes(event.denied_by),
            event.evidence.text,
            event.evidence.start,
            event.evidence.end,
            event.trigger.text,
            event.trigger.start,
            event.trigger.end,
            event.doc_id,
            row.fusion.fused_id,
            row.fusion.n_sources,
        ]
        self._line(values)
