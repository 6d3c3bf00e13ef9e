"""Check the hand-coded modern domestic-politics test set (files *_b.jsonl).

Run: python tools/testset/check_b.py [files...]
Checks every line parses, fields follow /work/shared/gold/README.md, codes are valid
ISO 3166-1 alpha-3 (or IGO/NGO/IMG/MNC/regions), evidence and mention texts occur in
the text verbatim, word counts are 400-700, no dateline opens the story, actor
mentions are ordered so a reader that assigns mentions to sides (actor first) gets
the sides the ``role`` fields say, and no forbidden triple (country or sector level)
collides with a required/optional triple whose allowed factuality overlaps.
"""

import collections
import json
import re
import sys
from pathlib import Path

import pycountry

from dotterel.records import FACTUALITY_VALUES, PLOVER_TYPES, UNORDERED_TYPES

DATA = Path(__file__).resolve().parents[2] / "tests" / "analysis" / "data" / "modern"

TYPES = set(PLOVER_TYPES)
FACTS = set(FACTUALITY_VALUES)
SPECIAL = {"IGO", "NGO", "IMG", "MNC", "WST", "EUR", "MEA", "AFR", "ASA", "LAM"}
ISO3 = {c.alpha_3 for c in pycountry.countries} | {"XKX"}
SECTORS = set(
    [
        "GOV",
        "MIL",
        "COP",
        "JUD",
        "SPY",
        "LEG",
        "OPP",
        "PTY",
        "REB",
        "INS",
        "SEP",
        "UAF",
        "MED",
        "JRN",
        "BUS",
        "CRM",
        "CVL",
        "EDU",
        "ELI",
        "ENV",
        "HLH",
        "HRI",
        "LAB",
        "REF",
        "REL",
        "RAD",
        "MOD",
        "AGR",
        "DEV",
        "NGO",
        "IGO",
        "IMG",
        "MNC",
    ]
)
UNORDERED = UNORDERED_TYPES
DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,}(,| \()[^\n]{0,40}(\)|—|–| -)")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def code_ok(c):
    return isinstance(c, str) and (c[:3] in ISO3 or c[:3] in SPECIAL)


def triples(etype, actors, recips):
    if etype in UNORDERED or not recips:
        people = sorted(set(actors) | set(recips))
        if len(people) == 1:
            return {(etype, people[0], None)}
        return {(etype, a, b) for i, a in enumerate(people) for b in people[i + 1 :]}
    return {(etype, a, r) for a in actors for r in recips if a != r}


def sides(ev):
    """Sector-level participants as a mention reader assigns them (actor mentions first)."""
    actor = {c[:3]: set() for c in ev["actor"]}
    recip = {c[:3]: set() for c in ev["recipient"]}
    waiting = set(actor)
    got = []
    for m in ev.get("actor_mentions", []):
        c = m["code"][:3]
        if c in waiting or (c in actor and c not in recip):
            side, d = "actor", actor
            waiting.discard(c)
        elif c in recip:
            side, d = "recipient", recip
        else:
            got.append(None)
            continue
        got.append(side)
        if m.get("sector"):
            d[c].add(m["sector"][:3])
    return got, actor, recip


def sector_triples(ev):
    """Sector-level triples; a participant is (country, allowed sectors), empty = any."""
    _, actor, recip = sides(ev)
    a = [(c, frozenset(ss)) for c, ss in actor.items()]
    r = [(c, frozenset(ss)) for c, ss in recip.items()]
    return triples(ev["type"], a, r)


def _part_match(p, q):
    if p is None or q is None:
        return p is None and q is None
    return p[0] == q[0] and (not p[1] or not q[1] or bool(p[1] & q[1]))


def sector_overlap(ts1, ts2):
    """Triples of ts1 that some triple of ts2 would also match (sector sets intersect)."""
    out = set()
    for t in ts1:
        for u in ts2:
            if t[0] == u[0] and (
                (_part_match(t[1], u[1]) and _part_match(t[2], u[2]))
                or (t[0] in UNORDERED and _part_match(t[1], u[2]) and _part_match(t[2], u[1]))
            ):
                out.add(t)
    return out


