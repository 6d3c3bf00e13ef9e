"""The :class:`EventStore` interface and the helpers both implementations share.

Two stores implement it: :class:`~dotterel.store.memory.MemoryStore` (plain Python, for
tests and throw-away runs) and :class:`~dotterel.store.duck.DuckDBStore` (a DuckDB file).
They must behave the same; ``tests/store`` runs one suite against both.
"""

from __future__ import annotations

import json
import re
import uuid
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from types import TracebackType
from typing import Any, Self

from dotterel.errors import BadDateError, DuplicateDocumentIdError
from dotterel.records import (
    Document,
    DocumentFingerprint,
    Entity,
    Event,
    Failure,
    FusedEvent,
    Lifecycle,
    OutsideEvent,
    Story,
)

#: Roles of rows in the ``entities`` table: event participants and plain mentions.
EVENT_ROLES: tuple[str, ...] = ("actor", "recipient", "claimed_by", "denied_by")
MENTION_ROLE = "mention"
#: Records per chunk when streaming events out of a store.
DEFAULT_CHUNK_SIZE = 1000

BatchItem = tuple[Document, Sequence[Event], Sequence[Entity]]


class EventStore(ABC):
    """Where documents, coded events, actor mentions, failures and runs are kept.

    Writes happen in :meth:`add_batch`, one transaction per batch; documents are keyed by
    their ``content_hash`` so re-running over the same inputs adds nothing.
    """

    @abstractmethod
    def start_run(self, command: str, inputs: list[str]) -> str:
        """Record the start of a run and return its id."""

    @abstractmethod
    def finish_run(
        self, run_id: str, *, documents: int, events: int, failures: int, skipped: int
    ) -> None:
        """Record the end of run ``run_id`` with its counts."""

    @abstractmethod
    def has_document(self, content_hash: str) -> bool:
        """Whether a document with this content hash is stored."""

    @abstractmethod
    def known_hashes(self) -> set[str]:
        """Content hashes of all stored documents (to skip them when resuming)."""

    @abstractmethod
    def add_batch(
        self, items: Sequence[BatchItem], failures: Sequence[Failure], run_id: str
    ) -> int:
        """Store documents with their events and actor mentions, and failures, atomically.

        Documents already stored (same ``content_hash``, also within the batch) are skipped
        with their events. Either everything is written or, on any error, nothing is and a
        :class:`~dotterel.errors.StoreError` is raised. Returns the documents added.
        """

    @abstractmethod
    def query_events(
        self,
        *,
        actor: str | None = None,
        recipient: str | None = None,
        event_type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        factuality: str | None = None,
        doc_id: str | None = None,
        limit: int | None = None,
    ) -> list[Event]:
        """Stored events in insertion order, filtered.

        ``actor``/``recipient`` match a participant whose code starts with the given
        (case-insensitive) prefix, ``RUS`` or ``RUSGOV``; a participant without a code
        matches on its country. ``since``/``until`` are inclusive bounds on
        ``event_date``; events without a date never match them.
        """

    @abstractmethod
    def documents(self, limit: int | None = None) -> list[Document]:
        """Stored documents in insertion order."""

    @abstractmethod
    def failures(self, run_id: str | None = None) -> list[Failure]:
        """Recorded failures in order, of one run or of all runs."""

    @abstractmethod
    def runs(self) -> list[dict[str, Any]]:
        """Runs in start order: id, command, inputs, start/finish times, counts, status."""

    @abstractmethod
    def counts(self) -> dict[str, int]:
        """Rows per kind: documents, events, entities, failures, runs."""

    @abstractmethod
    def unresolved_actors(self, limit: int = 50) -> list[tuple[str, int]]:
        """Most frequent actor mentions left without a code, as (surface form, count).

        Mentions are grouped case-insensitively (and ignoring spacing); each group shows
        its most common surface form.
        """

    @abstractmethod
    def dyad_summary(self, limit: int = 20) -> list[tuple[str, str, str, int]]:
        """Most frequent (actor country, recipient country or "", event type, count).

        An event with several actor or recipient countries counts once per pair; events
        without a resolved actor are left out.
        """

    # -- paged reading for the HTTP API (issue 14) -----------------------------------------

    @abstractmethod
    def event_page(
        self,
        *,
        sort: str = "seq",
        descending: bool = False,
        after: tuple[Any, int] | None = None,
        limit: int = 50,
        **filters: Any,
    ) -> tuple[list[tuple[Any, int, Event]], int]:
        """One page of events matching :meth:`query_events` filters, and how many match.

        The page is a list of (key, seq, event).

        One more filter: ``parties``, code prefixes that must each match an actor or a
        recipient (``["RUS", "IRN"]``: events between Russia and Iran, either way or
        jointly).

        ``sort`` is one of :data:`EVENT_SORTS`; events with equal keys keep insertion
        order (``seq``), so the order is total and a page continues exactly after the
        ``(key, seq)`` of the last row of the page before (``after``), however many
        events are added meanwhile. Missing values sort as :func:`sort_key` says.
        """

    @abstractmethod
    def count_events(self, **filters: Any) -> int:
        """How many events match the :meth:`query_events` filters."""

    @abstractmethod
    def document(self, doc_id: str) -> Document | None:
        """The first stored document with this ``doc_id``, or ``None``."""

    @abstractmethod
    def event_by_id(self, event_id: str) -> Event | None:
        """The first stored event with this ``event_id``, or ``None``."""

    @abstractmethod
    def close(self) -> None:
        """Release the store (idempotent)."""

    # -- cross-article fusion (docs/fusion.md) ---------------------------------------------

    @abstractmethod
    def fused_events(
        self,
        *,
        actor: str | None = None,
        recipient: str | None = None,
        event_type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        factuality: str | None = None,
        limit: int | None = None,
    ) -> list[FusedEvent]:
        """Fused events ordered by ``event_date`` (undated last), then ``fused_id``.

        Filters as in :meth:`query_events`: ``actor``/``recipient`` prefixes match any
        participant of the fused event, ``since``/``until`` bound its ``event_date``.
        """

    @abstractmethod
    def fused_event(self, fused_id: str) -> FusedEvent | None:
        """The fused event ``fused_id``, or ``None``."""

    @abstractmethod
    def fused_id_of(self, event_id: str) -> str | None:
        """The fused event a stored document event belongs to, or ``None`` if not fused."""

    def fused_ids_of(self, event_ids: Sequence[str]) -> dict[str, str]:
        """``event_id → fused_id`` for those of these events that are fused (one read)."""
        found = {event_id: self.fused_id_of(event_id) for event_id in event_ids}
        return {event_id: fused for event_id, fused in found.items() if fused}

    @abstractmethod
    def stories(self, limit: int | None = None) -> list[Story]:
        """Stories in the order of their first document."""

    @abstractmethod
    def story_of(self, doc_id: str) -> str | None:
        """The story of document ``doc_id``, or ``None`` if it was not fused yet."""

    @abstractmethod
    def lifecycles(self, *, since: str | None = None, kind: str | None = None) -> list[Lifecycle]:
        """Lifecycles in creation order; ``since`` keeps those with a step on or after it."""

    @abstractmethod
    def lifecycle(self, lifecycle_id: str) -> Lifecycle | None:
        """The lifecycle ``lifecycle_id``, or ``None``."""

    @abstractmethod
    def pending_fusion(self, limit: int) -> FusionBatch:
        """Up to ``limit`` stored documents not fused yet, oldest first, with their events."""

    @abstractmethod
    def similar_documents(self, bands: Sequence[str]) -> list[DocumentFingerprint]:
        """Fused documents sharing at least one MinHash LSH band key (an indexed lookup)."""

    @abstractmethod
    def fusion_lookup(self, keys: Sequence[str]) -> list[tuple[str, str]]:
        """``(key, fused_id)`` for every fused event indexed under one of ``keys``."""

    @abstractmethod
    def fused_events_by_id(self, fused_ids: Sequence[str]) -> list[FusedEvent]:
        """The fused events with these ids (any order; unknown ids are left out)."""

    @abstractmethod
    def lifecycles_by_dyad(self, dyad_keys: Sequence[str]) -> list[tuple[str, Lifecycle]]:
        """``(dyad_key, lifecycle)`` for the lifecycles under these dyad keys."""

    @abstractmethod
    def save_fusion(self, update: FusionUpdate) -> None:
        """Write one fusion step atomically: all of it, or (raising StoreError) none."""

    @abstractmethod
    def clear_fusion(self) -> None:
        """Forget all fusion results (documents and events stay), to rebuild them."""

    @abstractmethod
    def fusion_counts(self) -> dict[str, int]:
        """Rows per fusion kind: fused_documents, fused_events, members, stories, lifecycles."""

    # -- reliability ---------------------------------------------------------------------

    @abstractmethod
    def known_doc_ids(self) -> dict[str, str]:
        """Stored document ids with their content hash (to refuse a reused id)."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- watch state (dotterel watch) ----------------------------------------------------

    @abstractmethod
    def watch_state(self, kind: str) -> dict[str, str]:
        """Saved ``dotterel watch`` entries of one ``kind`` (``feed``, ``url``, ``file``).

        Keys are a feed URL, a normalised article URL or a file path; values are the JSON
        text the watcher saved.
        """

    @abstractmethod
    def save_watch_state(self, kind: str, entries: Mapping[str, str]) -> None:
        """Insert or replace watch entries of one ``kind``, all or none."""

    # -- interop: streaming reads and outside events (issue 13) ---------------------------

    @abstractmethod
    def iter_events(
        self,
        *,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        actor: str | None = None,
        recipient: str | None = None,
        event_type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        factuality: str | None = None,
        doc_id: str | None = None,
        limit: int | None = None,
    ) -> Iterator[Event]:
        """The events :meth:`query_events` returns, in the same order, read in chunks.

        At most ``chunk_size`` records are held at a time, so memory stays flat however
        many events the store holds.
        """

    @abstractmethod
    def iter_events_with_documents(
        self,
        *,
        chunk_size: int = DEFAULT_CHUNK_SIZE,
        actor: str | None = None,
        recipient: str | None = None,
        event_type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        factuality: str | None = None,
        doc_id: str | None = None,
        limit: int | None = None,
    ) -> Iterator[tuple[Event, Document]]:
        """:meth:`iter_events` with each event's document (matched by content hash).

        The document comes without its text (``text`` is ``""``; ``content_hash`` is the
        stored one): exports need its date, outlet and URL, never the article.
        """

    @abstractmethod
    def iter_entity_rows(
        self, *, chunk_size: int = DEFAULT_CHUNK_SIZE
    ) -> Iterator[tuple[str, str | None, str, Entity]]:
        """Every participant and mention row as (doc_id, event_id or None, role, entity).

        ``role`` is one of :data:`EVENT_ROLES` or :data:`MENTION_ROLE`; rows come in
        insertion order.
        """

    @abstractmethod
    def duplicate_event_ids(self) -> set[str]:
        """Event ids stored more than once (two documents with one ``doc_id``)."""

    @abstractmethod
    def add_outside_events(self, events: Sequence[OutsideEvent], run_id: str) -> int:
        """Store events imported from another dataset, atomically; the ones added.

        Rows already stored (same ``row_key``, also within the call) are skipped, so
        importing a file again adds nothing.
        """

    @abstractmethod
    def outside_events(
        self, *, source_dataset: str | None = None, limit: int | None = None
    ) -> list[OutsideEvent]:
        """Imported outside events in import order, of one dataset or of all."""

    # -- HTTP API (issue 14): the fused events of one dyad, looked up --------------------

    def fused_between(self, a: str, b: str) -> list[FusedEvent]:
        """Fused events with a participant (actor or recipient) that is ``a`` and one that
        is ``b``, ordered as :meth:`fused_events`.

        A participant *is* a code when its country or its code equals it, or, having no
        country, its code starts with it (``RUSGOV`` is ``RUS``): every fused event that
        can link the network nodes ``a`` and ``b`` is among them. This default reads every
        fused event; the stores answer from an index instead.
        """
        a, b = a.upper(), b.upper()
        return [
            fused
            for fused in self.fused_events()
            if fused_participant_is(fused, a) and fused_participant_is(fused, b)
        ]


def document_without_text(document: Document) -> Document:
    """A copy of ``document`` that keeps its metadata and drops its text."""
    return Document(
        doc_id=document.doc_id,
        text="",
        title=document.title,
        published=document.published,
        outlet=document.outlet,
        url=document.url,
        language=document.language,
        content_hash=document.content_hash,
        source=document.source,
    )


# -- helpers shared by the implementations ---------------------------------------------


def now() -> str:
    """Current UTC time, ISO 8601 to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def new_run_id() -> str:
    """A sortable, unique run id."""
    return f"run-{datetime.now(UTC):%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:8]}"


