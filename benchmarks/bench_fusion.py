"""Cost of cross-article fusion as the store grows: it must stay flat per document.

Synthetic documents (no NLP): each reports one to four acts drawn from a pool of acts
that recur over a simulated year, re-reported by several outlets within days, a third
of them as wire copies of another document's text. They are stored in a DuckDB file in
chunks and fused after each chunk, as repeated ``dotterel ingest`` runs do. Prints the
fusion time per document of the first and last chunks (and their ratio), the totals,
and the time of typical queries on the full store.

    PYTHONPATH=src python benchmarks/bench_fusion.py [documents] [chunk]
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from dotterel.analysis.fusion import Fuser, FusionSettings
from dotterel.records import Document, Entity, Event, Span
from dotterel.store import DuckDBStore

COUNTRIES = [
    "RUS",
    "IRN",
    "CHN",
    "PRK",
    "USA",
    "UKR",
    "DEU",
    "FRA",
    "GBR",
    "JPN",
    "KOR",
    "IND",
    "PAK",
    "TUR",
    "GRC",
    "ISR",
    "EGY",
    "SAU",
    "BRA",
    "ARG",
    "NGA",
    "KEN",
    "ETH",
    "ZAF",
    "AUS",
    "CAN",
    "MEX",
    "VEN",
    "CUB",
    "SYR",
    "IRQ",
    "AFG",
    "POL",
    "ITA",
    "ESP",
    "NLD",
    "BEL",
    "SWE",
    "NOR",
    "FIN",
]
TYPES = ("AGREE", "CONSULT", "SUPPORT", "AID", "ACCUSE", "THREATEN", "SANCTION", "ASSAULT")
COMMON = [
    "government",
    "minister",
    "said",
    "talks",
    "border",
    "troops",
    "agreement",
    "officials",
    "week",
    "capital",
    "security",
    "forces",
    "president",
    "meeting",
    "spokesman",
    "statement",
    "military",
    "region",
    "crisis",
    "aid",
    "trade",
    "deal",
    "visit",
    "sanctions",
    "report",
    "attack",
    "city",
    "parliament",
    "election",
    "economy",
    "energy",
    "oil",
    "gas",
    "pipeline",
    "missile",
    "drone",
    "talks",
    "summit",
    "envoy",
    "embassy",
    "ceasefire",
    "protest",
    "court",
]
SYLLABLES = ("ka", "lo", "mi", "ren", "tu", "sa", "vor", "ne", "bi", "dal", "ex", "po", "qui", "ra")
# A news-sized vocabulary: common words plus a few thousand rarer ones.
WORDS = COMMON + sorted({"".join(random.Random(i).choices(SYLLABLES, k=3)) for i in range(6000)})
OUTLETS = tuple(f"Outlet {i}" for i in range(60))
START = date(2024, 1, 1)


def _entity(code: str) -> Entity:
    return Entity(text=code, start=0, end=len(code), code=code, country=code)


def make_documents(count: int, rng: random.Random) -> list[tuple[Document, list[Event]]]:
    acts = []
    for _ in range(count // 2):
        a, b = rng.sample(COUNTRIES, 2)
        acts.append((rng.choice(TYPES), a, b, START + timedelta(days=rng.randrange(365))))
    acts.sort(key=lambda act: act[3])
    made: list[tuple[Document, list[Event]]] = []
    for n in range(count):
        # Documents arrive roughly in time order, reporting acts of the last days.
        centre = int(n / count * len(acts))
        chosen = {acts[min(len(acts) - 1, max(0, centre + rng.randint(-40, 5)))] for _ in range(4)}
        picked = sorted(chosen)[: rng.randint(1, 4)]
        if made and rng.random() < 0.33:
            base = rng.choice(made[-50:])[0].text
            text = base + " " + " ".join(rng.choices(WORDS, k=8))
        else:
            text = " ".join(rng.choices(WORDS, k=rng.randint(150, 400)))
        published = max(act[3] for act in picked) + timedelta(days=rng.randint(0, 2))
        document = Document(
            doc_id=f"doc-{n}",
            text=text,
            title=" ".join(rng.choices(WORDS, k=6)),
            published=published.isoformat(),
            outlet=rng.choice(OUTLETS),
        )
        events = []
        for index, (kind, a, b, day) in enumerate(picked):
            start = index * 10
            events.append(
                Event(
                    doc_id=document.doc_id,
                    sentence_index=index,
                    evidence=Span(text[start : start + 60], start, start + 60),
                    trigger=Span(text[start : start + 5], start, start + 5),
                    event_type=kind,
                    actor=[_entity(a)],
                    recipient=[_entity(b)],
                    event_date=day.isoformat(),
                    date_precision="day",
                    date_source=rng.choice(("clause", "published")),
                )
            )
        made.append((document, events))
    return made


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    chunk = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000
    rng = random.Random(1)
    documents = make_documents(count, rng)
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "bench.duckdb")
        with DuckDBStore(path) as store:
            fuser = Fuser(store, FusionSettings())
            per_doc: list[float] = []
            store_time = fuse_time = 0.0
            for start in range(0, count, chunk):
                part = documents[start : start + chunk]
                began = time.perf_counter()
                store.add_batch([(d, e, []) for d, e in part], [], store.start_run("bench", []))
                stored = time.perf_counter()
                summary = fuser.run(batch_size=64)
                done = time.perf_counter()
                store_time += stored - began
                fuse_time += done - stored
                per_doc.append((done - stored) / len(part) * 1000)
                print(
                    f"{start + len(part):>6} documents stored: fusion {per_doc[-1]:.2f} ms/doc "
                    f"({summary.created} new fused, {summary.joined} joined)",
                    flush=True,
                )
            counts = store.counts() | store.fusion_counts()
            print(
                f"\nfirst chunk {per_doc[0]:.2f} ms/doc, last chunk {per_doc[-1]:.2f} ms/doc, "
                f"ratio last/first {per_doc[-1] / per_doc[0]:.2f}"
            )
            print(f"storing {store_time:.1f} s, fusing {fuse_time:.1f} s for {count} documents")
            print(
                f"{counts['events']} events -> {counts['fused_events']} fused events, "
                f"{counts['stories']} stories, {counts['lifecycles']} lifecycles"
            )
            queries = {
                "fused_events(actor=RUS)": lambda: store.fused_events(actor="RUS"),
                "fused_events(type, since, until)": lambda: store.fused_events(
                    event_type="AGREE", since="2024-06-01", until="2024-06-30"
                ),
                "fused_event(id)": lambda: store.fused_event(
                    store.fused_id_of(documents[-1][1][0].event_id) or ""
                ),
                "stories(limit=100)": lambda: store.stories(limit=100),
                "lifecycles()": lambda: store.lifecycles(),
            }
            for name, query in queries.items():
                began = time.perf_counter()
                found = query()
                elapsed = (time.perf_counter() - began) * 1000
                size = len(found) if isinstance(found, list) else int(found is not None)
                print(f"query {name}: {elapsed:.1f} ms ({size} results)")


if __name__ == "__main__":
    main()
