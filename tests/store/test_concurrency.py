"""Readers during an ingest, and a second writer: what a user running two commands sees.

The store holds no connection between operations (one per batch, query or run update),
so ``dotterel events`` works while ``dotterel ingest`` runs, two ingests take turns batch
by batch, and a writer that cannot get the file within ``lock_timeout`` stops with one
coded line, never a traceback or a damaged file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from dotterel import api
from dotterel.errors import DotterelError

pytestmark = pytest.mark.slow

MAIN = "from dotterel.cli.main import main; main()"
SENTENCES = [
    "Egypt condemned Israel on Thursday over the raid, officials said.",
    "Japan sent troops to Iraq on Friday, the defence ministry said.",
    "Russia and Iran signed a defence treaty in Moscow on Friday.",
    "Police arrested dozens of protesters in the capital on Monday.",
]


def write_docs(path: Path, numbers: range) -> None:
    lines = [
        json.dumps({"doc_id": f"c{n}", "text": f"Report {n}. {SENTENCES[n % 4]}"}) for n in numbers
    ]
    path.write_text("\n".join(lines) + "\n")


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", MAIN, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), **(env or {})},
    )


def wait_for_store(db: Path, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 300
    while not db.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    assert db.exists(), "the ingest never created its store"


def test_readers_in_a_loop_during_an_ingest_never_fail(tmp_path: Path) -> None:
    inputs, db = tmp_path / "docs.jsonl", tmp_path / "events.duckdb"
    # Enough documents that the ingest outlasts a few command starts on a fast machine.
    write_docs(inputs, range(600))
    ingest = cli("ingest", str(inputs), "--db", str(db), "--runner", "inprocess", "--quiet")
    wait_for_store(db, ingest)
    api_reads, cli_reads, failures, seen = 0, 0, [], set()
    while ingest.poll() is None:
        try:
            seen.add(len(api.query_events(db=str(db))))
        except DotterelError as exc:
            failures.append(f"api: {exc}")
        api_reads += 1
        # A command read blocks for its start-up: one after every five API reads.
        if cli_reads < 5 and api_reads % 5 == 0:
            reader = cli("events", "--db", str(db), "--format", "jsonl")
            out, err = reader.communicate(timeout=120)
            cli_reads += 1
            if reader.returncode != 0:
                failures.append(f"cli exit {reader.returncode}: {err.strip()[-300:]}")
        time.sleep(0.05)
    assert ingest.wait() == 0, ingest.stderr.read() if ingest.stderr else ""
    assert failures == []
    assert api_reads >= 10 and cli_reads >= 1
    assert len(seen) > 1  # the readers saw the store grow while the ingest ran
    assert max(seen) <= len(api.query_events(db=str(db)))


def test_a_second_ingest_during_an_ingest_takes_turns_and_stores_each_document_once(
    tmp_path: Path,
) -> None:
    first, second, db = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "events.duckdb"
    write_docs(first, range(0, 40))
    write_docs(second, range(20, 60))  # half the documents in both inputs
    one = cli("ingest", str(first), "--db", str(db), "--runner", "inprocess", "--quiet")
    wait_for_store(db, one)
    two = cli("ingest", str(second), "--db", str(db), "--runner", "inprocess", "--quiet")
    _out, err_two = two.communicate(timeout=600)
    _out, err_one = one.communicate(timeout=600)
    assert (one.returncode, two.returncode) == (0, 0), err_one + err_two
    assert "Traceback" not in err_one + err_two
    with duckdb.connect(str(db), read_only=True) as con:
        docs = con.execute("SELECT count(*), count(DISTINCT doc_id) FROM documents").fetchone()
        events = con.execute("SELECT count(*), count(DISTINCT event_id) FROM events").fetchone()
    assert docs == (60, 60)
    assert events is not None and events[0] == events[1]


_HOLD_WRITE_LOCK = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
print("locked", flush=True)
time.sleep(60)
"""


def test_a_writer_locked_out_gets_one_coded_line_and_the_store_is_unharmed(
    tmp_path: Path,
) -> None:
    inputs, db = tmp_path / "docs.jsonl", tmp_path / "events.duckdb"
    write_docs(inputs, range(4))
    api.ingest([str(inputs)], db=str(db), runner="inprocess")
    write_docs(inputs, range(4, 8))
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_WRITE_LOCK, str(db)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        writer = cli(
            "ingest", str(inputs), "--db", str(db), "--runner", "inprocess",
            env={"DOTTEREL_LOCK_TIMEOUT": "0.5"},
        )  # fmt: skip
        _out, err = writer.communicate(timeout=300)
    finally:
        holder.kill()
        holder.wait()
    lines = err.strip().splitlines()
    assert writer.returncode != 0
    assert len(lines) == 1 and "[DOT302]" in lines[0] and str(db) in lines[0], err
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (4,)