def to_json(value: Any) -> str:
    """JSON text for a nested value; raises ``TypeError`` for values JSON cannot hold."""
    return json.dumps(value, ensure_ascii=False)


def event_participants(event: Event) -> list[tuple[str, Entity]]:
    """(role, entity) for every actor, recipient, claimant and denier of ``event``."""
    return [(role, entity) for role in EVENT_ROLES for entity in getattr(event, role)]


def entity_country(code: str | None, country: str | None) -> str | None:
    """The country-level code of a participant, as :attr:`Entity.country_code` defines it."""
    if country:
        return country
    return code[:3] if code else None


def prefix_matches(prefix: str, code: str | None, country: str | None) -> bool:
    """Whether a participant matches an ``actor``/``recipient`` filter prefix."""
    if code:
        return code.startswith(prefix)
    return bool(country) and str(country).startswith(prefix)


def group_unresolved(rows: Iterable[tuple[str, int]], limit: int) -> list[tuple[str, int]]:
    """Group (mention text, count) rows case-insensitively; most frequent groups first."""
    groups: dict[str, Counter[str]] = {}
    for text, count in rows:
        key = " ".join(text.split()).casefold()
        if key:
            groups.setdefault(key, Counter())[text] += count
    ranked = []
    for key, forms in groups.items():
        surface = min(forms, key=lambda form: (-forms[form], form))
        ranked.append((sum(forms.values()), key, surface))
    ranked.sort(key=lambda item: (-item[0], item[1]))
    return [(surface, total) for total, _key, surface in ranked[: max(limit, 0)]]


