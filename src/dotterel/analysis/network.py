"""The signed, weighted, directed dyad network built from fused events.

A fused event is one act however many outlets report it, so it counts once on each
dyad it links. Its value is signed by its quad class (1-2 cooperation, 3-4 conflict),
sized by its PLOVER (or Goldstein) score, and discounted for what the reports say of it:
promised or planned, hypothetical, negated, only alleged by a third party, or denied.
Weights and discounts are settings (``network_*``); ``docs/network.md`` explains them.

Nodes are states (ISO 3166-1 alpha-3) and international organisations (their full
``IGO*`` code); other actors (NGOs, companies, regions such as "the West") are left out.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from dotterel.errors import DateBoundError, NetworkSettingError
from dotterel.records import (
    UNORDERED_TYPES,
    Document,
    Entity,
    Event,
    FusedEvent,
    FusedMember,
    OutsideEvent,
)
from dotterel.settings import load_settings

COOPERATION_QUADS = frozenset({1, 2})
SCORE_SOURCES = ("plover", "goldstein")
# States the ISO list does not (yet) hold but the actor dictionaries code.
EXTRA_STATES = {"XKX": "Kosovo"}


@dataclass(frozen=True, slots=True)
class NetworkWeights:
    """How a fused event's score becomes its weight on a dyad (see ``docs/network.md``).

    ``quad`` multiplies by quad class; the other multipliers apply to the fused event's
    status and compound: an alleged and denied future act gets
    ``future * alleged * denied``. A multiplier of 0 leaves the act out of the network
    (it then counts as no event); a negative one reverses its sign.
    """

    score: str = "plover"
    quad: tuple[float, float, float, float] = (1.0, 1.0, 1.0, 1.0)
    future: float = 0.5
    hypothetical: float = 0.25
    negated: float = 0.0
    alleged: float = 0.5
    denied: float = 0.5

    @classmethod
    def from_settings(cls, **overrides: Any) -> NetworkWeights:
        """Weights from the settings table (environment and ``overrides`` applied)."""
        values = load_settings(**overrides)
        score = values["network_score"]
        if score not in SCORE_SOURCES:
            raise NetworkSettingError(
                f"want one of {', '.join(SCORE_SOURCES)}, got {score!r}", source="network_score"
            )
        return cls(
            score=score,
            quad=parse_quad_weights(values["network_quad_weights"]),
            future=values["network_future_weight"],
            hypothetical=values["network_hypothetical_weight"],
            negated=values["network_negated_weight"],
            alleged=values["network_alleged_weight"],
            denied=values["network_denied_weight"],
        )

    def factuality(self, status: str) -> float:
        """The multiplier of a factuality value (``actual`` is 1)."""
        return {
            "future": self.future,
            "hypothetical": self.hypothetical,
            "negated": self.negated,
        }.get(status, 1.0)


def parse_quad_weights(text: str) -> tuple[float, float, float, float]:
    """``"1=1,2=1,3=0.5,4=1"`` as a 4-tuple; quads not named keep weight 1."""
    weights = [1.0, 1.0, 1.0, 1.0]
    for item in filter(None, (part.strip() for part in text.split(","))):
        quad, sep, value = item.partition("=")
        try:
            index = int(quad)
            number = float(value)
        except ValueError:
            index, number = 0, 0.0
        if not sep or index not in (1, 2, 3, 4):
            raise NetworkSettingError(
                f"want quad=weight pairs for quads 1-4, got {item!r}",
                source="network_quad_weights",
            )
        weights[index - 1] = number
    return (weights[0], weights[1], weights[2], weights[3])


@dataclass(frozen=True, slots=True)
class Contribution:
    """One fused event's value on one directed dyad: the unit every total is summed from."""

    fused_id: str
    source: str
    target: str
    date: str | None
    event_type: str
    factuality: str
    cooperation: float
    conflict: float
    alleged: bool = False
    denied: bool = False

    @property
    def net(self) -> float:
        return self.cooperation - self.conflict

    def to_dict(self) -> dict[str, Any]:
        return {
            "fused_id": self.fused_id,
            "date": self.date,
            "event_type": self.event_type,
            "factuality": self.factuality,
            "cooperation": self.cooperation,
            "conflict": self.conflict,
            "alleged": self.alleged,
            "denied": self.denied,
        }


@dataclass(slots=True)
class NetworkNode:
    """A state or international organisation; ``bloc`` is set by :func:`assign_blocs`."""

    code: str
    label: str
    bloc: int | None = None
    kind: str = "state"

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "label": self.label, "bloc": self.bloc, "kind": self.kind}


