"""The dyad network as GEXF 1.3 (for Gephi, with its timeline) and GraphML.

Both are written by networkx from a :class:`networkx.DiGraph` of the network, so they
read back with ``networkx.read_gexf``/``read_graphml``. GEXF edges carry their first and
last event dates as ``start``/``end`` (``mode="dynamic"``, ``timeformat="date"``) and a
dynamic ``net`` attribute with each event day's value, so Gephi's timeline can replay the
network; lists (the evidence ids) are written as ``;``-separated strings, which both
formats can hold.
"""

from __future__ import annotations

import networkx as nx

from dotterel.analysis.network import Network

GEXF_VERSION = "1.3"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
# networkx 3.6 declares the XML Schema instance namespace without "www.", so its
# xsi:schemaLocation is an attribute of an unknown namespace to validators.
_NETWORKX_XSI = 'xmlns:xsi="http://w3.org/2001/XMLSchema-instance"'


def network_to_digraph(network: Network, *, dynamic: bool = False) -> nx.DiGraph:
    """The network as a networkx DiGraph (node and edge attributes are plain values)."""
    graph = nx.DiGraph(since=network.since or "", until=network.until or "")
    for node in network.nodes:
        graph.add_node(
            node.code,
            label=node.label,
            kind=node.kind,
            bloc=node.bloc if node.bloc is not None else 0,
        )
    for edge in network.edges:
        attributes: dict[str, object] = {
            "weight": edge.weight,
            "cooperation": edge.cooperation,
            "conflict": edge.conflict,
            "n_events": edge.n_events,
            "fused_ids": ";".join(edge.fused_ids),
        }
        if dynamic and edge.first_date and edge.last_date:
            attributes["start"] = edge.first_date
            attributes["end"] = edge.last_date
            by_day: dict[str, float] = {}
            for item in edge.evidence:
                if item.date:
                    by_day[item.date] = by_day.get(item.date, 0.0) + item.net
            attributes["net"] = [(value, day, day) for day, value in sorted(by_day.items())]
        else:
            attributes["first_date"] = edge.first_date or ""
            attributes["last_date"] = edge.last_date or ""
        graph.add_edge(edge.source, edge.target, **attributes)
    return graph


def network_to_gexf(network: Network) -> str:
    """GEXF 1.3 text of the network, with time intervals on its dated edges."""
    graph = network_to_digraph(network, dynamic=True)
    graph.graph["mode"] = "dynamic"
    text = "\n".join(nx.generate_gexf(graph, version=GEXF_VERSION))
    text = text.replace(_NETWORKX_XSI, f'xmlns:xsi="{XSI}"', 1)
    # GEXF 1.3 has no graph name; networkx writes an empty one.
    text = text.replace(' name=""', "", 1)
    text = text.replace(
        f"<creator>NetworkX {nx.__version__}</creator>", "<creator>Dotterel</creator>", 1
    )
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n"


def network_to_graphml(network: Network) -> str:
    """GraphML text of the network (dates as ISO strings)."""
    graph = network_to_digraph(network)
    return "\n".join(nx.generate_graphml(graph)) + "\n"
