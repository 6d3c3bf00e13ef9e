"""Dyad series add up to the network, keep quiet periods, and plot readably."""

from __future__ import annotations

from pathlib import Path

import pytest

from dotterel.analysis.dyads import dyad_series
from dotterel.analysis.network import build_network
from dotterel.analysis.plots import write_dyad_plot
from dotterel.errors import ActorCodeError, DyadPeriodError, PlotFormatError
from dotterel.records import FusedEvent
from tests.analysis.conftest import fused_event


@pytest.mark.parametrize("by", ["day", "week", "month"])
def test_directed_series_sum_to_their_network_edge(
    planted_fused: list[FusedEvent], by: str
) -> None:
    network = build_network(planted_fused)
    assert network.edges
    for edge in network.edges:
        points = dyad_series(planted_fused, edge.source, edge.target, by=by, directed=True)
        assert sum(p.cooperation for p in points) == pytest.approx(edge.cooperation)
        assert sum(p.conflict for p in points) == pytest.approx(edge.conflict)
        assert sum(p.n_events for p in points) == edge.n_events
        assert sorted(i for p in points for i in p.fused_ids) == sorted(edge.fused_ids)


def test_two_way_series_count_an_act_done_together_once(
    planted_fused: list[FusedEvent],
) -> None:
    network = build_network(planted_fused)
    for edge in network.edges:
        points = dyad_series(planted_fused, edge.source, edge.target)
        ids = [i for p in points for i in p.fused_ids]
        back = network.edge(edge.target, edge.source)
        both = set(edge.fused_ids) | set(back.fused_ids if back else [])
        assert sorted(ids) == sorted(both)
        assert len(ids) == len(set(ids))


def test_quiet_periods_are_zero_and_weeks_start_on_monday() -> None:
    events = [
        fused_event("AID", ["FRA"], ["DEU"], "2024-01-10"),
        fused_event("SANCTION", ["DEU"], ["FRA"], "2024-04-03"),
    ]
    months = dyad_series(events, "FRA", "DEU")
    assert [p.period for p in months] == ["2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01"]
    assert [p.net for p in months] == [10.0, 0.0, 0.0, -6.0]
    weeks = dyad_series(events, "deu", "fra", by="week")
    assert weeks[0].period == "2024-01-08" and weeks[-1].period == "2024-04-01"
    assert len(weeks) == 13


def test_bad_period_or_party_is_a_coded_error() -> None:
    with pytest.raises(DyadPeriodError, match="DOT752"):
        dyad_series([], "FRA", "DEU", by="year")
    with pytest.raises(ActorCodeError, match="DOT753"):
        dyad_series([], "France", "DEU")


def test_png_plot_is_an_image_and_html_is_self_contained(
    seed_fused: list[FusedEvent], tmp_path: Path
) -> None:
    points = dyad_series(seed_fused, "USA", "CHN", by="day")
    assert points
    png = write_dyad_plot(points, "USA", "CHN", tmp_path / "dyad.png", by="day")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    page = write_dyad_plot(
        points, "USA", "CHN", tmp_path / "dyad.html", by="day", fused=seed_fused
    ).read_text()
    assert "<svg" in page and "China" in page
    assert 'src="http' not in page and 'href="http' not in page.replace(
        'href="http://www.w3.org', ""
    )
    # Every event behind the chart is listed with its evidence sentence.
    for fused_id in {i for p in points for i in p.fused_ids}:
        assert fused_id in page
    assert "imposed penalties on Chinese firms" in page


def test_plot_path_must_name_a_known_format(tmp_path: Path) -> None:
    with pytest.raises(PlotFormatError, match="DOT755"):
        write_dyad_plot([], "FRA", "DEU", tmp_path / "dyad.jpg")
