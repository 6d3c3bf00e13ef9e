"""The process-pool runner: input order, failure isolation, bounded memory, same output."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from dotterel.nlp.pipeline import Extraction, Extractor
from dotterel.records import Document, Failure
from dotterel.runner import open_runner
from dotterel.runner.base import WORKER_CRASH, PipelineConfig
from dotterel.runner.inprocess import InProcessRunner
from dotterel.runner.pool import PoolRunner
from dotterel.settings import load_settings
from tests.runner.fakes import CRASH_MARK, echo_chunk, no_model


def fake_pool(workers: int = 2, chunk_size: int = 3) -> PoolRunner:
    return PoolRunner(
        PipelineConfig(batch_size=chunk_size),
        workers=workers,
        initializer=no_model,
        chunk_function=echo_chunk,
    )


def numbered(count: int) -> list[Document]:
    return [Document(doc_id=f"d{n:03d}", text=f"text {n}") for n in range(count)]


def names(results: list[Extraction | Failure]) -> list[str]:
    return [
        r.mentions[0].text if isinstance(r, Extraction) else f"failed:{r.source}" for r in results
    ]


def test_results_come_back_in_input_order() -> None:
    documents = numbered(40)
    with fake_pool() as pool:
        results = list(pool.run(documents))
    assert names(results) == [d.doc_id for d in documents]
    assert all(r.document is d for r, d in zip(results, documents, strict=True))


def test_a_document_that_kills_its_worker_is_the_only_failure() -> None:
    documents = numbered(20)
    documents[7] = Document(doc_id="bad", text=f"text {CRASH_MARK}")
    with fake_pool() as pool:
        results = list(pool.run(documents))
        assert pool.restarts >= 1
        after = list(pool.run(numbered(5)))
    expected = [d.doc_id for d in documents]
    expected[7] = "failed:bad"
    assert names(results) == expected
    assert isinstance(results[7], Failure) and results[7].code == WORKER_CRASH
    assert "bad" in results[7].reason
    assert names(after) == [f"d{n:03d}" for n in range(5)]


def test_input_is_read_lazily_with_bounded_work_in_flight() -> None:
    pulled = 0

    def endless() -> Iterator[Document]:
        nonlocal pulled
        number = 0
        while True:
            pulled += 1
            yield Document(doc_id=f"d{number}", text=f"text {number}")
            number += 1

    with fake_pool(workers=2, chunk_size=3) as pool:
        results = pool.run(endless())
        for received in range(1, 31):
            next(results)
            # At most (2 workers x 2 chunks) of 3 documents are read ahead of the consumer.
            assert pulled - received <= 2 * 2 * 3 + 3
        results.close()


def test_settings_choose_the_runner() -> None:
    single = open_runner(load_settings(runner="auto", workers=1))
    assert isinstance(single, InProcessRunner)
    with open_runner(load_settings(runner="auto", workers=2)) as pool:
        assert isinstance(pool, PoolRunner) and pool.workers == 2
    with pytest.raises(Exception, match="DOT900"):
        open_runner(load_settings(runner="threads"))


@pytest.mark.slow
def test_pool_output_is_identical_to_in_process(
    extractor: Extractor, documents: list[Document]
) -> None:
    reference = list(InProcessRunner(extractor=extractor).run(documents))
    with PoolRunner(PipelineConfig(batch_size=4), workers=2) as pool:
        pooled = list(pool.run(documents))
        peaks = pool.worker_peak_rss_mb
    assert [r.document.doc_id for r in pooled] == [d.doc_id for d in documents]
    assert [[e.to_dict() for e in r.events] for r in pooled] == [
        [e.to_dict() for e in r.events] for r in reference
    ]
    assert [[m.to_dict() for m in r.mentions] for r in pooled] == [
        [m.to_dict() for m in r.mentions] for r in reference
    ]
    assert sum(len(r.events) for r in reference) >= len(documents)
    assert 1 <= len(peaks) <= 2
