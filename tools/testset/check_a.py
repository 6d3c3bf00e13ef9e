"""Validate the hand-coded modern international stories (set a).

Usage: python tools/testset/check_a.py [files...]
Checks: JSON parses; document fields; 400-700 words; no wire dateline; event
fields and values (PLOVER types, statuses, factuality, ISO3/bloc codes,
dates, claimed_by/denied_by shape); evidence, place_names and actor_mentions
text occur verbatim in the story; unique ids; prints per-file counts.
"""

import collections
import datetime
import json
import re
import sys
from pathlib import Path

import pycountry

from dotterel.records import FACTUALITY_VALUES, PLOVER_TYPES

DATA = Path(__file__).resolve().parents[2] / "tests" / "analysis" / "data" / "modern"

TYPES = set(PLOVER_TYPES)
FACT = set(FACTUALITY_VALUES)
STATUS = {"required", "optional", "forbidden"}
BLOCS = {"IGO", "NGO", "IMG", "MNC", "WST", "EUR", "MEA", "AFR", "ASA", "LAM"}
ISO3 = {c.alpha_3 for c in pycountry.countries}
SECTORS = {
    None,
    "GOV",
    "MIL",
    "SPY",
    "OPP",
    "REB",
    "CVL",
    "BUS",
    "MED",
    "JUD",
    "LAB",
    "EDU",
    "LEG",
    "COP",
    "REF",
    "HLH",
    "ELI",
    "REL",
    "CRM",
    "IGO",
    "NGO",
    "UAF",
    "JRN",
    "PTY",
    "ENV",
    "HRI",
    "IMG",
}
DATELINE = re.compile(
    r"^[A-Z][A-Z .'-]{2,}(, [A-Za-z. ]+)?,? ?\(?[A-Z]?[a-z]*\.? ?\d*\)? ?(\([A-Za-z]+\))? ?[-\u2014]"  # noqa: E501
)


def code_ok(c):
    return isinstance(c, str) and (c[:3] in ISO3 or c[:3] in BLOCS)


def check_doc(d, errs):
    did = d.get("doc_id")
    for k in ("doc_id", "published", "language", "title", "text", "events"):
        if k not in d:
            errs.append(f"{did}: missing {k}")
    datetime.date.fromisoformat(d["published"])
    text = d["text"]
    if not text.startswith(d["title"] + "\n"):
        errs.append(f"{did}: text does not start with title")
    n = len(text.split())
    if not 400 <= n <= 700:
        errs.append(f"{did}: {n} words")
    for line in text.split("\n")[1:]:
        if DATELINE.match(line):
            errs.append(f"{did}: dateline? {line[:60]!r}")
    ids = [e["id"] for e in d["events"]]
    if len(ids) != len(set(ids)):
        errs.append(f"{did}: duplicate event ids")
    for e in d["events"]:
        w = f"{did}/{e.get('id')}"
        if e.get("status") not in STATUS:
            errs.append(f"{w}: status")
        if e.get("type") not in TYPES:
            errs.append(f"{w}: type {e.get('type')}")
        if not e.get("actor"):
            errs.append(f"{w}: no actor")
        for c in e.get("actor", []) + e.get("recipient", []):
            if not code_ok(c):
                errs.append(f"{w}: bad code {c}")
        for f in e.get("factuality", []):
            if f not in FACT:
                errs.append(f"{w}: factuality {f}")
        if e["status"] == "forbidden" and not e.get("factuality"):
            errs.append(f"{w}: forbidden event without factuality")
        if e["status"] == "required":
            for k in ("factuality", "claimed_by", "denied_by"):
                if k not in e:
                    errs.append(f"{w}: required event missing {k}")
        cb = e.get("claimed_by")
        if cb is not None:
            if set(cb) != {"allowed", "required"} or not isinstance(cb["required"], bool):
                errs.append(f"{w}: claimed_by shape")
            for c in cb["allowed"]:
                if not code_ok(c):
                    errs.append(f"{w}: bad claimant {c}")
            if cb["required"] and not cb["allowed"]:
                errs.append(f"{w}: claimed_by required but empty")
        for c in e.get("denied_by", []):
            if not code_ok(c):
                errs.append(f"{w}: bad denier {c}")
        for c in e.get("locations", []):
            if c not in ISO3:
                errs.append(f"{w}: bad location {c}")
        for dt in e.get("dates", []):
            try:
                datetime.date.fromisoformat(dt)
            except ValueError:
                errs.append(f"{w}: bad date {dt}")
        for k in ("evidence",):
            if k in e and e[k] not in text:
                errs.append(f"{w}: evidence not in text")
        for p in e.get("place_names", []):
            if p not in text:
                errs.append(f"{w}: place {p!r} not in text")
        for m in e.get("actor_mentions", []):
            if m["text"] not in text:
                errs.append(f"{w}: mention {m['text']!r} not in text")
            if not code_ok(m["code"]):
                errs.append(f"{w}: mention code {m['code']}")
            if m.get("sector") not in SECTORS:
                errs.append(f"{w}: sector {m.get('sector')}")


