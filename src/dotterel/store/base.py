"""The :class:`EventStore` interface and the helpers both implementations share.

Two stores implement it: :class:`~dotterel.store.memory.MemoryStore` (plain Python, for
tests and throw-away runs) and :class:`~dotterel.store.duck.DuckDBStore` (a DuckDB file).
They must behave the same; ``tests/store`` runs one suite against both.
"""

from __future__ import annotations

import json
import uuid
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, Self

from dotterel.records import Document, Entity, Event, Failure

#: Roles of rows in the ``entities`` table: event participants and plain mentions.
EVENT_ROLES: tuple[str, ...] = ("actor", "recipient", "claimed_by", "denied_by")
MENTION_ROLE = "mention"

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

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


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
