"""Alerts: what changed in the network that an analyst should look at.

Three kinds:

``trend_break``
    A dyad (two-way) whose net score in a period is ``z`` standard deviations or more
    from the mean of its trailing ``window`` periods (periods without events count as
    0; the standard deviation is floored at ``min_std`` so that a dyad steady at one
    value needs a real jump, not any change). A dyad needs events in ``min_periods`` of
    its trailing periods before it can break its trend: a sparse dyad has none.
``allegation`` / ``denial``
    A fused event alleged by a state or IGO that is not among its doers (dyad: the
    claimant and the accused), or denied by one (dyad: the denier and whoever alleged
    it, else its doer); dated by the first report carrying the allegation or denial.
``lifecycle``
    A step of a treaty or claim lifecycle (announced, signed, ratified; alleged,
    denied, confirmed) dated in the window.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from dotterel.analysis.dyads import PERIODS, period_start, periods_between
from dotterel.analysis.network import (
    Contribution,
    NetworkWeights,
    check_bounds,
    contributions,
    dyad_pairs,
    event_day,
    node_code,
    parse_day,
)
from dotterel.errors import DyadPeriodError, NetworkSettingError
from dotterel.records import Entity, FusedEvent
from dotterel.settings import load_settings

ALERT_KINDS = ("trend_break", "allegation", "denial", "lifecycle")


@dataclass(slots=True)
class Alert:
    """One alert: its kind, date (ISO), dyad (two node codes), message and evidence."""

    kind: str
    date: str
    dyad: tuple[str, str]
    message: str
    fused_ids: list[str] = field(default_factory=list)
    score: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "date": self.date,
            "dyad": list(self.dyad),
            "message": self.message,
            "fused_ids": list(self.fused_ids),
            "score": self.score,
        }


@dataclass(frozen=True, slots=True)
class AlertRules:
    """Thresholds of the trend-break alert (settings ``network_alert_*``)."""

    by: str = "month"
    window: int = 6
    min_periods: int = 3
    z: float = 3.0
    min_std: float = 2.5

    @classmethod
    def from_settings(cls, **overrides: Any) -> AlertRules:
        values = load_settings(**overrides)
        rules = cls(
            by=values["network_alert_by"],
            window=values["network_alert_window"],
            min_periods=values["network_alert_min_periods"],
            z=values["network_alert_z"],
            min_std=values["network_alert_min_std"],
        )
        if rules.by not in PERIODS:
            raise DyadPeriodError(
                f"want one of {', '.join(PERIODS)}, got {rules.by!r}", source="network_alert_by"
            )
        if rules.window < 1 or not 1 <= rules.min_periods <= rules.window:
            raise NetworkSettingError(
                f"want 1 <= min_periods ({rules.min_periods}) <= window ({rules.window})",
                source="network_alert_window",
            )
        if rules.min_std <= 0:
            raise NetworkSettingError(
                f"want a positive floor, got {rules.min_std}", source="network_alert_min_std"
            )
        return rules


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def trend_breaks(
    items: Iterable[Contribution], rules: AlertRules, since: dt.date | None = None
) -> list[Alert]:
    """Periods in which a two-way dyad's net score leaves its trailing range."""
    by_dyad: dict[tuple[str, str], dict[str, Contribution]] = defaultdict(dict)
    for item in items:
        if parse_day(item.date):
            by_dyad[_pair(item.source, item.target)].setdefault(item.fused_id, item)
    alerts = []
    for dyad, unique in sorted(by_dyad.items()):
        dated = sorted(unique.values(), key=lambda i: (i.date or "", i.fused_id))
        days = [parse_day(item.date) for item in dated]
        starts = periods_between(min(d for d in days if d), max(d for d in days if d), rules.by)
        net = dict.fromkeys(starts, 0.0)
        ids: dict[dt.date, list[str]] = defaultdict(list)
        for day, item in zip(days, dated, strict=True):
            start = period_start(day, rules.by)  # type: ignore[arg-type]
            net[start] += item.net
            ids[start].append(item.fused_id)
        values = np.array([net[start] for start in starts])
        first = period_start(since, rules.by) if since else None
        active = np.array([bool(ids.get(start)) for start in starts])
        for index in range(1, len(starts)):
            if first and starts[index] < first:
                continue
            window = slice(max(0, index - rules.window), index)
            # A sparse dyad has no trend to break: one burst after silence is not news.
            if active[window].sum() < rules.min_periods:
                continue
            trailing = values[window]
            mean = float(trailing.mean())
            spread = max(float(trailing.std()), rules.min_std)
            z = (values[index] - mean) / spread
            if math.isfinite(z) and abs(z) >= rules.z:
                turn = "towards cooperation" if z > 0 else "towards conflict"
                alerts.append(
                    Alert(
                        kind="trend_break",
                        date=starts[index].isoformat(),
                        dyad=dyad,
                        message=(
                            f"{dyad[0]}-{dyad[1]} net {values[index]:+.2f} in the {rules.by} of "
                            f"{starts[index].isoformat()} against a trailing mean of "
                            f"{mean:+.2f} (sd {spread:.2f}, z {z:+.1f}): a turn {turn}"
                        ),
                        fused_ids=ids.get(starts[index], []),
                        score=round(float(z), 3),
                    )
                )
    return alerts


