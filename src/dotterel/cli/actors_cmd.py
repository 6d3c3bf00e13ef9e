"""CLI commands ``dotterel resolve`` and ``dotterel actors`` (added by :func:`register`)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from dotterel.cli.export_cmd import DbOption
from dotterel.errors import MalformedRecordError, MissingInputError, UsageError


def _resolve_line(line: str, number: int) -> dict[str, Any]:
    from dotterel.api import resolve_actor

    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        err = MalformedRecordError(f"line {number}: invalid JSON ({exc.msg})")
        return {"line": number, "error": str(err), "code": None}
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        err = MalformedRecordError(f"line {number}: want an object with a 'text' string")
        return {"line": number, "error": str(err), "code": None}
    date = item.get("date")
    context = item.get("context")
    return resolve_actor(
        item["text"],
        date if isinstance(date, str) else None,
        context if isinstance(context, str) else None,
    ).to_dict()


def resolve_cmd(
    text: Annotated[str | None, typer.Argument(help="Actor phrase to resolve.")] = None,
    date: Annotated[
        str | None, typer.Option("--date", help="Date (YYYY-MM-DD) for office holders.")
    ] = None,
    context: Annotated[
        str | None, typer.Option("--context", help="Sentence the phrase comes from.")
    ] = None,
    jsonl: Annotated[
        Path | None, typer.Option("--jsonl", help="File of {text,date,context} lines.")
    ] = None,
) -> None:
    """Resolve an actor phrase (or a JSONL file of them) to CAMEO-style codes as JSON.

    The user's dictionaries (``DOTTEREL_USER_DICTIONARIES``) are used as in ``extract``.
    """
    from dotterel.api import resolve_actor

    if jsonl is not None:
        if not jsonl.is_file():
            raise MissingInputError("no such file", source=str(jsonl))
        with jsonl.open(encoding="utf-8") as fh:
            for number, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                sys.stdout.write(json.dumps(_resolve_line(line, number)) + "\n")
        return
    if not text:
        raise UsageError("give TEXT or --jsonl FILE")
    typer.echo(json.dumps(resolve_actor(text, date, context).to_dict()))


def actors_cmd(
    unresolved: Annotated[
        bool, typer.Option("--unresolved", help="List unresolved names.")
    ] = False,
    db: DbOption = None,
    limit: Annotated[int, typer.Option("--limit", help="How many names to list.")] = 50,
) -> None:
    """List the most frequent unresolved actor names in the store (names the user's
    dictionaries now resolve are left out)."""
    from dotterel.api import unresolved_actors

    if not unresolved:
        raise UsageError("nothing to do: use --unresolved")
    for name, count in unresolved_actors(db, limit):
        typer.echo(f"{count}\t{name}")


def register(app: typer.Typer) -> None:
    """Add the ``resolve`` and ``actors`` commands to ``app``."""
    app.command("resolve")(resolve_cmd)
    app.command("actors")(actors_cmd)
