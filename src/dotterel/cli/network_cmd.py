"""CLI commands ``network``, ``blocs``, ``dyad`` and ``alerts`` (added by :func:`register`)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.table import Table

from dotterel.errors import DotterelError
from dotterel.settings import setting

_T = TypeVar("_T")

DbOption = Annotated[
    str | None, typer.Option("--db", help=setting("db").help + f" [env {setting('db').env}]")
]
SinceOption = Annotated[
    str | None, typer.Option("--since", help="Earliest event date (YYYY-MM-DD), inclusive.")
]
UntilOption = Annotated[
    str | None, typer.Option("--until", help="Latest event date (YYYY-MM-DD), inclusive.")
]


class Source(StrEnum):
    dotterel = "dotterel"
    icews = "icews"
    polecat = "polecat"
    all = "all"


SourceOption = Annotated[
    Source,
    typer.Option(
        "--source",
        help="Whose events: Dotterel's, those imported from ICEWS or POLECAT "
        "(dotterel import-events), or all.",
    ),
]


class GraphFormat(StrEnum):
    json = "json"
    gexf = "gexf"
    graphml = "graphml"


class ListFormat(StrEnum):
    json = "json"
    table = "table"


class Period(StrEnum):
    day = "day"
    week = "week"
    month = "month"


def _console() -> Console:
    return Console(soft_wrap=True, width=None if sys.stdout.isatty() else 200)


def _run(call: Callable[[], _T]) -> _T:
    """Run an API call; a Dotterel error is printed with its code and exits 2."""
    try:
        return call()
    except DotterelError as error:
        typer.echo(str(error), err=True)
        raise typer.Exit(2) from None


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    else:
        output.write_text(text, encoding="utf-8")
        typer.echo(f"wrote {output}", err=True)


def _json(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def network_cmd(
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    fmt: Annotated[GraphFormat, typer.Option("--format", "-f", help="Output format.")] = (
        GraphFormat.json
    ),
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file, not stdout.")
    ] = None,
    source: SourceOption = Source.dotterel,
) -> None:
    """The signed dyad network of fused events: JSON, GEXF 1.3 (Gephi) or GraphML."""
    from dotterel import api
    from dotterel.analysis.graphio import network_to_gexf, network_to_graphml
    from dotterel.analysis.network import network_to_json

    graph = _run(lambda: api.network(db=db, since=since, until=until, source=source.value))
    if fmt is GraphFormat.gexf:
        _emit(network_to_gexf(graph), output)
    elif fmt is GraphFormat.graphml:
        _emit(network_to_graphml(graph), output)
    else:
        _emit(_json(network_to_json(graph)), output)


def blocs_cmd(
    db: DbOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ListFormat.table
    ),
    source: SourceOption = Source.dotterel,
) -> None:
    """Blocs of states and IGOs: cooperation draws together, conflict pushes apart."""
    from dotterel import api
    from dotterel.analysis.network import state_name

    found = _run(lambda: api.blocs(db=db, since=since, until=until, source=source.value))
    if fmt is ListFormat.json:
        sys.stdout.write(_json([bloc.to_dict() for bloc in found]))
        return
    table = Table(title="Blocs")
    table.add_column("bloc")
    table.add_column("members")
    for bloc in found:
        names = ", ".join(f"{code} ({state_name(code) or code})" for code in bloc.members)
        table.add_row(str(bloc.bloc), names)
    _console().print(table)


def dyad_cmd(
    a: Annotated[str, typer.Argument(help="First party: country (RUS) or IGO code.")],
    b: Annotated[str, typer.Argument(help="Second party.")],
    db: DbOption = None,
    by: Annotated[Period, typer.Option("--by", help="Period of the series.")] = Period.month,
    since: SinceOption = None,
    until: UntilOption = None,
    plot: Annotated[
        Path | None,
        typer.Option("--plot", help="Also draw it: a .png, .svg or self-contained .html file."),
    ] = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ListFormat.table
    ),
    source: SourceOption = Source.dotterel,
) -> None:
    """Cooperation and conflict between two parties over time (both directions)."""
    from dotterel import api

    points = _run(
        lambda: api.dyad(a, b, db=db, by=by.value, since=since, until=until, source=source.value)
    )
    if plot is not None:
        written = _run(
            lambda: api.dyad_plot(
                a, b, plot, db=db, by=by.value, since=since, until=until, source=source.value
            )
        )
        typer.echo(f"wrote {written}", err=True)
    if fmt is ListFormat.json:
        sys.stdout.write(_json([point.to_dict() for point in points]))
        return
    table = Table(title=f"{a.upper()} – {b.upper()} per {by.value}")
    for column in ("period", "cooperation", "conflict", "net", "events"):
        table.add_column(column, justify="right" if column != "period" else "left")
    for point in points:
        table.add_row(
            point.period,
            f"{point.cooperation:.2f}",
            f"{point.conflict:.2f}",
            f"{point.net:+.2f}",
            str(point.n_events),
        )
    _console().print(table)


def alerts_cmd(
    db: DbOption = None,
    since: SinceOption = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ListFormat.table
    ),
) -> None:
    """Trend breaks, new allegations and denials, and lifecycle steps since a date."""
    from dotterel import api

    found = _run(lambda: api.alerts(db=db, since=since))
    if fmt is ListFormat.json:
        sys.stdout.write(_json([alert.to_dict() for alert in found]))
        return
    table = Table(title="Alerts" + (f" since {since}" if since else ""))
    for column in ("date", "kind", "dyad", "message", "evidence"):
        table.add_column(column)
    for alert in found:
        table.add_row(
            alert.date,
            alert.kind,
            "-".join(alert.dyad),
            alert.message,
            ", ".join(alert.fused_ids[:3]) + (" …" if len(alert.fused_ids) > 3 else ""),
        )
    _console().print(table)


def register(app: typer.Typer) -> None:
    """Add the network commands to the ``dotterel`` app."""
    app.command("network")(network_cmd)
    app.command("blocs")(blocs_cmd)
    app.command("dyad")(dyad_cmd)
    app.command("alerts")(alerts_cmd)
