"""CLI command ``dotterel serve``: the HTTP API and explorer (added by :func:`register`)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dotterel.errors import MissingInputError
from dotterel.settings import default, setting


def serve(
    db: Annotated[
        str | None,
        typer.Option("--db", help=setting("db").help + f" [env {setting('db').env}]"),
    ] = None,
    host: Annotated[str | None, typer.Option("--host", help=setting("http_host").help)] = None,
    port: Annotated[int | None, typer.Option("--port", help=setting("http_port").help)] = None,
    allow_writes: Annotated[
        bool, typer.Option("--allow-writes", help="Accept ingestion requests (needs --token).")
    ] = False,
    token: Annotated[
        str | None,
        typer.Option("--token", envvar="DOTTEREL_HTTP_TOKEN", help="Bearer token for writes."),
    ] = None,
) -> None:
    """Serve the JSON API and the explorer (open http://HOST:PORT/ in a browser)."""
    import uvicorn

    from dotterel.api.http import create_app

    database = db or default("db")
    if not allow_writes and not Path(database).exists():
        typer.echo(str(MissingInputError("no such event store", source=database)), err=True)
        raise typer.Exit(2)
    if allow_writes and not token:
        typer.echo("[DOT954] --allow-writes needs --token (or DOTTEREL_HTTP_TOKEN)", err=True)
        raise typer.Exit(2)
    address = host or default("http_host")
    number = port or default("http_port")
    typer.echo(f"Dotterel explorer on http://{address}:{number}/ over {database}", err=True)
    uvicorn.run(
        create_app(database, allow_writes=allow_writes, token=token),
        host=address,
        port=number,
        log_level="warning",
    )


def register(app: typer.Typer) -> None:
    """Add ``dotterel serve`` to the CLI."""
    app.command("serve")(serve)