def _nodes(entities: Iterable[Entity]) -> list[str]:
    return list(dict.fromkeys(code for e in entities if (code := node_code(e))))


def _first_report(fused: FusedEvent, role: str) -> dt.date | None:
    """When a report carrying a claimant (``claimed_by``) or denier was first published."""
    days = [
        parse_day(member.published) or parse_day(member.event_date)
        for member in fused.members
        if getattr(member, role)
    ]
    known = [day for day in days if day]
    if known:
        return min(known)
    return parse_day(fused.first_reported) or event_day(fused)


def _act(fused: FusedEvent) -> str:
    actors = ",".join(_nodes(fused.actor)) or "?"
    recipients = ",".join(_nodes(fused.recipient))
    return f"{actors} {fused.event_type}" + (f" {recipients}" if recipients else "")


def claim_alerts(fused_events: Iterable[FusedEvent], since: dt.date | None = None) -> list[Alert]:
    """New allegations by a third party, and new denials, between states or IGOs."""
    alerts = []
    for fused in fused_events:
        doers = _nodes(fused.actor)
        claimants = _nodes(fused.claimed_by or [e for m in fused.members for e in m.claimed_by])
        deniers = _nodes(fused.denied_by or [e for m in fused.members for e in m.denied_by])
        third = [c for c in claimants if c not in doers]
        if third and doers:
            day = _first_report(fused, "claimed_by")
            if day and (since is None or day >= since):
                for claimant in third:
                    for accused in doers:
                        alerts.append(
                            Alert(
                                kind="allegation",
                                date=day.isoformat(),
                                dyad=(claimant, accused),
                                message=f"{claimant} alleges {_act(fused)} [{fused.factuality}]",
                                fused_ids=[fused.fused_id],
                            )
                        )
        if deniers:
            day = _first_report(fused, "denied_by")
            if day and (since is None or day >= since):
                for denier in deniers:
                    others = [c for c in third or doers if c != denier]
                    by = f" (alleged by {','.join(third)})" if third else ""
                    for other in others:
                        alerts.append(
                            Alert(
                                kind="denial",
                                date=day.isoformat(),
                                dyad=(denier, other),
                                message=f"{denier} denies {_act(fused)}{by}",
                                fused_ids=[fused.fused_id],
                            )
                        )
    return alerts


def lifecycle_alerts(
    lifecycles: Iterable[Any],
    fused_by_id: dict[str, FusedEvent],
    since: dt.date | None = None,
) -> list[Alert]:
    """One alert per lifecycle step dated in the window (steps without a date: none)."""
    alerts = []
    for cycle in lifecycles:
        kind = getattr(cycle, "kind", "lifecycle")
        ident = getattr(cycle, "lifecycle_id", None) or getattr(cycle, "id", None) or ""
        for step in getattr(cycle, "steps", []) or []:
            day = parse_day(getattr(step, "date", None))
            if day is None or (since and day < since):
                continue
            fused_id = getattr(step, "fused_id", None)
            fused = fused_by_id.get(fused_id) if fused_id else None
            pairs = dyad_pairs(fused) if fused else []
            parties = [code for code in getattr(cycle, "dyad", []) or [] if code != ">"]
            if pairs:
                dyad = _pair(*pairs[0])
            elif len(parties) >= 2:
                dyad = _pair(parties[0], parties[1])
            else:
                dyad = ("", "")
            act = f": {_act(fused)}" if fused else ""
            said = list(getattr(step, "by", []) or [])
            by = f" (said by {','.join(said)})" if said else ""
            name = " ".join(part for part in (kind, ident, getattr(step, "stage", "?")) if part)
            alerts.append(
                Alert(
                    kind="lifecycle",
                    date=day.isoformat(),
                    dyad=dyad,
                    message=f"{name}{act}{by}",
                    fused_ids=[fused_id] if fused_id else [],
                )
            )
    return alerts


def find_alerts(
    fused: Iterable[FusedEvent],
    *,
    since: str | None = None,
    lifecycles: Iterable[Any] = (),
    rules: AlertRules | None = None,
    weights: NetworkWeights | None = None,
) -> list[Alert]:
    """All alerts dated on or after ``since`` (all of them without it), by date.

    Trend breaks are computed over the whole history (the trailing periods may lie
    before ``since``); only breaking periods that start in the window are reported.
    """
    rules = rules or AlertRules()
    start, _ = check_bounds(since, None)
    events = list(fused)
    alerts = trend_breaks(contributions(events, weights), rules, start)
    alerts += claim_alerts(events, start)
    alerts += lifecycle_alerts(lifecycles, {f.fused_id: f for f in events}, start)
    order = {kind: index for index, kind in enumerate(ALERT_KINDS)}
    alerts.sort(key=lambda a: (a.date, order.get(a.kind, 9), a.dyad, a.message))
    return alerts
