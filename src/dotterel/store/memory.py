"""An :class:`EventStore` in plain Python: same behaviour as DuckDB, nothing on disk."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from dotterel.errors import StoreError
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
from dotterel.store.base import (
    DEFAULT_CHUNK_SIZE,
    EVENT_SORTS,
    MENTION_ROLE,
    BatchItem,
    EventStore,
    FusionBatch,
    FusionUpdate,
    build_stories,
    check_date_bounds,
    clamp_limit,
    clean_document,
    clean_failure,
    doc_id_clashes,
    document_without_text,
    entity_country,
    event_participants,
    fused_participant_matches,
    fused_sort_key,
    group_unresolved,
    lifecycle_touches,
    new_documents,
    new_run_id,
    now,
    prefix_matches,
    sort_key,
    to_json,
    unseen_failures,
)


def _copy(value: Any) -> Any:
    # Through JSON like the DuckDB store, so both accept and reject the same values and
    # stored records never alias the caller's objects.
    return json.loads(to_json(value))


def _entity_row(
    role: str, entity: Entity, doc_id: str = "", event_id: str | None = None
) -> dict[str, Any]:
    row = _copy(entity.to_dict())
    row["role_code"] = row.pop("role")
    row["role"] = role
    row["doc_id"], row["event_id"] = doc_id, event_id
    return row


class MemoryStore(EventStore):
    """The in-memory twin of :class:`~dotterel.store.duck.DuckDBStore`."""

    def __init__(self) -> None:
        self._documents: list[dict[str, Any]] = []
        self._hashes: set[str] = set()
        self._ids: dict[str, str] = {}
        self._events: list[dict[str, Any]] = []
        self._entities: list[dict[str, Any]] = []
        self._failures: list[dict[str, Any]] = []
        self._runs: dict[str, dict[str, Any]] = {}
        self._outside: list[dict[str, Any]] = []
        self._outside_keys: set[str] = set()
        self._watch: dict[tuple[str, str], str] = {}
        self._closed = False
        self._clear_fusion_state()

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
            "status": "running",
        }
        return run_id

    def finish_run(
        self, run_id: str, *, documents: int, events: int, failures: int, skipped: int
    ) -> None:
        self._check_open()
        if run_id not in self._runs:
            raise StoreError(f"unknown run {run_id!r}")
        self._runs[run_id].update(
            finished=now(),
            documents=documents,
            events=events,
            failures=failures,
            skipped=skipped,
            status="finished",
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
            cleaned = [(clean_document(d), e, m) for d, e, m in items]
            fresh, clashes = doc_id_clashes(new_documents(cleaned, self._hashes), self._ids)
            recorded = {(f["source"], f["line"], f["code"], f["reason"]) for f in self._failures}
            failures = unseen_failures([clean_failure(f) for f in (*failures, *clashes)], recorded)
            for document, doc_events, mentions in fresh:
                row = _copy(document.to_dict())
                row["run_id"] = run_id
                documents.append(row)
                for event in doc_events:
                    data = _copy(event.to_dict())
                    events.append({"data": data, "content_hash": document.content_hash})
                    for role, entity in event_participants(event):
                        entities.append(_entity_row(role, entity, event.doc_id, event.event_id))
                for entity in mentions:
                    entities.append(_entity_row(MENTION_ROLE, entity, document.doc_id))
            failure_rows = [{**_copy(f.to_dict()), "run_id": run_id} for f in failures]
        except Exception as exc:
            raise StoreError(f"batch of {len(items)} documents not stored: {exc}") from exc
        # Nothing above touched the store, so an error leaves it as it was.
        self._documents.extend(documents)
        self._hashes.update(row["content_hash"] for row in documents)
        self._ids.update((row["doc_id"], row["content_hash"]) for row in documents)
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
        since, until = check_date_bounds(since, until)
        found: list[Event] = []
        if limit is not None:
            limit = clamp_limit(limit)
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
        rows = self._documents if limit is None else self._documents[: clamp_limit(limit)]
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
        return [{**run, "inputs": list(run["inputs"])} for run in self._runs.values()]

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

    # -- paged reading for the HTTP API (issue 14) -----------------------------------------

    def _matching(self, filters: dict[str, Any]) -> list[tuple[int, dict[str, Any]]]:
        # Positions stand for DuckDB's seq: insertion order, numbered from 1.
        actor, recipient = filters.get("actor"), filters.get("recipient")
        event_type, factuality = filters.get("event_type"), filters.get("factuality")
        doc_id, since, until = filters.get("doc_id"), filters.get("since"), filters.get("until")
        parties = [prefix.upper() for prefix in filters.get("parties") or ()]
        found = []
        for seq, row in enumerate(self._events, start=1):
            data = row["data"]
            date = data["event_date"]
            if any(
                not (
                    self._event_matches(data, "actor", prefix)
                    or self._event_matches(data, "recipient", prefix)
                )
                for prefix in parties
            ):
                continue
            if (
                (actor and not self._event_matches(data, "actor", actor.upper()))
                or (recipient and not self._event_matches(data, "recipient", recipient.upper()))
                or (event_type and data["event_type"] != event_type.upper())
                or (factuality and data["factuality"] != factuality)
                or (doc_id is not None and doc_id != "" and data["doc_id"] != doc_id)
                or (since and (date is None or date < since))
                or (until and (date is None or date > until))
            ):
                continue
            found.append((seq, data))
        return found

    def event_page(
        self,
        *,
        sort: str = "seq",
        descending: bool = False,
        after: tuple[Any, int] | None = None,
        limit: int = 50,
        **filters: Any,
    ) -> tuple[list[tuple[Any, int, Event]], int]:
        self._check_open()
        if sort not in EVENT_SORTS:
            raise StoreError(f"unknown sort {sort!r}")
        keyed = [(sort_key(sort, seq, data), seq, data) for seq, data in self._matching(filters)]
        total = len(keyed)
        keyed.sort(key=lambda item: (item[0], item[1]), reverse=descending)
        if after is not None:
            cursor = (after[0], after[1])
            keyed = [
                item
                for item in keyed
                if ((item[0], item[1]) < cursor if descending else (item[0], item[1]) > cursor)
            ]
        page = [(key, seq, Event.from_dict(data)) for key, seq, data in keyed[: max(limit, 0)]]
        return page, total

    def count_events(self, **filters: Any) -> int:
        self._check_open()
        return len(self._matching(filters))

    def document(self, doc_id: str) -> Document | None:
        self._check_open()
        for row in self._documents:
            if row["doc_id"] == doc_id:
                return Document.from_dict(row)
        return None

    def event_by_id(self, event_id: str) -> Event | None:
        self._check_open()
        for row in self._events:
            if row["data"]["event_id"] == event_id:
                return Event.from_dict(row["data"])
        return None

    def close(self) -> None:
        self._closed = True

    # -- cross-article fusion ------------------------------------------------------------

    def _clear_fusion_state(self) -> None:
        # Kept as JSON-ready dicts, like the DuckDB rows, so records never alias callers'.
        self._fingerprints: dict[str, dict[str, Any]] = {}
        self._story_by_doc: dict[str, str] = {}
        self._bands: dict[str, list[str]] = {}
        self._fused: dict[str, dict[str, Any]] = {}
        self._members: dict[str, str] = {}
        self._keys: dict[str, list[str]] = {}
        self._lifecycles: dict[str, dict[str, Any]] = {}
        self._lifecycle_dyads: dict[str, list[str]] = {}
        self._watermark: tuple[int, int] = (0, 0)

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
        self._check_open()
        found = []
        for data in self._fused.values():
            fused = FusedEvent.from_dict(data)
            date = fused.event_date
            if (
                (actor and not fused_participant_matches(fused, "actor", actor.upper()))
                or (
                    recipient
                    and not fused_participant_matches(fused, "recipient", recipient.upper())
                )
                or (event_type and fused.event_type != event_type.upper())
                or (factuality and fused.factuality != factuality)
                or (since and (date is None or date < since))
                or (until and (date is None or date > until))
            ):
                continue
            found.append(fused)
        found.sort(key=fused_sort_key)
        return found if limit is None else found[: max(limit, 0)]

    def fused_event(self, fused_id: str) -> FusedEvent | None:
        self._check_open()
        data = self._fused.get(fused_id)
        return FusedEvent.from_dict(data) if data else None

    def fused_id_of(self, event_id: str) -> str | None:
        self._check_open()
        return self._members.get(event_id)

    def stories(self, limit: int | None = None) -> list[Story]:
        self._check_open()
        rows = (DocumentFingerprint.from_dict(row) for row in self._fingerprints.values())
        return build_stories(rows, limit)

    def story_of(self, doc_id: str) -> str | None:
        self._check_open()
        return self._story_by_doc.get(doc_id)

    def lifecycles(self, *, since: str | None = None, kind: str | None = None) -> list[Lifecycle]:
        self._check_open()
        found = (Lifecycle.from_dict(data) for data in self._lifecycles.values())
        return [lc for lc in found if lifecycle_touches(lc, since, kind)]

    def lifecycle(self, lifecycle_id: str) -> Lifecycle | None:
        self._check_open()
        data = self._lifecycles.get(lifecycle_id)
        return Lifecycle.from_dict(data) if data else None

    def pending_fusion(self, limit: int) -> FusionBatch:
        self._check_open()
        doc_mark, event_mark = self._watermark
        rows = self._documents[doc_mark : doc_mark + max(limit, 0)]
        hashes = {row["content_hash"] for row in rows}
        by_hash: dict[str, list[Event]] = {digest: [] for digest in hashes}
        last_event = event_mark
        for index in range(event_mark, len(self._events)):
            row = self._events[index]
            if row["content_hash"] in hashes:
                by_hash[row["content_hash"]].append(Event.from_dict(row["data"]))
                last_event = index + 1
        items = [(Document.from_dict(row), by_hash[row["content_hash"]]) for row in rows]
        return FusionBatch(items=items, watermark=(doc_mark + len(rows), last_event))

    def similar_documents(self, bands: Sequence[str]) -> list[DocumentFingerprint]:
        self._check_open()
        hashes = dict.fromkeys(h for band in bands for h in self._bands.get(band, []))
        return [DocumentFingerprint.from_dict(self._fingerprints[h]) for h in hashes]

    def fusion_lookup(self, keys: Sequence[str]) -> list[tuple[str, str]]:
        self._check_open()
        return [
            (key, fused_id) for key in dict.fromkeys(keys) for fused_id in self._keys.get(key, [])
        ]

    def fused_events_by_id(self, fused_ids: Sequence[str]) -> list[FusedEvent]:
        self._check_open()
        return [
            FusedEvent.from_dict(self._fused[i])
            for i in dict.fromkeys(fused_ids)
            if i in self._fused
        ]

    def lifecycles_by_dyad(self, dyad_keys: Sequence[str]) -> list[tuple[str, Lifecycle]]:
        self._check_open()
        return [
            (key, Lifecycle.from_dict(self._lifecycles[lifecycle_id]))
            for key in dict.fromkeys(dyad_keys)
            for lifecycle_id in self._lifecycle_dyads.get(key, [])
        ]

    def save_fusion(self, update: FusionUpdate) -> None:
        self._check_open()
        try:
            documents = [(_copy(fp.to_dict()), list(bands)) for fp, bands in update.documents]
            fused = [_copy(f.to_dict()) for f in update.fused]
            lifecycles = [(key, _copy(lc.to_dict())) for key, lc in update.lifecycles]
        except Exception as exc:
            raise StoreError(f"fusion step not stored: {exc}") from exc
        for row, bands in documents:
            if row["content_hash"] not in self._fingerprints:
                self._fingerprints[row["content_hash"]] = row
                self._story_by_doc.setdefault(row["doc_id"], row["story_id"])
                for band in bands:
                    self._bands.setdefault(band, []).append(row["content_hash"])
        for data in fused:
            self._fused[data["fused_id"]] = data
            for member in data["members"]:
                self._members[member["event_id"]] = data["fused_id"]
        for key, fused_id in update.keys:
            self._keys.setdefault(key, []).append(fused_id)
        for key, data in lifecycles:
            if data["lifecycle_id"] not in self._lifecycles:
                self._lifecycle_dyads.setdefault(key, []).append(data["lifecycle_id"])
            self._lifecycles[data["lifecycle_id"]] = data
        self._watermark = max(self._watermark, update.watermark)

    def clear_fusion(self) -> None:
        self._check_open()
        self._clear_fusion_state()

    def fusion_counts(self) -> dict[str, int]:
        self._check_open()
        return {
            "fused_documents": len(self._fingerprints),
            "fused_events": len(self._fused),
            "members": len(self._members),
            "stories": len({row["story_id"] for row in self._fingerprints.values()}),
            "lifecycles": len(self._lifecycles),
        }

    # -- reliability ---------------------------------------------------------------------

    def known_doc_ids(self) -> dict[str, str]:
        self._check_open()
        return dict(self._ids)

    # -- watch state (dotterel watch) ----------------------------------------------------

    def watch_state(self, kind: str) -> dict[str, str]:
        self._check_open()
        return {key: value for (k, key), value in self._watch.items() if k == kind}

    def save_watch_state(self, kind: str, entries: Mapping[str, str]) -> None:
        self._check_open()
        staged = {(kind, str(key)): str(value) for key, value in entries.items()}
        self._watch.update(staged)

    # -- interop: streaming reads and outside events (issue 13) ---------------------------

    def iter_events(
        self, *, chunk_size: int = DEFAULT_CHUNK_SIZE, **filters: Any
    ) -> Iterator[Event]:
        for event, _row in self._stream(filters):
            yield event

    def iter_events_with_documents(
        self, *, chunk_size: int = DEFAULT_CHUNK_SIZE, **filters: Any
    ) -> Iterator[tuple[Event, Document]]:
        by_hash = {row["content_hash"]: row for row in self._documents}
        for event, row in self._stream(filters):
            stored = by_hash.get(row["content_hash"])
            if stored is None:
                yield event, Document(event.doc_id, "", content_hash=row["content_hash"])
            else:
                yield event, document_without_text(Document.from_dict(stored))

    def _stream(self, filters: dict[str, Any]) -> Iterator[tuple[Event, dict[str, Any]]]:
        self._check_open()
        options = dict(filters)
        limit = options.pop("limit", None)
        if limit is not None and limit <= 0:
            return
        # A snapshot of the matching rows, as DuckDB's cursor reads the table as it was.
        for found, (seq, data) in enumerate(self._matching(options), start=1):
            yield Event.from_dict(data), self._events[seq - 1]
            if limit is not None and found >= limit:
                return

    def iter_entity_rows(
        self, *, chunk_size: int = DEFAULT_CHUNK_SIZE
    ) -> Iterator[tuple[str, str | None, str, Entity]]:
        self._check_open()
        for row in list(self._entities):
            entity = Entity(
                text=row["text"],
                start=row["start"],
                end=row["end"],
                code=row["code"],
                country=row["country"],
                role=row["role_code"],
                canonical=row["canonical"],
                why=row["why"],
            )
            yield row["doc_id"], row["event_id"], row["role"], entity

    def duplicate_event_ids(self) -> set[str]:
        self._check_open()
        counts = Counter(row["data"]["event_id"] for row in self._events)
        return {event_id for event_id, n in counts.items() if n > 1}

    def add_outside_events(self, events: Sequence[OutsideEvent], run_id: str) -> int:
        self._check_open()
        try:
            rows = []
            seen = set(self._outside_keys)
            for event in events:
                if event.row_key in seen:
                    continue
                seen.add(event.row_key)
                rows.append({**_copy(event.to_dict()), "run_id": run_id})
        except Exception as exc:
            raise StoreError(f"{len(events)} outside events not stored: {exc}") from exc
        self._outside.extend(rows)
        self._outside_keys.update(row["row_key"] for row in rows)
        return len(rows)

    def outside_events(
        self, *, source_dataset: str | None = None, limit: int | None = None
    ) -> list[OutsideEvent]:
        self._check_open()
        rows = [
            row
            for row in self._outside
            if source_dataset is None or row["source_dataset"] == source_dataset
        ]
        if limit is not None:
            rows = rows[: max(limit, 0)]
        return [OutsideEvent.from_dict(row) for row in rows]

    def fused_between(self, a: str, b: str) -> list[FusedEvent]:
        from dotterel.store.base import participant_is

        self._check_open()
        a, b = a.upper(), b.upper()

        def has(data: dict[str, Any], code: str) -> bool:
            return any(
                participant_is(code, e.get("code"), e.get("country"))
                for e in [*data["actor"], *data["recipient"]]
            )

        found = [
            FusedEvent.from_dict(data)
            for data in self._fused.values()
            if has(data, a) and has(data, b)
        ]
        return sorted(found, key=fused_sort_key)
