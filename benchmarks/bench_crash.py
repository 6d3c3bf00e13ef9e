"""``kill -9`` at random points of a 1,000-document ingest, re-run each time.

One ``dotterel ingest`` of synthetic news-like JSONL documents is killed with SIGKILL
at ``--kills`` random points (a random number of stored documents, plus a random
delay so that the kill lands inside a batch, model loading or the final fusion), then
re-run each time; a last re-run completes it. After every kill the database must open
read-only and answer a query; at the end the store must hold every input document once,
no duplicate event, and one ``interrupted`` run per kill.

    PYTHONPATH=src python benchmarks/bench_crash.py --docs 1000 --kills 5 --seed 15

Prints one line per kill and a summary; exits non-zero if any check fails.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ACTORS = ["Egypt", "Israel", "Japan", "Iraq", "Russia", "Iran", "France", "Kenya", "Brazil"]
VERBS = [
    "condemned",
    "met",
    "accused",
    "signed a defence treaty with",
    "sent troops to",
    "threatened",
    "praised",
    "held talks with",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
CLI = "from dotterel.cli.main import app; app()"


def news_text(rng: random.Random, n: int) -> str:
    """A short news-like text: a few sentences of one actor acting on another."""
    sentences = []
    for _ in range(rng.randint(2, 4)):
        a, b = rng.sample(ACTORS, 2)
        sentences.append(f"{a} {rng.choice(VERBS)} {b} on {rng.choice(DAYS)}, officials said.")
    return f"Report {n}. " + " ".join(sentences)


def write_documents(path: Path, count: int, rng: random.Random) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for n in range(count):
            record = {"doc_id": f"c{n}", "text": news_text(rng, n), "published": "2024-03-01"}
            handle.write(json.dumps(record) + "\n")


def start_ingest(inputs: Path, db: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-c", CLI, "ingest", str(inputs), "--db", str(db), "--quiet"]
    command += ["--runner", "inprocess"]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def stored_documents(db: Path) -> int | None:
    """Documents in the store, read-only; ``None`` while the writer holds it."""
    if not db.exists():
        return None
    try:
        with duckdb.connect(str(db), read_only=True) as con:
            row = con.execute("SELECT count(*) FROM documents").fetchone()
    except duckdb.Error:
        return None
    return int(row[0]) if row else 0


def opens_and_queries(db: Path) -> tuple[int, int]:
    """Documents and events through the public read path (``dotterel.api``)."""
    from dotterel import api

    events = api.query_events(db=str(db), limit=100_000)
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute("SELECT count(*) FROM documents").fetchone()
    return (int(row[0]) if row else 0), len(events)


def kill_at(inputs: Path, db: Path, threshold: int, delay: float) -> tuple[int | None, float]:
    """Run an ingest and SIGKILL it once ``threshold`` documents are stored (+ ``delay``)."""
    started = time.monotonic()
    process = start_ingest(inputs, db)
    while process.poll() is None:
        count = stored_documents(db)
        if count is not None and count >= threshold:
            time.sleep(delay)
            break
        time.sleep(0.3)
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.wait()
    return process.returncode, time.monotonic() - started


def final_checks(db: Path, count: int) -> list[str]:
    problems = []
    with duckdb.connect(str(db), read_only=True) as con:
        docs, distinct, hashes = con.execute(
            "SELECT count(*), count(DISTINCT doc_id), count(DISTINCT content_hash) FROM documents"
        ).fetchone() or (0, 0, 0)
        events, distinct_events = con.execute(
            "SELECT count(*), count(DISTINCT event_id) FROM events"
        ).fetchone() or (0, 0)
        statuses = [
            row[0] for row in con.execute("SELECT status FROM runs ORDER BY started").fetchall()
        ]
    print(
        f"final: documents {docs} (distinct ids {distinct}, distinct texts {hashes}) of {count}; "
        f"events {events} (distinct {distinct_events}); runs {statuses}"
    )
    if not docs == distinct == hashes == count:
        problems.append(f"stored documents {docs}/{distinct}/{hashes}, expected {count}")
    if events != distinct_events:
        problems.append(f"{events - distinct_events} duplicate events")
    # A kill before the run was recorded leaves no row; every other killed run is closed.
    if statuses[-1:] != ["finished"] or set(statuses[:-1]) - {"interrupted"}:
        problems.append(f"run statuses {statuses}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--kills", type=int, default=5)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--folder", type=Path, default=None, help="keep the files here")
    parser.add_argument("--reference", action="store_true", help="also ingest without kills")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    folder = args.folder or Path(tempfile.mkdtemp(prefix="bench_crash_"))
    folder.mkdir(parents=True, exist_ok=True)
    inputs, db = folder / "docs.jsonl", folder / "crash.duckdb"
    db.unlink(missing_ok=True)
    write_documents(inputs, args.docs, rng)
    # Random points: each run is killed after a random number of newly stored documents
    # (0: during start-up and model loading), plus a random delay to land inside a batch.
    problems: list[str] = []
    for number in range(1, args.kills + 1):
        current = stored_documents(db) or 0
        share = max(1, (args.docs - current) // (args.kills - number + 2))
        threshold = current + rng.randint(0, share)
        delay = rng.uniform(0.0, 3.0)
        code, seconds = kill_at(inputs, db, threshold, delay)
        try:
            docs, events = opens_and_queries(db)
            state = f"opens: {docs} documents, {events} events"
        except Exception as exc:  # noqa: BLE001 - the benchmark reports it
            state = f"DOES NOT OPEN: {type(exc).__name__}: {exc}"
            problems.append(f"kill {number}: {state}")
        print(
            f"kill {number}: at >= {threshold} stored + {delay:.1f} s "
            f"(exit {code}, {seconds:.0f} s); {state}"
        )
    started = time.monotonic()
    final = start_ingest(inputs, db)
    _out, err = final.communicate()
    print(f"re-run to completion: exit {final.returncode} in {time.monotonic() - started:.0f} s")
    if final.returncode != 0:
        problems.append(f"final re-run exit {final.returncode}: {err.decode()[-300:]}")
    problems += final_checks(db, args.docs)
    if args.reference:
        reference = folder / "reference.duckdb"
        reference.unlink(missing_ok=True)
        start_ingest(inputs, reference).wait()
        with duckdb.connect(str(reference), read_only=True) as con:
            expected = (con.execute("SELECT count(*) FROM events").fetchone() or (0,))[0]
        with duckdb.connect(str(db), read_only=True) as con:
            got = (con.execute("SELECT count(*) FROM events").fetchone() or (0,))[0]
        print(f"reference ingest without kills: {expected} events; after kills: {got}")
        if expected != got:
            problems.append(f"events after kills {got} != reference {expected}")
    print("OK" if not problems else "PROBLEMS:\n  " + "\n  ".join(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