def new_documents(items: Sequence[BatchItem], known: set[str]) -> list[BatchItem]:
    """The batch items whose document is neither stored nor earlier in the batch."""
    seen = set(known)
    fresh = []
    for item in items:
        digest = item[0].content_hash
        if digest not in seen:
            seen.add(digest)
            fresh.append(item)
    return fresh


@dataclass(slots=True)
class FusionBatch:
    """Documents waiting for fusion, with the store's position after them."""

    items: list[tuple[Document, list[Event]]] = field(default_factory=list)
    watermark: tuple[int, int] = (0, 0)


@dataclass(slots=True)
class FusionUpdate:
    """What one fusion step writes: new fingerprints (with their LSH band keys), fused
    events created or changed, new blocking keys, lifecycles created or changed, and the
    position up to which documents are fused."""

    documents: list[tuple[DocumentFingerprint, list[str]]] = field(default_factory=list)
    fused: list[FusedEvent] = field(default_factory=list)
    keys: list[tuple[str, str]] = field(default_factory=list)
    lifecycles: list[tuple[str, Lifecycle]] = field(default_factory=list)
    watermark: tuple[int, int] = (0, 0)


def fused_participant_matches(fused: FusedEvent, role: str, prefix: str) -> bool:
    """Whether a fused event's ``actor``/``recipient`` matches a filter prefix."""
    return any(prefix_matches(prefix, e.code, e.country) for e in getattr(fused, role))


