"""Build the actor knowledge base (``src/dotterel/actors/data/knowledge_base.tsv``).

The table is made from four public data sets (see ``docs/actors.md`` and ``NOTICE``):

- Peppercat's office holdings with Wikidata ids (``peppercat_leaders_historic_*.csv``) and
  the holdings seen on its daily pages since (``peppercat_spans_*.csv``): people, keyed on
  their Wikidata QID, with one dated CAMEO code per office (``FRAGOV@2017-05-14..``);
- Party Facts' core parties (``partyfacts_core_parties.csv``): parties with their country,
  coded ``<ISO>PTY``;
- UCDP's actor list (``ucdp_actors_*.csv``): rebel groups and other organised armed actors,
  coded ``<ISO>REB`` (``IMG`` when they fight in three or more countries).

Run from the repository root::

    python tools/build_officeholders.py --source ../shared/reference/officeholders
    python tools/build_officeholders.py --source DIR --output my_table.tsv

``--source`` holds the four CSV files (any copies with the same columns; a user's own
Wikidata export written in Peppercat's columns works too).  The output is deterministic:
the same inputs give the same bytes, which ``tests/actors/test_knowledge_base.py`` checks
against the shipped table.
"""

from __future__ import annotations

import argparse
import csv
import logging
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT / ".." / "shared" / "reference" / "officeholders"
DEFAULT_OUTPUT = ROOT / "src" / "dotterel" / "actors" / "data" / "knowledge_base.tsv"
POSITIONS = Path(__file__).resolve().parent / "data" / "officeholder_positions.tsv"

CATALOGS = Path(__file__).resolve().parent / "data" / "officeholder_catalogs.tsv"
# Gleditsch-Ward numbers of states that no longer exist, and ones the converter misses.
GW_CODES = {
    260: "DEU",
    265: "DEU",
    315: "CZE",
    345: "SRB",
    347: "SRB",
    365: "RUS",
    678: "YEM",
    680: "YEM",
    816: "VNM",
    817: "VNM",
    711: "CHN",
    713: "TWN",
    340: "SRB",
}
# Party Facts countries that are no ISO code the lexicon knows.
PARTY_COUNTRIES = {
    "XKX": "SRB",
    "DDR": "DEU",
    "NIR": "GBR",
    "SML": "SOM",
    "YMD": "YEM",
    "VNR": "VNM",
    "NFL": "CAN",
}
_ARMED_WORDS = re.compile(
    r"\b(army|militia|militias|front|forces|brigades?|movement|liberation|guerrill|"
    r"mujahid|jihad|resistance|rebels?|tigers|commandos?|guards?|battalion|legion)",
    re.I,
)
_LATIN = re.compile(r"^[A-Za-z .'\-’()]+$")
_QID = re.compile(r"^Q\d+$")


def fold(text: str) -> str:
    """Text without accents, for the script test (the lexicon folds again when loading)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def latin_name(name: str) -> bool:
    """Whether ``name`` is written in Latin letters (others cannot match English text)."""
    return bool(name) and not _QID.match(name) and bool(_LATIN.match(fold(name)))


def full_date(value: str, end: bool) -> str:
    """``2004`` → ``2004-01-01`` (start) / ``2004-12-31`` (end); ``2004-05`` likewise."""
    value = value.strip()
    if len(value) == 4 and value.isdigit():
        return f"{value}-12-31" if end else f"{value}-01-01"
    if len(value) == 7 and value[4] == "-":
        return f"{value}-31" if end else f"{value}-01"
    return value[:10]


@dataclass(frozen=True, slots=True)
class Rule:
    """One position pattern and the sector and office key it gives."""

    pattern: re.Pattern[str]
    role: str
    office: str


def load_rules(path: Path = POSITIONS) -> list[Rule]:
    """The position → sector rules (``tools/data/officeholder_positions.tsv``)."""
    rows = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [line for line in rows if not line.startswith("#")][1:]
    rules = []
    for line in rows:
        pattern, role, office = line.split("\t")
        rules.append(Rule(re.compile(pattern, re.I), role, office))
    return rules


def classify(position: str, rules: list[Rule]) -> tuple[str, str]:
    """``(role, office)`` of a position title."""
    for rule in rules:
        if rule.pattern.search(position):
            return rule.role, rule.office
    return "GOV", "official"


@dataclass(slots=True)
class Person:
    """One Wikidata person with all their holdings."""

    qid: str
    name: str
    aliases: set[str] = field(default_factory=set)
    holdings: set[tuple[str, str, str, str]] = field(default_factory=set)  # code,start,end,office
    territories: set[str] = field(default_factory=set)


def load_catalogs(path: Path = CATALOGS) -> dict[str, tuple[str, str]]:
    """Catalog name → ``(code, kind)`` for catalogs that are no ISO state by name."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [line.split("\t") for line in lines if not line.startswith("#")][1:]
    return {catalog: (code, kind) for catalog, code, kind in rows}


