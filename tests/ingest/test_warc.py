"""WARC files as input: written with warcio's own writer here, then read back."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dotterel.errors import NoMainTextError, WarcFileError, WarcRecordError
from dotterel.ingest import read_inputs
from dotterel.records import Document, Failure
from tests.watch.pages import ARTICLES, article_html

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402


def _write(path: Path, records: list[tuple[str, str, str, bytes, str]], gzip: bool) -> list[int]:
    """Write (type, uri, content type, payload, date) records; their offsets."""
    offsets = []
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=gzip)
        for kind, uri, content_type, payload, date in records:
            offsets.append(handle.tell())
            if kind == "response":
                http = StatusAndHeaders(
                    "200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1"
                )
                record = writer.create_warc_record(
                    uri,
                    "response",
                    payload=io.BytesIO(payload),
                    http_headers=http,
                    warc_headers_dict={"WARC-Date": date},
                )
            else:
                record = writer.create_warc_record(
                    uri,
                    kind,
                    payload=io.BytesIO(payload),
                    warc_content_type=content_type,
                    warc_headers_dict={"WARC-Date": date},
                )
            writer.write_record(record)
    return offsets


def _records() -> list[tuple[str, str, str, bytes, str]]:
    html = "text/html; charset=utf-8"
    return [
        (
            "request",
            "https://news.example/a1",
            "application/http",
            b"GET /a1 HTTP/1.1\r\n\r\n",
            "2024-11-01T10:00:00Z",
        ),
        (
            "response",
            "https://news.example/a1",
            html,
            article_html(1).encode(),
            "2024-11-01T10:00:00Z",
        ),
        (
            "response",
            "https://news.example/a2",
            html,
            article_html(2).encode(),
            "2024-11-02T11:30:00Z",
        ),
        (
            "response",
            "https://news.example/logo.png",
            "image/png",
            b"\x89PNG" + b"0" * 50,
            "2024-11-02T11:31:00Z",
        ),
        (
            "response",
            "https://news.example/a3",
            html,
            article_html(3).encode(),
            "2024-11-03T08:00:00Z",
        ),
        (
            "response",
            "https://news.example/a4",
            "text/plain",
            ARTICLES[4][1].encode(),
            "2024-11-04T08:00:00Z",
        ),
    ]


def _read(path: Path) -> tuple[list[Document], list[Failure]]:
    items = list(read_inputs([str(path)]))
    return (
        [i for i in items if isinstance(i, Document)],
        [i for i in items if isinstance(i, Failure)],
    )


@pytest.mark.parametrize("gzip", [False, True], ids=["warc", "warc.gz"])
def test_response_records_become_documents_with_url_and_date(tmp_path: Path, gzip: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    _write(path, _records(), gzip)
    documents, failures = _read(path)
    assert failures == []
    assert [d.url for d in documents] == [
        "https://news.example/a1",
        "https://news.example/a2",
        "https://news.example/a3",
        "https://news.example/a4",
    ]
    assert [d.published for d in documents] == [
        "2024-11-01",
        "2024-11-02",
        "2024-11-03",
        "2024-11-04",
    ]
    assert documents[0].title == ARTICLES[1][0]
    assert "defence partnership" in documents[0].text
    assert documents[3].text == ARTICLES[4][1]
    assert all(d.source and d.source.startswith(f"{path}@") for d in documents)
    assert len({d.doc_id for d in documents}) == 4


@pytest.mark.parametrize("gzip", [False, True], ids=["warc", "warc.gz"])
def test_a_corrupt_record_is_a_failure_naming_file_and_offset_and_the_rest_come_through(
    tmp_path: Path, gzip: bool
) -> None:
    path = tmp_path / ("broken.warc.gz" if gzip else "broken.warc")
    offsets = _write(path, _records(), gzip)
    data = bytearray(path.read_bytes())
    bad = offsets[2]  # the second article's response record
    data[bad : bad + 24] = b"\x00GARBAGE-NOT-A-RECORD!!\x00"
    path.write_bytes(bytes(data))

    documents, failures = _read(path)

    assert [d.url for d in documents] == [
        "https://news.example/a1",
        "https://news.example/a3",
        "https://news.example/a4",
    ]
    assert len(failures) == 1
    assert failures[0].code == WarcRecordError.code
    assert failures[0].source == f"{path}@{bad}"
    assert f"offset {bad}" in failures[0].reason


def test_a_page_without_main_text_is_a_failure_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "nav.warc"
    records = _records()[:2]
    records.insert(
        1,
        (
            "response",
            "https://news.example/menu",
            "text/html",
            b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
            "2024-11-01T09:00:00Z",
        ),
    )
    offsets = _write(path, records, gzip=False)
    documents, failures = _read(path)
    assert [d.url for d in documents] == ["https://news.example/a1"]
    assert [(f.code, f.source) for f in failures] == [
        (NoMainTextError.code, f"{path}@{offsets[1]}")
    ]
    assert "https://news.example/menu" in failures[0].reason


def test_a_file_that_is_not_a_warc_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "notes.warc"
    path.write_text("these are notes, not an archive\n" * 5)
    documents, failures = _read(path)
    assert documents == []
    assert [f.code for f in failures] == [WarcFileError.code]


def test_directories_pick_up_warc_gz_files(tmp_path: Path) -> None:
    _write(tmp_path / "a.warc.gz", _records()[:2], gzip=True)
    (tmp_path / "other.gz").write_bytes(b"\x1f\x8b\x08not a warc")
    documents, failures = _read(tmp_path)
    assert [d.url for d in documents] == ["https://news.example/a1"]
    assert failures == []


def test_ingest_stores_warc_documents_once(tmp_path: Path) -> None:
    from dotterel.api import ingest
    from dotterel.store import DuckDBStore

    path = tmp_path / "crawl.warc.gz"
    _write(path, _records(), gzip=True)
    db = str(tmp_path / "events.duckdb")
    first = ingest([str(path)], db=db)
    again = ingest([str(path)], db=db)
    assert (first.documents, again.documents, again.skipped) == (4, 0, 4)
    with DuckDBStore(db) as store:
        assert sorted(d.url for d in store.documents()) == [
            f"https://news.example/a{n}" for n in (1, 2, 3, 4)
        ]


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(st.sampled_from(sorted(ARTICLES)), st.integers(1, 28), st.booleans()),
        min_size=1,
        max_size=6,
    ),
    st.booleans(),
)
def test_any_archive_of_pages_reads_back_url_date_and_text(tmp_path: Path, pages, gzip) -> None:
    path = tmp_path / ("p.warc.gz" if gzip else "p.warc")
    records = [
        (
            "response",
            f"https://n.example/{index}/{number}",
            "text/html" if html else "text/plain",
            (article_html(number) if html else ARTICLES[number][1]).encode(),
            f"2024-10-{day:02d}T12:00:00Z",
        )
        for index, (number, day, html) in enumerate(pages)
    ]
    _write(path, records, gzip)
    documents, failures = _read(path)
    assert failures == []
    assert [(d.url, d.published) for d in documents] == [
        (f"https://n.example/{index}/{number}", f"2024-10-{day:02d}")
        for index, (number, day, _html) in enumerate(pages)
    ]
    for document, (number, _day, _html) in zip(documents, pages, strict=True):
        assert ARTICLES[number][1].split(".")[0] in document.text


def test_extract_reads_a_warc_and_reports_its_corrupt_record(tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from dotterel.cli.main import app

    path = tmp_path / "crawl.warc"
    offsets = _write(path, _records()[:3], gzip=False)
    data = bytearray(path.read_bytes())
    data[offsets[2] : offsets[2] + 8] = b"GARBAGE!"
    path.write_bytes(bytes(data))
    result = CliRunner().invoke(app, ["extract", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert events  # the pact story codes; the corrupt record (its only neighbour) is skipped
    assert len({event["doc_id"] for event in events}) == 1
    assert f"{path}@{offsets[2]}" in result.output and "DOT880" in result.output
