"""Dotterel's public Python API (the CLI and the HTTP API are thin layers over it)."""

# HTTP API and explorer (issue 14): paged reads
from dotterel.api.browse import EventPage, event_by_id, event_page, get_document
from dotterel.api.core import (
    RunSummary,
    demo_inputs,
    dyad_summary,
    extract_documents,
    extract_inputs,
    extract_text,
    extractor,
    ingest,
    ingest_items,
    query_events,
)
from dotterel.api.network import alerts, blocs, dyad, dyad_plot, network
from dotterel.api.watch import FeedSpec, ManualClock, WatchSummary, watch

__all__ = [
    "RunSummary",
    "demo_inputs",
    "dyad_summary",
    "extract_documents",
    "extract_inputs",
    "extract_text",
    "extractor",
    "ingest",
    "query_events",
    "network",
    "blocs",
    "dyad",
    "dyad_plot",
    "alerts",
]

from dotterel.api.fusion import (  # noqa: E402
    claims,
    explain_fused,
    fuse,
    fuse_store,
    fused_event,
    fused_events,
    lifecycle,
    lifecycles,
    stories,
)

__all__ += [
    "claims",
    "explain_fused",
    "fuse",
    "fuse_store",
    "fused_event",
    "fused_events",
    "lifecycle",
    "lifecycles",
    "stories",
    # HTTP API and explorer (issue 14)
    "EventPage",
    "event_by_id",
    "event_page",
    "get_document",
]

from dotterel.api.interop import (  # noqa: E402 - interop exports (issue 13)
    ImportSummary,
    actors_frame,
    documents_frame,
    dyad_frame,
    events_frame,
    export_events,
    fused_frame,
    import_events,
    outside_events,
)

__all__ += [
    "ImportSummary",
    "actors_frame",
    "documents_frame",
    "dyad_frame",
    "events_frame",
    "export_events",
    "fused_frame",
    "import_events",
    "outside_events",
    "ingest_items",
    "FeedSpec",
    "ManualClock",
    "WatchSummary",
    "watch",
]

from dotterel.api.actors import (  # noqa: E402 - actor resolution (issue 9)
    actor_lexicon,
    resolve_actor,
    unresolved_actors,
)

__all__ += ["actor_lexicon", "resolve_actor", "unresolved_actors"]