def fused_sort_key(fused: FusedEvent) -> tuple[int, str, str]:
    """Order of :meth:`EventStore.fused_events`: by date (undated last), then id."""
    return (fused.event_date is None, fused.event_date or "", fused.fused_id)


def build_stories(rows: Iterable[DocumentFingerprint], limit: int | None) -> list[Story]:
    """Stories from fingerprints in insertion order (first document first)."""
    grouped: dict[str, list[DocumentFingerprint]] = {}
    for row in rows:
        grouped.setdefault(row.story_id, []).append(row)
    stories = []
    for story_id, members in grouped.items():
        dates = sorted(m.published for m in members if m.published)
        outlets = list(dict.fromkeys(m.outlet for m in members if m.outlet))
        stories.append(
            Story(
                story_id=story_id,
                doc_ids=[m.doc_id for m in members],
                outlets=outlets,
                first_published=dates[0] if dates else None,
                last_published=dates[-1] if dates else None,
                title=next((m.title for m in members if m.title), None),
                n_documents=len(members),
                n_source_families=len({m.source_family for m in members}),
            )
        )
    return stories if limit is None else stories[: max(limit, 0)]


def lifecycle_touches(lifecycle: Lifecycle, since: str | None, kind: str | None) -> bool:
    """Whether a lifecycle passes the ``since``/``kind`` filters of ``lifecycles``."""
    if kind and lifecycle.kind != kind:
        return False
    return not since or any(step.date and step.date >= since for step in lifecycle.steps)


#: Orders :meth:`EventStore.event_page` accepts (``seq`` is insertion order).
EVENT_SORTS: tuple[str, ...] = ("seq", "event_date", "goldstein", "confidence")
#: What a missing date or score sorts as: before every real value.
MISSING_DATE = ""
MISSING_SCORE = -1000.0


