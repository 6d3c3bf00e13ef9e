"""Properties over random fused events: exports validate and round-trip, series add up."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from dotterel.analysis.blocs import detect_blocs
from dotterel.analysis.dyads import dyad_series
from dotterel.analysis.graphio import network_to_gexf, network_to_graphml
from dotterel.analysis.network import assign_blocs, build_network
from dotterel.records import FACTUALITY_VALUES, PLOVER_TYPES, Entity, FusedEvent
from tests.analysis.conftest import fused_event

GRAMMAR = Path(__file__).parent / "data" / "gexf-1.3" / "gexf-xsd-compatible.rng"
STATES = ("RUS", "IRN", "CHN", "USA", "FRA", "UKR")


@pytest.fixture(scope="module")
def gexf_grammar() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(GRAMMAR)))


@st.composite
def fused_events(draw: st.DrawFn, index: int = 0) -> FusedEvent:
    actors = draw(st.lists(st.sampled_from(STATES), min_size=1, max_size=2, unique=True))
    recipients = draw(st.lists(st.sampled_from(STATES), max_size=2, unique=True))
    day = dt.date(2024, 1, 1) + dt.timedelta(days=draw(st.integers(0, 400)))
    event = fused_event(
        draw(st.sampled_from(PLOVER_TYPES)),
        actors,
        recipients,
        day.isoformat(),
        fused_id=f"fu_{draw(st.integers(0, 10**9)):09d}",
        factuality=draw(st.sampled_from(FACTUALITY_VALUES)),
        claimed_by=draw(st.lists(st.sampled_from(STATES), max_size=1)),
        denied_by=draw(st.lists(st.sampled_from(STATES), max_size=1)),
        score=draw(st.none() | st.floats(-10, 10, allow_nan=False)),
    )
    if draw(st.booleans()):
        event.recipient.append(
            Entity(text="UN", start=0, end=2, code="IGOUNO", country="IGO", canonical="UN")
        )
    return event


corpora = st.lists(fused_events(), max_size=25, unique_by=lambda e: e.fused_id)


@settings(max_examples=40, deadline=None)
@given(corpora)
def test_gexf_validates_against_the_1_3_grammar_and_reads_back(
    gexf_grammar: etree.RelaxNG, events: list[FusedEvent]
) -> None:
    network = build_network(events)
    network = assign_blocs(network, detect_blocs(network))
    text = network_to_gexf(network)
    assert gexf_grammar.validate(etree.fromstring(text.encode())), gexf_grammar.error_log
    graph = nx.read_gexf(io.BytesIO(text.encode()))
    assert set(graph.nodes) == {n.code for n in network.nodes}
    for edge in network.edges:
        assert float(graph.edges[edge.source, edge.target]["weight"]) == pytest.approx(edge.weight)


@settings(max_examples=40, deadline=None)
@given(corpora)
def test_graphml_reads_back_the_same_weights(events: list[FusedEvent]) -> None:
    network = build_network(events)
    graph = nx.read_graphml(io.BytesIO(network_to_graphml(network).encode()))
    assert {(u, v) for u, v in graph.edges} == {(e.source, e.target) for e in network.edges}
    for edge in network.edges:
        data = graph.edges[edge.source, edge.target]
        assert float(data["weight"]) == pytest.approx(edge.weight)
        assert int(data["n_events"]) == edge.n_events


@settings(max_examples=40, deadline=None)
@given(corpora, st.sampled_from(["day", "week", "month"]))
def test_every_directed_series_sums_to_its_edge(events: list[FusedEvent], by: str) -> None:
    network = build_network(events)
    for edge in network.edges:
        points = dyad_series(events, edge.source, edge.target, by=by, directed=True)
        assert sum(p.net for p in points) == pytest.approx(edge.weight, abs=1e-9)
        assert sum(p.n_events for p in points) == edge.n_events


@settings(max_examples=40, deadline=None)
@given(corpora)
def test_every_node_is_in_exactly_one_bloc(events: list[FusedEvent]) -> None:
    network = build_network(events)
    members = [code for bloc in detect_blocs(network) for code in bloc.members]
    assert sorted(members) == sorted(node.code for node in network.nodes)


def test_the_grammar_refuses_a_broken_document(gexf_grammar: etree.RelaxNG) -> None:
    network = build_network([fused_event("AID", ["FRA"], ["DEU"])])
    root = etree.fromstring(network_to_gexf(network).encode())
    next(root.iter("{http://gexf.net/1.3}edge")).attrib.pop("target")
    assert not gexf_grammar.validate(root)
