"""Documents for runner tests: short wire sentences that code events, each different."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dotterel.records import Document

SENTENCES = (
    "Egypt condemned Israel on Thursday over the raid on Gaza.",
    "Japan sent troops to Iraq on Friday, officials said.",
    "Russia and Iran will sign a defence treaty in Moscow next week.",
    "Police arrested 12 protesters in Nairobi on Monday.",
    "The United States imposed sanctions on Chinese firms, the Treasury said.",
    "Iran denied supplying drones to Russia.",
    "France and Germany agreed to cut tariffs on steel.",
    "Rebels attacked a convoy near Goma, killing three soldiers.",
    "Turkey accused Greece of violating its airspace on Tuesday.",
    "China's foreign minister met his Indian counterpart in Beijing.",
    "The UN Security Council demanded a ceasefire in Sudan.",
    "Brazil expelled two Venezuelan diplomats on Wednesday.",
)


def wire_documents(count: int) -> list[Document]:
    """``count`` distinct documents built from the sentences above."""
    documents = []
    for number in range(count):
        first = SENTENCES[number % len(SENTENCES)]
        second = SENTENCES[(number * 5 + 3) % len(SENTENCES)]
        documents.append(
            Document(
                doc_id=f"wire-{number:03d}",
                text=f"{first} {second} Story {number}.",
                published="2024-11-01",
            )
        )
    return documents


@pytest.fixture
def documents() -> list[Document]:
    return wire_documents(12)


@pytest.fixture
def corpus_file(tmp_path: Path) -> Path:
    """A JSONL corpus of 24 documents."""
    path = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps({"doc_id": d.doc_id, "text": d.text, "published": d.published})
        for d in wire_documents(24)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