def check(path, problems, counts):
    ids = set()
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        where = f"{path}:{n}"
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{where}: bad JSON {exc}")
            continue
        did = doc.get("doc_id")
        if did in ids:
            problems.append(f"{where}: duplicate doc_id {did}")
        ids.add(did)
        for k in ("doc_id", "published", "language", "title", "text", "events"):
            if k not in doc:
                problems.append(f"{where}: missing {k}")
        text = doc["text"]
        if not text.startswith(doc["title"]):
            problems.append(f"{where}: text does not start with the title")
        body = text[len(doc["title"]) :].strip()
        words = len(body.split())
        if not 400 <= words <= 700:
            problems.append(f"{where}: {words} words (want 400-700)")
        if DATELINE.match(body):
            problems.append(f"{where}: body opens with a dateline")
        if not DATE.match(doc["published"] or ""):
            problems.append(f"{where}: bad published date")
        eids = set()
        by_status = collections.defaultdict(list)
        for ev in doc["events"]:
            w = f"{where} {ev.get('id')}"
            if ev["id"] in eids:
                problems.append(f"{w}: duplicate event id")
            eids.add(ev["id"])
            st = ev.get("status")
            if st not in ("required", "optional", "forbidden"):
                problems.append(f"{w}: bad status {st}")
            counts[(path, st)] += 1
            if ev.get("type") not in TYPES:
                problems.append(f"{w}: bad type {ev.get('type')}")
            for c in (
                ev["actor"]
                + ev["recipient"]
                + ev.get("locations", [])
                + ev.get("denied_by", [])
                + ev.get("claimed_by", {}).get("allowed", [])
            ):
                if not code_ok(c):
                    problems.append(f"{w}: bad code {c}")
            if not ev["actor"]:
                problems.append(f"{w}: no actor")
            for f in ev.get("factuality", []):
                if f not in FACTS:
                    problems.append(f"{w}: bad factuality {f}")
            if st == "required" and not ev.get("factuality"):
                problems.append(f"{w}: required event without factuality")
            if st == "forbidden" and not ev.get("factuality"):
                problems.append(f"{w}: forbidden event without forbidden factuality")
            for d in ev.get("dates", []):
                if not DATE.match(d):
                    problems.append(f"{w}: bad date {d}")
                elif d > doc["published"] and "future" not in ev.get("factuality", []):
                    problems.append(f"{w}: date {d} after publication for a non-future event")
            if ev.get("evidence") and ev["evidence"] not in text:
                problems.append(f"{w}: evidence not in text")
            got, _, _ = sides(ev)
            for m, side in zip(ev.get("actor_mentions", []), got, strict=False):
                if m["text"] not in text:
                    problems.append(f"{w}: mention {m['text']!r} not in text")
                if not code_ok(m["code"]):
                    problems.append(f"{w}: bad mention code {m['code']}")
                if m.get("sector") and m["sector"][:3] not in SECTORS:
                    problems.append(f"{w}: unknown sector {m['sector']}")
                if m.get("role") and side != m["role"]:
                    problems.append(
                        f"{w}: mention {m['text']!r} read as {side}, role says {m['role']}"
                    )
            for c in {x[:3] for x in ev["actor"] + ev["recipient"]}:
                if not any(m["code"][:3] == c for m in ev.get("actor_mentions", [])):
                    problems.append(f"{w}: no mention for participant {c}")
            by_status[st].append(ev)
        # forbidden collisions
        for f in by_status["forbidden"]:
            ff = set(f.get("factuality", []))
            for level, fn in (
                (
                    "country",
                    lambda e: triples(
                        e["type"], [c[:3] for c in e["actor"]], [c[:3] for c in e["recipient"]]
                    ),
                ),
                ("sector", sector_triples),
            ):
                ft = fn(f)
                for g in by_status["required"] + by_status["optional"]:
                    common = ft & fn(g) if level == "country" else sector_overlap(ft, fn(g))
                    gf = set(g.get("factuality", FACTS))
                    if common and ff & gf:
                        problems.append(
                            f"{where}: forbidden {f['id']} collides with {g['id']} at {level} level"
                            f" on {sorted(common, key=str)[0]}"
                        )
        counts[(path, "docs")] += 1
        counts[(path, "words")] += words
        req_country = set()
        req_sector = set()
        for g in by_status["required"]:
            req_country |= triples(
                g["type"], [c[:3] for c in g["actor"]], [c[:3] for c in g["recipient"]]
            )
            req_sector |= sector_triples(g)
        counts[(path, "required_country_triples")] += len(req_country)
        counts[(path, "required_sector_triples")] += len(req_sector)
        forb_country, forb_sector = set(), set()
        for f in by_status["forbidden"]:
            forb_country |= triples(
                f["type"], [c[:3] for c in f["actor"]], [c[:3] for c in f["recipient"]]
            )
            forb_sector |= sector_triples(f)
        counts[(path, "forbidden_country_triples")] += len(forb_country)
        counts[(path, "forbidden_sector_triples")] += len(forb_sector)


def main(argv):
    paths = argv or [str(DATA / "modern_dev_b.jsonl"), str(DATA / "modern_holdout_b.jsonl")]
    problems, counts = [], collections.Counter()
    for p in paths:
        try:
            check(p, problems, counts)
        except FileNotFoundError:
            problems.append(f"{p}: missing")
    for p in paths:
        print(p, {k[1]: v for k, v in counts.items() if k[0] == p})
    for pr in problems:
        print("PROBLEM", pr)
    print("OK" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
