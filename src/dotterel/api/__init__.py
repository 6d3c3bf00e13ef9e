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
from dotterel.api.network import alerts, blocs, dyad, dyad_plot, network

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
