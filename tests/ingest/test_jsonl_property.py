"""Property: any documents written as JSONL are read back with the same fields."""

from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from dotterel.ingest import read_inputs
from dotterel.records import Document

texts = st.text(min_size=1, max_size=200).filter(lambda t: t.strip() and "\x00" not in t)
# Metadata without NUL (dropped on reading, tested in test_reliability) and publication
# days in the accepted range (1800 to today).
metadata = st.text(max_size=30).filter(lambda t: "\x00" not in t)
records = st.fixed_dictionaries(
    {"doc_id": metadata.filter(bool), "text": texts},
    optional={
        "title": metadata,
        "url": metadata,
        "outlet": metadata,
        "published": st.dates(min_value=date(1800, 1, 1), max_value=date.today()).map(
            lambda d: d.isoformat()
        ),
        "ignored": st.lists(st.integers()),
    },
)


@settings(max_examples=40, deadline=None)
@given(st.lists(records, min_size=1, max_size=5))
def test_jsonl_records_read_back(batch: list[dict]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "docs.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in batch), encoding="utf-8")
        items = list(read_inputs([str(path)], check_language=False))
    assert all(isinstance(i, Document) for i in items)
    assert len(items) == len(batch)
    for doc, record in zip(items, batch, strict=True):
        assert isinstance(doc, Document)
        assert (doc.doc_id, doc.text) == (record["doc_id"], record["text"])
        assert doc.title == (record.get("title") or None)
        assert doc.url == (record.get("url") or None)
        assert doc.published == record.get("published")
