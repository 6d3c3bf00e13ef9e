"""``kill -9`` of a pool or Dask ingest, then a re-run: nothing lost, nothing twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from dotterel import api

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]


def start_driver(corpus: Path, db: Path, runner: str, parquet: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.runner.ingest_driver",
            str(corpus),
            str(db),
            runner,
            str(parquet),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,  # its own process group: the kill takes the workers too
    )


def kill_after_progress(process: subprocess.Popen[str], lines: int) -> None:
    assert process.stdout is not None
    seen = 0
    deadline = time.monotonic() + 300
    while seen < lines and time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        seen += line.startswith("done")
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=60)
    assert seen >= lines, "the run ended before it could be killed"


@pytest.mark.parametrize("runner", ["pool", "dask"])
def test_killed_run_then_rerun_stores_every_document_once(
    runner: str, corpus_file: Path, tmp_path: Path
) -> None:
    db = tmp_path / "events.duckdb"
    parquet = tmp_path / "parts"
    kill_after_progress(start_driver(corpus_file, db, runner, parquet), lines=7)
    rerun = start_driver(corpus_file, db, runner, parquet)
    output, _ = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, output
    assert "finished" in output

    with duckdb.connect(str(db), read_only=True) as con:
        documents = con.execute("SELECT count(*), count(DISTINCT doc_id) FROM documents").fetchone()
        events = con.execute("SELECT count(*), count(DISTINCT event_id) FROM events").fetchone()
    assert documents == (24, 24)
    assert events is not None and events[0] == events[1]

    reference = tmp_path / "reference.duckdb"
    api.ingest([str(corpus_file)], db=str(reference), runner="inprocess")
    with duckdb.connect(str(reference), read_only=True) as con:
        expected = con.execute("SELECT count(*) FROM events").fetchone()
    assert events[0] == expected[0]
