"""Cross-article fusion in the Python API: stories, fused events, claims and lifecycles.

>>> from dotterel.api import fuse, fused_events
>>> fuse(db="events.duckdb")            # doctest: +SKIP
>>> fused_events(db="events.duckdb", actor="RUS", event_type="AGREE")  # doctest: +SKIP

``db`` is a store path (default: the ``db`` setting) or an open store, used as is.
"""

from __future__ import annotations

from typing import Any

from dotterel.analysis.fusion import (
    Fuser,
    FusionSettings,
    FusionSummary,
    compare,
    source_groups,
)
from dotterel.api.browse import Db, using_store
from dotterel.errors import UnknownFusedEventError
from dotterel.records import FusedEvent, Lifecycle, Story
from dotterel.settings import load_settings
from dotterel.store import EventStore, open_store


def fuse_store(store: EventStore, *, rebuild: bool = False, **overrides: Any) -> FusionSummary:
    """Fuse the documents of an open store not fused yet (all of them with ``rebuild``)."""
    if rebuild:
        store.clear_fusion()
    settings = load_settings(**overrides)
    fuser = Fuser(store, FusionSettings.load(**overrides))
    return fuser.run(batch_size=max(settings["fusion_batch_size"], 1))


def fuse(db: str | None = None, *, rebuild: bool = False, **overrides: Any) -> FusionSummary:
    """Fuse stored documents across articles (incremental; ``rebuild`` starts over).

    Re-running with nothing new changes nothing, and a rebuild gives the same ids.
    """
    settings = load_settings(db=db)
    with open_store(settings["db"]) as store:
        return fuse_store(store, rebuild=rebuild, **overrides)


def stories(db: Db = None, limit: int | None = None) -> list[Story]:
    """Stories (articles reporting the same news), first published first."""
    with using_store(db) as store:
        return store.stories(limit=limit)


def fused_events(db: Db = None, **filters: Any) -> list[FusedEvent]:
    """Fused events matching the filters of :meth:`EventStore.fused_events`."""
    with using_store(db) as store:
        return store.fused_events(**filters)


def fused_event(fused_id: str, db: Db = None) -> FusedEvent | None:
    """One fused event, or ``None``."""
    with using_store(db) as store:
        return store.fused_event(fused_id)


def explain_fused(fused_id: str, db: str | None = None) -> list[str]:
    """Why the members of a fused event were joined: one line per member and rule.

    Each later member is compared, rule by rule, with the fused event as it stands now.
    Raises :class:`~dotterel.errors.UnknownFusedEventError` for an unknown id.
    """
    with open_store(load_settings(db=db)["db"]) as store:
        fused = store.fused_event(fused_id)
        if fused is None:
            raise UnknownFusedEventError(f"no fused event {fused_id!r}", source=db)
        settings = FusionSettings.load()
        groups = source_groups(fused.members)
        lines = [
            f"{fused.fused_id}: {fused.event_type} [{fused.factuality}] "
            f"{fused.n_mentions} mentions, {fused.n_documents} documents, "
            f"{fused.n_independent_sources} independent sources"
        ]
        for index, member in enumerate(fused.members):
            source = f"source {groups[index] + 1} (text family {member.source_family})"
            head = (
                f"member {index + 1}: {member.event_id} doc {member.doc_id} "
                f"outlet {member.outlet or '-'} published {member.published or '-'} "
                f"story {member.story_id}; {source}"
            )
            lines.append(head)
            if index == 0:
                lines.append("  first report: the fused event takes its id from it")
                continue
            event = next(
                (
                    e
                    for e in store.query_events(doc_id=member.doc_id)
                    if e.event_id == member.event_id
                ),
                None,
            )
            if event is None:
                lines.append("  (the document event is no longer stored)")
                continue
            others = {m.doc_id for m in fused.members if m.doc_id != member.doc_id}
            result = compare(event, fused, others, settings)
            lines += [f"  {reason}" for reason in result.reasons]
        return lines


def lifecycles(
    db: Db = None, *, since: str | None = None, kind: str | None = None
) -> list[Lifecycle]:
    """Lifecycles of treaties and claims, in creation order."""
    with using_store(db) as store:
        return store.lifecycles(since=since, kind=kind)


def claims(
    db: Db = None, *, since: str | None = None, status: str | None = None
) -> list[Lifecycle]:
    """Claim lifecycles (alleged, denied, confirmed, retracted), optionally by status."""
    found = lifecycles(db, since=since, kind="claim")
    return [lc for lc in found if status is None or lc.status == status]


def lifecycle(lifecycle_id: str, db: Db = None) -> Lifecycle | None:
    """One lifecycle, or ``None``."""
    with using_store(db) as store:
        return store.lifecycle(lifecycle_id)
