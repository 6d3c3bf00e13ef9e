"""Inputs that used to store nothing (or junk) without a failure row: each is now recorded."""

from __future__ import annotations

from pathlib import Path

import duckdb

from dotterel.ingest import read_inputs
from dotterel.ingest.screen import SKIP, IngestScreen
from dotterel.records import Document, Failure
from tests.fuzz.corpus import GOOD, MANIFEST, check_store, write_corpus


def read_all(path: Path) -> list[Document | Failure]:
    return list(read_inputs([str(path)]))


def test_pages_cut_inside_a_tag_are_failures_not_documents_of_markup_debris(
    tmp_path: Path,
) -> None:
    # Both pages used to give the "text" "< ": the first was stored, the second skipped
    # as its duplicate, with no failure row for either.
    (tmp_path / "a.html").write_text("<html><head><title>T1</title><")
    (tmp_path / "b.html").write_text("<html><head><title>T2</title></head><body><")
    items = read_all(tmp_path)
    assert [type(item) for item in items] == [Failure, Failure]
    assert {item.code for item in items if isinstance(item, Failure)} == {"DOT106"}


def test_a_text_of_only_punctuation_is_an_empty_input_failure(tmp_path: Path) -> None:
    (tmp_path / "marks.txt").write_text("!?.,;:" * 300)
    [item] = read_all(tmp_path)
    assert isinstance(item, Failure) and item.code == "DOT101"
    assert "no letters or digits" in item.reason


def test_a_feed_file_declaring_entities_is_refused_and_nothing_is_expanded(
    tmp_path: Path,
) -> None:
    (tmp_path / "bomb.rss").write_text(
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY x SYSTEM "file:///etc/passwd">]>'
        "<rss><channel><item><title>&b;</title><description>&x; &b;</description></item>"
        "</channel></rss>"
    )
    [item] = read_all(tmp_path)
    assert isinstance(item, Failure) and item.code == "DOT106"
    assert "entities" in item.reason


def test_a_second_input_with_the_same_text_in_one_run_is_a_failure_naming_the_first() -> None:
    screen = IngestScreen(record_duplicates=True)
    first = Document(doc_id="a", text=GOOD[0], source="one.txt")
    again = Document(doc_id="b", text=GOOD[0], source="two.txt")
    assert screen.check(first) is None
    verdict = screen.check(again)
    assert isinstance(verdict, Failure) and verdict.code == "DOT110"
    assert "one.txt" in verdict.reason and verdict.source == "two.txt"
    # The same input read twice (a re-run, or a path given twice) is still just skipped.
    assert screen.check(Document(doc_id="a", text=GOOD[0], source="one.txt")) == SKIP
    # watch keeps the mirrored copy of an article a plain skip.
    watching = IngestScreen()
    assert watching.check(first) is None and watching.check(again) == SKIP


def _fake_store(path: Path, documents: list[tuple[str, str]], failures: list[tuple]) -> str:
    db = str(path)
    with duckdb.connect(db) as con:
        con.execute("CREATE TABLE documents (doc_id VARCHAR, source VARCHAR, text VARCHAR)")
        con.execute(
            "CREATE TABLE failures (source VARCHAR, line INTEGER, code VARCHAR, reason VARCHAR)"
        )
        for doc_id, source in documents:
            con.execute("INSERT INTO documents VALUES (?, ?, 'text')", [doc_id, source])
        for row in failures:
            con.execute("INSERT INTO failures VALUES (?, ?, ?, ?)", list(row))
    return db


def test_the_corpus_check_reports_a_file_with_no_outcome_and_a_lost_good_line(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / MANIFEST).write_text(
        '{"file": "a.jsonl", "kind": "dup_ids", "units": [["L1", "stored"], ["L2", "failure"]]}\n'
        '{"file": "b.html", "kind": "truncated_html", "units": [["", "failure"]]}\n'
    )
    lost = _fake_store(tmp_path / "lost.duckdb", [], [(str(folder / "a.jsonl"), 2, "DOT109", "x")])
    problems = check_store(folder, lost).problems
    assert any("a.jsonl L1: expected stored, got nothing" in p for p in problems)
    assert any("b.html (truncated_html): nothing stored and no failure" in p for p in problems)

    good = _fake_store(
        tmp_path / "good.duckdb",
        [("d1", f"{folder / 'a.jsonl'}:1")],
        [
            (str(folder / "a.jsonl"), 2, "DOT109", "id reused"),
            (str(folder / "b.html"), None, "DOT106", "no text"),
        ],
    )
    assert check_store(folder, good).problems == []


def test_every_kind_of_the_corpus_is_written_with_a_manifest_line(tmp_path: Path) -> None:
    totals = write_corpus(tmp_path, 40)
    lines = (tmp_path / MANIFEST).read_text().splitlines()
    assert len(lines) == 40 == len([p for p in tmp_path.iterdir() if p.name != MANIFEST])
    assert totals["stored"] > 0 and totals["failure"] > 0
