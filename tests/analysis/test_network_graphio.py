"""GEXF 1.3 and GraphML exports parse back with networkx with the same nodes and weights."""

from __future__ import annotations

import io

import networkx as nx
import pytest
from lxml import etree

from dotterel.analysis.blocs import detect_blocs
from dotterel.analysis.graphio import network_to_gexf, network_to_graphml
from dotterel.analysis.network import Network, assign_blocs, build_network, network_to_json
from dotterel.records import FusedEvent

GEXF = "{http://gexf.net/1.3}"


@pytest.fixture(scope="module")
def seed_network(seed_fused: list[FusedEvent]) -> Network:
    network = build_network(seed_fused)
    return assign_blocs(network, detect_blocs(network))


def _same_graph(graph: nx.DiGraph, network: Network) -> None:
    assert set(graph.nodes) == {node.code for node in network.nodes}
    assert {(u, v) for u, v in graph.edges} == {(e.source, e.target) for e in network.edges}
    for edge in network.edges:
        data = graph.edges[edge.source, edge.target]
        assert float(data["weight"]) == pytest.approx(edge.weight)
        assert float(data["cooperation"]) == pytest.approx(edge.cooperation)
        assert float(data["conflict"]) == pytest.approx(edge.conflict)
        assert int(data["n_events"]) == edge.n_events
        assert data["fused_ids"].split(";") == edge.fused_ids
    for node in network.nodes:
        assert graph.nodes[node.code]["label"] == node.label
        assert int(graph.nodes[node.code]["bloc"]) == node.bloc


def test_graphml_reads_back_with_the_same_nodes_edges_and_weights(
    seed_network: Network,
) -> None:
    graph = nx.read_graphml(io.BytesIO(network_to_graphml(seed_network).encode()))
    assert graph.is_directed()
    _same_graph(graph, seed_network)


def test_gexf_reads_back_with_the_same_nodes_edges_and_weights(seed_network: Network) -> None:
    graph = nx.read_gexf(io.BytesIO(network_to_gexf(seed_network).encode()))
    _same_graph(graph, seed_network)


def test_gexf_is_version_1_3_dynamic_with_dated_edge_intervals(seed_network: Network) -> None:
    root = etree.fromstring(network_to_gexf(seed_network).encode())
    assert root.tag == GEXF + "gexf" and root.get("version") == "1.3"
    schema = root.get("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation")
    assert schema == "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"
    graph = root.find(GEXF + "graph")
    assert graph is not None
    assert (graph.get("mode"), graph.get("timeformat")) == ("dynamic", "date")
    assert graph.get("name") is None
    edges = graph.findall(f"{GEXF}edges/{GEXF}edge")
    assert len(edges) == len(seed_network.edges)
    for element in edges:
        edge = seed_network.edge(element.get("source"), element.get("target"))
        assert edge is not None
        assert (element.get("start"), element.get("end")) == (edge.first_date, edge.last_date)
        # The dynamic net value of each event day, for Gephi's timeline.
        dated = [v for v in element.iter(GEXF + "attvalue") if v.get("start") is not None]
        assert {v.get("start") for v in dated} == {e.date for e in edge.evidence}
        assert sum(float(v.get("value")) for v in dated) == pytest.approx(edge.weight)


def test_json_export_keeps_every_edges_evidence(seed_network: Network) -> None:
    data = network_to_json(seed_network)
    assert [n["code"] for n in data["nodes"]] == [n.code for n in seed_network.nodes]
    for exported, edge in zip(data["edges"], seed_network.edges, strict=True):
        assert exported["fused_ids"] == edge.fused_ids
        assert [item["fused_id"] for item in exported["evidence"]] == edge.fused_ids


def test_an_empty_network_exports_to_valid_documents() -> None:
    empty = build_network([])
    assert nx.read_gexf(io.BytesIO(network_to_gexf(empty).encode())).number_of_nodes() == 0
    assert nx.read_graphml(io.BytesIO(network_to_graphml(empty).encode())).number_of_nodes() == 0
