"""Typed records passed between stages: :class:`Document`, :class:`Entity`, :class:`Event`.

Every record converts to a plain JSON-compatible ``dict`` with ``to_dict`` and back with
``from_dict`` without loss; the field names of :class:`Event` are the public contract
documented in ``docs/events.md`` and ``dotterel/schema/event.schema.json``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from typing import Any, Literal, TypeVar

Factuality = Literal["actual", "future", "hypothetical", "negated"]
FACTUALITY_VALUES: tuple[str, ...] = ("actual", "future", "hypothetical", "negated")
DatePrecision = Literal["day", "week", "month", "year"]
DateSource = Literal["clause", "reporting_clause", "dateline", "lead", "published"]

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
#: Categories whose participants are not ordered: they are matched, merged, fused and
#: scored as one set of parties (an agreement between A and B is one between B and A).
UNORDERED_TYPES: frozenset[str] = frozenset({"AGREE", "CONSULT", "COOPERATE"})


def content_hash(text: str) -> str:
    """Hash identifying a document's content, insensitive to surrounding whitespace."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


_R = TypeVar("_R")


def flat_dict(record: Any) -> dict[str, Any]:
    """A flat record (fields of plain values) as a JSON-compatible dict, in field order."""
    return {f.name: getattr(record, f.name) for f in fields(record)}


def from_flat_dict(cls: type[_R], data: dict[str, Any], integers: tuple[str, ...] = ()) -> _R:
    """Build a flat record from :func:`flat_dict`'s output; absent optional fields default."""
    values = {f.name: data[f.name] for f in fields(cls) if f.name in data}  # type: ignore[arg-type]
    for name in integers:
        values[name] = int(values[name])
    return cls(**values)


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of document text with its character offsets ``[start, end)``."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Span:
        return cls(text=data["text"], start=int(data["start"]), end=int(data["end"]))


@dataclass(slots=True)
class Document:
    """One article: its text and the metadata the coder uses (publication date above all)."""

    doc_id: str
    text: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str = "en"
    content_hash: str = ""
    source: str | None = None

    def __post_init__(self) -> None:
        if not self.content_hash:
            self.content_hash = content_hash(self.text)

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "title": self.title,
            "text": self.text,
            "published": self.published,
            "outlet": self.outlet,
            "url": self.url,
            "language": self.language,
            "content_hash": self.content_hash,
            "source": self.source,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        return cls(
            doc_id=str(data["doc_id"]),
            text=data["text"],
            title=data.get("title"),
            published=data.get("published"),
            outlet=data.get("outlet"),
            url=data.get("url"),
            language=data.get("language") or "en",
            content_hash=data.get("content_hash") or "",
            source=data.get("source"),
        )


#: ``Entity.why`` of an agent word whose country the context must supply.
UNPLACED_AGENT = "agent:unplaced"


@dataclass(slots=True)
class Entity:
    """An actor mention resolved (or not) to a CAMEO-style code.

    ``code`` is the full code (``RUSGOV``, ``IGOUNO``, ``USASPY``) or ``None`` when the
    mention could not be resolved; ``country`` is the ISO alpha-3 country (or the
    ``IGO``/``NGO``/``IMG``/``MNC``/bloc prefix) used when events are scored at country
    level; ``why`` says how it was resolved (dictionary entry, office holder, coreference).
    """

    text: str
    start: int
    end: int
    code: str | None = None
    country: str | None = None
    role: str | None = None
    canonical: str | None = None
    why: str | None = None

    @property
    def needs_context(self) -> bool:
        """True for an agent word with no country of its own ("police", "troops"): the
        context stage places it from the event's location, the dateline or the story."""
        return self.why == UNPLACED_AGENT

    @property
    def country_code(self) -> str | None:
        """Country-level code: ``country`` if known, else the first three letters of code."""
        if self.country:
            return self.country
        return self.code[:3] if self.code else None

    def to_dict(self) -> dict[str, Any]:
        return flat_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return from_flat_dict(cls, data, integers=("start", "end"))


