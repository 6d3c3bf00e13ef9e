"""The Dask runner on a LocalCluster: same events as in-process, Parquet, resumable."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import polars as pl
import pytest

from dotterel.nlp.pipeline import Extraction, Extractor
from dotterel.records import Document
from dotterel.runner.base import PipelineConfig
from dotterel.runner.cluster import DaskRunner
from dotterel.runner.inprocess import InProcessRunner
from dotterel.runner.parquet import read_partition, write_partition

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    from distributed import Client, LocalCluster

    cluster = LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with Client(cluster) as dask_client:
        yield dask_client
    cluster.close()


def event_dicts(results: list) -> list[list[dict]]:
    return [[e.to_dict() for e in r.events] for r in results]


def test_dask_events_match_in_process_and_resume(
    client: object, extractor: Extractor, documents: list[Document], tmp_path: Path
) -> None:
    reference = list(InProcessRunner(extractor=extractor).run(documents))
    folder = tmp_path / "parts"
    runner = DaskRunner(PipelineConfig(), folder=folder, partition_size=5, client=client)
    results = list(runner.run(documents))
    assert (runner.computed, runner.reused) == (3, 0)
    # Each of the two workers loaded a pipeline and reports its own peak memory (a
    # worker forked from a large test process may inherit its peak, so no upper bound).
    peaks = runner.worker_peak_rss_mb()
    assert len(peaks) == 2
    assert all(mb > 150 for mb in peaks.values())
    assert [r.document.doc_id for r in results] == [d.doc_id for d in documents]
    assert event_dicts(results) == event_dicts(reference)
    assert [[m.to_dict() for m in r.mentions] for r in results] == [
        [m.to_dict() for m in r.mentions] for r in reference
    ]

    # The output is a Parquet data set other tools read directly.
    with duckdb.connect() as con:
        stored = con.execute(
            "SELECT count(*) FROM read_parquet(?)", [f"{folder}/events/*.parquet"]
        ).fetchone()
    assert stored == (sum(len(r.events) for r in reference),)
    frame = pl.read_parquet(folder / "documents" / "*.parquet")
    assert sorted(frame["doc_id"].to_list()) == sorted(d.doc_id for d in documents)

    # A re-run computes nothing; a lost partition is recomputed alone.
    again = DaskRunner(PipelineConfig(), folder=folder, partition_size=5, client=client)
    assert event_dicts(list(again.run(documents))) == event_dicts(reference)
    assert (again.computed, again.reused) == (0, 3)
    victim = sorted((folder / "documents").glob("*.parquet"))[0]
    victim.unlink()
    third = DaskRunner(PipelineConfig(), folder=folder, partition_size=5, client=client)
    assert event_dicts(list(third.run(documents))) == event_dicts(reference)
    assert (third.computed, third.reused) == (1, 2)


def test_partition_files_round_trip_failures_and_events(
    extractor: Extractor, documents: list[Document], tmp_path: Path
) -> None:
    from dotterel.records import Failure

    results: list = list(extractor.extract(documents[:3]))
    results[1] = Failure(source="x.jsonl", code="DOT500", reason="boom", line=4)
    write_partition(tmp_path, "k", documents[:3], results)
    back = read_partition(tmp_path, "k", documents[:3])
    assert back[1] == results[1]
    assert isinstance(back[0], Extraction) and back[0].events == results[0].events
    assert not list(tmp_path.rglob(".*.tmp"))
