"""Fused events: one act reported by many documents becomes one record with its evidence.

Two document events are one act when they have the same PLOVER type and mood (an act
that happened, or was denied, is not the same record as a plan for it), compatible
participants at country level (one side's country set contains the other's; AGREE,
CONSULT and COOPERATE compare their participants unordered), overlapping date windows
(which depend on the date's precision and source, see :func:`date_window`), compatible
places (no two different countries) and different documents.

Candidates are found through *blocking keys*: ``type|mood|country|country|week`` for every
country pair of the event and every week its date window touches. A fused event is
indexed under the keys of all its members, so a new report finds its candidates by
looking its own keys up in an index: the work per document does not depend on how much
is stored. ``fused_id`` is derived from the first member's ``event_id`` and never changes.
The rules are in ``docs/fusion.md``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from dotterel.analysis.stories import Fingerprinter, fingerprint, outlet_family
from dotterel.records import (
    UNORDERED_TYPES,
    Document,
    DocumentFingerprint,
    Entity,
    Event,
    FusedEvent,
    FusedMember,
)
from dotterel.settings import load_settings
from dotterel.store.base import EventStore, FusionUpdate

#: Realis moods fuse with each other, irrealis with each other, never across.
MOOD: dict[str, str] = {
    "actual": "real",
    "negated": "real",
    "future": "plan",
    "hypothetical": "plan",
}
#: Finer precisions first; a fused event takes its date from its most precise report.
PRECISION_RANK: dict[str | None, int] = {"day": 0, "week": 1, "month": 2, "year": 3, None: 4}
SOURCE_RANK: dict[str | None, int] = {
    "clause": 0,
    "reporting_clause": 1,
    "dateline": 2,
    "published": 3,
    None: 4,
}
FACTUALITY_ORDER: tuple[str, ...] = ("actual", "future", "hypothetical", "negated")


@dataclass(frozen=True, slots=True)
class FusionSettings:
    """The fusion settings (``settings.py``), resolved once per run."""

    shingle_words: int = 3
    num_perm: int = 128
    story_similarity: float = 0.3
    family_similarity: float = 0.3
    story_shared_events: int = 2
    day_slack: int = 0
    published_slack: int = 5
    treaty_days: int = 730
    claim_days: int = 180

    @classmethod
    def load(cls, **overrides: Any) -> FusionSettings:
        values = load_settings(**overrides)
        return cls(
            shingle_words=values["fusion_shingle_words"],
            num_perm=values["fusion_num_perm"],
            story_similarity=values["fusion_story_similarity"],
            family_similarity=values["fusion_family_similarity"],
            story_shared_events=values["fusion_story_shared_events"],
            day_slack=values["fusion_day_slack"],
            published_slack=values["fusion_published_slack"],
            treaty_days=values["lifecycle_treaty_days"],
            claim_days=values["lifecycle_claim_days"],
        )


# -- comparing events ------------------------------------------------------------------


def countries(entities: Iterable[Entity]) -> frozenset[str]:
    """Country-level codes of participants (unresolved ones are left out)."""
    return frozenset(code for e in entities if (code := e.country_code))


def sides(
    event_type: str, actor: Iterable[Entity], recipient: Iterable[Entity]
) -> tuple[frozenset[str], frozenset[str]]:
    """(actor countries, recipient countries); unordered types put everyone first."""
    actors, recipients = countries(actor), countries(recipient)
    if event_type in UNORDERED_TYPES:
        return actors | recipients, frozenset()
    return actors, recipients


def parse_day(date: str | None) -> int | None:
    """Proleptic ordinal of an ISO date's day (``None`` if absent or unreadable)."""
    if not date:
        return None
    try:
        return dt.date.fromisoformat(date[:10]).toordinal()
    except ValueError:
        return None


def date_window(
    date: str | None, precision: str | None, source: str | None, settings: FusionSettings
) -> tuple[int, int] | None:
    """Days (ordinals, inclusive) in which the act may have happened.

    A day from the text: that day +/- ``day_slack``. A day that is only the article's
    publication: the ``published_slack`` days before it up to the day itself (news reports
    what already happened). A week, month or year: all its days, +/- ``day_slack``.
    """
    day = parse_day(date)
    if day is None:
        return None
    slack = settings.day_slack
    first = dt.date.fromordinal(day)
    if precision == "week":
        return day - slack, day + 6 + slack
    if precision == "month":
        following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return day - slack, following.toordinal() - 1 + slack
    if precision == "year":
        return day - slack, dt.date(first.year, 12, 31).toordinal() + slack
    if source == "published":
        return day - settings.published_slack, day
    return day - slack, day + slack


