"""Alerts fire on a planted trend break, a new allegation or denial, a lifecycle step."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from dotterel.analysis.alerts import AlertRules, find_alerts
from dotterel.errors import NetworkSettingError
from dotterel.records import FusedEvent
from tests.analysis.conftest import fused_event


def _monthly(event_type: str, months: range, actors: list[str], recipients: list[str]) -> list:
    return [fused_event(event_type, actors, recipients, f"2024-{month:02d}-15") for month in months]


def test_a_planted_break_from_a_steady_cooperation_trend_fires() -> None:
    steady = _monthly("CONSULT", range(1, 9), ["FRA"], ["DEU"])
    rupture = [fused_event("SANCTION", ["FRA"], ["DEU"], "2024-09-10")]
    alerts = [a for a in find_alerts(steady + rupture) if a.kind == "trend_break"]
    assert [(a.date, a.dyad) for a in alerts] == [("2024-09-01", ("DEU", "FRA"))]
    assert alerts[0].score is not None and alerts[0].score < -3
    assert alerts[0].fused_ids == [rupture[0].fused_id]
    assert "towards conflict" in alerts[0].message


def test_a_steady_series_raises_no_trend_alert() -> None:
    steady = _monthly("CONSULT", range(1, 13), ["FRA"], ["DEU"])
    noisy = steady + _monthly("SUPPORT", range(2, 13, 3), ["DEU"], ["FRA"])
    assert [a for a in find_alerts(steady) if a.kind == "trend_break"] == []
    assert [a for a in find_alerts(noisy) if a.kind == "trend_break"] == []


def test_a_new_dyad_needs_trailing_periods_before_it_can_break() -> None:
    events = _monthly("CONSULT", range(1, 3), ["FRA"], ["DEU"])
    events.append(fused_event("ASSAULT", ["FRA"], ["DEU"], "2024-03-02"))
    assert [a for a in find_alerts(events) if a.kind == "trend_break"] == []


def test_a_burst_in_a_sparse_dyad_is_not_a_trend_break() -> None:
    events = [fused_event("CONSULT", ["FRA"], ["DEU"], "2024-01-15")]
    events += _monthly("AID", range(8, 9), ["FRA"], ["DEU"])
    events += [fused_event("AID", ["DEU"], ["FRA"], "2024-08-20")]
    assert [a for a in find_alerts(events) if a.kind == "trend_break"] == []


def test_one_meeting_more_than_usual_is_not_a_trend_break() -> None:
    events = _monthly("CONSULT", range(1, 9), ["FRA"], ["DEU"])
    events.append(fused_event("CONSULT", ["DEU"], ["FRA"], "2024-08-03"))
    assert [a for a in find_alerts(events) if a.kind == "trend_break"] == []


def test_since_reports_only_breaks_in_the_window_but_uses_earlier_history() -> None:
    events = _monthly("CONSULT", range(1, 9), ["FRA"], ["DEU"])
    events.append(fused_event("SANCTION", ["FRA"], ["DEU"], "2024-09-10"))
    assert [a.date for a in find_alerts(events, since="2024-09-01")] == ["2024-09-01"]
    assert find_alerts(events, since="2024-10-01") == []


def test_seed_story_alerts_on_us_allegations_and_iranian_and_chinese_denials(
    seed_fused: list[FusedEvent],
) -> None:
    alerts = find_alerts(seed_fused, since="2024-11-01")
    allegations = {a.dyad for a in alerts if a.kind == "allegation"}
    denials = {a.dyad for a in alerts if a.kind == "denial"}
    assert {("USA", "PRK"), ("USA", "IRN"), ("USA", "CHN")} <= allegations
    assert {("IRN", "USA"), ("CHN", "USA")} <= denials
    assert find_alerts(seed_fused, since="2024-11-02") == []


@dataclass
class Step:
    stage: str
    date: str | None
    fused_id: str


@dataclass
class Cycle:
    kind: str
    lifecycle_id: str
    steps: list[Step] = field(default_factory=list)
    dyad: list[str] = field(default_factory=list)


def test_lifecycle_steps_in_the_window_are_alerts() -> None:
    sign = fused_event("SUPPORT", ["RUS"], ["IRN"], "2025-01-17", fused_id="fu_sign")
    cycle = Cycle(
        "treaty",
        "lc_1",
        [Step("announced", "2024-10-31", "fu_announce"), Step("signed", "2025-01-17", "fu_sign")],
    )
    alerts = find_alerts([sign], since="2025-01-01", lifecycles=[cycle])
    (alert,) = [a for a in alerts if a.kind == "lifecycle"]
    assert (alert.date, alert.dyad, alert.fused_ids) == ("2025-01-17", ("IRN", "RUS"), ["fu_sign"])
    assert "treaty lc_1 signed" in alert.message


def test_a_lifecycle_step_without_its_fused_event_takes_the_lifecycles_dyad() -> None:
    cycle = Cycle("claim", "lc_2", [Step("denied", "2024-11-01", "fu_gone")], ["IRN", ">", "RUS"])
    (alert,) = find_alerts([], lifecycles=[cycle])
    assert (alert.kind, alert.dyad, alert.message) == (
        "lifecycle",
        ("IRN", "RUS"),
        "claim lc_2 denied",
    )


def test_alert_rules_are_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOTTEREL_NETWORK_ALERT_MIN_PERIODS", "9")
    with pytest.raises(NetworkSettingError, match="DOT751"):
        AlertRules.from_settings()
