"""Reading a store page by page: what the HTTP API and the explorer show.

``db`` is a store path (default: the ``db`` setting), opened, read and closed by each
call like :func:`dotterel.api.query_events`, or an open :class:`EventStore`, used as is
and left open: a server keeps its stores open rather than pay the opening on every
request.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from dotterel.errors import BadCursorError
from dotterel.records import Document, Event, Failure
from dotterel.settings import load_settings
from dotterel.store import SCHEMA_VERSION, open_store
from dotterel.store.base import EVENT_SORTS, EventStore

Db = str | EventStore | None

__all__ = [
    "EVENT_SORTS",
    "EventPage",
    "count_events",
    "decode_cursor",
    "dyad_counts",
    "encode_cursor",
    "event_by_id",
    "event_page",
    "get_document",
    "list_documents",
    "list_failures",
    "list_runs",
    "store_health",
    "unresolved_actors",
    "using_store",
]


@contextmanager
def using_store(db: Db) -> Iterator[EventStore]:
    """The store ``db`` names (opened and closed here), or ``db`` itself if it is one."""
    if isinstance(db, EventStore):
        yield db
        return
    with open_store(load_settings(db=db)["db"]) as store:
        yield store


@dataclass(slots=True)
class EventPage:
    """One page of events, the total matching, and the cursor of the next page (if any)."""

    events: list[Event]
    total: int
    next_cursor: str | None


def encode_cursor(sort: str, descending: bool, key: Any, seq: int) -> str:
    """An opaque, URL-safe cursor continuing after the event ``(key, seq)``."""
    raw = json.dumps([sort, descending, key, seq], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, sort: str, descending: bool) -> tuple[Any, int]:
    """The ``(key, seq)`` of a cursor made for this ``sort`` and direction.

    Raises :class:`~dotterel.errors.BadCursorError` for anything else, including a cursor
    of another order (its position would mean nothing in this one).
    """
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, binascii.Error, UnicodeError) as exc:
        raise BadCursorError("not a cursor this server made", source=cursor[:40]) from exc
    if not (isinstance(data, list) and len(data) == 4):
        raise BadCursorError("not a cursor this server made", source=cursor[:40])
    made_sort, made_descending, key, seq = data
    if made_sort != sort or made_descending != descending:
        raise BadCursorError(
            f"cursor was made for sort {made_sort!r}, not {sort!r}", source=cursor[:40]
        )
    numeric = sort != "event_date"
    key_ok = (
        isinstance(key, int | float) and not isinstance(key, bool)
        if numeric
        else isinstance(key, str)
    )
    if not key_ok or not isinstance(seq, int) or isinstance(seq, bool):
        raise BadCursorError("cursor position is malformed", source=cursor[:40])
    return key, seq


def event_page(
    *,
    db: Db = None,
    sort: str = "seq",
    descending: bool = False,
    cursor: str | None = None,
    limit: int = 50,
    **filters: Any,
) -> EventPage:
    """Events matching ``filters`` (those of ``query_events``), one page at a time.

    Pass the page's ``next_cursor`` back as ``cursor`` for the next page; the order is
    total (ties broken by insertion order), so paging never repeats or skips an event.
    """
    after = decode_cursor(cursor, sort, descending) if cursor else None
    with using_store(db) as store:
        rows, total = store.event_page(
            sort=sort, descending=descending, after=after, limit=limit + 1, **filters
        )
    next_cursor = None
    if len(rows) > limit:
        rows = rows[:limit]
        key, seq, _event = rows[-1]
        next_cursor = encode_cursor(sort, descending, key, seq)
    return EventPage(events=[event for _k, _s, event in rows], total=total, next_cursor=next_cursor)


def count_events(*, db: Db = None, **filters: Any) -> int:
    """How many stored events match ``filters``."""
    with using_store(db) as store:
        return store.count_events(**filters)


def event_by_id(event_id: str, *, db: Db = None) -> Event | None:
    """The stored event with this id, or ``None``."""
    with using_store(db) as store:
        return store.event_by_id(event_id)


def get_document(doc_id: str, *, db: Db = None) -> tuple[Document, list[Event]] | None:
    """A stored document and its events (in order), or ``None``."""
    with using_store(db) as store:
        document = store.document(doc_id)
        if document is None:
            return None
        return document, store.query_events(doc_id=doc_id)


def list_failures(*, db: Db = None, run_id: str | None = None) -> list[Failure]:
    """Recorded failures, of one run or all."""
    with using_store(db) as store:
        return store.failures(run_id)


def list_runs(*, db: Db = None) -> list[dict[str, Any]]:
    """Runs in start order with their counts and status."""
    with using_store(db) as store:
        return store.runs()


def unresolved_actors(*, db: Db = None, limit: int = 50) -> list[tuple[str, int]]:
    """Most frequent actor mentions without a code that the user's dictionaries do not
    now resolve (:func:`dotterel.api.actors.unresolved_in`)."""
    from dotterel.api.actors import unresolved_in

    with using_store(db) as store:
        return unresolved_in(store, limit)


def store_health(*, db: Db = None) -> dict[str, Any]:
    """Row counts and schema version of the store (raises ``StoreError`` if unusable)."""
    with using_store(db) as store:
        return {"schema_version": SCHEMA_VERSION, "counts": store.counts()}


def list_documents(*, db: Db = None, limit: int | None = None) -> list[Document]:
    """Stored documents in insertion order."""
    with using_store(db) as store:
        return store.documents(limit=limit)


def dyad_counts(*, db: Db = None, limit: int = 20) -> list[tuple[str, str, str, int]]:
    """The most frequent (actor country, recipient country, type, count) triples."""
    with using_store(db) as store:
        return store.dyad_summary(limit=limit)
