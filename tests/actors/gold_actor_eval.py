"""Score ``resolve`` on the actor mentions of PLOVER's gold standard records.

Run: ``PYTHONPATH=src python tests/actors/gold_actor_eval.py`` (prints the two rates and
the misses).  ``tests/actors/test_gold.py`` asserts the bars.
"""

from __future__ import annotations

import json
from pathlib import Path

from dotterel.actors.resolve import resolve_many

GOLD = Path(__file__).resolve().parents[2] / ".." / "shared" / "gold" / "plover_gsr.jsonl"
_SECTOR_ALIASES = {"CIV": "CVL"}


def _sector(value: str | None) -> str | None:
    if not value:
        return None
    head = value[:3].upper()
    return _SECTOR_ALIASES.get(head, head)


def score(path: Path = GOLD) -> dict:
    """Country and sector accuracy of ``resolve(text, context=sentence)`` on the gold."""
    items, gold = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        for event in doc["events"]:
            for mention in event.get("actor_mentions") or []:
                items.append((mention["text"].strip(), doc.get("published"), doc["text"]))
                gold.append(mention)
    results = resolve_many(items)
    country_ok = sector_ok = sector_n = 0
    misses = []
    for mention, res in zip(gold, results, strict=True):
        want = mention["code"][:3]
        got = res.country
        c_ok = got == want
        country_ok += c_ok
        sector = _sector(mention.get("sector"))
        s_ok = None
        if sector:
            sector_n += 1
            s_ok = _sector(res.role) == sector
            sector_ok += s_ok
        if not c_ok or s_ok is False:
            misses.append((mention["text"], want, sector, res.code, res.why))
    return {
        "mentions": len(gold),
        "country": country_ok / len(gold),
        "sector_mentions": sector_n,
        "sector": sector_ok / sector_n,
        "misses": misses,
    }


if __name__ == "__main__":
    result = score()
    for text, want, sector, got, why in result["misses"]:
        print(f"MISS {text!r}: gold {want}/{sector} got {got} ({why})")
    print(
        f"country {result['country']:.3f} over {result['mentions']}; "
        f"sector {result['sector']:.3f} over {result['sector_mentions']}"
    )
