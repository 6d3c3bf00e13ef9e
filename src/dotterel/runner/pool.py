"""The pool runner: worker processes on this machine, each with its own pipeline.

Each worker loads the model once (the pool's initializer) and extracts chunks of
``batch_size`` documents. The parent keeps at most ``in_flight_per_worker`` chunks per
worker queued, so memory stays flat in corpus size, and yields results in input order;
it stays the only writer of the store. A document the pipeline fails on is a
:class:`Failure` as in-process; a worker that dies (segfault, out of memory, killed)
breaks the pool: it is restarted and the chunks that were in flight are redone, the
chunk that crashed one document at a time, so that only the documents that kill a
worker become failures (code ``DOT901``).
"""

from __future__ import annotations

import multiprocessing
import os
import resource
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice

from dotterel.nlp.pipeline import PIPELINE_ERROR, Extraction, Extractor
from dotterel.records import Document, Entity, Event, Failure
from dotterel.runner.base import PipelineConfig, Result, Runner, crash_failure, resolve_workers

#: What a worker sends back per document: its events and mentions, or a failure. The
#: document itself is not sent back; the parent still holds it.
WorkerItem = tuple[list[Event], list[Entity]] | Failure

_WORKER_EXTRACTOR: Extractor | None = None


@dataclass(slots=True)
class ChunkOutcome:
    """A worker's results for one chunk, with the worker's id and peak memory."""

    items: list[WorkerItem] = field(default_factory=list)
    pid: int = 0
    peak_rss_mb: float = 0.0


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def init_worker(config: PipelineConfig) -> None:
    """Pool initializer: load the pipeline once in this worker process."""
    global _WORKER_EXTRACTOR
    _WORKER_EXTRACTOR = config.extractor()


def extract_chunk(documents: list[Document]) -> ChunkOutcome:
    """Extract one chunk in a worker (after :func:`init_worker`)."""
    if _WORKER_EXTRACTOR is None:
        raise RuntimeError("worker pipeline not initialised")
    items: list[WorkerItem] = []
    for result in _WORKER_EXTRACTOR.extract(documents):
        if isinstance(result, Failure):
            items.append(result)
        else:
            items.append((result.events, result.mentions))
    return ChunkOutcome(items=items, pid=os.getpid(), peak_rss_mb=peak_rss_mb())


def chunked(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Lists of up to ``size`` documents, read lazily."""
    iterator = iter(documents)
    while chunk := list(islice(iterator, size)):
        yield chunk


class PoolRunner(Runner):
    """Extracts documents in ``workers`` processes; results come back in input order.

    ``initializer`` and ``chunk_function`` are the worker's set-up and per-chunk work
    (module-level functions, so that spawned workers can import them); tests replace them.
    """

    def __init__(
        self,
        config: PipelineConfig | None = None,
        *,
        workers: int = 0,
        chunk_size: int | None = None,
        in_flight_per_worker: int = 2,
        initializer: Callable[[PipelineConfig], None] = init_worker,
        chunk_function: Callable[[list[Document]], ChunkOutcome] = extract_chunk,
    ) -> None:
        self.config = config or PipelineConfig()
        self.workers = resolve_workers(workers)
        self.chunk_size = max(1, chunk_size or self.config.batch_size)
        self.max_in_flight = max(1, self.workers * in_flight_per_worker)
        self._initializer = initializer
        self._chunk_function = chunk_function
        # Spawned (not forked) workers: the parent may hold DuckDB or spaCy threads.
        self._context = multiprocessing.get_context("spawn")
        self._executor: ProcessPoolExecutor | None = None
        #: Peak resident memory per worker process id, in MB, as the workers reported it.
        self.worker_peak_rss_mb: dict[int, float] = {}
        #: How many times a dead worker forced a restart of the pool.
        self.restarts = 0

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=self._context,
                initializer=self._initializer,
                initargs=(self.config,),
            )
        return self._executor

    def _restart(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
        self.restarts += 1

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def _submit(self, chunk: list[Document]) -> Future[ChunkOutcome] | None:
        try:
            return self._pool().submit(self._chunk_function, chunk)
        except BrokenProcessPool:
            return None

    def run(self, documents: Iterable[Document]) -> Iterator[Result]:
        chunks = chunked(documents, self.chunk_size)
        pending: deque[tuple[list[Document], Future[ChunkOutcome] | None]] = deque()

        def fill() -> None:
            while len(pending) < self.max_in_flight:
                chunk = next(chunks, None)
                if chunk is None:
                    return
                pending.append((chunk, self._submit(chunk)))

        fill()
        while pending:
            chunk, future = pending.popleft()
            try:
                if future is None:
                    raise BrokenProcessPool("the pool was broken when this chunk was queued")
                outcome = future.result()
            except BrokenProcessPool:
                # A worker died: every queued future is lost with the pool. Redo them in
                # order on a fresh pool, narrowing down to the documents that crash it.
                redo = [chunk] + [queued for queued, _ in pending]
                pending.clear()
                self._restart()
                for queued in redo:
                    yield from self._salvage(queued)
                fill()
                continue
            except Exception as exc:  # noqa: BLE001 - a chunk that cannot be sent or run
                fill()
                yield from (_chunk_failure(document, exc) for document in chunk)
                continue
            fill()
            yield from self._merge(chunk, outcome)

    def _salvage(self, chunk: list[Document]) -> Iterator[Result]:
        future = self._submit(chunk)
        try:
            if future is None:
                raise BrokenProcessPool("pool broken")
            outcome = future.result()
        except BrokenProcessPool as exc:
            self._restart()
            if len(chunk) == 1:
                yield crash_failure(chunk[0], str(exc) or type(exc).__name__)
                return
            for document in chunk:
                yield from self._salvage([document])
            return
        except Exception as exc:  # noqa: BLE001
            yield from (_chunk_failure(document, exc) for document in chunk)
            return
        yield from self._merge(chunk, outcome)

    def _merge(self, chunk: list[Document], outcome: ChunkOutcome) -> Iterator[Result]:
        previous = self.worker_peak_rss_mb.get(outcome.pid, 0.0)
        self.worker_peak_rss_mb[outcome.pid] = max(previous, outcome.peak_rss_mb)
        for document, item in zip(chunk, outcome.items, strict=True):
            if isinstance(item, Failure):
                yield item
            else:
                events, mentions = item
                yield Extraction(document=document, events=events, mentions=mentions)


def _chunk_failure(document: Document, exc: BaseException) -> Failure:
    return Failure(
        source=document.source or document.doc_id,
        code=PIPELINE_ERROR,
        reason=f"extraction failed for document {document.doc_id}: {exc!r}",
    )
