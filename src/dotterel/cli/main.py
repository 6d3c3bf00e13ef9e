"""The ``dotterel`` command line: a thin Typer layer over :mod:`dotterel.api`.

Option defaults and help come from the settings table (:mod:`dotterel.settings`).
"""

from __future__ import annotations

import csv
import io
import json
import sys
import time
from collections.abc import Iterable
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from dotterel import api
from dotterel.cli import (
    actors_cmd,
    export_cmd,
    fusion_cmd,
    network_cmd,
    scale_cmd,
    serve_cmd,
    watch_cmd,
)
from dotterel.cli.errors import DotterelGroup
from dotterel.cli.scale_cmd import RunnerOption, SchedulerOption, WorkersOption
from dotterel.nlp.pipeline import Extraction
from dotterel.records import Event, Failure
from dotterel.settings import default, setting, settings_markdown

app = typer.Typer(
    cls=DotterelGroup,
    name="dotterel",
    help="Sourced political event data from news: PLOVER events with factuality and claims.",
    no_args_is_help=True,
    add_completion=False,
)
# Piped output (files, CI logs) gets full-width tables rather than Rich's 80 columns.
out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True)


class OutputFormat(StrEnum):
    jsonl = "jsonl"
    table = "table"
    csv = "csv"


DbOption = Annotated[
    str | None, typer.Option("--db", help=setting("db").help + f" [env {setting('db').env}]")
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary.")]
FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")]
PublishedOption = Annotated[
    str | None, typer.Option("--published", help="Publication date (YYYY-MM-DD) for plain text.")
]

CSV_COLUMNS = (
    "event_id",
    "doc_id",
    "event_type",
    "actor",
    "recipient",
    "factuality",
    "claimed_by",
    "denied_by",
    "event_date",
    "location",
    "cameo",
    "goldstein",
    "trigger",
    "evidence",
)


def _codes(entities: list) -> str:
    return ";".join(e.code or f"?{e.text}" for e in entities)


def _row(event: Event) -> dict[str, object]:
    return {
        "event_id": event.event_id,
        "doc_id": event.doc_id,
        "event_type": event.event_type,
        "actor": _codes(event.actor),
        "recipient": _codes(event.recipient),
        "factuality": event.factuality,
        "claimed_by": _codes(event.claimed_by),
        "denied_by": _codes(event.denied_by),
        "event_date": event.event_date or "",
        "location": (event.location.country or event.location.name) if event.location else "",
        "cameo": event.cameo or "",
        "goldstein": "" if event.goldstein is None else event.goldstein,
        "trigger": event.trigger.text,
        "evidence": event.evidence.text,
    }


def events_table(events: Iterable[Event], title: str = "Events") -> Table:
    """A Rich table of events, one row each."""
    table = Table(title=title, show_lines=False)
    for column in ("type", "actor", "recipient", "factuality", "claimed by", "denied by"):
        table.add_column(column)
    table.add_column("date")
    table.add_column("place")
    table.add_column("trigger")
    for event in events:
        row = _row(event)
        table.add_row(
            str(row["event_type"]),
            str(row["actor"]),
            str(row["recipient"]),
            str(row["factuality"]),
            str(row["claimed_by"]),
            str(row["denied_by"]),
            str(row["event_date"]),
            str(row["location"]),
            str(row["trigger"]),
        )
    return table


def explain(event: Event) -> str:
    """Why an event was coded: trigger, rules, argument paths and cues."""
    lines = [
        f"{event.event_type} {_codes(event.actor)} -> {_codes(event.recipient) or '-'}"
        f"  [{event.factuality}]  cameo {event.cameo}  id {event.event_id}",
        f"  trigger : {event.trigger.text!r} @{event.trigger.start}-{event.trigger.end}",
        f"  rules   : {', '.join(event.rules) or '-'}",
        f"  cues    : {', '.join(event.cues) or '-'}",
        f"  claimed : {_codes(event.claimed_by) or '-'}   denied: {_codes(event.denied_by) or '-'}",
        f"  date    : {event.event_date or '-'} ({event.date_precision or '-'},"
        f" {event.date_source or '-'})",
        f"  place   : {event.location.to_dict() if event.location else '-'}",
        f"  evidence: {event.evidence.text}",
    ]
    return "\n".join(lines)


def write_events(events: list[Event], fmt: OutputFormat) -> None:
    if fmt is OutputFormat.jsonl:
        for event in events:
            sys.stdout.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
    elif fmt is OutputFormat.csv:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        for event in events:
            writer.writerow(_row(event))
        sys.stdout.write(buffer.getvalue())
    else:
        out.print(events_table(events))


def _progress(quiet: bool) -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TextColumn("{task.completed} docs"),
        TextColumn("{task.fields[rate]} docs/s"),
        TimeElapsedColumn(),
        console=err,
        disable=quiet,
        transient=True,
    )


