"""The Dask runner: partitions of documents extracted on a ``dask.distributed`` cluster.

Each partition (``partition_size`` documents) is one task. The worker that runs it
extracts the documents with its own pipeline (loaded once per worker process) and
writes the partition's Parquet files (:mod:`dotterel.runner.parquet`); the parent reads
the files back in input order and yields the results, so the store is still written by
one process and what is stored is exactly what the Parquet data set holds. A partition
whose files already exist is not recomputed: a re-run after a crash resumes.

The cluster is ``scheduler``: ``local`` starts a ``LocalCluster`` of ``workers``
processes here; an address (``tcp://host:8786``) joins an existing cluster, such as one
started by dask-jobqueue on SLURM or dask-kubernetes (``docs/scale.md``). Workers of a
remote cluster need Dotterel installed and the Parquet folder on a shared file system.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from dotterel.errors import RunnerError
from dotterel.records import Document, Failure
from dotterel.runner.base import PARTITION_ERROR, PipelineConfig, Result, Runner
from dotterel.runner.parquet import partition_done, partition_key, read_partition, write_partition
from dotterel.runner.pool import chunked, peak_rss_mb


def extract_partition(
    documents: list[Document], folder: str, key: str, config: PipelineConfig
) -> int:
    """Task run on a Dask worker: extract a partition and write its files; returns its size."""
    results = list(config.extractor().extract(documents))
    write_partition(Path(folder), key, documents, results)
    return len(documents)


class DaskRunner(Runner):
    """Extracts partitions of documents on a Dask cluster through partitioned Parquet."""

    def __init__(
        self,
        config: PipelineConfig | None = None,
        *,
        folder: str | Path,
        scheduler: str = "local",
        workers: int = 1,
        partition_size: int = 200,
        client: Any = None,
    ) -> None:
        self.config = config or PipelineConfig()
        self.folder = Path(folder)
        self.partition_size = max(1, partition_size)
        self._own_client = client is None
        self._cluster: Any = None
        if client is None:
            client = self._connect(scheduler, workers)
        self.client = client
        #: Partitions computed by this runner and partitions found already written.
        self.computed = 0
        self.reused = 0

    def _connect(self, scheduler: str, workers: int) -> Any:
        from distributed import Client, LocalCluster

        try:
            if scheduler == "local":
                self._cluster = LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                )
                return Client(self._cluster)
            return Client(scheduler, timeout=30)
        except (OSError, TimeoutError) as exc:
            raise RunnerError(f"cannot reach the Dask scheduler: {exc}", source=scheduler) from exc

    def worker_peak_rss_mb(self) -> dict[str, float]:
        """Peak resident memory of each worker process of the cluster so far, in MB.

        Keyed by worker address; each worker measures itself, as a pool's workers do.
        """
        return {address: float(mb) for address, mb in self.client.run(peak_rss_mb).items()}

    def close(self) -> None:
        if self._own_client:
            self.client.close()
            if self._cluster is not None:
                self._cluster.close()

    def _max_in_flight(self) -> int:
        return max(2, 2 * len(self.client.nthreads()))

    def run(self, documents: Iterable[Document]) -> Iterator[Result]:
        self.folder.mkdir(parents=True, exist_ok=True)
        partitions = chunked(documents, self.partition_size)
        pending: deque[tuple[list[Document], str, Any]] = deque()
        limit = self._max_in_flight()

        def fill() -> None:
            while len(pending) < limit:
                partition = next(partitions, None)
                if partition is None:
                    return
                key = partition_key(partition, self.config)
                future = None
                if not partition_done(self.folder, key):
                    future = self.client.submit(
                        extract_partition,
                        partition,
                        str(self.folder),
                        key,
                        self.config,
                        pure=False,
                    )
                pending.append((partition, key, future))

        fill()
        while pending:
            partition, key, future = pending.popleft()
            if future is None:
                self.reused += 1
            else:
                try:
                    future.result()
                except Exception as exc:  # noqa: BLE001 - a failed task fails its documents
                    fill()
                    yield from (_partition_failure(d, key, exc) for d in partition)
                    continue
                self.computed += 1
            fill()
            yield from read_partition(self.folder, key, partition)


def _partition_failure(document: Document, key: str, exc: BaseException) -> Failure:
    return Failure(
        source=document.source or document.doc_id,
        code=PARTITION_ERROR,
        reason=f"Dask partition {key} failed for document {document.doc_id}: {exc!r}",
    )
