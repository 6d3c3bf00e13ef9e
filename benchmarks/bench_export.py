"""Export memory and speed: 20,000 vs 200,000 synthetic events, every format.

Synthetic events (no NLP) are written straight into DuckDB stores; each export then runs
in a fresh child process, which reports its peak RSS (``resource.getrusage``) and its RSS
just before exporting (psutil). Flat memory means the growth during the export is about
the same for 200,000 events as for 20,000; the ratio is printed, never asserted.

    PYTHONPATH=src python benchmarks/bench_export.py [--large 200000] [--small 20000]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EVENTS_PER_DOCUMENT = 5
DOCUMENTS_PER_BATCH = 500
TYPES = ("AGREE", "ACCUSE", "ASSAULT", "AID", "THREATEN", "CONSULT")
CODES = ("RUSGOV", "USASPY", "IRNGOV", "CHNBUS", "PRKMIL", "UKRMIL", "IGOUNO", "DEU")


def build_store(path: str, events: int) -> None:
    """A DuckDB store with ``events`` synthetic events over realistic-looking records."""
    from dotterel.records import Document, Entity, Event, Location, Span
    from dotterel.store import DuckDBStore

    sentence = (
        "Officials in the capital said the ministry had signed the accord on Monday, "
        "according to a statement carried by the state news agency."
    )
    with DuckDBStore(path) as store:
        run = store.start_run("bench", [])
        batch = []
        documents = events // EVENTS_PER_DOCUMENT
        for number in range(documents):
            text = f"Story {number}. " + " ".join([sentence] * 6)
            document = Document(
                doc_id=f"doc-{number}",
                text=text,
                published=f"20{10 + number % 15:02d}-{1 + number % 12:02d}-{1 + number % 28:02d}",
                outlet="Wire",
                url=f"https://news.example/{number}",
            )
            coded = []
            for k in range(EVENTS_PER_DOCUMENT):
                a, r = CODES[(number + k) % len(CODES)], CODES[(number + 2 * k + 1) % len(CODES)]
                start = 20 + 30 * k
                coded.append(
                    Event(
                        doc_id=document.doc_id,
                        sentence_index=k,
                        evidence=Span(sentence, start, start + len(sentence)),
                        trigger=Span("signed", start + 40, start + 46),
                        event_type=TYPES[(number + k) % len(TYPES)],
                        cameo="036",
                        goldstein=4.0,
                        plover_score=2.5,
                        quad_class=1,
                        contexts=["diplomatic"],
                        actor=[Entity(a, 0, 6, code=a, country=a[:3], role=a[3:6] or None)],
                        recipient=[Entity(r, 7, 12, code=r, country=r[:3], role=r[3:6] or None)],
                        claimed_by=[Entity("agency", 90, 96, code="RUSMED", country="RUS")],
                        event_date=document.published,
                        date_precision="day",
                        location=Location("Moscow", "RUS", 55.75, 37.62),
                        mentions=[Span("signed", start + 40, start + 46)],
                    )
                )
            batch.append((document, coded, []))
            if len(batch) >= DOCUMENTS_PER_BATCH:
                store.add_batch(batch, [], run)
                batch = []
        store.add_batch(batch, [], run)


def child(db: str, fmt: str, out: str, partition: str | None) -> None:
    """Run one export and print its measurements as JSON (the child process)."""
    import psutil

    from dotterel.api import export_events

    before = psutil.Process().memory_info().rss
    started = time.perf_counter()
    summary = export_events(out, fmt, db=db, partition=partition)
    elapsed = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(
        json.dumps(
            {
                "events": summary.events,
                "rows": summary.rows,
                "seconds": elapsed,
                "rss_before_mb": before / 2**20,
                "peak_rss_mb": peak / 2**20,
            }
        )
    )


def measure(db: str, fmt: str, out: Path, partition: str | None) -> dict[str, float]:
    command = [sys.executable, __file__, "--child", db, fmt, str(out)]
    if partition:
        command += ["--partition", partition]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--large", type=int, default=200_000)
    parser.add_argument("--small", type=int, default=20_000)
    parser.add_argument("--formats", default="polecat,icews,phoenix,gdelt,plover-json,parquet,csv")
    parser.add_argument("--child", nargs=3, metavar=("DB", "FORMAT", "OUT"))
    parser.add_argument("--partition")
    parser.add_argument("--stores", help="Folder to keep the synthetic stores in (reused).")
    args = parser.parse_args()
    if args.child:
        child(*args.child, args.partition)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        keep = Path(args.stores) if args.stores else root
        keep.mkdir(parents=True, exist_ok=True)
        stores = {}
        for size in (args.small, args.large):
            started = time.perf_counter()
            stores[size] = str(keep / f"events-{size}.duckdb")
            if not Path(stores[size]).exists():
                build_store(stores[size], size)
            print(
                f"store of {size} events ready in {time.perf_counter() - started:.1f} s", flush=True
            )
        runs = [(fmt, None) for fmt in args.formats.split(",")] + [("parquet", "month")]
        print(
            f"{'format':<18}{'events':>8}{'rows':>8}{'s':>7}{'ev/s':>9}"
            f"{'RSS before':>12}{'peak':>8}{'growth':>8}"
        )
        for fmt, partition in runs:
            growth = {}
            for size, db in stores.items():
                out = root / f"out-{fmt}-{size}{'-by-month' if partition else ''}"
                m = measure(db, fmt, out, partition)
                growth[size] = m["peak_rss_mb"] - m["rss_before_mb"]
                label = fmt + (" by month" if partition else "")
                print(
                    f"{label:<18}{m['events']:>8.0f}{m['rows']:>8.0f}{m['seconds']:>7.1f}"
                    f"{m['events'] / m['seconds']:>9.0f}{m['rss_before_mb']:>10.0f}MB"
                    f"{m['peak_rss_mb']:>6.0f}MB{growth[size]:>6.0f}MB",
                    flush=True,
                )
            ratio = growth[args.large] / max(growth[args.small], 1.0)
            print(
                f"  -> peak-RSS growth at {args.large:,} vs {args.small:,} events: {ratio:.2f}x "
                f"for {args.large / args.small:.0f}x the events"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
