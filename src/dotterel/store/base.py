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
from collections.abc import Iterable, Mapping, Sequence
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

    @abstractmethod
    def close(self) -> None:
        """Release the store (idempotent)."""

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
