"""Dotterel's public Python API (the CLI and the HTTP API are thin layers over it)."""

from dotterel.api.core import (
    RunSummary,
    demo_inputs,
    dyad_summary,
    extract_documents,
    extract_inputs,
    extract_text,
    extractor,
    ingest,
    query_events,
)

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
]

from dotterel.api.interop import (  # noqa: E402 - interop exports (issue 13)
    ImportSummary,
    actors_frame,
    documents_frame,
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
    "events_frame",
    "export_events",
    "fused_frame",
    "import_events",
    "outside_events",
]
