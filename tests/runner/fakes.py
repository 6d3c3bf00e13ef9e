"""Stand-in worker functions for pool tests: no model, so pools start in a second.

They live in an importable module because spawned workers import them by name.
"""

from __future__ import annotations

import os

from dotterel.records import Document, Entity
from dotterel.runner.base import PipelineConfig
from dotterel.runner.pool import ChunkOutcome, peak_rss_mb

CRASH_MARK = "CRASH-THE-WORKER"
FAIL_MARK = "FAIL-THIS-DOCUMENT"


def no_model(config: PipelineConfig) -> None:
    """Initializer that loads nothing."""


def echo_chunk(documents: list[Document]) -> ChunkOutcome:
    """One mention per document naming it; a marked document kills the worker process."""
    outcome = ChunkOutcome(pid=os.getpid(), peak_rss_mb=peak_rss_mb())
    for document in documents:
        if CRASH_MARK in document.text:
            os._exit(3)  # a hard crash: no exception, no clean-up, like a segfault
        mention = Entity(text=document.doc_id, start=0, end=len(document.text))
        outcome.items.append(([], [mention]))
    return outcome
