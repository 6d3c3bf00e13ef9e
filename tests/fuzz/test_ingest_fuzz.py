"""A slice of the fuzz corpus through the full ingest, and kill -9 in the middle of one."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dotterel import api
from dotterel.store import DuckDBStore
from tests.fuzz.corpus import GOOD, check_store, write_corpus


@pytest.mark.slow
def test_a_corpus_slice_is_ingested_without_a_crash_and_a_rerun_adds_nothing(
    tmp_path: Path,
) -> None:
    write_corpus(tmp_path / "corpus", 32)
    db = str(tmp_path / "fuzz.duckdb")
    first = api.ingest([str(tmp_path / "corpus")], db=db, doc_time_budget=60)
    assert first.documents > 0 and first.failures
    with DuckDBStore(db, read_only=True) as store:
        counts = store.counts()
        ids = [d.doc_id for d in store.documents()]
    assert len(ids) == len(set(ids)) == first.documents
    # Every good unit stored, every bad one a coded failure with a reason, none silent.
    assert check_store(tmp_path / "corpus", db).problems == []
    again = api.ingest([str(tmp_path / "corpus")], db=db)
    # A same-text copy (DOT110 in the first run) is a plain skip once its text is stored.
    assert again.documents == 0 and again.skipped >= first.documents + first.skipped
    with DuckDBStore(db, read_only=True) as store:
        assert store.counts()["failures"] == counts["failures"]  # recorded once
        assert store.counts()["documents"] == counts["documents"]


_INGEST = (
    "import sys; from dotterel import api; api.ingest([sys.argv[1]], db=sys.argv[2], batch_size=4)"
)


def write_small_docs(path: Path, count: int) -> None:
    lines = [
        json.dumps({"doc_id": f"d{n}", "text": f"Report {n}. {GOOD[n % len(GOOD)]}"})
        for n in range(count)
    ]
    path.write_text("\n".join(lines) + "\n")


def kill_during_ingest(inputs: Path, db: str, stored_before_kill: int) -> None:
    """Start an ingest and kill -9 it once at least ``stored_before_kill`` docs are in."""
    process = subprocess.Popen([sys.executable, "-c", _INGEST, str(inputs), db])
    deadline = time.monotonic() + 300
    try:
        while process.poll() is None and time.monotonic() < deadline:
            if Path(db).exists():
                with DuckDBStore(db, read_only=True, lock_timeout=5) as store:
                    if store.counts()["documents"] >= stored_before_kill:
                        break
            time.sleep(0.05)
    finally:
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
        process.wait()


# Enough documents that the ingest cannot end before the kill (once 8 are stored) however
# fast the pipeline is: with 60 a fast run finished first and nothing was interrupted.
_KILLED_RUN_DOCS = 600


@pytest.mark.slow
def test_kill_9_mid_ingest_loses_nothing_and_a_rerun_completes(tmp_path: Path) -> None:
    inputs = tmp_path / "docs.jsonl"
    write_small_docs(inputs, _KILLED_RUN_DOCS)
    db = str(tmp_path / "crash.duckdb")
    kill_during_ingest(inputs, db, stored_before_kill=8)
    with DuckDBStore(db, read_only=True) as store:
        assert 0 < store.counts()["documents"] < _KILLED_RUN_DOCS
    summary = api.ingest([str(inputs)], db=db)
    with DuckDBStore(db, read_only=True) as store:
        ids = [d.doc_id for d in store.documents()]
        events = [e.event_id for e in store.query_events()]
        runs = store.runs()
    assert sorted(ids) == sorted(f"d{n}" for n in range(_KILLED_RUN_DOCS))
    assert len(events) == len(set(events))
    assert summary.skipped + summary.documents == _KILLED_RUN_DOCS
    assert [r["status"] for r in runs] == ["interrupted", "finished"]
