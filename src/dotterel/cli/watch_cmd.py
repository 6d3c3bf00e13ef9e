"""CLI command ``dotterel watch`` (added by :func:`register`): news as it arrives."""

from __future__ import annotations

from typing import Annotated

import typer

from dotterel.errors import DotterelError
from dotterel.settings import setting


def watch_cmd(
    db: Annotated[
        str | None,
        typer.Option("--db", help=setting("db").help + f" [env {setting('db').env}]"),
    ] = None,
    feeds: Annotated[
        str | None,
        typer.Option("--feeds", help="Feed list: YAML, or one URL [INTERVAL] a line."),
    ] = None,
    folders: Annotated[
        list[str] | None,
        typer.Option("--folder", help="Folder whose new files are ingested (repeatable)."),
    ] = None,
    once: Annotated[bool, typer.Option("--once", help="One round, then exit.")] = False,
    interval: Annotated[
        float | None,
        typer.Option(
            "--interval",
            help=setting("watch_interval").help + f" [env {setting('watch_interval').env}]",
        ),
    ] = None,
    max_polls: Annotated[
        int | None, typer.Option("--max-polls", help="Stop after this many rounds.")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No per-round lines.")] = False,
) -> None:
    """Poll RSS/Atom feeds and watch folders; ingest new articles as they arrive."""
    from dotterel import api

    def report(round_summary: api.WatchSummary) -> None:
        if quiet:
            return
        for failure in round_summary.failures:
            typer.echo(f"skipped {failure.describe()}", err=True)
        typer.echo(
            f"round: {round_summary.feeds_fetched} feeds fetched, "
            f"{round_summary.not_modified} not modified, {round_summary.pages_fetched} pages, "
            f"{round_summary.files_read} files, {round_summary.documents} documents stored, "
            f"{round_summary.skipped} already stored, {round_summary.events} events, "
            f"{len(round_summary.failures)} failures",
            err=True,
        )

    try:
        total = api.watch(
            feeds,
            db=db,
            folders=folders or [],
            once=once,
            interval=interval,
            max_polls=max_polls,
            on_round=report,
        )
    except KeyboardInterrupt:
        typer.echo("stopped; the watch state is saved", err=True)
        raise typer.Exit(0) from None
    except DotterelError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from exc
    if not quiet:
        typer.echo(
            f"{total.rounds} rounds: {total.documents} documents stored, "
            f"{total.events} events, {len(total.failures)} failures",
            err=True,
        )


def register(app: typer.Typer) -> None:
    """Add the ``watch`` command to ``app``."""
    app.command("watch")(watch_cmd)