def triples(e):
    a, r = e["actor"], e["recipient"]
    if e["type"] in ("AGREE", "CONSULT", "COOPERATE") or not r:
        ps = sorted(set(c[:3] for c in a + r))
        if len(ps) == 1:
            return {(e["type"], ps[0], None)}
        return {(e["type"],) + tuple(sorted((x, y))) for x in ps for y in ps if x < y}
    return {(e["type"], x[:3], y[:3]) for x in a for y in r if x[:3] != y[:3]}


def unordered(e):
    return e["type"] in ("AGREE", "CONSULT", "COOPERATE") or not e["recipient"]


def check_conflicts(d, errs):
    """A triple must not be forbidden and required/optional in the same story.

    Ordered triples of opposite direction are distinct; an unordered triple
    (AGREE/CONSULT/COOPERATE or no recipient) meets an ordered one in either
    direction. Allowed only when the factualities are disjoint.
    """

    def key(t):
        return (t[0], frozenset(x for x in t[1:] if x))

    good = []
    for e in d["events"]:
        if e["status"] != "forbidden":
            for t in triples(e):
                good.append((t, unordered(e), e["id"], set(e.get("factuality", []))))
    for e in d["events"]:
        if e["status"] != "forbidden":
            continue
        for f in triples(e):
            for t, ug, gid, gf in good:
                same = t == f or ((ug or unordered(e)) and key(t) == key(f))
                if same and (not gf or gf & set(e["factuality"])):
                    errs.append(f"{d['doc_id']}/{e['id']}: forbidden triple {f} also in {gid}")


def main(paths):
    errs = []
    for p in paths:
        st = collections.Counter()
        tr = collections.Counter()
        docs = 0
        words = []
        with open(p) as fh:
            for i, line in enumerate(fh, 1):
                try:
                    d = json.loads(line)
                except json.JSONDecodeError as ex:
                    errs.append(f"{p}:{i}: {ex}")
                    continue
                docs += 1
                words.append(len(d["text"].split()))
                check_doc(d, errs)
                check_conflicts(d, errs)
                for e in d["events"]:
                    st[e["status"]] += 1
                    tr[e["status"]] += len(triples(e))
        print(
            f"{p}: {docs} stories, words {min(words)}-{max(words)}; events "
            + ", ".join(f"{k} {st[k]}" for k in ("required", "optional", "forbidden"))
            + "; triples "
            + ", ".join(f"{k} {tr[k]}" for k in ("required", "optional", "forbidden"))
        )
    for e in errs:
        print("ERROR", e)
    print("OK" if not errs else f"{len(errs)} errors")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(
        main(
            sys.argv[1:] or [str(DATA / "modern_dev_a.jsonl"), str(DATA / "modern_holdout_a.jsonl")]
        )
    )