def _report_failures(failures: list[Failure], quiet: bool) -> None:
    if quiet:
        return
    for failure in failures:
        err.print(f"[yellow]skipped[/] {failure.describe()}", highlight=False)


def _exit_status(processed: int, failures: int, strict: bool) -> int:
    if processed == 0:
        return 1
    if strict and failures:
        return 2
    return 0


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories or - for stdin.")],
    fmt: FormatOption = OutputFormat.jsonl,
    published: PublishedOption = None,
    explain_events: Annotated[
        bool, typer.Option("--explain", help="Print why each event was coded.")
    ] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Non-zero exit on any failure.")] = False,
    quiet: QuietOption = False,
    workers: WorkersOption = None,
    runner: RunnerOption = None,
    scheduler: SchedulerOption = None,
) -> None:
    """Extract events from text to stdout (no database is touched)."""
    events: list[Event] = []
    failures: list[Failure] = []
    processed = 0
    with _progress(quiet) as progress:
        task = progress.add_task("extract", total=None, rate="0.0")
        started = time.perf_counter()
        scale = {"workers": workers, "runner": runner, "scheduler": scheduler}
        for result in api.extract_inputs(inputs, published=published, **scale):
            if isinstance(result, Failure):
                failures.append(result)
                continue
            processed += 1
            elapsed = max(time.perf_counter() - started, 1e-9)
            progress.update(task, advance=1, rate=f"{processed / elapsed:.1f}")
            if explain_events:
                for event in result.events:
                    out.print(explain(event), highlight=False, markup=False)
                    out.print()
            elif fmt is OutputFormat.jsonl:
                write_events(result.events, fmt)
            else:
                events.extend(result.events)
    if not explain_events and fmt is not OutputFormat.jsonl:
        write_events(events, fmt)
    _report_failures(failures, quiet)
    if not quiet:
        err.print(f"{processed} documents, {len(failures)} failures")
    raise typer.Exit(_exit_status(processed, len(failures), strict))


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories or - for stdin.")],
    db: DbOption = None,
    published: PublishedOption = None,
    strict: Annotated[bool, typer.Option("--strict", help="Non-zero exit on any failure.")] = False,
    quiet: QuietOption = False,
    workers: WorkersOption = None,
    runner: RunnerOption = None,
    scheduler: SchedulerOption = None,
) -> None:
    """Extract events and store them (documents already stored are skipped)."""
    with _progress(quiet) as progress:
        task = progress.add_task("ingest", total=None, rate="0.0")
        started = time.perf_counter()
        done = [0]

        def advance(count: int) -> None:
            done[0] += count
            elapsed = max(time.perf_counter() - started, 1e-9)
            progress.update(task, advance=count, rate=f"{done[0] / elapsed:.1f}")

        scale = {"workers": workers, "runner": runner, "scheduler": scheduler}
        summary = api.ingest(inputs, db=db, published=published, progress=advance, **scale)
    _report_failures(summary.failures, quiet)
    if not quiet:
        err.print(
            f"run {summary.run_id}: {summary.documents} documents stored, "
            f"{summary.skipped} already stored, {summary.events} events, "
            f"{len(summary.failures)} failures"
        )
    processed = summary.documents + summary.skipped
    raise typer.Exit(_exit_status(processed, len(summary.failures), strict))