@dataclass(slots=True)
class Location:
    """A resolved place: name, country (ISO alpha-3) and coordinates when known."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return flat_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Location:
        return from_flat_dict(cls, data)


def _entities(items: list[dict[str, Any]] | None) -> list[Entity]:
    return [Entity.from_dict(item) for item in items or []]


@dataclass(slots=True)
class Event:
    """One coded event: the act, its participants, status, sources, time and place."""

    doc_id: str
    sentence_index: int
    evidence: Span
    trigger: Span
    event_type: str
    mode: str | None = None
    contexts: list[str] = field(default_factory=list)
    cameo: str | None = None
    goldstein: float | None = None
    plover_score: float | None = None
    quad_class: int | None = None
    actor: list[Entity] = field(default_factory=list)
    recipient: list[Entity] = field(default_factory=list)
    factuality: str = "actual"
    claimed_by: list[Entity] = field(default_factory=list)
    denied_by: list[Entity] = field(default_factory=list)
    event_date: str | None = None
    date_precision: str | None = None
    date_source: str | None = None
    location: Location | None = None
    confidence: float = 0.5
    rules: list[str] = field(default_factory=list)
    cues: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    event_id: str = ""
    # Pipeline flags, set by the coder and read by later stages; they steer coding within
    # one document and are not part of the public record (never serialised or compared).
    needs_target: bool = field(default=False, compare=False)
    no_agent: bool = field(default=False, compare=False)
    intention_of: str | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if not self.event_id:
            self.event_id = self.make_id(
                self.doc_id, self.trigger.start, self.trigger.end, self.event_type
            )

    @staticmethod
    def make_id(doc_id: str, start: int, end: int, event_type: str, part: str = "") -> str:
        """Stable id from the document, the trigger offsets and the event type; ``part``
        tells apart the events one trigger is split into (one per side)."""
        key = f"{doc_id}\x1f{start}\x1f{end}\x1f{event_type}"
        if part:
            key += f"\x1f{part}"
        return "ev_" + hashlib.sha1(key.encode()).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "sentence_index": self.sentence_index,
            "evidence": self.evidence.to_dict(),
            "trigger": self.trigger.to_dict(),
            "event_type": self.event_type,
            "mode": self.mode,
            "contexts": list(self.contexts),
            "cameo": self.cameo,
            "goldstein": self.goldstein,
            "plover_score": self.plover_score,
            "quad_class": self.quad_class,
            "actor": [e.to_dict() for e in self.actor],
            "recipient": [e.to_dict() for e in self.recipient],
            "factuality": self.factuality,
            "claimed_by": [e.to_dict() for e in self.claimed_by],
            "denied_by": [e.to_dict() for e in self.denied_by],
            "event_date": self.event_date,
            "date_precision": self.date_precision,
            "date_source": self.date_source,
            "location": self.location.to_dict() if self.location else None,
            "confidence": self.confidence,
            "rules": list(self.rules),
            "cues": list(self.cues),
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        location = data.get("location")
        return cls(
            event_id=data.get("event_id") or "",
            doc_id=data["doc_id"],
            sentence_index=int(data["sentence_index"]),
            evidence=Span.from_dict(data["evidence"]),
            trigger=Span.from_dict(data["trigger"]),
            event_type=data["event_type"],
            mode=data.get("mode"),
            contexts=list(data.get("contexts") or []),
            cameo=data.get("cameo"),
            goldstein=data.get("goldstein"),
            plover_score=data.get("plover_score"),
            quad_class=data.get("quad_class"),
            actor=_entities(data.get("actor")),
            recipient=_entities(data.get("recipient")),
            factuality=data.get("factuality") or "actual",
            claimed_by=_entities(data.get("claimed_by")),
            denied_by=_entities(data.get("denied_by")),
            event_date=data.get("event_date"),
            date_precision=data.get("date_precision"),
            date_source=data.get("date_source"),
            location=Location.from_dict(location) if location else None,
            confidence=float(data.get("confidence", 0.5)),
            rules=list(data.get("rules") or []),
            cues=list(data.get("cues") or []),
            mentions=[Span.from_dict(m) for m in data.get("mentions") or []],
        )


@dataclass(slots=True)
class Failure:
    """A bad input that was skipped: where it came from, the error code and the reason."""

    source: str
    code: str
    reason: str
    line: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "line": self.line, "code": self.code, "reason": self.reason}

    def describe(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: [{self.code}] {self.reason}"


@dataclass(slots=True)
class FusedMember:
    """One report of a fused event: the document event it came from, and who reported it.

    ``source_family`` is the key of the independent source the report counts for: an
    outlet family, or the near-duplicate group of a republished wire copy, so that ten
    outlets running one wire story count as one independent source.
    """

    event_id: str
    doc_id: str
    outlet: str | None = None
    source_family: str | None = None
    story_id: str | None = None
    published: str | None = None
    sentence_index: int | None = None
    evidence: Span | None = None
    trigger: Span | None = None
    factuality: str = "actual"
    claimed_by: list[Entity] = field(default_factory=list)
    denied_by: list[Entity] = field(default_factory=list)
    event_date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "outlet": self.outlet,
            "source_family": self.source_family,
            "story_id": self.story_id,
            "published": self.published,
            "sentence_index": self.sentence_index,
            "evidence": self.evidence.to_dict() if self.evidence else None,
            "trigger": self.trigger.to_dict() if self.trigger else None,
            "factuality": self.factuality,
            "claimed_by": [e.to_dict() for e in self.claimed_by],
            "denied_by": [e.to_dict() for e in self.denied_by],
            "event_date": self.event_date,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FusedMember:
        evidence, trigger = data.get("evidence"), data.get("trigger")
        index = data.get("sentence_index")
        return cls(
            event_id=data["event_id"],
            doc_id=data["doc_id"],
            outlet=data.get("outlet"),
            source_family=data.get("source_family"),
            story_id=data.get("story_id"),
            published=data.get("published"),
            sentence_index=int(index) if index is not None else None,
            evidence=Span.from_dict(evidence) if evidence else None,
            trigger=Span.from_dict(trigger) if trigger else None,
            factuality=data.get("factuality") or "actual",
            claimed_by=_entities(data.get("claimed_by")),
            denied_by=_entities(data.get("denied_by")),
            event_date=data.get("event_date"),
        )


@dataclass(slots=True)
class FusedEvent:
    """One act reported by one or more documents: the cross-article unit of the network.

    ``fused_id`` never changes once given, however many reports join later. Factuality,
    claimants and deniers are the union over the members (each member keeps its own);
    ``factuality`` is the fused status as :mod:`dotterel.analysis.fusion` defines it.
    """

    fused_id: str
    event_type: str
    actor: list[Entity] = field(default_factory=list)
    recipient: list[Entity] = field(default_factory=list)
    factuality: str = "actual"
    claimed_by: list[Entity] = field(default_factory=list)
    denied_by: list[Entity] = field(default_factory=list)
    event_date: str | None = None
    date_precision: str | None = None
    location: Location | None = None
    mode: str | None = None
    contexts: list[str] = field(default_factory=list)
    cameo: str | None = None
    goldstein: float | None = None
    plover_score: float | None = None
    quad_class: int | None = None
    first_reported: str | None = None
    last_reported: str | None = None
    n_mentions: int = 0
    n_documents: int = 0
    n_independent_sources: int = 0
    lifecycle_id: str | None = None
    members: list[FusedMember] = field(default_factory=list)
    date_source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "fused_id": self.fused_id,
            "event_type": self.event_type,
            "actor": [e.to_dict() for e in self.actor],
            "recipient": [e.to_dict() for e in self.recipient],
            "factuality": self.factuality,
            "claimed_by": [e.to_dict() for e in self.claimed_by],
            "denied_by": [e.to_dict() for e in self.denied_by],
            "event_date": self.event_date,
            "date_precision": self.date_precision,
            "location": self.location.to_dict() if self.location else None,
            "mode": self.mode,
            "contexts": list(self.contexts),
            "cameo": self.cameo,
            "goldstein": self.goldstein,
            "plover_score": self.plover_score,
            "quad_class": self.quad_class,
            "first_reported": self.first_reported,
            "last_reported": self.last_reported,
            "n_mentions": self.n_mentions,
            "n_documents": self.n_documents,
            "n_independent_sources": self.n_independent_sources,
            "lifecycle_id": self.lifecycle_id,
            "members": [m.to_dict() for m in self.members],
            "date_source": self.date_source,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FusedEvent:
        location = data.get("location")
        return cls(
            fused_id=data["fused_id"],
            event_type=data["event_type"],
            actor=_entities(data.get("actor")),
            recipient=_entities(data.get("recipient")),
            factuality=data.get("factuality") or "actual",
            claimed_by=_entities(data.get("claimed_by")),
            denied_by=_entities(data.get("denied_by")),
            event_date=data.get("event_date"),
            date_precision=data.get("date_precision"),
            location=Location.from_dict(location) if location else None,
            mode=data.get("mode"),
            contexts=list(data.get("contexts") or []),
            cameo=data.get("cameo"),
            goldstein=data.get("goldstein"),
            plover_score=data.get("plover_score"),
            quad_class=data.get("quad_class"),
            first_reported=data.get("first_reported"),
            last_reported=data.get("last_reported"),
            n_mentions=int(data.get("n_mentions") or 0),
            n_documents=int(data.get("n_documents") or 0),
            n_independent_sources=int(data.get("n_independent_sources") or 0),
            lifecycle_id=data.get("lifecycle_id"),
            members=[FusedMember.from_dict(m) for m in data.get("members") or []],
            date_source=data.get("date_source"),
        )


# -- cross-article records: stories and lifecycles (see docs/fusion.md) -----------------


@dataclass(slots=True)
class DocumentFingerprint:
    """What fusion keeps of a document: its story, source family and MinHash signature.

    ``source_family`` groups near-identical texts (a wire copy and its republications);
    ``outlet_family`` groups outlets of one owner or wire (``Reuters UK`` and ``Reuters``).
    """

    doc_id: str
    content_hash: str
    story_id: str
    source_family: str
    outlet: str | None = None
    outlet_family: str | None = None
    published: str | None = None
    title: str | None = None
    signature: list[int] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {**flat_dict(self), "signature": list(self.signature)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocumentFingerprint:
        record = from_flat_dict(cls, data)
        record.signature = [int(value) for value in data.get("signature") or []]
        return record


@dataclass(slots=True)
class Story:
    """Articles that report the same news: near-duplicates and reports sharing events."""

    story_id: str
    doc_ids: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    first_published: str | None = None
    last_published: str | None = None
    title: str | None = None
    n_documents: int = 0
    n_source_families: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {**flat_dict(self), "doc_ids": list(self.doc_ids), "outlets": list(self.outlets)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Story:
        record = from_flat_dict(cls, data, integers=("n_documents", "n_source_families"))
        record.doc_ids = list(data.get("doc_ids") or [])
        record.outlets = list(data.get("outlets") or [])
        return record


LIFECYCLE_KINDS: tuple[str, ...] = ("treaty", "claim")
TREATY_STAGES: tuple[str, ...] = (
    "announced",
    "signed",
    "ratified",
    "in_force",
    "breached",
    "withdrawn",
)
CLAIM_STAGES: tuple[str, ...] = ("alleged", "denied", "confirmed", "retracted")


@dataclass(slots=True)
class LifecycleStep:
    """One stage of a lifecycle, with the report that shows it.

    ``by`` lists the codes of who said it (claimants or deniers); empty when the outlet
    says it in its own voice.
    """

    stage: str
    date: str | None
    fused_id: str
    event_id: str | None = None
    doc_id: str | None = None
    outlet: str | None = None
    evidence: str | None = None
    by: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {**flat_dict(self), "by": list(self.by)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LifecycleStep:
        record = from_flat_dict(cls, data)
        record.by = list(data.get("by") or [])
        return record


@dataclass(slots=True)
class Lifecycle:
    """Related fused events of one dyad: a treaty's stages or a claim's fate.

    ``dyad`` is the sorted country set of a treaty, or ``[actors..., ">", recipients...]``
    for a claim about ``event_type``; ``status`` is the stage of the latest step.
    """

    lifecycle_id: str
    kind: str
    dyad: list[str] = field(default_factory=list)
    event_type: str | None = None
    status: str | None = None
    first_date: str | None = None
    last_date: str | None = None
    fused_ids: list[str] = field(default_factory=list)
    steps: list[LifecycleStep] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "lifecycle_id": self.lifecycle_id,
            "kind": self.kind,
            "dyad": list(self.dyad),
            "event_type": self.event_type,
            "status": self.status,
            "first_date": self.first_date,
            "last_date": self.last_date,
            "fused_ids": list(self.fused_ids),
            "steps": [step.to_dict() for step in self.steps],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Lifecycle:
        return cls(
            lifecycle_id=data["lifecycle_id"],
            kind=data["kind"],
            dyad=list(data.get("dyad") or []),
            event_type=data.get("event_type"),
            status=data.get("status"),
            first_date=data.get("first_date"),
            last_date=data.get("last_date"),
            fused_ids=list(data.get("fused_ids") or []),
            steps=[LifecycleStep.from_dict(step) for step in data.get("steps") or []],
        )


@dataclass(slots=True)
class OutsideEvent:
    """An event read from another dataset (ICEWS, POLECAT), kept apart from Dotterel's own.

    ``fields`` holds the source row as read (column name to text), so nothing the file
    said is lost; the typed fields are what Dotterel understood of it. ``row_key`` is a
    hash of the dataset and the row, so importing the same file twice adds nothing.
    """

    source_dataset: str
    source_event_id: str
    event_date: str | None = None
    event_type: str | None = None
    mode: str | None = None
    contexts: list[str] = field(default_factory=list)
    cameo: str | None = None
    goldstein: float | None = None
    intensity: float | None = None
    quad_class: int | None = None
    actor: list[Entity] = field(default_factory=list)
    recipient: list[Entity] = field(default_factory=list)
    location: Location | None = None
    story_id: str | None = None
    sentence_number: int | None = None
    publisher: str | None = None
    published: str | None = None
    language: str | None = None
    source_file: str | None = None
    fields: dict[str, str] = field(default_factory=dict)
    row_key: str = ""

    def __post_init__(self) -> None:
        if not self.row_key:
            items = "\x1e".join(f"{k}\x1f{v}" for k, v in self.fields.items())
            key = f"{self.source_dataset}\x1d{self.source_event_id}\x1d{items}".encode()
            self.row_key = "ox_" + hashlib.sha1(key).hexdigest()[:20]

    def to_dict(self) -> dict[str, Any]:
        return {
            "source_dataset": self.source_dataset,
            "source_event_id": self.source_event_id,
            "event_date": self.event_date,
            "event_type": self.event_type,
            "mode": self.mode,
            "contexts": list(self.contexts),
            "cameo": self.cameo,
            "goldstein": self.goldstein,
            "intensity": self.intensity,
            "quad_class": self.quad_class,
            "actor": [e.to_dict() for e in self.actor],
            "recipient": [e.to_dict() for e in self.recipient],
            "location": self.location.to_dict() if self.location else None,
            "story_id": self.story_id,
            "sentence_number": self.sentence_number,
            "publisher": self.publisher,
            "published": self.published,
            "language": self.language,
            "source_file": self.source_file,
            "fields": dict(self.fields),
            "row_key": self.row_key,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> OutsideEvent:
        location = data.get("location")
        number = data.get("sentence_number")
        goldstein = data.get("goldstein")
        intensity = data.get("intensity")
        quad = data.get("quad_class")
        return cls(
            source_dataset=data["source_dataset"],
            source_event_id=str(data["source_event_id"]),
            event_date=data.get("event_date"),
            event_type=data.get("event_type"),
            mode=data.get("mode"),
            contexts=list(data.get("contexts") or []),
            cameo=data.get("cameo"),
            goldstein=float(goldstein) if goldstein is not None else None,
            intensity=float(intensity) if intensity is not None else None,
            quad_class=int(quad) if quad is not None else None,
            actor=_entities(data.get("actor")),
            recipient=_entities(data.get("recipient")),
            location=Location.from_dict(location) if location else None,
            story_id=data.get("story_id"),
            sentence_number=int(number) if number is not None else None,
            publisher=data.get("publisher"),
            published=data.get("published"),
            language=data.get("language"),
            source_file=data.get("source_file"),
            fields={str(k): str(v) for k, v in (data.get("fields") or {}).items()},
            row_key=data.get("row_key") or "",
        )
