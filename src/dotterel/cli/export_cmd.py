"""CLI commands ``dotterel export`` and ``dotterel import-events`` (added by :func:`register`)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console

from dotterel.errors import DotterelError
from dotterel.interop.export import EXPORT_FORMATS
from dotterel.interop.importers import IMPORT_FORMATS
from dotterel.settings import setting

err = Console(stderr=True)

ExportFormat = StrEnum("ExportFormat", {name: name for name in EXPORT_FORMATS})  # type: ignore[misc]
ImportFormat = StrEnum("ImportFormat", {name: name for name in IMPORT_FORMATS})  # type: ignore[misc]

DbOption = Annotated[
    str | None, typer.Option("--db", help=setting("db").help + f" [env {setting('db').env}]")
]


def export_cmd(
    out: Annotated[str, typer.Argument(help="Output file (a folder with --partition).")],
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="Export format.")],
    db: DbOption = None,
    actor: Annotated[str | None, typer.Option(help="Actor code prefix, e.g. RUS.")] = None,
    recipient: Annotated[str | None, typer.Option(help="Recipient code prefix.")] = None,
    event_type: Annotated[str | None, typer.Option("--type", help="PLOVER category.")] = None,
    since: Annotated[str | None, typer.Option(help="Earliest event date.")] = None,
    until: Annotated[str | None, typer.Option(help="Latest event date.")] = None,
    factuality: Annotated[str | None, typer.Option(help="actual|future|...")] = None,
    partition: Annotated[
        str | None, typer.Option("--partition", help="month: one folder per event month.")
    ] = None,
    chunk_size: Annotated[int | None, typer.Option(help=setting("export_chunk_size").help)] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary.")] = False,
) -> None:
    """Export stored events as POLECAT, ICEWS, Phoenix, GDELT, PLOVER JSON, Parquet or CSV."""
    from dotterel import api

    try:
        summary = api.export_events(
            out,
            str(fmt),
            db=db,
            partition=partition,
            chunk_size=chunk_size,
            actor=actor,
            recipient=recipient,
            event_type=event_type,
            since=since,
            until=until,
            factuality=factuality,
        )
    except DotterelError as exc:
        err.print(f"[red]error[/] {exc}", highlight=False)
        raise typer.Exit(1) from exc
    if not quiet:
        where = f"{len(summary.files)} files under {out}" if partition else out
        err.print(
            f"{summary.events} events, {summary.rows} {summary.format} records -> {where}",
            highlight=False,
        )


def import_events_cmd(
    path: Annotated[str, typer.Argument(help="ICEWS or POLECAT tab-separated file.")],
    fmt: Annotated[ImportFormat, typer.Option("--format", "-f", help="Dataset of the file.")],
    db: DbOption = None,
    strict: Annotated[bool, typer.Option("--strict", help="Non-zero exit on any bad row.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary.")] = False,
) -> None:
    """Import another dataset's events as outside events, kept apart from Dotterel's own."""
    from dotterel import api

    try:
        summary = api.import_events(path, str(fmt), db=db)
    except DotterelError as exc:
        err.print(f"[red]error[/] {exc}", highlight=False)
        raise typer.Exit(1) from exc
    if not quiet:
        for failure in summary.failures:
            err.print(f"[yellow]skipped[/] {failure.describe()}", highlight=False)
        err.print(
            f"run {summary.run_id}: {summary.rows} {summary.source_dataset} rows read, "
            f"{summary.added} new, {len(summary.failures)} bad rows",
            highlight=False,
        )
    raise typer.Exit(2 if strict and summary.failures else 0)


def register(app: typer.Typer) -> None:
    """Add ``export`` and ``import-events`` to the ``dotterel`` app."""
    app.command("export")(export_cmd)
    app.command("import-events")(import_events_cmd)
