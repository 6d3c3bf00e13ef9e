"""Dyad time series: cooperation and conflict between two parties per day, week or month.

The values are the network's (:func:`~dotterel.analysis.network.contributions`), so a
directed series sums to its network edge exactly; the two-way series counts a fused
event once even when it links both directions (a treaty signed together).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from dotterel.analysis.network import (
    Contribution,
    NetworkWeights,
    contributions,
    parse_day,
    state_name,
)
from dotterel.errors import ActorCodeError, DyadPeriodError
from dotterel.records import FusedEvent

PERIODS = ("day", "week", "month")


@dataclass(slots=True)
class DyadPoint:
    """One period of a dyad: ``period`` is its first day (weeks start on Monday)."""

    period: str
    cooperation: float = 0.0
    conflict: float = 0.0
    net: float = 0.0
    n_events: int = 0
    fused_ids: list[str] = field(default_factory=list)
    evidence: list[Contribution] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "period": self.period,
            "cooperation": self.cooperation,
            "conflict": self.conflict,
            "net": self.net,
            "n_events": self.n_events,
            "fused_ids": list(self.fused_ids),
        }


def period_start(day: dt.date, by: str) -> dt.date:
    """The first day of the period holding ``day``."""
    if by == "day":
        return day
    if by == "week":
        return day - dt.timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    raise DyadPeriodError(f"want one of {', '.join(PERIODS)}, got {by!r}", source="by")


def next_period(start: dt.date, by: str) -> dt.date:
    """The first day of the period after the one starting on ``start``."""
    if by == "day":
        return start + dt.timedelta(days=1)
    if by == "week":
        return start + dt.timedelta(days=7)
    return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def periods_between(first: dt.date, last: dt.date, by: str) -> list[dt.date]:
    """Every period start from ``first``'s period to ``last``'s, gaps included."""
    current, end = period_start(first, by), period_start(last, by)
    found = []
    while current <= end:
        found.append(current)
        current = next_period(current, by)
    return found


def check_party(code: str) -> str:
    """A dyad party as a node code (upper case); :class:`ActorCodeError` if it is none."""
    value = code.strip().upper()
    if value.startswith("IGO") and len(value) > 3 and value.isalpha():
        return value
    if len(value) == 3 and state_name(value):
        return value
    raise ActorCodeError(
        "want an ISO 3166-1 alpha-3 country (RUS) or an IGO code (IGOUNO)", source=code
    )


def dyad_contributions(
    fused: Iterable[FusedEvent],
    a: str,
    b: str,
    *,
    directed: bool = False,
    since: str | None = None,
    until: str | None = None,
    weights: NetworkWeights | None = None,
) -> list[Contribution]:
    """Each fused event's value on ``a -> b`` (and ``b -> a`` unless directed), once."""
    a, b = check_party(a), check_party(b)
    wanted = {(a, b)} if directed else {(a, b), (b, a)}
    found: dict[str, Contribution] = {}
    for item in contributions(fused, weights, since=since, until=until):
        if (item.source, item.target) in wanted:
            found.setdefault(item.fused_id, item)
    return list(found.values())


def dyad_series(
    fused: Iterable[FusedEvent],
    a: str,
    b: str,
    *,
    by: str = "month",
    directed: bool = False,
    since: str | None = None,
    until: str | None = None,
    weights: NetworkWeights | None = None,
) -> list[DyadPoint]:
    """Per-period totals of the dyad ``a``-``b``, from its first dated event to its last.

    Periods without events are included with zeros, so trends see the quiet. Fused
    events with no date at all cannot be placed in a period and are left out.
    """
    if by not in PERIODS:
        raise DyadPeriodError(f"want one of {', '.join(PERIODS)}, got {by!r}", source="by")
    items = dyad_contributions(
        fused, a, b, directed=directed, since=since, until=until, weights=weights
    )
    dated = [(day, item) for item in items if (day := parse_day(item.date))]
    if not dated:
        return []
    days = [day for day, _ in dated]
    points = {
        start: DyadPoint(period=start.isoformat())
        for start in periods_between(min(days), max(days), by)
    }
    for day, item in sorted(dated, key=lambda pair: (pair[0], pair[1].fused_id)):
        point = points[period_start(day, by)]
        point.cooperation += item.cooperation
        point.conflict += item.conflict
        point.n_events += 1
        point.fused_ids.append(item.fused_id)
        point.evidence.append(item)
    for point in points.values():
        point.net = point.cooperation - point.conflict
    return [points[start] for start in sorted(points)]
