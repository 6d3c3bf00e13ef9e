"""Python API of the dyad network: network, blocs, dyad series and alerts of a store.

>>> from dotterel.api import network, blocs
>>> graph = network(db="events.duckdb", since="2024-01-01")
>>> [b.members for b in blocs(db="events.duckdb")]

``db`` is a store path (default: the ``db`` setting), or an open store, used as is and
left open (the HTTP server keeps its stores open).

``source="icews"``/``"polecat"`` computes the same from events imported from those
datasets, and ``"all"`` from both kinds, so a dyad can be compared across datasets.
Otherwise everything is computed from the store's fused events (one per act, however many
reports). A store without fused events (fusion not yet run, or a store of an older
version) is read as one fused event per stored event, which counts a re-reported act
once per report.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dotterel.analysis.alerts import Alert, AlertRules, find_alerts
from dotterel.analysis.blocs import Bloc, detect_blocs
from dotterel.analysis.dyads import DyadPoint, check_party, dyad_series
from dotterel.analysis.network import (
    Network,
    NetworkWeights,
    assign_blocs,
    build_network,
    check_bounds,
    outside_fused,
    singleton_fused,
)
from dotterel.api.browse import Db, using_store
from dotterel.errors import NetworkSettingError
from dotterel.records import FusedEvent
from dotterel.settings import load_settings
from dotterel.store import EventStore


def stored_fused_events(store: EventStore) -> list[FusedEvent]:
    """Every fused event of a store; one per stored event if the store has none."""
    fused_events = getattr(store, "fused_events", None)
    if callable(fused_events):
        found: list[FusedEvent] = fused_events()
        if found:
            return found
    documents = {document.doc_id: document for document in store.documents()}
    return [singleton_fused(e, documents.get(e.doc_id)) for e in store.query_events()]


def stored_lifecycles(store: EventStore, since: str | None = None) -> list[Any]:
    """The store's lifecycles (treaty and claim chains), or none if it keeps none."""
    lifecycles = getattr(store, "lifecycles", None)
    return list(lifecycles(since=since)) if callable(lifecycles) else []


#: What ``source=`` may name: Dotterel's own events, an imported dataset, or all of them.
SOURCES = ("dotterel", "icews", "polecat", "all")


def check_source(source: str) -> str:
    """``source`` if it is one of :data:`SOURCES`, else a coded error."""
    if source not in SOURCES:
        raise NetworkSettingError(
            f"want one of {', '.join(SOURCES)}, got {source!r}", source="source"
        )
    return source


def _outside(store: EventStore, source: str) -> list[FusedEvent]:
    if source == "dotterel":
        return []
    dataset = None if source == "all" else source
    return [outside_fused(e) for e in store.outside_events(source_dataset=dataset)]


def _read(db: Db, source: str = "dotterel") -> list[FusedEvent]:
    """The fused events of ``source``: Dotterel's, those imported from ICEWS or POLECAT
    (``dotterel import-events``), or both kinds together (``all``)."""
    check_source(source)
    with using_store(db) as store:
        found = stored_fused_events(store) if source in ("dotterel", "all") else []
        return found + _outside(store, source)


def _read_dyad(db: Db, a: str, b: str, source: str = "dotterel") -> list[FusedEvent]:
    """The fused events of ``source`` that may link ``a`` and ``b``: Dotterel's through
    the store's indexed lookup (:meth:`EventStore.fused_between`), not a full read."""
    check_source(source)
    with using_store(db) as store:
        found: list[FusedEvent] = []
        if source in ("dotterel", "all"):
            found = store.fused_between(a, b)
            if not found and not store.fusion_counts().get("fused_events"):
                found = stored_fused_events(store)  # a store never fused: one per event
        return found + _outside(store, source)


def network(
    db: Db = None,
    since: str | None = None,
    until: str | None = None,
    source: str = "dotterel",
) -> Network:
    """The dyad network of the store's fused events in ``[since, until]``, blocs assigned.

    Weights come from the ``network_*`` settings (``docs/network.md``).
    """
    check_bounds(since, until)
    graph = build_network(
        _read(db, source), since=since, until=until, weights=NetworkWeights.from_settings()
    )
    return assign_blocs(graph, detect_blocs(graph, seed=load_settings()["network_seed"]))


def blocs(
    db: Db = None,
    since: str | None = None,
    until: str | None = None,
    source: str = "dotterel",
) -> list[Bloc]:
    """Blocs of the network in ``[since, until]`` (signed modularity, seeded)."""
    check_bounds(since, until)
    graph = build_network(
        _read(db, source), since=since, until=until, weights=NetworkWeights.from_settings()
    )
    return detect_blocs(graph, seed=load_settings()["network_seed"])


def dyad(
    a: str,
    b: str,
    db: Db = None,
    by: str = "month",
    since: str | None = None,
    until: str | None = None,
    directed: bool = False,
    source: str = "dotterel",
) -> list[DyadPoint]:
    """Cooperation and conflict between ``a`` and ``b`` per day, week or month."""
    points, _ = dyad_events(a, b, db, by, since, until, directed, source)
    return points


def dyad_events(
    a: str,
    b: str,
    db: Db = None,
    by: str = "month",
    since: str | None = None,
    until: str | None = None,
    directed: bool = False,
    source: str = "dotterel",
) -> tuple[list[DyadPoint], dict[str, FusedEvent]]:
    """:func:`dyad`, and the fused events behind its points by ``fused_id``."""
    a, b = check_party(a), check_party(b)
    fused = _read_dyad(db, a, b, source)
    points = dyad_series(
        fused,
        a,
        b,
        by=by,
        directed=directed,
        since=since,
        until=until,
        weights=NetworkWeights.from_settings(),
    )
    wanted = {fused_id for point in points for fused_id in point.fused_ids}
    return points, {item.fused_id: item for item in fused if item.fused_id in wanted}


def dyad_plot(
    a: str,
    b: str,
    path: str | Path,
    db: Db = None,
    by: str = "month",
    since: str | None = None,
    until: str | None = None,
    source: str = "dotterel",
) -> Path:
    """Write the dyad's plot to ``path`` (``.png``, ``.svg`` or a self-contained ``.html``)."""
    from dotterel.analysis.plots import write_dyad_plot

    a, b = check_party(a), check_party(b)
    fused = _read_dyad(db, a, b, source)
    points = dyad_series(
        fused, a, b, by=by, since=since, until=until, weights=NetworkWeights.from_settings()
    )
    return write_dyad_plot(points, a, b, Path(path), by=by, fused=fused)


def alerts(db: Db = None, since: str | None = None) -> list[Alert]:
    """Trend breaks, new allegations and denials, and lifecycle steps since ``since``."""
    check_bounds(since, None)
    with using_store(db) as store:
        fused = stored_fused_events(store)
        lifecycles = stored_lifecycles(store, since)
    return find_alerts(
        fused,
        since=since,
        lifecycles=lifecycles,
        rules=AlertRules.from_settings(),
        weights=NetworkWeights.from_settings(),
    )
