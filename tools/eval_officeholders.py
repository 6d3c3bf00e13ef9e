"""Score actor resolution on office holders drawn at random from the shared tables.

For a seeded sample of holdings (Latin-script names; names that appear anywhere in
``tests/`` are left out, so the sample is unseen by the tests), each name is resolved
with ``dotterel.actors.resolve.resolve`` twice: with a date inside the holding's term,
and without a date.  A resolution is right when its country is the holding's country
(IGO holdings: any ``IGO`` code).  Negative cases check precision: a holder's bare
surname, or an ordinary word that is also a name, must not resolve to a knowledge-base
person.

Run from the repository root::

    PYTHONPATH=src python tools/eval_officeholders.py --sample 500 --seed 11
    PYTHONPATH=src python tools/eval_officeholders.py --misses   # list the wrong ones
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import build_officeholders as build  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"
WINDOW_END = "2025-01-31"  # last day the shared snapshots cover
# Ordinary words and common name parts that must stay nobody on their own.
NEGATIVE_WORDS = (
    "Park",
    "Will",
    "Lee",
    "Young",
    "Rose",
    "King",
    "Hope",
    "Grace",
    "Mark",
    "Long",
    "White",
    "Green",
    "Brown",
    "May",
    "Major",
    "Bush",
    "Kim",
    "Khan",
    "Singh",
    "Smith",
)


@dataclass(frozen=True, slots=True)
class Case:
    """One sampled holding: a name, the country it codes to and a date in the term."""

    name: str
    country: str
    date: str
    position: str


def _middle(start: str, end: str) -> str | None:
    try:
        a = Date.fromisoformat(build.full_date(start, end=False))
        b = Date.fromisoformat(build.full_date(end or WINDOW_END, end=True)[:10])
    except ValueError:
        return None
    if b < a:
        return None
    return (a + (b - a) / 2).isoformat()


def holdings(source: Path) -> list[Case]:
    """Every usable holding of the Peppercat files in ``source``."""
    import country_converter

    converter = country_converter.CountryConverter()
    known = build.load_catalogs()
    iso: dict[str, str | None] = {}
    out = []
    files = [
        *((p, "end") for p in sorted(source.glob("peppercat_leaders_historic_*.csv"))),
        *((p, "last_seen_if_ended") for p in sorted(source.glob("peppercat_spans_*.csv"))),
    ]
    for path, end_column in files:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                name = row["person"].strip()
                if not build.latin_name(name) or not row.get("start"):
                    continue
                catalog = row["catalog"]
                if catalog not in iso:
                    iso[catalog] = build._iso3(catalog, converter, known)
                country = iso[catalog]
                when = _middle(row["start"], row.get(end_column) or "")
                if country and when:
                    out.append(Case(name, country[:3], when, row["position"]))
    return out


def unseen(cases: list[Case], tests: Path = TESTS) -> list[Case]:
    """Cases whose name appears nowhere in the test files."""
    text = "\n".join(
        p.read_text(encoding="utf-8", errors="ignore")
        for p in tests.rglob("*")
        if p.is_file() and p.suffix in (".py", ".jsonl", ".json", ".txt", ".tsv", ".yaml")
    )
    return [c for c in cases if c.name not in text]


def sample(source: Path, size: int, seed: int) -> list[Case]:
    """``size`` unseen holdings drawn with ``seed`` (one per person name)."""
    by_name: dict[str, list[Case]] = {}
    for case in unseen(holdings(source)):
        by_name.setdefault(case.name, []).append(case)
    names = sorted(by_name)
    rng = random.Random(seed)
    picked = rng.sample(names, min(size, len(names)))
    return [rng.choice(by_name[n]) for n in picked]


@dataclass(slots=True)
class Scores:
    """Country accuracy with and without a date, and the negative cases' precision."""

    cases: int
    dated: float
    undated: float
    negatives: int
    false_people: int
    misses: list[tuple[str, str, str, str | None, str | None]]


def evaluate(cases: list[Case], negatives: tuple[str, ...] | None = None) -> Scores:
    """Resolve every case with and without its date; count negatives that resolve."""
    from dotterel.actors.resolve import resolve

    dated_ok = undated_ok = 0
    misses = []
    for case in cases:
        with_date = resolve(case.name, case.date)
        without = resolve(case.name)
        dated_ok += with_date.country == case.country
        undated_ok += without.country == case.country
        if with_date.country != case.country:
            misses.append((case.name, case.date, case.country, with_date.code, with_date.why))
    words = list(negatives if negatives is not None else NEGATIVE_WORDS)
    words += sorted({c.name.split()[-1] for c in cases if len(c.name.split()) > 1})
    false_people = sum(
        1 for w in words if (resolve(w).why or "").startswith("holder:kb") and w[:1].isupper()
    )
    return Scores(
        cases=len(cases),
        dated=dated_ok / len(cases) if cases else 0.0,
        undated=undated_ok / len(cases) if cases else 0.0,
        negatives=len(words),
        false_people=false_people,
        misses=misses,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=build.DEFAULT_SOURCE)
    parser.add_argument("--sample", type=int, default=500)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--misses", action="store_true", help="list wrong dated resolutions")
    args = parser.parse_args(argv)
    cases = sample(args.source, args.sample, args.seed)
    scores = evaluate(cases)
    if args.misses:
        for name, when, want, got, why in scores.misses:
            print(f"MISS {name!r} at {when}: want {want}, got {got} ({why})")
    print(
        f"{scores.cases} office holders: country {scores.dated:.3f} with a date in the term, "
        f"{scores.undated:.3f} without a date; {scores.false_people} of {scores.negatives} "
        "bare surnames and ordinary words resolved to a person"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