def pairs(actors: frozenset[str], recipients: frozenset[str], unordered: bool) -> list[str]:
    """Country pairs of an event, as in its blocking keys (``A|B``, ``A|`` for one side)."""
    if unordered:
        ordered = sorted(actors)
        if len(ordered) == 1:
            return [f"{ordered[0]}|"]
        return [f"{a}|{b}" for a, b in combinations(ordered, 2)]
    return [f"{a}|{b}" for a in sorted(actors) for b in (sorted(recipients) or [""])]


def blocking_keys(
    event_type: str,
    factuality: str,
    actors: frozenset[str],
    recipients: frozenset[str],
    window: tuple[int, int] | None,
) -> list[str]:
    """Index keys of an act: type, mood, country pair and week bucket.

    An event with no resolved country on its acting side, or no date, has none: it is
    never fused (without a date, two reports of one dyad may be years apart).
    """
    if not actors or window is None:
        return []
    mood = MOOD.get(factuality, "real")
    buckets = range(window[0] // 7, window[1] // 7 + 1)
    unordered = event_type in UNORDERED_TYPES
    return [
        f"{event_type}|{mood}|{pair}|{bucket}"
        for pair in pairs(actors, recipients, unordered)
        for bucket in buckets
    ]


def nested(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether one country set contains the other (two empty sets are nested too)."""
    if not a or not b:
        return a == b
    return a <= b or b <= a


@dataclass(slots=True)
class Comparison:
    """Whether an event may join a fused event, and why (or why not)."""

    compatible: bool
    reasons: list[str]
    score: float = 0.0


def compare(
    event: Event, fused: FusedEvent, doc_ids: set[str], settings: FusionSettings
) -> Comparison:
    """Check every fusion rule for ``event`` against ``fused``; collect the reasons."""
    reasons: list[str] = []
    ok = True
    if event.event_type != fused.event_type:
        return Comparison(False, [f"type {event.event_type} is not {fused.event_type}"])
    reasons.append(f"same type {event.event_type}")
    mood, fused_mood = MOOD.get(event.factuality, "real"), MOOD.get(fused.factuality, "real")
    if mood != fused_mood:
        ok = False
        reasons.append(f"{event.factuality} is not {fused.factuality} (a plan vs an act)")
    else:
        reasons.append(f"same mood ({event.factuality} with {fused.factuality})")
    if event.doc_id in doc_ids:
        ok = False
        reasons.append("already reported by this document")
    a1, r1 = sides(event.event_type, event.actor, event.recipient)
    a2, r2 = sides(fused.event_type, fused.actor, fused.recipient)
    if nested(a1, a2) and nested(r1, r2) and a1:
        reasons.append(f"participants {_set(a1)}->{_set(r1)} fit {_set(a2)}->{_set(r2)}")
    else:
        ok = False
        reasons.append(f"participants {_set(a1)}->{_set(r1)} differ from {_set(a2)}->{_set(r2)}")
    own = date_window(event.event_date, event.date_precision, event.date_source, settings)
    theirs = date_window(fused.event_date, fused.date_precision, fused.date_source, settings)
    distance = 0
    if own is None or theirs is None:
        ok = False
        reasons.append("undated reports are never fused")
    elif own[0] <= theirs[1] and theirs[0] <= own[1]:
        reasons.append(
            f"date {event.event_date} ({event.date_precision}, {event.date_source}) overlaps "
            f"{fused.event_date} ({fused.date_precision}, {fused.date_source})"
        )
        distance = abs((own[0] + own[1]) - (theirs[0] + theirs[1])) // 2
    else:
        ok = False
        reasons.append(f"date {event.event_date} is outside the window of {fused.event_date}")
    place, fused_place = _place(event), fused.location.country if fused.location else None
    if place and fused_place and place != fused_place:
        ok = False
        reasons.append(f"place {place} is not {fused_place}")
    elif place and fused_place:
        reasons.append(f"same place country {place}")
    overlap = len(a1 & a2) + len(r1 & r2)
    size = max(len(a1 | a2) + len(r1 | r2), 1)
    return Comparison(ok, reasons, score=overlap / size - distance / 100)


def _set(codes: frozenset[str]) -> str:
    return "{" + ",".join(sorted(codes)) + "}"


def _place(event: Event) -> str | None:
    return event.location.country if event.location else None


# -- building fused events -------------------------------------------------------------


def fused_id_for(event_id: str) -> str:
    """The fused id a fused event gets from its first member (stable ever after)."""
    return "fu_" + hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:16]


def member_of(event: Event, fp: DocumentFingerprint) -> FusedMember:
    """A fused event's record of one report."""
    return FusedMember(
        event_id=event.event_id,
        doc_id=event.doc_id,
        outlet=fp.outlet,
        source_family=fp.source_family,
        story_id=fp.story_id,
        published=fp.published,
        sentence_index=event.sentence_index,
        evidence=event.evidence,
        trigger=event.trigger,
        factuality=event.factuality,
        claimed_by=list(event.claimed_by),
        denied_by=list(event.denied_by),
        event_date=event.event_date,
    )


def new_fused(event: Event, fp: DocumentFingerprint) -> FusedEvent:
    """A fused event of one report."""
    fused = FusedEvent(
        fused_id=fused_id_for(event.event_id),
        event_type=event.event_type,
        actor=list(event.actor),
        recipient=list(event.recipient),
        event_date=event.event_date,
        date_precision=event.date_precision,
        date_source=event.date_source,
        location=event.location,
        mode=event.mode,
        contexts=list(event.contexts),
        cameo=event.cameo,
        goldstein=event.goldstein,
        plover_score=event.plover_score,
        quad_class=event.quad_class,
    )
    add_member(fused, event, fp)
    return fused


def _entity_key(entity: Entity) -> str:
    return entity.code or f"?{entity.country_code or entity.text.casefold()}"


def _union(into: list[Entity], extra: Iterable[Entity], also: Iterable[Entity] = ()) -> None:
    seen = {_entity_key(e) for e in into} | {_entity_key(e) for e in also}
    for entity in extra:
        if _entity_key(entity) not in seen:
            seen.add(_entity_key(entity))
            into.append(entity)


def add_member(fused: FusedEvent, event: Event, fp: DocumentFingerprint) -> None:
    """Add a report to a fused event and bring its unions and counts up to date."""
    fused.members.append(member_of(event, fp))
    if fused.event_type in UNORDERED_TYPES:
        # Either side of an unordered act may name a party: add only new countries.
        known = countries(fused.actor) | countries(fused.recipient)
        fused.actor += [e for e in event.actor + event.recipient if e.country_code not in known]
        fused.actor = _dedupe(fused.actor)
    else:
        _union(fused.actor, event.actor)
        _union(fused.recipient, event.recipient)
    _union(fused.claimed_by, event.claimed_by)
    _union(fused.denied_by, event.denied_by)
    better = (PRECISION_RANK.get(event.date_precision, 4), SOURCE_RANK.get(event.date_source, 4))
    current = (PRECISION_RANK.get(fused.date_precision, 4), SOURCE_RANK.get(fused.date_source, 4))
    if event.event_date and (better < current or not fused.event_date):
        fused.event_date = event.event_date
        fused.date_precision = event.date_precision
        fused.date_source = event.date_source
    if fused.location is None and event.location is not None:
        fused.location = event.location
    fused.n_mentions += max(1, len(event.mentions))
    refresh_counts(fused)


def _dedupe(entities: list[Entity]) -> list[Entity]:
    seen: set[str] = set()
    kept = []
    for entity in entities:
        if _entity_key(entity) not in seen:
            seen.add(_entity_key(entity))
            kept.append(entity)
    return kept


def source_groups(members: Sequence[FusedMember]) -> list[int]:
    """The independent source of each member, as a group number.

    Two reports are one source when their texts are copies (same source family) or their
    outlets are one family; groups are the connected components of that relation.
    """
    parent = list(range(len(members)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_by: dict[str, int] = {}
    for index, member in enumerate(members):
        labels = [f"text:{member.source_family or member.doc_id}"]
        if family := outlet_family(member.outlet):
            labels.append(f"outlet:{family}")
        for label in labels:
            if label in first_by:
                parent[root(index)] = root(first_by[label])
            else:
                first_by[label] = index
    return [root(i) for i in range(len(members))]


def fused_factuality(members: Sequence[FusedMember]) -> str:
    """The fused status: see ``docs/fusion.md``.

    ``actual`` if any report says so in its own voice (nobody is cited as claiming it);
    otherwise the status reported by the most independent sources, ties broken in the
    order actual, future, hypothetical, negated.
    """
    if any(m.factuality == "actual" and not m.claimed_by for m in members):
        return "actual"
    groups = source_groups(members)
    sources: dict[str, set[int]] = {}
    for member, group in zip(members, groups, strict=True):
        sources.setdefault(member.factuality, set()).add(group)
    ranked = sorted(
        sources,
        key=lambda f: (-len(sources[f]), FACTUALITY_ORDER.index(f) if f in FACTUALITY_ORDER else 9),
    )
    return ranked[0] if ranked else "actual"


def refresh_counts(fused: FusedEvent) -> None:
    """Recompute the counts, the fused status and the reporting span from the members."""
    fused.n_documents = len({m.doc_id for m in fused.members})
    fused.n_independent_sources = len(set(source_groups(fused.members)))
    fused.factuality = fused_factuality(fused.members)
    published = sorted(m.published for m in fused.members if m.published)
    fused.first_reported = published[0] if published else None
    fused.last_reported = published[-1] if published else None


def event_keys(event: Event, settings: FusionSettings) -> list[str]:
    """The blocking keys of a document event."""
    actors, recipients = sides(event.event_type, event.actor, event.recipient)
    window = date_window(event.event_date, event.date_precision, event.date_source, settings)
    return blocking_keys(event.event_type, event.factuality, actors, recipients, window)


def member_key(event_id: str) -> str:
    """The index key recording that a document event is fused (idempotent re-runs)."""
    return f"event|{event_id}"


# -- the incremental run ---------------------------------------------------------------


@dataclass(slots=True)
class FusionSummary:
    """What one fusion run did."""

    documents: int = 0
    events: int = 0
    created: int = 0
    joined: int = 0
    lifecycles: int = 0
    seconds_per_batch: list[float] = field(default_factory=list)


class _Batch:
    """Everything one batch reads and changes, so it is written in one transaction."""

    def __init__(self, store: EventStore) -> None:
        self.store = store
        self.fused: dict[str, FusedEvent] = {}
        self.keys: dict[str, list[str]] = {}
        self.new_keys: list[tuple[str, str]] = []
        self.touched: dict[str, FusedEvent] = {}

    def load(self, keys: Sequence[str]) -> None:
        found = self.store.fusion_lookup(keys)
        for key, fused_id in found:
            self.keys.setdefault(key, []).append(fused_id)
        wanted = [i for _k, i in found if i not in self.fused]
        for fused in self.store.fused_events_by_id(wanted):
            self.fused[fused.fused_id] = fused

    def add_key(self, key: str, fused_id: str) -> None:
        ids = self.keys.setdefault(key, [])
        if fused_id not in ids:
            ids.append(fused_id)
            self.new_keys.append((key, fused_id))

    def touch(self, fused: FusedEvent) -> None:
        self.fused[fused.fused_id] = fused
        self.touched[fused.fused_id] = fused


class Fuser:
    """Fuses the store's pending documents, one batch (one transaction) at a time."""

    def __init__(self, store: EventStore, settings: FusionSettings | None = None) -> None:
        self.store = store
        self.settings = settings or FusionSettings.load()
        self.printer = Fingerprinter(
            self.settings.num_perm, self.settings.shingle_words, self.settings.story_similarity
        )

    def run(
        self, batch_size: int = 64, progress: Callable[[int], None] | None = None
    ) -> FusionSummary:
        """Fuse every stored document not fused yet; a re-run with nothing new does nothing."""
        import time

        from dotterel.analysis.lifecycle import update_lifecycles

        summary = FusionSummary()
        while True:
            started = time.perf_counter()
            pending = self.store.pending_fusion(batch_size)
            if not pending.items:
                return summary
            batch = _Batch(self.store)
            update = FusionUpdate(watermark=pending.watermark)
            self._fuse_documents(pending.items, batch, update, summary)
            lifecycles = update_lifecycles(self.store, batch.fused, batch.touched, self.settings)
            update.lifecycles = lifecycles
            summary.lifecycles += len(lifecycles)
            update.fused = list(batch.touched.values())
            update.keys = batch.new_keys
            self.store.save_fusion(update)
            summary.documents += len(pending.items)
            summary.seconds_per_batch.append(time.perf_counter() - started)
            if progress is not None:
                progress(len(pending.items))

    def _fuse_documents(
        self,
        items: Sequence[tuple[Document, list[Event]]],
        batch: _Batch,
        update: FusionUpdate,
        summary: FusionSummary,
    ) -> None:
        settings = self.settings
        prints = [fingerprint(doc, self.printer) for doc, _events in items]
        bands = [self.printer.band_keys(fp.signature) for fp in prints]
        earlier = {fp.content_hash: fp for fp in self.store.similar_documents(sum(bands, []))}
        band_index: dict[str, list[DocumentFingerprint]] = {}
        for fp in earlier.values():
            for band in self.printer.band_keys(fp.signature):
                band_index.setdefault(band, []).append(fp)
        keys_of = {e.event_id: event_keys(e, settings) for _d, events in items for e in events}
        batch.load([k for ks in keys_of.values() for k in ks] + [member_key(i) for i in keys_of])
        for (_document, events), fp, doc_bands in zip(items, prints, bands, strict=True):
            text_match = self._match_text(fp, doc_bands, band_index)
            joined: list[FusedEvent] = []
            mine: list[FusedEvent] = []
            for event in events:
                if batch.keys.get(member_key(event.event_id)):
                    continue  # already fused (the same document stored under a new hash)
                summary.events += 1
                fused = self._place_event(event, fp, keys_of[event.event_id], batch)
                batch.add_key(member_key(event.event_id), fused.fused_id)
                (joined if len(fused.members) > 1 else mine).append(fused)
            if not text_match:
                self._story_by_events(fp, joined)
            for fused in joined + mine:
                for member in fused.members:
                    if member.doc_id == fp.doc_id and member.published == fp.published:
                        member.story_id, member.source_family = fp.story_id, fp.source_family
                refresh_counts(fused)
            summary.created += len(mine)
            summary.joined += len(joined)
            update.documents.append((fp, doc_bands))
            for band in doc_bands:
                band_index.setdefault(band, []).append(fp)

    def _match_text(
        self,
        fp: DocumentFingerprint,
        bands: list[str],
        band_index: dict[str, list[DocumentFingerprint]],
    ) -> bool:
        """Give ``fp`` the story and family of its most similar earlier text, if close."""
        candidates = {c.content_hash: c for band in bands for c in band_index.get(band, [])}
        candidates.pop(fp.content_hash, None)
        best, best_score = None, 0.0
        for candidate in candidates.values():
            score = self.printer.similarity(fp.signature, candidate.signature)
            if score > best_score:
                best, best_score = candidate, score
        if best is None or best_score < self.settings.story_similarity:
            return False
        fp.story_id = best.story_id
        if best_score >= self.settings.family_similarity:
            fp.source_family = best.source_family
        return True

    def _story_by_events(self, fp: DocumentFingerprint, joined: list[FusedEvent]) -> None:
        votes: Counter[str] = Counter()
        for fused in joined:
            stories = {m.story_id for m in fused.members if m.doc_id != fp.doc_id and m.story_id}
            votes.update(stories)
        if votes:
            story, count = min(votes.items(), key=lambda item: (-item[1], item[0]))
            if count >= self.settings.story_shared_events:
                fp.story_id = story

    def _place_event(
        self, event: Event, fp: DocumentFingerprint, keys: list[str], batch: _Batch
    ) -> FusedEvent:
        candidates = dict.fromkeys(i for key in keys for i in batch.keys.get(key, []))
        best: FusedEvent | None = None
        best_score = float("-inf")
        for fused_id in candidates:
            fused = batch.fused.get(fused_id)
            if fused is None:
                continue
            doc_ids = {m.doc_id for m in fused.members}
            result = compare(event, fused, doc_ids, self.settings)
            if result.compatible and result.score > best_score:
                best, best_score = fused, result.score
        if best is None:
            best = new_fused(event, fp)
        else:
            add_member(best, event, fp)
        batch.touch(best)
        for key in keys:
            batch.add_key(key, best.fused_id)
        return best
