"""Dotterel's Python API: the one layer the CLI (and the HTTP API) call.

>>> from dotterel.api import extract_text
>>> events = extract_text("Iran and Russia signed a treaty on Friday.", published="2024-11-01")
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from dotterel.api.checks import check_query_filters
from dotterel.api.fusion import fuse_store
from dotterel.ingest import read_inputs
from dotterel.ingest.screen import SKIP, IngestScreen
from dotterel.nlp.pipeline import Extraction, Extractor
from dotterel.records import Document, Entity, Event, Failure
from dotterel.runner import run_documents
from dotterel.runner.base import PipelineConfig
from dotterel.settings import load_settings
from dotterel.store import EventStore, open_store

ProgressCallback = Callable[[int], None]


def extractor(**overrides: Any) -> Extractor:
    """An :class:`Extractor` over the process-wide pipeline for these settings."""
    return PipelineConfig.from_settings(load_settings(**overrides)).extractor()


def extract_text(
    text: str, *, published: str | None = None, doc_id: str = "text", **overrides: Any
) -> list[Event]:
    """Events of one text."""
    document = Document(doc_id=doc_id, text=text, published=published)
    return extractor(**overrides).extract_one(document).events


def extract_documents(
    documents: Iterable[Document], **overrides: Any
) -> Iterator[Extraction | Failure]:
    """Extractions (or failures) of documents, in order."""
    return extractor(**overrides).extract(documents)


def extract_inputs(
    inputs: Sequence[str], *, published: str | None = None, **overrides: Any
) -> Iterator[Extraction | Failure]:
    """Read files/directories/``-`` and extract them; bad inputs come back as failures."""
    settings = load_settings(**overrides)
    failures: list[Failure] = []

    def documents() -> Iterator[Document]:
        for item in read_inputs(inputs, published=published, max_bytes=settings["max_bytes"]):
            if isinstance(item, Failure):
                failures.append(item)
            else:
                yield item

    for result in run_documents(documents(), settings):
        while failures:
            yield failures.pop(0)
        yield result
    yield from failures


@dataclass(slots=True)
class RunSummary:
    """Counts of one ingest run."""

    run_id: str
    documents: int = 0
    skipped: int = 0
    events: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def processed_any(self) -> bool:
        return self.documents + self.skipped > 0


def ingest(
    inputs: Sequence[str],
    *,
    db: str | None = None,
    published: str | None = None,
    progress: ProgressCallback | None = None,
    **overrides: Any,
) -> RunSummary:
    """Extract inputs and store documents, events, mentions and failures.

    Documents already in the store (same content hash) are skipped before extraction,
    so a re-run adds nothing and an interrupted run resumes where it stopped; each batch
    is one transaction, so an interruption leaves no partial document behind.
    """
    settings = load_settings(db=db, **overrides)
    # Bad options (a --published in the future) fail before the run is recorded.
    items = read_inputs(inputs, published=published, max_bytes=settings["max_bytes"])
    with open_store(settings["db"], lock_timeout=settings["lock_timeout"]) as store:
        run_id = store.start_run("ingest", list(inputs))
        summary = ingest_items(store, items, run_id=run_id, progress=progress, **overrides)
        store.finish_run(
            run_id,
            documents=summary.documents,
            events=summary.events,
            failures=len(summary.failures),
            skipped=summary.skipped,
        )
    return summary


def ingest_items(
    store: EventStore,
    items: Iterable[Document | Failure],
    *,
    run_id: str,
    progress: ProgressCallback | None = None,
    screen: IngestScreen | None = None,
    **overrides: Any,
) -> RunSummary:
    """Extract documents into an open ``store`` under ``run_id``, then fuse what was added.

    The body of :func:`ingest`, for callers that make their own documents (``watch``).
    ``screen`` (the texts and ids already stored) is read from the store when not given,
    and learns the documents of this call. Failures are recorded with the run.
    """
    settings = load_settings(**overrides)
    batch_size = settings["batch_size"]
    summary = RunSummary(run_id=run_id)
    if screen is None:
        screen = IngestScreen.of(store, record_duplicates=True)
    pending_failures: list[Failure] = []
    batch: list[tuple[Document, list[Event], list[Entity]]] = []

    def flush() -> None:
        store.add_batch(batch, pending_failures, run_id)
        summary.failures.extend(pending_failures)
        batch.clear()
        pending_failures.clear()

    def fresh_documents() -> Iterator[Document]:
        for item in items:
            if isinstance(item, Failure):
                pending_failures.append(item)
                continue
            verdict = screen.check(item)
            if isinstance(verdict, Failure):
                pending_failures.append(verdict)
            elif verdict == SKIP:
                summary.skipped += 1
            else:
                yield item

    for result in run_documents(fresh_documents(), settings):
        if isinstance(result, Failure):
            pending_failures.append(result)
            continue
        batch.append((result.document, result.events, result.mentions))
        summary.documents += 1
        summary.events += len(result.events)
        if progress is not None:
            progress(1)
        if len(batch) >= batch_size:
            flush()
    flush()
    fuse_store(store)
    return summary


def query_events(*, db: str | None = None, **filters: Any) -> list[Event]:
    """Stored events matching the filters of :meth:`EventStore.query_events`."""
    settings = load_settings(db=db)
    filters = check_query_filters(**filters)
    with open_store(settings["db"], read_only=True, lock_timeout=settings["lock_timeout"]) as store:
        return store.query_events(**filters)


def dyad_summary(*, db: str | None = None, limit: int = 20) -> list[tuple[str, str, str, int]]:
    """The most frequent (actor, recipient, type) dyads in the store."""
    settings = load_settings(db=db)
    with open_store(settings["db"], read_only=True, lock_timeout=settings["lock_timeout"]) as store:
        return store.dyad_summary(limit=limit)


def demo_inputs() -> list[str]:
    """Paths of the bundled demo documents (the seed article and short samples)."""
    folder = resources.files("dotterel").joinpath("data/demo")
    return sorted(
        str(Path(str(folder)) / entry.name)
        for entry in folder.iterdir()
        if entry.name.endswith((".jsonl", ".txt"))
    )