def _iso3(catalog: str, converter: object, catalogs: dict[str, tuple[str, str]]) -> str | None:
    if catalog in catalogs:
        return catalogs[catalog][0]
    code = converter.convert(catalog, to="ISO3", not_found=None)  # type: ignore[attr-defined]
    return code if isinstance(code, str) and len(code) == 3 else None


_LEXICON: list[object] = []


def _igo_code(position: str) -> str:
    """The IGO code of a ``World`` position, by the organisation it names (looked up in
    the curated tables only, so that the output does not depend on an older build)."""
    from dotterel.actors.lexicon import build_lexicon
    from dotterel.actors.resolve import resolve

    if not _LEXICON:
        _LEXICON.append(build_lexicon(knowledge_base=False))
    cut = re.split(r"\b(?:of|to|for|at) the\b|\bof\b", position, maxsplit=1)
    body = cut[1] if len(cut) > 1 else position
    code = resolve(body.strip(), lexicon=_LEXICON[0]).code or ""  # type: ignore[arg-type]
    return code if code.startswith("IGO") else "IGO"


def _holding_code(country: str, role: str) -> str:
    return country + role if len(country) == 3 else country


def read_people(source: Path, rules: list[Rule]) -> dict[str, Person]:
    """People and their holdings from the Peppercat files in ``source``."""
    import country_converter

    converter = country_converter.CountryConverter()
    known = load_catalogs()
    people: dict[str, Person] = {}
    catalogs: dict[str, str | None] = {}
    igo: dict[str, str] = {}

    def add(row: dict[str, str], end: str) -> None:
        qid, name, catalog = row["personID"].strip(), row["person"].strip(), row["catalog"]
        if name.isupper():
            name = name.title()  # "ABAKAR MOUSSA KALLE"
        if not latin_name(name):
            return
        if not _QID.match(qid):
            # A holding seen before its person had a Wikidata item: keyed on the name.
            qid = "name:" + fold(name)
        if catalog not in catalogs:
            catalogs[catalog] = _iso3(catalog, converter, known)
        country = catalogs[catalog]
        if country is None:
            return
        role, office = classify(row["position"], rules)
        if country == "IGO":
            if row["position"] not in igo:
                igo[row["position"]] = _igo_code(row["position"])
            country = igo[row["position"]]
        person = people.setdefault(qid, Person(qid, name))
        # Other spellings of the same person: another file's label, the English
        # Wikipedia title without its "(politician)" qualifier.
        wiki = re.sub(r"\s*\(.*\)$", "", (row.get("enwiki") or "").strip())
        for other in (name, wiki):
            if other and other != person.name and latin_name(other):
                person.aliases.add(other)
        start = full_date(row.get("start") or "", end=False)
        stop = full_date(end, end=True) if end else ""
        person.holdings.add((_holding_code(country, role), start, stop, office))
        if known.get(catalog, ("", ""))[1] == "territory":
            person.territories.add(catalog)

    for path in sorted(source.glob("peppercat_leaders_historic_*.csv")):
        for row in _rows(path):
            add(row, row.get("end") or "")
    for path in sorted(source.glob("peppercat_spans_*.csv")):
        for row in _rows(path):
            add(row, row.get("last_seen_if_ended") or "")
    for person in people.values():
        person.holdings = _merge(person.holdings)
    return people