@app.command()
def events(
    db: DbOption = None,
    actor: Annotated[str | None, typer.Option(help="Actor code prefix, e.g. RUS.")] = None,
    recipient: Annotated[str | None, typer.Option(help="Recipient code prefix.")] = None,
    event_type: Annotated[str | None, typer.Option("--type", help="PLOVER category.")] = None,
    since: Annotated[str | None, typer.Option(help="Earliest event date.")] = None,
    until: Annotated[str | None, typer.Option(help="Latest event date.")] = None,
    factuality: Annotated[str | None, typer.Option(help="actual|future|...")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many.")] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Query stored events."""
    found = api.query_events(
        db=db,
        actor=actor,
        recipient=recipient,
        event_type=event_type.upper() if event_type else None,
        since=since,
        until=until,
        factuality=factuality,
        limit=limit,
    )
    write_events(found, fmt)


@app.command()
def evaluate(
    gold: Annotated[str, typer.Argument(help="Gold JSONL file (see docs/evaluate.md).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    errors: Annotated[
        bool, typer.Option("--errors", help="List misses and false events by cause.")
    ] = False,
) -> None:
    """Run extraction on gold documents and score it by the gold rules."""
    from dotterel.analysis.errors import analyse
    from dotterel.analysis.evaluate import load_gold, score

    gold_docs = load_gold(gold)
    predictions: dict[str, list[Event]] = {}
    for result in api.extract_documents(g.document for g in gold_docs):
        if isinstance(result, Extraction):
            predictions[result.document.doc_id] = result.events
    report = score(gold_docs, predictions)
    analysis = analyse(gold_docs, predictions) if errors else None
    if as_json:
        data = report.to_dict() | ({"errors": analysis.to_dict()} if analysis else {})
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    else:
        out.print(report.to_text(), highlight=False)
        if analysis is not None:
            out.print(analysis.to_text(), highlight=False, markup=False)


@app.command("evaluate-dates")
def evaluate_dates(
    gold: Annotated[str, typer.Argument(help="Time-expression gold (MEANTIME-style JSONL).")],
) -> None:
    """Score the date resolver on normalised DATE expressions (exact value match)."""
    from dotterel.time.evaluate import evaluate_timex

    out.print(evaluate_timex(gold).summary(), highlight=False, markup=False)


@app.command()
def demo(db: DbOption = None, quiet: QuietOption = False) -> None:
    """Ingest the bundled sample articles and print their events and dyads."""
    database = db or default("db")
    summary = api.ingest(api.demo_inputs(), db=database)
    if not quiet:
        err.print(
            f"{summary.documents} documents stored ({summary.skipped} already there) in {database}"
        )
    found = api.query_events(db=database)
    out.print(events_table(found, title=f"Events in {database}"))
    dyads = Table(title="Dyads")
    for column in ("actor", "recipient", "type", "events"):
        dyads.add_column(column)
    for actor_code, recipient_code, event_type, count in api.dyad_summary(db=database):
        dyads.add_row(actor_code, recipient_code or "-", event_type, str(count))
    out.print(dyads)
    err.print(
        f"Explore them in a browser: dotterel serve --db {database}  (then open http://127.0.0.1:8000/)"
    )


@app.command("settings")
def show_settings(
    markdown: Annotated[bool, typer.Option("--markdown", help="As a Markdown table.")] = False,
) -> None:
    """List every setting with its environment variable and current value."""
    if markdown:
        sys.stdout.write(settings_markdown())
        return
    from dotterel.settings import SETTINGS

    table = Table(title="Settings")
    for column in ("setting", "environment", "value", "meaning"):
        table.add_column(column)
    for spec in SETTINGS:
        table.add_row(spec.name, spec.env, repr(default(spec.name)), spec.help)
    out.print(table)


actors_cmd.register(app)
fusion_cmd.register(app)
network_cmd.register(app)
scale_cmd.register(app)
serve_cmd.register(app)


@app.callback()
def root(
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of an error.")] = False,
) -> None:
    """Sourced political event data from news: PLOVER events with factuality and claims."""


export_cmd.register(app)
watch_cmd.register(app)


def main() -> None:  # pragma: no cover - console entry point
    app()
