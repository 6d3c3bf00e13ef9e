"""Dyad plots: cooperation above the axis, conflict below, net as a line, events marked.

Drawn with matplotlib on its non-interactive Agg backend (no display needed). The HTML
variant is one self-contained file: the chart as inline SVG and a table of the fused
events behind it with their evidence sentences; it loads nothing from the network.
"""

from __future__ import annotations

import datetime as dt
import html
import io
from pathlib import Path

from dotterel.analysis.dyads import DyadPoint, next_period
from dotterel.analysis.network import parse_day, state_name
from dotterel.errors import PlotFormatError
from dotterel.records import FusedEvent

PLOT_SUFFIXES = (".png", ".svg", ".html")
COOPERATION_COLOUR = "#2b8a3e"
CONFLICT_COLOUR = "#c92a2a"


def _name(code: str) -> str:
    return state_name(code) or code


def dyad_figure(points: list[DyadPoint], a: str, b: str, by: str = "month") -> object:
    """A matplotlib Figure of the dyad series (the caller saves or closes it)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import dates as mdates
    from matplotlib.figure import Figure

    figure = Figure(figsize=(10, 4.8), dpi=110, layout="constrained")
    axes = figure.add_subplot()
    days_of = [dt.date.fromisoformat(p.period) for p in points]
    starts = mdates.date2num(days_of)
    if len(days_of):
        widths = [(next_period(s, by) - s).days * 0.8 for s in days_of]
        axes.bar(
            starts,
            [p.cooperation for p in points],
            width=widths,
            align="edge",
            color=COOPERATION_COLOUR,
            alpha=0.55,
            label="cooperation",
        )
        axes.bar(
            starts,
            [-p.conflict for p in points],
            width=widths,
            align="edge",
            color=CONFLICT_COLOUR,
            alpha=0.55,
            label="conflict",
        )
        middles = mdates.date2num([s + (next_period(s, by) - s) / 2 for s in days_of])
        axes.plot(middles, [p.net for p in points], color="black", lw=1.5, label="net")
        # Each fused event as a tick at its own day and value: what the bars are made of.
        for sign, colour in ((1, COOPERATION_COLOUR), (-1, CONFLICT_COLOUR)):
            days, values = [], []
            for point in points:
                for item in point.evidence:
                    value = item.cooperation if sign > 0 else -item.conflict
                    day = parse_day(item.date)
                    if day and value:
                        days.append(day)
                        values.append(value)
            if days:
                axes.scatter(
                    mdates.date2num(days),
                    values,
                    marker="D",
                    s=22,
                    color=colour,
                    edgecolor="white",
                    zorder=3,
                    label="events" if sign > 0 else None,
                )
    axes.axhline(0, color="grey", lw=0.8)
    axes.set_title(f"{_name(a)} ({a}) – {_name(b)} ({b}): cooperation and conflict per {by}")
    axes.set_ylabel("weighted score (conflict below 0)")
    axes.grid(axis="y", alpha=0.3)
    axes.xaxis_date()
    if len(days_of):
        axes.legend(loc="upper left", frameon=False, ncols=4)
    else:
        axes.text(0.5, 0.5, "no events between these two", ha="center", transform=axes.transAxes)
    figure.autofmt_xdate()
    return figure


def _evidence_rows(points: list[DyadPoint], fused: dict[str, FusedEvent]) -> str:
    rows = []
    for point in points:
        for item in point.evidence:
            event = fused.get(item.fused_id)
            sentence = ""
            sources = ""
            if event:
                sentence = next((m.evidence.text for m in event.members if m.evidence), "")
                sources = str(event.n_independent_sources or len(event.members))
            value = item.cooperation - item.conflict
            rows.append(
                "<tr>"
                + "".join(
                    f"<td>{html.escape(str(cell))}</td>"
                    for cell in (
                        item.date or "",
                        f"{item.source} → {item.target}",
                        item.event_type,
                        item.factuality
                        + (" alleged" if item.alleged else "")
                        + (" denied" if item.denied else ""),
                        f"{value:+.2f}",
                        sources,
                        sentence,
                        item.fused_id,
                    )
                )
                + "</tr>"
            )
    return "\n".join(rows)


def write_dyad_plot(
    points: list[DyadPoint],
    a: str,
    b: str,
    path: Path,
    *,
    by: str = "month",
    fused: list[FusedEvent] | None = None,
) -> Path:
    """Write the plot as PNG, SVG or self-contained HTML, chosen by ``path``'s suffix."""
    suffix = path.suffix.lower()
    if suffix not in PLOT_SUFFIXES:
        raise PlotFormatError(f"want a {', '.join(PLOT_SUFFIXES)} file", source=str(path))
    figure = dyad_figure(points, a, b, by)
    if suffix in (".png", ".svg"):
        figure.savefig(path, format=suffix[1:])  # type: ignore[attr-defined]
        return path
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg")  # type: ignore[attr-defined]
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]
    title = html.escape(f"{_name(a)} – {_name(b)}")
    by_id = {event.fused_id: event for event in fused or []}
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>body{{font-family:sans-serif;margin:2em}}table{{border-collapse:collapse;font-size:90%}}
td,th{{border:1px solid #ccc;padding:3px 6px;vertical-align:top;text-align:left}}</style>
</head><body>
<h1>{title}</h1>
<p>Cooperation (green, above 0) and conflict (red, below 0) per {html.escape(by)}; the line
is the net score, each diamond one fused event. Weights: docs/network.md.</p>
{svg}
<h2>Events</h2>
<table><tr><th>date</th><th>dyad</th><th>type</th><th>status</th><th>value</th>
<th>sources</th><th>evidence</th><th>fused id</th></tr>
{_evidence_rows(points, by_id)}
</table></body></html>
"""
    path.write_text(page, encoding="utf-8")
    return path
