"""CLI commands over cross-article fusion (added by :func:`register`).

``dotterel fuse``, ``dotterel stories``, ``dotterel fused`` (list) and ``dotterel fused
show ID``, ``dotterel claims`` and ``dotterel lifecycle ID``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from dotterel import api
from dotterel.errors import DotterelError, UnknownLifecycleError
from dotterel.records import Entity, FusedEvent, Lifecycle
from dotterel.settings import setting

out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True)


class FusedFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"


DbOption = Annotated[
    str | None, typer.Option("--db", help=setting("db").help + f" [env {setting('db').env}]")
]
FormatOption = Annotated[FusedFormat, typer.Option("--format", "-f", help="Output format.")]


def _codes(entities: list[Entity]) -> str:
    return ";".join(e.code or e.country_code or f"?{e.text}" for e in entities)


def _jsonl(records: list[dict[str, Any]]) -> None:
    for record in records:
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


def _table(title: str, columns: Sequence[str], rows: Iterable[Sequence[str]]) -> Table:
    table = Table(title=title)
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*row)
    return table


def _fail(error: DotterelError) -> None:
    err.print(f"[red]error[/] {error}", highlight=False)
    raise typer.Exit(1)


def fuse_cmd(
    db: DbOption = None,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Forget fusion results and fuse everything again.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary.")] = False,
) -> None:
    """Fuse stored documents across articles (only new ones unless --rebuild)."""
    try:
        summary = api.fuse(db, rebuild=rebuild)
    except DotterelError as exc:
        _fail(exc)
        return
    if not quiet:
        err.print(
            f"{summary.documents} documents fused: {summary.events} events, "
            f"{summary.created} new fused events, {summary.joined} joined existing ones, "
            f"{summary.lifecycles} lifecycle updates"
        )


def stories_cmd(
    db: DbOption = None,
    limit: Annotated[int | None, typer.Option(help="At most this many.")] = None,
    fmt: FormatOption = FusedFormat.table,
) -> None:
    """Stories: articles reporting the same news, with their outlets."""
    found = api.stories(db, limit=limit)
    if fmt is FusedFormat.jsonl:
        _jsonl([story.to_dict() for story in found])
        return
    columns = ("story", "documents", "sources", "outlets", "first", "last", "title")
    rows = (
        (
            story.story_id,
            str(story.n_documents),
            str(story.n_source_families),
            ", ".join(story.outlets) or "-",
            story.first_published or "-",
            story.last_published or "-",
            story.title or "-",
        )
        for story in found
    )
    out.print(_table("Stories", columns, rows))


def fused_table(found: list[FusedEvent]) -> Table:
    """A Rich table of fused events, one row each."""
    columns = [
        "fused id",
        "type",
        "actor",
        "recipient",
        "factuality",
        "claimed by",
        "denied by",
        "date",
        "mentions",
        "docs",
        "sources",
    ]
    rows = (
        (
            fused.fused_id,
            fused.event_type,
            _codes(fused.actor),
            _codes(fused.recipient),
            fused.factuality,
            _codes(fused.claimed_by),
            _codes(fused.denied_by),
            fused.event_date or "-",
            str(fused.n_mentions),
            str(fused.n_documents),
            str(fused.n_independent_sources),
        )
        for fused in found
    )
    return _table("Fused events", columns, rows)


fused_app = typer.Typer(
    help="Fused events: one act reported by many articles (list, or show ID).",
    invoke_without_command=True,
    no_args_is_help=False,
)


@fused_app.callback()
def fused_list(
    ctx: typer.Context,
    db: DbOption = None,
    actor: Annotated[str | None, typer.Option(help="Actor code prefix, e.g. RUS.")] = None,
    recipient: Annotated[str | None, typer.Option(help="Recipient code prefix.")] = None,
    event_type: Annotated[str | None, typer.Option("--type", help="PLOVER category.")] = None,
    since: Annotated[str | None, typer.Option(help="Earliest event date.")] = None,
    until: Annotated[str | None, typer.Option(help="Latest event date.")] = None,
    factuality: Annotated[str | None, typer.Option(help="actual|future|...")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many.")] = None,
    fmt: FormatOption = FusedFormat.table,
) -> None:
    """List fused events (filters as for ``dotterel events``)."""
    if ctx.invoked_subcommand is not None:
        ctx.obj = {"db": db}
        return
    found = api.fused_events(
        db,
        actor=actor,
        recipient=recipient,
        event_type=event_type,
        since=since,
        until=until,
        factuality=factuality,
        limit=limit,
    )
    if fmt is FusedFormat.jsonl:
        _jsonl([fused.to_dict() for fused in found])
    else:
        out.print(fused_table(found))


@fused_app.command("show")
def fused_show(
    ctx: typer.Context,
    fused_id: Annotated[str, typer.Argument(help="A fused_id from `dotterel fused`.")],
    db: DbOption = None,
    fmt: Annotated[
        FusedFormat | None, typer.Option("--format", "-f", help="jsonl: the record itself.")
    ] = None,
) -> None:
    """One fused event with its members, and why each member was joined."""
    database = db or (ctx.obj or {}).get("db")
    try:
        if fmt is FusedFormat.jsonl:
            fused = api.fused_event(fused_id, database)
            if fused is None:
                lines = api.explain_fused(fused_id, database)  # raises the coded error
            else:
                _jsonl([fused.to_dict()])
            return
        lines = api.explain_fused(fused_id, database)
    except DotterelError as exc:
        _fail(exc)
        return
    for line in lines:
        out.print(line, highlight=False, markup=False)


def lifecycle_lines(lifecycle: Lifecycle) -> list[str]:
    """A lifecycle as text: header, then one line per step with its evidence."""
    dyad = " ".join(lifecycle.dyad)
    what = f"{lifecycle.event_type} " if lifecycle.event_type else ""
    lines = [
        f"{lifecycle.lifecycle_id}: {lifecycle.kind} {what}{dyad} -> {lifecycle.status} "
        f"({lifecycle.first_date or '?'} .. {lifecycle.last_date or '?'})"
    ]
    for step in lifecycle.steps:
        by = f" by {', '.join(step.by)}" if step.by else " (own voice)"
        lines.append(
            f"  {step.date or '----------'}  {step.stage:<10}{by}  [{step.outlet or '-'}: "
            f"{step.doc_id}, {step.fused_id}]"
        )
        if step.evidence:
            lines.append(f"      {step.evidence}")
    return lines


def claims_cmd(
    db: DbOption = None,
    since: Annotated[str | None, typer.Option(help="Claims with a step on or after this.")] = None,
    status: Annotated[str | None, typer.Option(help="alleged|denied|confirmed|retracted.")] = None,
    fmt: FormatOption = FusedFormat.table,
) -> None:
    """Claims (allegations and denials) with their status and evidence."""
    found = api.claims(db, since=since, status=status)
    if fmt is FusedFormat.jsonl:
        _jsonl([lc.to_dict() for lc in found])
        return
    for lifecycle in found:
        for line in lifecycle_lines(lifecycle):
            out.print(line, highlight=False, markup=False)


def lifecycle_cmd(
    lifecycle_id: Annotated[str, typer.Argument(help="A lifecycle id (see `dotterel claims`).")],
    db: DbOption = None,
    fmt: FormatOption = FusedFormat.table,
) -> None:
    """One lifecycle: a treaty's stages or a claim's fate, step by step."""
    found = api.lifecycle(lifecycle_id, db)
    if found is None:
        _fail(UnknownLifecycleError(f"no lifecycle {lifecycle_id!r}", source=db))
        return
    if fmt is FusedFormat.jsonl:
        _jsonl([found.to_dict()])
        return
    for line in lifecycle_lines(found):
        out.print(line, highlight=False, markup=False)


def lifecycles_cmd(
    db: DbOption = None,
    kind: Annotated[str | None, typer.Option(help="treaty|claim.")] = None,
    since: Annotated[str | None, typer.Option(help="With a step on or after this.")] = None,
    fmt: FormatOption = FusedFormat.table,
) -> None:
    """Every lifecycle (treaties and claims)."""
    found = api.lifecycles(db, since=since, kind=kind)
    if fmt is FusedFormat.jsonl:
        _jsonl([lc.to_dict() for lc in found])
        return
    for lifecycle in found:
        for line in lifecycle_lines(lifecycle):
            out.print(line, highlight=False, markup=False)


def register(app: typer.Typer) -> None:
    """Add the fusion commands to ``app``."""
    app.command("fuse")(fuse_cmd)
    app.command("stories")(stories_cmd)
    app.add_typer(fused_app, name="fused")
    app.command("claims")(claims_cmd)
    app.command("lifecycle")(lifecycle_cmd)
    app.command("lifecycles")(lifecycles_cmd)