@dataclass(slots=True)
class DyadEdge:
    """Directed dyad ``source -> target``: totals over its fused events, and the evidence.

    ``weight`` is ``cooperation - conflict``; ``fused_ids`` lists every fused event counted
    (by date, then id) and ``evidence`` each one's contribution.
    """

    source: str
    target: str
    weight: float = 0.0
    cooperation: float = 0.0
    conflict: float = 0.0
    n_events: int = 0
    fused_ids: list[str] = field(default_factory=list)
    first_date: str | None = None
    last_date: str | None = None
    evidence: list[Contribution] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "target": self.target,
            "weight": self.weight,
            "cooperation": self.cooperation,
            "conflict": self.conflict,
            "n_events": self.n_events,
            "fused_ids": list(self.fused_ids),
            "first_date": self.first_date,
            "last_date": self.last_date,
            "evidence": [item.to_dict() for item in self.evidence],
        }


@dataclass(slots=True)
class Network:
    """Nodes and directed dyad edges of one time window (``since``/``until`` inclusive)."""

    nodes: list[NetworkNode] = field(default_factory=list)
    edges: list[DyadEdge] = field(default_factory=list)
    since: str | None = None
    until: str | None = None

    def node(self, code: str) -> NetworkNode | None:
        return next((node for node in self.nodes if node.code == code), None)

    def edge(self, source: str, target: str) -> DyadEdge | None:
        return next((e for e in self.edges if e.source == source and e.target == target), None)


# -- dates -----------------------------------------------------------------------------


def parse_day(text: str | None) -> dt.date | None:
    """The first day of an ISO date, month (``YYYY-MM``) or year; ``None`` if unreadable."""
    if not text:
        return None
    value = str(text).strip()[:10]
    for width, suffix in ((10, ""), (7, "-01"), (4, "-01-01")):
        if len(value) >= width:
            try:
                return dt.date.fromisoformat(value[:width] + suffix)
            except ValueError:
                continue
    return None


def check_bounds(since: str | None, until: str | None) -> tuple[dt.date | None, dt.date | None]:
    """Parsed ``since``/``until`` bounds; :class:`DateBoundError` for bad or crossed ones."""
    bounds = []
    for name, text in (("since", since), ("until", until)):
        day = parse_day(text) if text else None
        if text and day is None:
            raise DateBoundError(f"want YYYY-MM-DD, got {text!r}", source=name)
        bounds.append(day)
    start, end = bounds
    if start and end and start > end:
        raise DateBoundError(f"since {since} is after until {until}", source="since")
    return start, end


def event_day(fused: FusedEvent) -> dt.date | None:
    """When a fused event happened: its event date, else when it was first reported."""
    return parse_day(fused.event_date) or parse_day(fused.first_reported)


# -- nodes -----------------------------------------------------------------------------


@lru_cache(maxsize=1024)
def state_name(code: str) -> str | None:
    """The short name of an ISO alpha-3 state code, or ``None`` if it is not one."""
    import pycountry

    if code in EXTRA_STATES:
        return EXTRA_STATES[code]
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return None
    return str(getattr(country, "common_name", None) or country.name)


def node_code(entity: Entity) -> str | None:
    """The network node of a participant: its state, its IGO code, or ``None``."""
    country = entity.country_code
    if not country:
        return None
    if country.startswith("IGO"):
        code = entity.code or country
        return code if len(code) > 3 else None
    return country if len(country) == 3 and state_name(country) else None


def _nodes_of(entities: Iterable[Entity]) -> list[str]:
    return list(dict.fromkeys(code for e in entities if (code := node_code(e))))


def dyad_pairs(fused: FusedEvent) -> list[tuple[str, str]]:
    """Directed (source, target) node pairs a fused event links, each once.

    Ordered acts link every actor to every recipient; acts done together
    (:data:`UNORDERED_TYPES`, or cooperation by several actors with no recipient) link
    every participant to every other, both ways.
    Self-pairs (domestic acts) are left out.
    """
    actors, recipients = _nodes_of(fused.actor), _nodes_of(fused.recipient)
    # "France and Germany signed a deal": a cooperative act done together with no
    # recipient is done with each other.
    joint = not recipients and quad_class(fused) in COOPERATION_QUADS
    if fused.event_type in UNORDERED_TYPES or joint:
        parties = list(dict.fromkeys(actors + recipients))
        return [(a, b) for a in parties for b in parties if a != b]
    return [(a, r) for a in actors for r in recipients if a != r]


# -- values ----------------------------------------------------------------------------


def _countries(entities: Iterable[Entity]) -> set[str]:
    return {c for e in entities if (c := e.country_code)}