def _merge(holdings: set[tuple[str, str, str, str]]) -> set[tuple[str, str, str, str]]:
    """One holding per code and office over overlapping spells (a holding seen in both
    files, or re-appointed the day it ended)."""
    out: set[tuple[str, str, str, str]] = set()
    groups: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for code, start, end, office in holdings:
        groups.setdefault((code, office), []).append((start, end))
    for (code, office), spells in groups.items():
        spells.sort()
        merged: list[list[str]] = []
        for start, end in spells:
            if merged:
                last = merged[-1]
                # Open (""), or overlapping: the same spell seen twice.
                if last[1] == "" or (start and start <= last[1]) or start == last[0]:
                    if last[1] != "" and (end == "" or end > last[1]):
                        last[1] = end
                    continue
            merged.append([start, end])
        out.update((code, s, e, office) for s, e in merged)
    return out


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        yield from csv.DictReader(fh)


@dataclass(slots=True)
class Organisation:
    """A party or armed group."""

    key: str
    kind: str
    name: str
    aliases: list[str]
    code: str
    start: str = ""
    end: str = ""


def known_states() -> frozenset[str]:
    """The ISO codes of the lexicon's country table (codes outside it cannot be used)."""
    path = ROOT / "src" / "dotterel" / "actors" / "data" / "countries.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    return frozenset(row[1] for row in rows[1:])


def read_parties(source: Path) -> list[Organisation]:
    """Parties with their country; names used by parties of several countries are left
    out ("Democratic Party", "Labour Party"): the name alone cannot say whose."""
    states = known_states()
    rows: list[dict[str, str]] = []
    for path in sorted(source.glob("partyfacts_core_parties.csv")):
        rows.extend(r for r in _rows(path) if not r.get("technical"))
    countries_of: dict[str, set[str]] = {}
    for row in rows:
        for name in _party_names(row):
            countries_of.setdefault(name.lower(), set()).add(row["country"])
    out = []
    for row in rows:
        names = [n for n in _party_names(row) if len(countries_of[n.lower()]) == 1]
        country = PARTY_COUNTRIES.get(row["country"], row["country"])
        if not names or country not in states:
            continue
        out.append(
            Organisation(
                f"partyfacts:{row['partyfacts_id']}",
                "party",
                names[0],
                names[1:],
                country + "PTY",
                full_date(row.get("year_first") or "", end=False),
                full_date(row.get("year_last") or "", end=True),
            )
        )
    return out


def _party_names(row: dict[str, str]) -> list[str]:
    names = []
    for column in ("name_english", "name"):
        for name in (row.get(column) or "").split(" / "):
            name = name.strip()
            if len(name.split()) >= 2 and latin_name(name):
                names.append(name)
    short = (row.get("name_short") or "").strip()
    if 3 <= len(short) <= 8 and short.isupper() and short.isalpha():
        names.append(short)
    return list(dict.fromkeys(names))


def read_groups(source: Path) -> list[Organisation]:
    """Armed groups (UCDP ``Org`` 1 and armed ``Org`` 3 actors); governments are left to
    the country names."""
    import country_converter

    converter = country_converter.CountryConverter()
    out = []
    for path in sorted(source.glob("ucdp_actors_*.csv")):
        for row in _rows(path):
            org = row.get("Org", "").strip()
            names = [row.get("NameData", ""), row.get("NameOrigFullEng", "")]
            names = [n.strip() for n in names if n and n.strip() and n.strip() != "n/a"]
            if org == "3":
                names = [n for n in names if _ARMED_WORDS.search(n)]
            elif org != "1":
                continue
            names = [
                n
                for n in dict.fromkeys(names)
                if latin_name(n) and (len(n.split()) >= 2 or (n.isupper() and len(n) >= 3))
            ]
            if not names:
                continue
            countries = _gw_countries(row.get("GWNOLoc", ""), converter)
            if not countries:
                continue
            code = "IMG" if len(countries) >= 3 else countries[0] + "REB"
            out.append(Organisation(f"ucdp:{row['ActorId']}", "group", names[0], names[1:], code))
    return out


_GW_CACHE: dict[int, str | None] = {}


def _gw_countries(value: str, converter: object) -> list[str]:
    found = []
    for part in value.split(","):
        part = part.strip()
        if not part.isdigit():
            continue
        number = int(part)
        if number not in _GW_CACHE:
            _GW_CACHE[number] = GW_CODES.get(number) or converter.convert(  # type: ignore[attr-defined]
                number, src="GWcode", to="ISO3", not_found=None
            )
        code = _GW_CACHE[number]
        if isinstance(code, str) and len(code) == 3 and code not in found:
            found.append(code)
    return found


