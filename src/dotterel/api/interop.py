"""Exports, DataFrames and imports of other datasets: the Python API over
:mod:`dotterel.interop` (the ``export`` and ``import-events`` commands call these).

>>> from dotterel.api import export_events, events_frame
>>> export_events("events.tsv", "polecat", db="events.duckdb", actor="RUS")  # doctest: +SKIP
>>> frame = events_frame("events.duckdb", backend="polars", since="2024-01-01")  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dotterel.errors import StoreError
from dotterel.interop import frames
from dotterel.interop.export import ExportSummary, export_store
from dotterel.interop.importers import read_outside_events
from dotterel.records import Failure, OutsideEvent
from dotterel.settings import load_settings
from dotterel.store import EventStore, open_store

IMPORT_BATCH = 5000


def _existing_path(db: str | None) -> str:
    """The store path ``db`` names; a coded error, and no new file, if there is none."""
    path: str = load_settings(db=db)["db"]
    if path != ":memory:" and not Path(path).exists():
        raise StoreError("no event store here (run dotterel ingest first)", source=path)
    return path


def _existing_store(db: str | None) -> EventStore:
    return open_store(_existing_path(db))


def export_events(
    out: str | Path,
    fmt: str,
    db: str | None = None,
    *,
    partition: str | None = None,
    chunk_size: int | None = None,
    progress: Callable[[int], None] | None = None,
    **filters: Any,
) -> ExportSummary:
    """Write the stored events matching ``filters`` to ``out`` in format ``fmt``.

    ``fmt`` is one of ``polecat``, ``icews``, ``phoenix``, ``gdelt``, ``plover-json``,
    ``parquet``, ``csv``; ``filters`` are those of :meth:`EventStore.query_events`
    (``actor``, ``recipient``, ``event_type``, ``since``, ``until``, ``factuality``).
    ``partition="month"`` makes ``out`` a folder of ``month=YYYY-MM/`` files.
    Memory stays flat in the number of events (see ``docs/formats.md``).
    """
    size = load_settings(export_chunk_size=chunk_size)["export_chunk_size"]
    with _existing_store(db) as store:
        return export_store(
            store, out, fmt, partition=partition, chunk_size=size, progress=progress, **filters
        )


def events_frame(db: str | None = None, *, backend: str = "pandas", **filters: Any) -> Any:
    """Stored events as a pandas or polars DataFrame (typed columns, dates as dates)."""
    with _existing_store(db) as store:
        return frames.to_frame(frames.events_table(store, **filters), backend)


def documents_frame(db: str | None = None, *, backend: str = "pandas") -> Any:
    """Stored documents (metadata and length, not text) as a DataFrame."""
    with _existing_store(db) as store:
        return frames.to_frame(frames.documents_table(store), backend)


def actors_frame(db: str | None = None, *, backend: str = "pandas") -> Any:
    """One row per actor mention and event participant, as a DataFrame."""
    with _existing_store(db) as store:
        return frames.to_frame(frames.actors_table(store), backend)


def fused_frame(db: str | None = None, *, backend: str = "pandas") -> Any:
    """Fused events as a DataFrame; a store without fusion gives ``DOT803``."""
    with _existing_store(db) as store:
        return frames.to_frame(frames.fused_table(store), backend)


def dyad_frame(
    a: str,
    b: str,
    db: str | None = None,
    *,
    backend: str = "pandas",
    by: str = "month",
    since: str | None = None,
    until: str | None = None,
    directed: bool = False,
    source: str = "dotterel",
) -> Any:
    """The dyad series of :func:`dotterel.api.dyad` as a DataFrame, one row per period.

    ``period`` is a date (the period's first day); ``fused_ids`` lists the fused events
    behind each row, so a row can be traced to its evidence with ``dotterel fused show``.
    """
    from dotterel.api.network import dyad

    points = dyad(
        a,
        b,
        db=_existing_path(db),
        by=by,
        since=since,
        until=until,
        directed=directed,
        source=source,
    )
    return frames.to_frame(frames.dyad_table(points), backend)


@dataclass(slots=True)
class ImportSummary:
    """Counts of one import: rows read, outside events added (new), bad rows."""

    run_id: str
    source_dataset: str
    rows: int = 0
    added: int = 0
    failures: list[Failure] = field(default_factory=list)


def import_events(path: str | Path, fmt: str, db: str | None = None) -> ImportSummary:
    """Import an ICEWS or POLECAT TSV file as outside events (apart from Dotterel's own).

    Rows already imported are skipped, so importing a file twice adds nothing; bad rows
    are recorded in the failures table (code ``DOT811``) and the import goes on.
    """
    settings = load_settings(db=db)
    with open_store(settings["db"]) as store:
        run_id = store.start_run("import-events", [str(path)])
        summary = ImportSummary(run_id=run_id, source_dataset=fmt)
        batch: list[OutsideEvent] = []
        failures: list[Failure] = []

        def flush() -> None:
            summary.added += store.add_outside_events(batch, run_id)
            if failures:
                store.add_batch([], failures, run_id)
                summary.failures.extend(failures)
            batch.clear()
            failures.clear()

        for item in read_outside_events(path, fmt):
            if isinstance(item, Failure):
                failures.append(item)
                continue
            batch.append(item)
            summary.rows += 1
            if len(batch) >= IMPORT_BATCH:
                flush()
        flush()
        store.finish_run(
            run_id,
            documents=0,
            events=summary.added,
            failures=len(summary.failures),
            skipped=summary.rows - summary.added,
        )
    return summary


def outside_events(
    db: str | None = None, *, source_dataset: str | None = None, limit: int | None = None
) -> list[OutsideEvent]:
    """Imported outside events, of one dataset (``icews``, ``polecat``) or all."""
    with _existing_store(db) as store:
        return store.outside_events(source_dataset=source_dataset, limit=limit)
