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
    ingest_items,
    query_events,
)
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
    "ingest_items",
    "FeedSpec",
    "ManualClock",
    "WatchSummary",
    "watch",
]