def unambiguous(organisations: list[Organisation]) -> list[Organisation]:
    """Organisations without the names that parties or groups of several countries use
    ("National Liberation Army" is Colombia's ELN and Macedonia's NLA)."""
    countries: dict[str, set[str]] = {}
    for org in organisations:
        for name in (org.name, *org.aliases):
            countries.setdefault(name.lower(), set()).add(org.code[:3])
    out = []
    for org in organisations:
        names = [n for n in (org.name, *org.aliases) if len(countries[n.lower()]) == 1]
        if names:
            org.name, org.aliases = names[0], names[1:]
            out.append(org)
    return out


HEADER = """\
# Actor knowledge base, generated by tools/build_officeholders.py; do not edit by hand.
# Office holders: Peppercat (successor of EveryPolitician), built from Wikidata; the
#   compilation is licensed CC BY-NC 4.0 (NonCommercial), the Wikidata statements are CC0.
#   Rebuild or replace this table from your own Wikidata export (see docs/actors.md).
# Parties: Party Facts core parties (MIT). Armed groups: UCDP actor list (CC BY 4.0).
# key: Wikidata QID (people), partyfacts:ID or ucdp:ID; codes: CODE@start..end joined by ;
# offices: office keys of the holdings, joined by |; territories: non-state catalogs.
"""
COLUMNS = ("key", "kind", "name", "aliases", "codes", "offices", "territories")


def table_rows(
    people: dict[str, Person], organisations: Iterable[Organisation]
) -> list[tuple[str, ...]]:
    """The table's rows, sorted by key (deterministic output)."""
    rows = []
    for person in people.values():
        _prefer_full_name(person)
        holdings = sorted(person.holdings, key=lambda h: (h[1], h[0], h[2], h[3]))
        codes = ";".join(f"{c}@{s}..{e}" for c, s, e, _ in holdings)
        offices = "|".join(sorted({h[3] for h in holdings}))
        territories = "|".join(sorted(person.territories))
        aliases = "|".join(sorted(person.aliases))
        rows.append((person.qid, "person", person.name, aliases, codes, offices, territories))
    for org in organisations:
        when = f"@{org.start}..{org.end}" if org.start or org.end else ""
        aliases = "|".join(org.aliases)
        rows.append((org.key, org.kind, org.name, aliases, org.code + when, "", ""))
    return sorted(rows, key=_sort_key)


def _prefer_full_name(person: Person) -> None:
    """A one-word label that is the first word of the person's full name is a given name
    ("Jerônimo" for Jerônimo Rodrigues), not a name the person is known by alone: keep
    the full name. A mononym that is not the full name's first word ("Lula") stays."""
    if " " in person.name:
        return
    longer = sorted(a for a in person.aliases if a.startswith(person.name + " "))
    if longer:
        person.aliases.discard(longer[0])
        person.name = longer[0]


def _sort_key(row: tuple[str, ...]) -> tuple[str, int, str]:
    prefix, _, number = row[0].partition(":") if ":" in row[0] else ("", "", row[0][1:])
    if prefix == "name":
        number = ""
    return (prefix, int(number) if number.isdigit() else 0, row[0])


def build(source: Path, output: Path) -> int:
    """Write the table from the files in ``source``; returns the number of rows."""
    rules = load_rules()
    people = read_people(source, rules)
    organisations = unambiguous([*read_parties(source), *read_groups(source)])
    rows = table_rows(people, organisations)
    for row in rows:
        if any("\t" in value or "\n" in value for value in row):
            raise ValueError(f"tab or newline in row {row[0]}")
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(HEADER)
        fh.write("\t".join(COLUMNS) + "\n")
        for row in rows:
            fh.write("\t".join(row) + "\n")
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    # country_converter logs every name it cannot map; the unmapped ones are dropped.
    logging.getLogger("country_converter").setLevel(logging.ERROR)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="folder of CSVs")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="table to write")
    args = parser.parse_args(argv)
    if not args.source.is_dir():
        print(f"no such folder: {args.source}", file=sys.stderr)
        return 2
    count = build(args.source, args.output)
    print(f"wrote {count} rows to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
