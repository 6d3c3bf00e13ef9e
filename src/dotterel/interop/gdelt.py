"""GDELT 2.0 event table: 61 tab-separated columns, no header (GDELT's ``.export.CSV``).

One line per (Actor1, Actor2) pair, as GDELT records one dyad per event row.
NumMentions/NumSources/NumArticles come from fusion where the store has it.
"""

from __future__ import annotations

from typing import Any, ClassVar

from dotterel.interop.common import (
    NON_STATE_PREFIXES,
    DelimitedWriter,
    ExportRow,
    country_of,
    date_parts,
    dyad_id,
    dyads,
    entity_name,
    fips_code,
    is_country_level,
    place_name,
    sector_codes,
)
from dotterel.records import Entity, Location

_ACTOR_FIELDS = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO_FIELDS = (
    "Type",
    "FullName",
    "CountryCode",
    "ADM1Code",
    "ADM2Code",
    "Lat",
    "Long",
    "FeatureID",
)
GDELT_COLUMNS: tuple[str, ...] = (
    ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{name}" for name in _ACTOR_FIELDS)
    + tuple(f"Actor2{name}" for name in _ACTOR_FIELDS)
    + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass")
    + ("GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
    + tuple(f"Actor1Geo_{name}" for name in _GEO_FIELDS)
    + tuple(f"Actor2Geo_{name}" for name in _GEO_FIELDS)
    + tuple(f"ActionGeo_{name}" for name in _GEO_FIELDS)
    + ("DATEADDED", "SOURCEURL")
)
#: Sentences counted as the lead (headline and first sentence), GDELT's "root" events.
LEAD_SENTENCES = 2
#: GDELT geographic resolution codes.
GEO_COUNTRY, GEO_WORLD_CITY = 1, 4


def _actor(entity: Entity | None) -> list[Any]:
    if entity is None:
        return [None] * len(_ACTOR_FIELDS)
    country = country_of(entity)
    prefix = entity.country_code
    codes = sector_codes(entity)
    group = None
    if prefix in NON_STATE_PREFIXES:
        group = next((c for c in codes if c != prefix), None)
        codes = [c for c in codes if c not in (prefix, group)]
    types = (codes + [None, None, None])[:3]
    return [
        entity.code or prefix,
        entity_name(entity).upper(),
        country,
        group,
        None,
        None,
        None,
        *types,
    ]


def _geo(location: Location | None) -> list[Any]:
    if location is None:
        return [None] * len(_GEO_FIELDS)
    fips = fips_code(location.country)
    country_level = is_country_level(location)
    return [
        GEO_COUNTRY if country_level else GEO_WORLD_CITY,
        place_name(location),
        fips,
        fips,
        None,
        location.lat,
        location.lon,
        fips if country_level else None,
    ]


class GdeltWriter(DelimitedWriter):
    """GDELT 2.0 event rows, tab-separated with no header, as GDELT ships them."""

    format = "gdelt"
    suffix = ".export.CSV"
    header = False
    columns: ClassVar[tuple[str, ...]] = GDELT_COLUMNS

    def write(self, row: ExportRow) -> None:
        event, document = row.event, row.document
        parts = date_parts(event.event_date)
        if parts:
            year, month, day = parts
            dates: list[Any] = [
                f"{year:04d}{month:02d}{day:02d}",
                f"{year:04d}{month:02d}",
                year,
                # GDELT's approximation: year + (month * 30 + day) / 365.
                f"{year + (month * 30 + day) / 365:.4f}",
            ]
        else:
            dates = [None, None, None, None]
        published = date_parts(document.published)
        added = (
            f"{published[0]:04d}{published[1]:02d}{published[2]:02d}000000" if published else None
        )
        cameo = event.cameo
        fusion = row.fusion
        pairs = dyads(event)
        for number, (actor1, actor2) in enumerate(pairs, start=1):
            self._line(
                [
                    dyad_id(row.export_id, number, len(pairs)),
                    *dates,
                    *_actor(actor1),
                    *_actor(actor2),
                    1 if event.sentence_index < LEAD_SENTENCES else 0,
                    cameo,
                    cameo[:3] if cameo else None,
                    cameo[:2] if cameo else None,
                    event.quad_class,
                    event.goldstein,
                    fusion.n_mentions,
                    fusion.n_sources,
                    fusion.n_documents,
                    None,
                    *_geo(None),
                    *_geo(None),
                    *_geo(event.location),
                    added,
                    document.url or document.outlet or event.doc_id,
                ]
            )