def is_alleged_only(fused: FusedEvent) -> bool:
    """Whether no report states the act in its own voice or in its doers' voice.

    A report in the publisher's voice has no claimant; a claim by one of the actors
    ("Russia said it signed") is the doer's own word, not an allegation.
    """
    doers = _countries(fused.actor)

    def alleged(claimants: list[Entity]) -> bool:
        return bool(claimants) and not (_countries(claimants) & doers)

    if fused.members:
        return all(alleged(member.claimed_by) for member in fused.members)
    return alleged(fused.claimed_by)


def is_denied(fused: FusedEvent) -> bool:
    """Whether any report has someone deny the act."""
    return bool(fused.denied_by) or any(member.denied_by for member in fused.members)


def base_score(fused: FusedEvent, source: str = "plover") -> float:
    """The event's intensity: the chosen score, else the other, else its category's."""
    first, second = (
        (fused.plover_score, fused.goldstein)
        if source == "plover"
        else (fused.goldstein, fused.plover_score)
    )
    for value in (first, second):
        if value is not None:
            return float(value)
    info = _plover_info(fused.event_type)
    return info.score_for(fused.mode) if info else 0.0


def quad_class(fused: FusedEvent) -> int | None:
    """The event's quad class, else its PLOVER category's."""
    if fused.quad_class in (1, 2, 3, 4):
        return fused.quad_class
    info = _plover_info(fused.event_type)
    return info.quad_class if info else None


def _plover_info(event_type: str) -> Any:
    from dotterel.events.lexicon import load_lexicon

    return load_lexicon().plover_categories.get(event_type.upper())


def signed_value(fused: FusedEvent, weights: NetworkWeights) -> float | None:
    """The signed weight a fused event puts on each dyad it links; ``None`` leaves it out.

    The quad class gives the sign (cooperation positive, conflict negative), the score
    the size, the multipliers the discounts.
    """
    quad = quad_class(fused)
    if quad is None:
        return None
    multiplier = weights.quad[quad - 1] * weights.factuality(fused.factuality)
    if is_alleged_only(fused):
        multiplier *= weights.alleged
    if is_denied(fused):
        multiplier *= weights.denied
    if multiplier == 0:
        return None
    size = abs(base_score(fused, weights.score))
    return (size if quad in COOPERATION_QUADS else -size) * multiplier


def contributions(
    fused_events: Iterable[FusedEvent],
    weights: NetworkWeights | None = None,
    *,
    since: str | None = None,
    until: str | None = None,
) -> Iterator[Contribution]:
    """Every (fused event, directed dyad) value in the window, in input order.

    With a bound given, fused events without any date are left out, as in the store.
    """
    weights = weights or NetworkWeights()
    start, end = check_bounds(since, until)
    for fused in fused_events:
        day = event_day(fused)
        if (start or end) and day is None:
            continue
        if day is not None and ((start and day < start) or (end and day > end)):
            continue
        pairs = dyad_pairs(fused)
        if not pairs:
            continue
        value = signed_value(fused, weights)
        if value is None:
            continue
        alleged, denied = is_alleged_only(fused), is_denied(fused)
        for source, target in pairs:
            yield Contribution(
                fused_id=fused.fused_id,
                source=source,
                target=target,
                date=day.isoformat() if day else None,
                event_type=fused.event_type,
                factuality=fused.factuality,
                cooperation=max(value, 0.0),
                conflict=max(-value, 0.0),
                alleged=alleged,
                denied=denied,
            )


def _sort_key(item: Contribution) -> tuple[str, str]:
    return (item.date or "9999-99-99", item.fused_id)


def edge_from(source: str, target: str, items: list[Contribution]) -> DyadEdge:
    """The totals of one directed dyad's contributions (each fused event once)."""
    unique = {item.fused_id: item for item in items}
    ordered = sorted(unique.values(), key=_sort_key)
    cooperation = sum(item.cooperation for item in ordered)
    conflict = sum(item.conflict for item in ordered)
    dates = [item.date for item in ordered if item.date]
    return DyadEdge(
        source=source,
        target=target,
        weight=cooperation - conflict,
        cooperation=cooperation,
        conflict=conflict,
        n_events=len(ordered),
        fused_ids=[item.fused_id for item in ordered],
        first_date=min(dates) if dates else None,
        last_date=max(dates) if dates else None,
        evidence=ordered,
    )


