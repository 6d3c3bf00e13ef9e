"""Hypothesis over every reader: it never raises, every unit is a Document or a coded
Failure, and good units among bad ones survive."""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

import duckdb
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dotterel.ingest import read_inputs
from dotterel.ingest.screen import SKIP, IngestScreen
from dotterel.records import Document, Failure
from tests.fuzz.corpus import GOOD, check_store, write_corpus

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
GOOD_LINE = json.dumps({"doc_id": "keep-me", "text": GOOD[0]})


def _units(path: Path, data: bytes) -> list[Document | Failure]:
    path.write_bytes(data)
    items = list(read_inputs([str(path)], check_language=False))
    for item in items:
        assert isinstance(item, Document | Failure)
        if isinstance(item, Failure):
            assert item.code.startswith("DOT") and item.reason
    return items


@FUZZ
@given(st.binary(max_size=600))
def test_any_bytes_in_any_format(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for suffix in ("txt", "jsonl", "json", "html", "rss", "xml", "bin"):
            _units(Path(tmp) / f"x.{suffix}", data)


@FUZZ
@given(st.lists(st.text(max_size=80) | st.binary(max_size=80).map(repr), max_size=6))
def test_good_jsonl_lines_survive_bad_ones(junk: list[str]) -> None:
    lines = [line.replace("\n", " ") for line in junk] + [GOOD_LINE]
    with tempfile.TemporaryDirectory() as tmp:
        items = _units(Path(tmp) / "x.jsonl", "\n".join(lines).encode("utf-8", "surrogatepass"))
    assert any(isinstance(i, Document) and i.doc_id == "keep-me" for i in items)


@FUZZ
@given(
    st.recursive(
        st.none() | st.text(max_size=10) | st.integers(),
        lambda c: st.lists(c) | st.dictionaries(st.text(max_size=5), c),
        max_leaves=20,
    )
)
def test_any_json_value_as_a_record(value: object) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        _units(Path(tmp) / "x.json", json.dumps(value).encode())
        _units(Path(tmp) / "y.json", json.dumps([value, {"text": GOOD[1]}]).encode())


@FUZZ
@given(st.text(max_size=300))
def test_markup_around_text(body: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        _units(Path(tmp) / "x.html", f"<html><body><p>{body}</p>".encode("utf-8", "surrogatepass"))
        feed = f"<rss><channel><item><title>{body}</title><description>{GOOD[2]}</description>"
        _units(
            Path(tmp) / "x.rss", (feed + "</item></channel></rss>").encode("utf-8", "surrogatepass")
        )


@FUZZ
@given(st.lists(st.text(max_size=60), max_size=5))
def test_stdin_mixed_lines(junk: list[str]) -> None:
    text = "\n".join([GOOD_LINE, *(j.replace("\n", " ") for j in junk)])
    items = list(read_inputs(["-"], stdin=io.StringIO(text), check_language=False))
    assert all(isinstance(i, Document | Failure) for i in items)
    assert any(isinstance(i, Document) and i.doc_id == "keep-me" for i in items)


def test_a_slice_of_the_corpus_read_and_screened_matches_its_manifest(tmp_path: Path) -> None:
    """Reading alone (no extraction): every unit is a document or a coded failure as listed."""
    folder = tmp_path / "corpus"
    write_corpus(folder, 240)
    db = str(tmp_path / "read.duckdb")
    screen = IngestScreen(record_duplicates=True)
    with duckdb.connect(db) as con:
        con.execute("CREATE TABLE documents (doc_id VARCHAR, source VARCHAR, text VARCHAR)")
        con.execute(
            "CREATE TABLE failures (source VARCHAR, line INTEGER, code VARCHAR, reason VARCHAR)"
        )
        for item in read_inputs([str(folder)]):
            verdict = item if isinstance(item, Failure) else screen.check(item)
            if isinstance(verdict, Failure):
                row = [verdict.source, verdict.line, verdict.code, verdict.reason]
                con.execute("INSERT INTO failures VALUES (?, ?, ?, ?)", row)
            elif verdict != SKIP and isinstance(item, Document):
                text = item.text.encode("utf-8", "replace").decode("utf-8")
                con.execute(
                    "INSERT INTO documents VALUES (?, ?, ?)", [item.doc_id, item.source, text]
                )
    report = check_store(folder, db)
    assert report.problems == []
    assert report.outcomes["stored -> stored"] > 100 and report.outcomes["failure -> failure"] > 100