def sort_key(sort: str, seq: int, data: dict[str, Any]) -> Any:
    """The key of an event (as ``to_dict``) for ``sort``; both stores order by it."""
    if sort == "seq":
        return seq
    value = data.get(sort)
    if value is None:
        return MISSING_DATE if sort == "event_date" else MISSING_SCORE
    return value


# -- reliability: what every store refuses, cleans or bounds -----------------------------

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
#: The largest LIMIT a store passes on (DuckDB's BIGINT).
MAX_LIMIT = 2**63 - 1


def clean_text(value: str | None) -> str | None:
    """Metadata text a store can keep: NUL characters dropped, lone surrogates replaced."""
    if value is None:
        return None
    return _LONE_SURROGATE.sub("\ufffd", value.replace("\x00", ""))


def clean_document(document: Document) -> Document:
    """``document`` with clean metadata (its text is refused earlier if it is not clean)."""
    fields = ("doc_id", "title", "outlet", "url", "source")
    values = {name: clean_text(getattr(document, name)) for name in fields}
    if all(values[name] == getattr(document, name) for name in fields):
        return document
    return Document(
        doc_id=values["doc_id"] or document.doc_id,
        text=document.text,
        title=values["title"],
        published=document.published,
        outlet=values["outlet"],
        url=values["url"],
        language=document.language,
        content_hash=document.content_hash,
        source=values["source"],
    )


def clean_failure(failure: Failure) -> Failure:
    """``failure`` with text a store can keep (sources may be undecodable file names)."""
    return Failure(
        source=clean_text(failure.source) or "",
        code=failure.code,
        reason=clean_text(failure.reason) or "",
        line=failure.line,
    )


def failure_key(failure: Failure) -> tuple[str, int | None, str, str]:
    return (failure.source, failure.line, failure.code, failure.reason)


def unseen_failures(
    failures: Sequence[Failure], recorded: set[tuple[str, int | None, str, str]]
) -> list[Failure]:
    """The failures not recorded before (nor earlier in the list): a re-run adds none."""
    seen = set(recorded)
    fresh = []
    for failure in failures:
        key = failure_key(failure)
        if key not in seen:
            seen.add(key)
            fresh.append(failure)
    return fresh


def duplicate_id_failure(document: Document) -> Failure:
    """The failure of a document whose id is stored with another text."""
    error = DuplicateDocumentIdError(
        f"doc_id {document.doc_id!r} is already stored with a different text; "
        "give the new version its own id"
    )
    return Failure(document.source or document.doc_id, error.code, error.message)


def doc_id_clashes(
    items: Sequence[BatchItem], stored: dict[str, str]
) -> tuple[list[BatchItem], list[Failure]]:
    """Split fresh items into those to store and failures for reused ids.

    A document whose ``doc_id`` is stored (or earlier in the batch) with a different
    content hash is not stored: its events would share ids with the stored version's.
    """
    ids = dict(stored)
    kept: list[BatchItem] = []
    clashes: list[Failure] = []
    for item in items:
        document = item[0]
        known = ids.get(document.doc_id)
        if known is not None and known != document.content_hash:
            clashes.append(duplicate_id_failure(document))
            continue
        ids[document.doc_id] = document.content_hash
        kept.append(item)
    return kept, clashes


def check_day(value: str, what: str) -> str:
    """``value`` if it is a real ``YYYY-MM-DD`` day, else :class:`BadDateError`."""
    if not _ISO_DAY.fullmatch(value.strip()):
        raise BadDateError(f"{what} {value!r} is not a date: use YYYY-MM-DD, e.g. 2024-11-01")
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise BadDateError(f"{what} {value!r} is not a real day of the calendar") from None


def check_date_bounds(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """Validated ``since``/``until`` days, compared as dates by both stores."""
    since_day = check_day(since, "--since") if since else None
    until_day = check_day(until, "--until") if until else None
    return since_day, until_day


def clamp_limit(limit: int) -> int:
    """A LIMIT the database accepts: negative means none, huge means all."""
    return max(0, min(int(limit), MAX_LIMIT))


def participant_is(code: str, entity_code: str | None, entity_country: str | None) -> bool:
    """Whether a participant is the node ``code`` (see :meth:`EventStore.fused_between`)."""
    if entity_country == code or entity_code == code:
        return True
    return not entity_country and bool(entity_code) and str(entity_code).startswith(code)


def fused_participant_is(fused: FusedEvent, code: str) -> bool:
    """Whether an actor or recipient of ``fused`` is the node ``code``."""
    return any(participant_is(code, e.code, e.country) for e in [*fused.actor, *fused.recipient])