def build_network(
    fused: Iterable[FusedEvent],
    *,
    since: str | None = None,
    until: str | None = None,
    weights: NetworkWeights | None = None,
) -> Network:
    """The dyad network of fused events dated within ``[since, until]``.

    Raises :class:`~dotterel.errors.DateBoundError` for unreadable or crossed bounds.
    """
    events = list(fused)
    labels = _labels(events)
    by_dyad: dict[tuple[str, str], list[Contribution]] = defaultdict(list)
    for item in contributions(events, weights, since=since, until=until):
        by_dyad[(item.source, item.target)].append(item)
    edges = [edge_from(s, t, items) for (s, t), items in sorted(by_dyad.items())]
    codes = sorted({code for edge in edges for code in (edge.source, edge.target)})
    nodes = [
        NetworkNode(
            code=code,
            label=labels.get(code) or state_name(code) or code,
            kind="igo" if code.startswith("IGO") else "state",
        )
        for code in codes
    ]
    return Network(nodes=nodes, edges=edges, since=since, until=until)


def _labels(events: list[FusedEvent]) -> dict[str, str]:
    """Names of IGO nodes as the texts call them (their most common canonical name)."""
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for fused in events:
        for entity in [*fused.actor, *fused.recipient]:
            code = node_code(entity)
            if code and code.startswith("IGO"):
                name = entity.canonical or entity.text
                counts[code][name.removeprefix("The ").removeprefix("the ")] += 1
    return {code: max(names, key=lambda n: (names[n], n)) for code, names in counts.items()}


def assign_blocs(network: Network, blocs: Iterable[Any]) -> Network:
    """A copy of ``network`` whose nodes carry the number of their bloc."""
    of = {member: bloc.bloc for bloc in blocs for member in bloc.members}
    nodes = [replace(node, bloc=of.get(node.code)) for node in network.nodes]
    return replace(network, nodes=nodes)


def network_to_json(network: Network) -> dict[str, Any]:
    """The network as a JSON-compatible dict: window, nodes, edges with their evidence."""
    return {
        "since": network.since,
        "until": network.until,
        "nodes": [node.to_dict() for node in network.nodes],
        "edges": [edge.to_dict() for edge in network.edges],
    }


# -- fused events from single documents ------------------------------------------------


def singleton_fused(event: Event, document: Document | None = None) -> FusedEvent:
    """A fused event of one report: what a document event is before cross-article fusion.

    Its ``fused_id`` is derived from the event id, so it is stable across runs.
    """
    published = document.published if document else None
    member = FusedMember(
        event_id=event.event_id,
        doc_id=event.doc_id,
        outlet=document.outlet if document else None,
        source_family=(document.outlet if document else None) or event.doc_id,
        published=published,
        sentence_index=event.sentence_index,
        evidence=event.evidence,
        trigger=event.trigger,
        factuality=event.factuality,
        claimed_by=list(event.claimed_by),
        denied_by=list(event.denied_by),
        event_date=event.event_date,
    )
    return FusedEvent(
        fused_id="fu_" + event.event_id.removeprefix("ev_"),
        event_type=event.event_type,
        actor=list(event.actor),
        recipient=list(event.recipient),
        factuality=event.factuality,
        claimed_by=list(event.claimed_by),
        denied_by=list(event.denied_by),
        event_date=event.event_date,
        date_precision=event.date_precision,
        location=event.location,
        mode=event.mode,
        contexts=list(event.contexts),
        cameo=event.cameo,
        goldstein=event.goldstein,
        plover_score=event.plover_score,
        quad_class=event.quad_class,
        first_reported=published,
        last_reported=published,
        n_mentions=1 + len(event.mentions),
        n_documents=1,
        n_independent_sources=1,
        members=[member],
    )


def outside_fused(event: OutsideEvent) -> FusedEvent:
    """An imported ICEWS/POLECAT event as a fused event of the network (no members).

    Its ``fused_id`` is the import's ``row_key`` (``ox_...``) and ``date_source`` names the
    dataset, so a chart can tell the two sources apart and never links it to an article.
    ICEWS intensity is a Goldstein score; POLECAT's is PLOVER's.
    """
    plover = event.intensity if event.source_dataset == "polecat" else None
    return FusedEvent(
        fused_id=event.row_key,
        event_type=event.event_type or "",
        actor=list(event.actor),
        recipient=list(event.recipient),
        event_date=event.event_date,
        date_precision="day" if event.event_date else None,
        location=event.location,
        mode=event.mode,
        contexts=list(event.contexts),
        cameo=event.cameo,
        goldstein=event.goldstein,
        plover_score=plover,
        quad_class=event.quad_class,
        first_reported=event.published,
        last_reported=event.published,
        n_mentions=1,
        n_documents=1,
        n_independent_sources=1,
        date_source=f"outside:{event.source_dataset}",
    )
