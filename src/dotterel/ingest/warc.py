"""Web archives (WARC, ``.warc`` and ``.warc.gz``) as input, read with warcio.

Each ``response`` record with status 200 and an HTML (or plain-text) payload becomes a
:class:`~dotterel.records.Document`: its URL from ``WARC-Target-URI``, its date from
``WARC-Date``, its main text from trafilatura. Other records (requests, metadata,
redirects, images...) are skipped. A record that cannot be read or used becomes a
:class:`~dotterel.records.Failure` whose source is ``FILE@OFFSET``; reading resumes at
the next record (the next gzip member, or the next ``WARC/1.`` header line), so one
corrupt record never loses the rest of the archive.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from dotterel.errors import (
    DotterelError,
    OversizedInputError,
    WarcFileError,
    WarcRecordError,
)
from dotterel.ingest.dates import normalise_date
from dotterel.ingest.urls import url_doc_id
from dotterel.ingest.web import TextCheck, is_page_type, page_document
from dotterel.records import Document, Failure

WARC_SUFFIXES = (".warc", ".warc.gz")
_GZIP_MEMBER = b"\x1f\x8b\x08"
_WARC_LINE = b"\nWARC/1."
_SCAN = 1 << 20


def is_warc(path: Path) -> bool:
    """Whether ``path`` is named like a web archive."""
    return path.name.lower().endswith(WARC_SUFFIXES)


def read_warc(
    path: Path,
    *,
    check_text: TextCheck,
    max_record_bytes: int,
    published: str | None = None,
) -> Iterator[Document | Failure]:
    """Documents and failures of the archive at ``path``, in file order."""
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as handle:
        compressed = handle.read(2) == _GZIP_MEMBER[:2]
        start: int | None = 0
        last_failed: int | None = None
        records = 0
        while start is not None:
            handle.seek(start)
            iterator = ArchiveIterator(handle)
            try:
                for record in iterator:
                    offset = int(iterator.offset)
                    if getattr(record, "format", "warc") == "warc":
                        records += 1
                    try:
                        document = _document(
                            record, path, offset, check_text, max_record_bytes, published
                        )
                    except DotterelError as exc:
                        last_failed = offset
                        yield _record_failure(path, offset, exc.code, exc.message)
                        continue
                    if document is not None:
                        yield document
                start = None
            except Exception as exc:  # noqa: BLE001 - warcio/zlib errors vary; resume after
                offset = int(iterator.offset)
                if offset != last_failed:
                    reason = f"unreadable WARC record: {type(exc).__name__}: {exc}"[:500]
                    code = WarcRecordError.code
                    if offset == 0 and not records:
                        code, reason = WarcFileError.code, f"not a WARC file: {reason}"
                    yield _record_failure(path, offset, code, reason)
                last_failed = offset
                start = _next_record_start(handle, offset + 1, compressed)
        if not records and last_failed is None:
            # warcio reads lines of any text as old ARC headers: say what the file is not.
            error = WarcFileError("not a WARC file: no WARC record found")
            yield Failure(str(path), error.code, error.message)


def _record_failure(path: Path, offset: int, code: str, reason: str) -> Failure:
    return Failure(f"{path}@{offset}", code, f"record at offset {offset}: {reason}")


def _document(
    record: Any,
    path: Path,
    offset: int,
    check_text: TextCheck,
    max_record_bytes: int,
    published: str | None,
) -> Document | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode()
    if status != "200":
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    media_type = content_type.split(";", 1)[0].strip().lower()
    if not is_page_type(media_type or "text/html"):
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI")
    if not uri:
        raise WarcRecordError("response record has no WARC-Target-URI")
    body = record.content_stream().read(max_record_bytes + 1)
    if len(body) > max_record_bytes:
        raise OversizedInputError(
            f"{uri}: payload has more than the limit of {max_record_bytes:,} bytes"
        )
    warc_date = record.rec_headers.get_header("WARC-Date") or ""
    charset = None
    if "charset=" in content_type.lower():
        charset = content_type.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'")
    try:
        return page_document(
            body,
            url=uri,
            doc_id=url_doc_id(uri, salt=warc_date),
            media_type=media_type,
            charset=charset,
            check_text=check_text,
            published=normalise_date(warc_date) or published,
            source=f"{path}@{offset}",
        )
    except DotterelError as exc:
        exc.message = f"{uri}: {exc.message}"
        raise


def _next_record_start(handle: BinaryIO, position: int, compressed: bool) -> int | None:
    """Where the next record may start at or after ``position`` (``None``: none left)."""
    marker = _GZIP_MEMBER if compressed else _WARC_LINE
    handle.seek(position)
    base = position
    tail = b""
    while True:
        chunk = handle.read(_SCAN)
        if not chunk:
            return None
        window = tail + chunk
        found = window.find(marker)
        if found >= 0:
            start = base - len(tail) + found
            return start if compressed else start + 1  # past the newline
        tail = window[-(len(marker) - 1) :]
        base += len(chunk)


__all__ = ["WARC_SUFFIXES", "WarcFileError", "is_warc", "read_warc"]
