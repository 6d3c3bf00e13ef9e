"""Read ICEWS and POLECAT TSV files as outside events, row by row.

Each good row becomes an :class:`~dotterel.records.OutsideEvent` (with the row kept
whole in ``fields``); a bad row becomes a :class:`~dotterel.records.Failure` (code
``DOT811``) naming the file, line and reason, and reading goes on. A file that does not
start with the dataset's header raises :class:`~dotterel.errors.ImportHeaderError`.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from pathlib import Path

from dotterel.errors import ImportHeaderError, ImportRowError, UnknownFormatError
from dotterel.events.lexicon import load_lexicon
from dotterel.interop.common import (
    NON_STATE_PREFIXES,
    QUAD_NAMES,
    iso3_of_name,
    iso_date,
    sector_codes_by_name,
)
from dotterel.interop.icews import ICEWS_COLUMNS
from dotterel.interop.polecat import POLECAT_COLUMNS
from dotterel.records import Entity, Failure, Location, OutsideEvent

IMPORT_FORMATS: tuple[str, ...] = ("icews", "polecat")
#: Cell values the datasets write for "no value".
MISSING_MARKERS = frozenset({"", "None", "NA", "NaN", "null"})
_QUAD_BY_NAME = {name: number for number, name in QUAD_NAMES.items()}
#: CAMEO root code -> PLOVER category, after the PLOVER manual's translation table,
#: for codes the lexicon does not list (01 and 02 have no PLOVER category).
_PLOVER_BY_ROOT = {
    "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID",
    "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT", "13": "THREATEN",
    "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE", "18": "ASSAULT",
    "19": "ASSAULT", "20": "ASSAULT",
}  # fmt: skip


def _value(text: str | None) -> str | None:
    if text is None:
        return None
    text = text.strip()
    return None if text in MISSING_MARKERS else text


def _number(text: str | None, what: str) -> float | None:
    value = _value(text)
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        raise ImportRowError(f"{what} {value!r} is not a number") from None


def _integer(text: str | None, what: str) -> int | None:
    number = _number(text, what)
    return int(number) if number is not None else None


def _date(text: str | None) -> str | None:
    value = _value(text)
    if value is None:
        return None
    if len(value) == 8 and value.isdigit():
        value = f"{value[:4]}-{value[4:6]}-{value[6:]}"
    found = iso_date(value)
    if found is None:
        raise ImportRowError(f"date {value!r} is not YYYY-MM-DD")
    return found


def plover_of_cameo(code: str | None) -> str | None:
    """The PLOVER category of a CAMEO code (``None`` for statements and appeals)."""
    if not code:
        return None
    info = load_lexicon().cameo_codes.get(code)
    if info is not None and info.plover:
        return info.plover
    return _PLOVER_BY_ROOT.get(code[:2])


def quad_of(category: str | None) -> int | None:
    info = load_lexicon().plover_categories.get(category or "")
    return info.quad_class if info else None


def _sector_code(names: list[str]) -> str | None:
    table = sector_codes_by_name()
    for name in names:
        code = table.get(name.strip().casefold())
        if code:
            return code
    return None


def _participant(name: str | None, country: str | None, sectors: list[str]) -> Entity | None:
    if name is None and country is None:
        return None
    # IGO, NGO ... stand where a state would, as in Dotterel's own codes.
    iso3 = country if country in NON_STATE_PREFIXES else iso3_of_name(country)
    role = _sector_code(sectors)
    code = (iso3 or "") + (role or "") if iso3 or role else None
    text = name or country or ""
    return Entity(text=text, start=0, end=0, code=code, country=iso3, role=role, canonical=name)


def _rows(
    path: Path, expected: tuple[str, ...], dataset: str
) -> Iterator[tuple[int, dict[str, str]]]:
    csv.field_size_limit(sys.maxsize)
    with path.open("r", encoding="utf-8-sig", newline="") as stream:
        reader = csv.reader(stream, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if header is None or tuple(h.strip() for h in header[: len(expected)]) != expected:
            raise ImportHeaderError(
                f"does not start with the {dataset} header ({', '.join(expected[:4])}, ...)",
                source=str(path),
            )
        names = [h.strip() for h in header]
        for number, cells in enumerate(reader, start=2):
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(names):
                yield number, {"\x00error": f"{len(cells)} cells for {len(names)} columns"}
                continue
            yield number, dict(zip(names, cells, strict=True))


def _icews(row: dict[str, str], source_file: str) -> OutsideEvent:
    cameo = _value(row["CAMEO Code"])
    category = plover_of_cameo(cameo)
    country = _value(row["Country"])
    lat, lon = _number(row["Latitude"], "Latitude"), _number(row["Longitude"], "Longitude")
    place = _value(row["City"]) or _value(row["District"]) or _value(row["Province"]) or country
    actors = [
        _participant(
            _value(row[f"{side} Name"]),
            _value(row[f"{side} Country"]),
            (_value(row[f"{side} Sectors"]) or "").split(","),
        )
        for side in ("Source", "Target")
    ]
    intensity = _number(row["Intensity"], "Intensity")
    event_id = _value(row["Event ID"])
    if event_id is None:
        raise ImportRowError("no Event ID")
    return OutsideEvent(
        source_dataset="icews",
        source_event_id=event_id,
        event_date=_date(row["Event Date"]),
        event_type=category,
        cameo=cameo,
        goldstein=intensity,
        intensity=intensity,
        quad_class=quad_of(category),
        actor=[actors[0]] if actors[0] else [],
        recipient=[actors[1]] if actors[1] else [],
        location=Location(place, iso3_of_name(country), lat, lon) if place else None,
        story_id=_value(row["Story ID"]),
        sentence_number=_integer(row["Sentence Number"], "Sentence Number"),
        publisher=_value(row["Publisher"]),
        source_file=source_file,
        fields=dict(row),
    )


def _split(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(";") if _value(part)]


def _cells(text: str | None) -> list[str | None]:
    """A ``;``-joined cell split position by position (an empty cell: no values)."""
    if _value(text) is None:
        return []
    return [_value(part) for part in (text or "").split(";")]


def _side(row: dict[str, str], side: str) -> list[Entity]:
    names = _cells(row[f"{side} Name"])
    countries = _cells(row[f"{side} Country"])
    sectors = _split(row[f"{side} Sectors"])
    primary = _value(row[f"Primary {side} Sector"])
    entities = []
    for index in range(max(len(names), len(countries))):
        name = names[index] if index < len(names) else None
        country = countries[index] if index < len(countries) else None
        entity = _participant(name, country, sectors)
        if entity is not None:
            if primary and len(primary) == 3 and primary.isupper():
                entity.role = primary
                entity.code = (entity.country or "") + primary
            entities.append(entity)
    return entities


def _polecat(row: dict[str, str], source_file: str) -> OutsideEvent:
    category = _value(row["Event Type"])
    category = category.upper() if category else None
    quad = _value(row["Quad Code"])
    lat, lon = _number(row["Latitude"], "Latitude"), _number(row["Longitude"], "Longitude")
    place = _value(row["Placename"]) or _value(row["City"]) or _value(row["Country"])
    event_id = _value(row["Event ID"])
    if event_id is None:
        raise ImportRowError("no Event ID")
    return OutsideEvent(
        source_dataset="polecat",
        source_event_id=event_id,
        event_date=_date(row["Event Date"]),
        event_type=category,
        mode=_value(row["Event Mode"]),
        contexts=_split(row["Contexts"]),
        intensity=_number(row["Intensity"], "Intensity"),
        quad_class=_QUAD_BY_NAME.get(quad.upper()) if quad else quad_of(category),
        actor=_side(row, "Actor"),
        recipient=_side(row, "Recipient"),
        location=Location(place, iso3_of_name(_value(row["Country"])), lat, lon) if place else None,
        publisher=_value(row["Source"]),
        published=_date(row["Publication Date"]),
        language=_value(row["Language"]),
        source_file=source_file,
        fields=dict(row),
    )


def read_outside_events(path: str | Path, fmt: str) -> Iterator[OutsideEvent | Failure]:
    """Outside events (and failures for bad rows) of an ICEWS or POLECAT TSV file."""
    if fmt not in IMPORT_FORMATS:
        known = ", ".join(IMPORT_FORMATS)
        raise UnknownFormatError(f"unknown import format {fmt!r} (known: {known})")
    source = Path(path)
    expected, parse = (ICEWS_COLUMNS, _icews) if fmt == "icews" else (POLECAT_COLUMNS, _polecat)
    for number, row in _rows(source, expected, fmt):
        if "\x00error" in row:
            yield Failure(str(source), ImportRowError.code, row["\x00error"], line=number)
            continue
        try:
            yield parse(row, str(source))
        except ImportRowError as exc:
            yield Failure(str(source), exc.code, exc.message, line=number)
