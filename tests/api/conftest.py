"""A small real store for the HTTP tests: the seed article coded by the pipeline, and a
few hand-made events spread over dates, types and statuses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dotterel.nlp.pipeline import Extractor
from dotterel.records import Document, Failure
from dotterel.store import DuckDBStore
from tests.store.conftest import doc, ent, event

SEED = Path(__file__).resolve().parents[2] / "src" / "dotterel" / "data" / "demo" / "seed.jsonl"


def seed_document() -> Document:
    data = json.loads(SEED.read_text(encoding="utf-8").splitlines()[0])
    return Document.from_dict(data)


def synthetic_items() -> list:
    items = []
    for i in range(12):
        published = f"2024-0{1 + i % 6}-1{i % 10}"
        d = doc(f"wire-{i:02d}", f"China accused Japan of spying in report {i}.", published)
        kind = ("ACCUSE", "accused") if i % 3 else ("CONSULT", "report")
        e = event(
            d,
            kind[1],
            kind[0],
            [ent("China", "CHNGOV")],
            [ent("Japan", "JPN", 14)],
            date=published if i % 4 else None,
            factuality="actual" if i % 5 else "future",
        )
        items.append((d, [e], [ent("spying", None, 20)]))
    return items


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> str:
    path = str(tmp_path_factory.mktemp("http") / "events.duckdb")
    seed = extractor.extract_one(seed_document())
    with DuckDBStore(path) as store:
        run = store.start_run("ingest", ["seed.jsonl", "wire/"])
        failures = [Failure("wire/broken.txt", "DOT101", "empty file")]
        store.add_batch([(seed.document, seed.events, seed.mentions)], [], run)
        store.add_batch(synthetic_items(), failures, run)
        store.finish_run(run, documents=13, events=len(seed.events) + 12, failures=1, skipped=0)
    return path
