"""An :class:`EventStore` in plain Python: same behaviour as DuckDB, nothing on disk."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from dotterel.errors import StoreError
from dotterel.records import Document, Entity, Event, Failure
from dotterel.store.base import (
    MENTION_ROLE,
    BatchItem,
    EventStore,
    entity_country,
    event_participants,
    group_unresolved,
    new_documents,
    new_run_id,
    now,
    prefix_matches,
    to_json,
)


def _copy(value: Any) -> Any:
    # Through JSON like the DuckDB store, so both accept and reject the same values and
    # stored records never alias the caller's objects.
    return json.loads(to_json(value))


def _entity_row(role: str, entity: Entity) -> dict[str, Any]:
    row = _copy(entity.to_dict())
    row["role_code"] = row.pop("role")
    row["role"] = role
    return row


class MemoryStore(EventStore):
    """The in-memory twin of :class:`~dotterel.store.duck.DuckDBStore`."""

    def __init__(self) -> None:
        self._documents: list[dict[str, Any]] = []
        self._hashes: set[str] = set()
        self._events: list[dict[str, Any]] = []
        self._entities: list[dict[str, Any]] = []
        self._failures: list[dict[str, Any]] = []
        self._runs: dict[str, dict[str, Any]] = {}
        self._watch: dict[tuple[str, str], str] = {}
        self._closed = False

    def _check_open(self) -> None:
        if self._closed:
            raise StoreError("the store is closed")

    def start_run(self, command: str, inputs: list[str]) -> str:
        self._check_open()
        run_id = new_run_id()
        self._runs[run_id] = {
            "run_id": run_id,
            "command": command,
            "inputs": list(inputs),
            "started": now(),
            "finished": None,
            "documents": 0,
            "events": 0,
            "failures": 0,
            "skipped": 0,
        }
        return run_id

    def finish_run(
        self, run_id: str, *, documents: int, events: int, failures: int, skipped: int
    ) -> None:
        self._check_open()
        if run_id not in self._runs:
            raise StoreError(f"unknown run {run_id!r}")
        self._runs[run_id].update(
            finished=now(), documents=documents, events=events, failures=failures, skipped=skipped
        )

    def has_document(self, content_hash: str) -> bool:
        self._check_open()
        return content_hash in self._hashes

    def known_hashes(self) -> set[str]:
        self._check_open()
        return set(self._hashes)

    def add_batch(
        self, items: Sequence[BatchItem], failures: Sequence[Failure], run_id: str
    ) -> int:
        self._check_open()
        try:
            documents, events, entities = [], [], []
            for document, doc_events, mentions in new_documents(items, self._hashes):
                row = _copy(document.to_dict())
                row["run_id"] = run_id
                documents.append(row)
                for event in doc_events:
                    data = _copy(event.to_dict())
                    events.append({"data": data, "content_hash": document.content_hash})
                    for role, entity in event_participants(event):
                        entities.append(_entity_row(role, entity))
                for entity in mentions:
                    entities.append(_entity_row(MENTION_ROLE, entity))
            failure_rows = [{**_copy(f.to_dict()), "run_id": run_id} for f in failures]
        except Exception as exc:
            raise StoreError(f"batch of {len(items)} documents not stored: {exc}") from exc
        # Nothing above touched the store, so an error leaves it as it was.
        self._documents.extend(documents)
        self._hashes.update(row["content_hash"] for row in documents)
        self._events.extend(events)
        self._entities.extend(entities)
        self._failures.extend(failure_rows)
        return len(documents)

    @staticmethod
    def _event_matches(data: dict[str, Any], role: str, prefix: str) -> bool:
        return any(
            prefix_matches(prefix, entity.get("code"), entity.get("country"))
            for entity in data[role]
        )

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
        self._check_open()
        found: list[Event] = []
        if limit is not None and limit <= 0:
            return found
        for row in self._events:
            data = row["data"]
            date = data["event_date"]
            if (
                (actor and not self._event_matches(data, "actor", actor.upper()))
                or (recipient and not self._event_matches(data, "recipient", recipient.upper()))
                or (event_type and data["event_type"] != event_type.upper())
                or (factuality and data["factuality"] != factuality)
                or (doc_id is not None and data["doc_id"] != doc_id)
                or (since and (date is None or date < since))
                or (until and (date is None or date > until))
            ):
                continue
            found.append(Event.from_dict(data))
            if limit is not None and len(found) >= limit:
                break
        return found

    def documents(self, limit: int | None = None) -> list[Document]:
        self._check_open()
        rows = self._documents if limit is None else self._documents[: max(limit, 0)]
        return [Document.from_dict(row) for row in rows]

    def failures(self, run_id: str | None = None) -> list[Failure]:
        self._check_open()
        return [
            Failure(source=f["source"], code=f["code"], reason=f["reason"], line=f["line"])
            for f in self._failures
            if run_id is None or f["run_id"] == run_id
        ]

    def runs(self) -> list[dict[str, Any]]:
        self._check_open()
        return [
            {**run, "inputs": list(run["inputs"]), "status": _status(run)}
            for run in self._runs.values()
        ]

    def counts(self) -> dict[str, int]:
        self._check_open()
        return {
            "documents": len(self._documents),
            "events": len(self._events),
            "entities": len(self._entities),
            "failures": len(self._failures),
            "runs": len(self._runs),
        }

    def unresolved_actors(self, limit: int = 50) -> list[tuple[str, int]]:
        self._check_open()
        texts = Counter(
            row["text"]
            for row in self._entities
            if row["role"] == MENTION_ROLE and row["code"] is None
        )
        return group_unresolved(texts.items(), limit)

    def dyad_summary(self, limit: int = 20) -> list[tuple[str, str, str, int]]:
        self._check_open()
        counts: Counter[tuple[str, str, str]] = Counter()
        for row in self._events:
            data = row["data"]
            actors = {entity_country(e["code"], e["country"]) for e in data["actor"]} - {None}
            recipients = {entity_country(e["code"], e["country"]) for e in data["recipient"]} - {
                None
            } or {""}
            for a in actors:
                for r in recipients:
                    counts[(str(a), str(r), data["event_type"])] += 1
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        return [(a, r, t, n) for (a, r, t), n in ranked[: max(limit, 0)]]

    def close(self) -> None:
        self._closed = True

    # -- watch state (dotterel watch) ----------------------------------------------------

    def watch_state(self, kind: str) -> dict[str, str]:
        self._check_open()
        return {key: value for (k, key), value in self._watch.items() if k == kind}

    def save_watch_state(self, kind: str, entries: Mapping[str, str]) -> None:
        self._check_open()
        staged = {(kind, str(key)): str(value) for key, value in entries.items()}
        self._watch.update(staged)


def _status(run: dict[str, Any]) -> str:
    return "finished" if run["finished"] else "incomplete"
