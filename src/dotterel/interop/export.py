"""Export a store's events in one format, streaming: one file, or a folder by month."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dotterel.errors import ExportTargetError, UnknownFormatError
from dotterel.interop.common import ExportRow, Writer, date_parts, with_fusion
from dotterel.interop.gdelt import GdeltWriter
from dotterel.interop.icews import IcewsWriter
from dotterel.interop.parquet import ParquetWriter
from dotterel.interop.phoenix import PhoenixWriter
from dotterel.interop.plover_json import PloverJsonWriter
from dotterel.interop.polecat import PolecatWriter
from dotterel.interop.table import TableCsvWriter
from dotterel.store.base import DEFAULT_CHUNK_SIZE, EventStore

#: Writer of each export format, by the name ``--format`` takes.
WRITERS: dict[str, type[Writer]] = {
    writer.format: writer
    for writer in (
        PolecatWriter,
        IcewsWriter,
        PhoenixWriter,
        GdeltWriter,
        PloverJsonWriter,
        ParquetWriter,
        TableCsvWriter,
    )
}
EXPORT_FORMATS: tuple[str, ...] = tuple(WRITERS)
PARTITIONS: tuple[str, ...] = ("month",)
#: Partition folder of events without a date (Hive's name for a missing value).
NO_MONTH = "__HIVE_DEFAULT_PARTITION__"
PARTIAL = ".partial"
#: Rows written across all open partition files before every file flushes its buffer, so
#: that memory stays bounded however many months are open at once.
FLUSH_EVERY = 5000


@dataclass(slots=True)
class ExportSummary:
    """What an export wrote: events read, lines/records written, files made."""

    format: str
    path: str
    events: int = 0
    rows: int = 0
    files: list[str] = field(default_factory=list)


def writer_for(fmt: str) -> type[Writer]:
    """The writer class of a format name, or a coded error naming the known ones."""
    try:
        return WRITERS[fmt]
    except KeyError:
        known = ", ".join(EXPORT_FORMATS)
        raise UnknownFormatError(f"unknown export format {fmt!r} (known: {known})") from None


def month_of(date: str | None) -> str:
    """The ``YYYY-MM`` partition of an event date (:data:`NO_MONTH` without one)."""
    parts = date_parts(date)
    return f"{parts[0]:04d}-{parts[1]:02d}" if parts else NO_MONTH


class _Ids:
    """Export ids: the event id, or ``id-2``, ``id-3`` ... for a repeated stored id."""

    def __init__(self, repeated: set[str]) -> None:
        self._repeated = repeated
        self._seen: dict[str, int] = {}

    def __call__(self, event_id: str) -> str:
        if event_id not in self._repeated:
            return event_id
        count = self._seen.get(event_id, 0) + 1
        self._seen[event_id] = count
        return event_id if count == 1 else f"{event_id}-{count}"


def _prepare(out: Path, partition: str | None) -> Path:
    """Check the destination and return the temporary path written before the rename."""
    if partition is not None and partition not in PARTITIONS:
        raise UnknownFormatError(f"unknown partition {partition!r} (known: month)")
    if partition is None and out.is_dir():
        raise ExportTargetError(
            "is a folder; give a file name, or --partition month", source=str(out)
        )
    if partition is not None and out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ExportTargetError("exists and is not an empty folder", source=str(out))
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportTargetError(f"cannot create its folder: {exc}", source=str(out)) from exc
    temporary = out.with_name(out.name + PARTIAL)
    if temporary.is_dir():
        shutil.rmtree(temporary)
    elif temporary.exists():
        temporary.unlink()
    return temporary


def export_store(
    store: EventStore,
    out: str | Path,
    fmt: str,
    *,
    partition: str | None = None,
    chunk_size: int = DEFAULT_CHUNK_SIZE,
    progress: Callable[[int], None] | None = None,
    **filters: Any,
) -> ExportSummary:
    """Write the store's events matching ``filters`` (those of ``query_events``) to ``out``.

    Streams: events are read ``chunk_size`` at a time and written as they come. The
    output appears only when complete (written under ``OUT.partial`` and renamed), so an
    interrupted export never leaves a file that looks finished.
    """
    writer_class = writer_for(fmt)
    target = Path(out)
    temporary = _prepare(target, partition)
    summary = ExportSummary(format=fmt, path=str(target))
    writers: dict[str, Writer] = {}
    ids = _Ids(store.duplicate_event_ids())

    def writer_of(event_date: str | None) -> Writer:
        key = month_of(event_date) if partition else ""
        writer = writers.get(key)
        if writer is None:
            if partition:
                folder = temporary / f"{partition}={key}"
                folder.mkdir(parents=True, exist_ok=True)
                path = folder / f"part-0{writer_class.suffix}"
            else:
                path = temporary
            writer = writers[key] = writer_class(path)
        return writer

    try:
        if partition:
            temporary.mkdir(parents=True)
        else:
            writer_of(None)
        stream = store.iter_events_with_documents(chunk_size=chunk_size, **filters)
        for event, document, fusion in with_fusion(store, stream, chunk_size):
            row = ExportRow(event, document, ids(event.event_id), fusion)
            writer_of(event.event_date).write(row)
            summary.events += 1
            if partition and summary.events % FLUSH_EVERY == 0:
                for open_writer in writers.values():
                    open_writer.flush()
            if progress is not None:
                progress(1)
    except BaseException:
        for writer in writers.values():
            writer.close()
        if temporary.is_dir():
            shutil.rmtree(temporary, ignore_errors=True)
        else:
            temporary.unlink(missing_ok=True)
        raise
    for key in sorted(writers):
        writers[key].close()
        summary.rows += writers[key].rows
        final = target / writers[key].path.relative_to(temporary) if partition else target
        summary.files.append(str(final))
    if partition and target.exists():
        target.rmdir()
    temporary.replace(target)
    return summary
