"""Read inputs (files, directories, stdin) into :class:`Document` records or :class:`Failure`.

Every problem with an input becomes a :class:`~dotterel.records.Failure` carrying the code
of the matching :mod:`dotterel.errors` class; reading always carries on with the next file,
line or feed item, so one bad input never stops a run.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from dotterel.errors import (
    BadDateError,
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InputError,
    LanguageError,
    MalformedRecordError,
    MissingInputError,
    OversizedInputError,
    UnparsableMarkupError,
    UnsafeFeedError,
)
from dotterel.ingest.dates import check_published_day, normalise_date
from dotterel.ingest.encoding import decode_bytes, detect_bom, lone_surrogate
from dotterel.ingest.feeds import check_no_entities
from dotterel.ingest.language import language_problem
from dotterel.ingest.markup import extract_page, strip_html
from dotterel.ingest.warc import is_warc, read_warc
from dotterel.records import Document, Failure
from dotterel.store.base import clean_text

STDIN = "-"
STDIN_SOURCE = "<stdin>"

#: File kinds by extension. In directories, files with other extensions are skipped;
#: files named explicitly (or without an extension) are sniffed from their first bytes.
EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "sniff",
    ".rss": "feed",
    ".atom": "feed",
}

#: Markup and JSON files are read whole; they may be this many times ``max_bytes``
#: (their text is checked against ``max_bytes`` after extraction).
FILE_SIZE_FACTOR = 10
#: A first line longer than this is a paragraph, not a headline.
MAX_TITLE_CHARS = 200

Item = Document | Failure


def read_inputs(
    inputs: Sequence[str],
    *,
    published: str | None = None,
    max_bytes: int = 5_000_000,
    stdin: TextIO | None = None,
    check_language: bool = True,
) -> Iterator[Item]:
    """Documents and failures from ``inputs``, in order, one input at a time.

    ``inputs`` are file paths, directories (read recursively in sorted order) or ``-``
    for standard input (``stdin`` if given, else ``sys.stdin``). ``published`` is the
    publication date for documents that carry none (plain text above all); it is
    normalised to ``YYYY-MM-DD`` and a value that is not a full date raises
    :class:`~dotterel.errors.MalformedRecordError` at once. ``max_bytes`` bounds each
    document's UTF-8 text. With ``check_language`` documents that do not look like English
    become ``DOT107`` failures.
    """
    default_date = None
    if published is not None:
        default_date = normalise_date(published)
        if default_date is None:
            raise BadDateError(
                f"--published {published!r} is not a full date (expected YYYY-MM-DD)"
            )
        check_published_day(default_date)
    reader = _Reader(default_date, max_bytes, check_language)
    return reader.read_all(list(inputs), stdin)


def _failure(exc: InputError, source: str, line: int | None = None) -> Failure:
    return Failure(source=source, code=exc.code, reason=exc.message, line=line)


def path_doc_id(path: Path, suffix: str = "") -> str:
    """A readable doc id stable across runs: the file stem and a hash of its absolute path."""
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "_", path.stem).strip("_")[:48] or "doc"
    # fsencode: a file name that is not valid UTF-8 must still give an id.
    digest = hashlib.sha1(os.fsencode(path.resolve())).hexdigest()[:8]
    return f"{stem}-{digest}{suffix}"


#: How much of a file sniffing reads: enough for a long XML prolog before the root.
SNIFF_BYTES = 1 << 20
_PROLOG = re.compile(
    rb"\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^\[>]|\[.*?\])*>", re.DOTALL | re.IGNORECASE
)
_FEED_ROOTS = (b"rss", b"feed", b"rdf:rdf", b"rdf")


def _root_element(start: bytes) -> bytes | None:
    """The name of the first element after the XML prolog (declaration, comments, DTD)."""
    position = 0
    while True:
        skipped = _PROLOG.match(start, position)
        if not skipped or skipped.end() == position:
            break
        position = skipped.end()
    root = re.match(rb"<([A-Za-z_][\w:.-]*)", start[position:])
    return root.group(1).lower() if root else None


def sniff(head: bytes) -> str:
    """Guess a file kind (``text``, ``jsonl``, ``json``, ``html``, ``feed``) from its start."""
    bom = detect_bom(head)
    if bom is not None and bom[0] != "utf-8":
        head = head[bom[1] :].decode(bom[0], errors="ignore").encode("utf-8")
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(b"<"):
        root = _root_element(start)
        if root in _FEED_ROOTS or (root and root.split(b":")[-1] in (b"rss", b"feed")):
            return "feed"
        if root is None and (b"<rss" in start or b"<feed" in start or b"<rdf:rdf" in start):
            return "feed"
        return "html"
    if start.startswith(b"["):
        return "json"
    if start.startswith(b"{"):
        first = start.split(b"\n", 1)[0].strip()
        try:
            json.loads(first)
        except ValueError:
            return "json"
        return "jsonl"
    return "text"


def _decode(data: bytes) -> str:
    return decode_bytes(data)


def split_title(text: str) -> str | None:
    """The headline of a plain-text article: its first line when it has several lines."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) < 2 or len(lines[0]) > MAX_TITLE_CHARS:
        return None
    return lines[0]


def _scalar(value: Any, field: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise MalformedRecordError(f"field {field!r} must be a string, not {type(value).__name__}")
    # Metadata is kept even when unclean: NULs dropped, lone surrogates replaced.
    return clean_text(str(value)) or None


def _record_date(value: Any, field: str) -> str | None:
    """A record's publication day; a value that is there but is not a day is an error."""
    if value is None or value == "":
        return None
    try:
        day = normalise_date(value)
    except (OverflowError, ValueError, TypeError):
        day = None
    if day is None:
        raise MalformedRecordError(
            f"field {field!r} is {str(value)[:40]!r}, not a full date (YYYY-MM-DD)"
        )
    try:
        return check_published_day(day, f"field {field!r}")
    except BadDateError as exc:
        raise MalformedRecordError(exc.message) from None


def _feed_date(value: Any) -> str | None:
    try:
        day = normalise_date(value)
        return check_published_day(day, "feed date") if day else None
    except (OverflowError, ValueError, TypeError, BadDateError):
        return None


class _Reader:
    def __init__(self, published: str | None, max_bytes: int, check_language: bool) -> None:
        self.published = published
        self.max_bytes = max_bytes
        self.check_language = check_language

    # -- dispatch ----------------------------------------------------------------------

    def read_all(self, inputs: list[str], stdin: TextIO | None) -> Iterator[Item]:
        for raw in inputs:
            if raw == STDIN:
                yield from self._guard(STDIN_SOURCE, lambda: self.read_stdin(stdin))
                continue
            path = Path(raw)
            if path.is_dir():
                for child in self._walk(path):
                    if isinstance(child, Failure):
                        yield child
                        continue
                    yield from self._guard(str(child), lambda child=child: self.read_file(child))
            elif path.is_file():
                yield from self._guard(raw, lambda path=path: self.read_file(path, explicit=True))
            elif path.is_symlink() and not path.exists():
                yield _failure(MissingInputError("dangling symbolic link"), raw)
            elif path.exists():
                yield Failure(raw, InputError.code, _special_kind(path))
            else:
                yield _failure(MissingInputError("no such file or directory"), raw)

    @staticmethod
    def _guard(source: str, produce: Any) -> Iterator[Item]:
        # Last line of defence: a library bug on one odd file must not end the run.
        try:
            yield from produce()
        except InputError as exc:
            yield _failure(exc, source)
        except OSError as exc:
            yield Failure(source, InputError.code, f"cannot read: {exc.strerror or exc}")
        except Exception as exc:  # noqa: BLE001 - reported as a failure, never swallowed
            yield Failure(source, InputError.code, f"unexpected error: {type(exc).__name__}: {exc}")

    @staticmethod
    def _walk(root: Path) -> list[Path | Failure]:
        """Files to read under ``root``; dangling links, FIFOs and sockets as failures."""
        found: list[Path | Failure] = []
        for path in root.rglob("*"):
            relative = path.relative_to(root)
            if any(part.startswith(".") for part in relative.parts) or path.is_dir():
                continue
            if path.suffix and path.suffix.lower() not in EXTENSIONS and not is_warc(path):
                continue
            if path.is_file():
                found.append(path)
            elif path.is_symlink() and not path.exists():
                found.append(_failure(MissingInputError("dangling symbolic link"), str(path)))
            else:
                found.append(Failure(str(path), InputError.code, _special_kind(path)))

        def order(item: Path | Failure) -> str:
            where = Path(item.source) if isinstance(item, Failure) else item
            return where.relative_to(root).as_posix()

        return sorted(found, key=order)

    def read_file(self, path: Path, explicit: bool = False) -> Iterator[Item]:
        """Documents and failures from one file, its kind taken from extension or content."""
        kind = EXTENSIONS.get(path.suffix.lower(), "sniff")
        size = path.stat().st_size
        if size == 0:
            raise EmptyInputError("empty file")
        if is_warc(path):  # streamed record by record: no whole-file size limit
            yield from read_warc(
                path,
                check_text=self._check_text,
                max_record_bytes=self.max_bytes * FILE_SIZE_FACTOR,
                published=self.published,
            )
            return
        if kind == "jsonl":
            yield from self.read_jsonl_file(path)
            return
        if kind == "sniff":
            with path.open("rb") as handle:
                kind = sniff(handle.read(SNIFF_BYTES))
            if kind == "jsonl":
                yield from self.read_jsonl_file(path)
                return
        limit = self.max_bytes if kind == "text" else self.max_bytes * FILE_SIZE_FACTOR
        if size > limit:
            raise OversizedInputError(f"file has {size:,} bytes, more than the limit of {limit:,}")
        text = _decode(path.read_bytes())
        source = str(path)
        if kind == "text":
            yield self._plain_text(text, source, path_doc_id(path))
        elif kind == "json":
            yield from self.read_json(text, source, path)
        elif kind == "html":
            yield self._html(text, source, path)
        else:
            yield from self.read_feed(text, source, path)

    # -- formats -----------------------------------------------------------------------

    def _plain_text(self, text: str, source: str, doc_id: str) -> Document:
        self._check_text(text)
        return Document(
            doc_id=doc_id,
            text=text,
            title=split_title(text),
            published=self.published,
            source=source,
        )

    def read_jsonl_file(self, path: Path) -> Iterator[Item]:
        """One document per JSON line; a bad line is a failure and the next line is read."""
        source = str(path)
        records = 0
        with path.open("rb") as handle:
            for number, raw in enumerate(handle, start=1):
                if not raw.strip():
                    continue
                records += 1
                try:
                    if len(raw) > self.max_bytes * 2:
                        raise OversizedInputError(
                            f"line has {len(raw):,} bytes, far more than the limit of "
                            f"{self.max_bytes:,}"
                        )
                    text = _decode(raw)
                    doc = self._record(
                        _parse_json_line(text), source, number, path_doc_id(path, f"-L{number}")
                    )
                except InputError as exc:
                    yield _failure(exc, source, number)
                except Exception as exc:  # noqa: BLE001 - one line's failure, not the file's
                    yield _unexpected(source, number, exc)
                else:
                    yield doc
        if not records:
            raise EmptyInputError("no records: the file has only blank lines")

    def read_json(self, text: str, source: str, path: Path | None) -> Iterator[Item]:
        """One document from a JSON object, or one per object of a JSON list."""
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise MalformedRecordError(f"invalid JSON: {exc}") from None
        except RecursionError:
            raise MalformedRecordError("invalid JSON: nested too deeply") from None
        records = data if isinstance(data, list) else [data]
        if not records:
            raise EmptyInputError("empty JSON list")
        single = not isinstance(data, list)
        for index, record in enumerate(records, start=1):
            default_id = (
                path_doc_id(path, "" if single else f"-{index}") if path else f"stdin-{index}"
            )
            where = "" if single else f"item {index}: "
            try:
                yield self._record(record, source, None, default_id)
            except InputError as exc:
                yield Failure(source, exc.code, where + exc.message)
            except Exception as exc:  # noqa: BLE001 - one item's failure, not the file's
                failure = _unexpected(source, None, exc)
                yield Failure(source, failure.code, where + failure.reason)

    def _record(self, record: Any, source: str, line: int | None, default_id: str) -> Document:
        if not isinstance(record, dict):
            raise MalformedRecordError(
                f"expected a JSON object, found a JSON {type(record).__name__}"
            )
        text = record.get("text")
        if text is None:
            raise MalformedRecordError("record has no 'text' field")
        if not isinstance(text, str):
            raise MalformedRecordError(f"field 'text' must be a string, not {type(text).__name__}")

        declared = record.get("language")
        if isinstance(declared, str) and declared and not declared.lower().startswith("en"):
            raise LanguageError(f"record declares language {declared!r}; only English is coded")
        field = "published" if record.get("published") else "date"
        published = _record_date(record.get(field), field)
        self._check_text(text)
        doc_id = _scalar(record.get("doc_id"), "doc_id") or _scalar(record.get("id"), "id")
        return Document(
            doc_id=doc_id or default_id,
            text=text,
            title=_scalar(record.get("title"), "title"),
            published=published or self.published,
            outlet=_scalar(record.get("outlet"), "outlet"),
            url=_scalar(record.get("url"), "url"),
            source=f"{source}:{line}" if line is not None else source,
        )

    def _html(self, markup: str, source: str, path: Path) -> Document:
        try:
            page = extract_page(markup)
        except RecursionError:
            raise UnparsableMarkupError("HTML is nested too deeply to parse") from None
        except Exception as exc:  # noqa: BLE001 - parser internals vary; report, not crash
            raise UnparsableMarkupError(f"HTML could not be parsed: {exc}") from None
        if page is None:
            raise UnparsableMarkupError("no main text found in the HTML page")
        text = page["text"]
        self._check_text(text)
        return Document(
            doc_id=path_doc_id(path),
            text=text,
            title=page["title"],
            published=_feed_date(page["date"]) or self.published,
            outlet=clean_text(page["sitename"]),
            url=clean_text(page["url"]),
            source=source,
        )

    def read_feed(self, text: str, source: str, path: Path | None) -> Iterator[Item]:
        """One document per RSS/Atom item: its content (or summary) as plain text."""
        import feedparser  # lazily: only feeds need it

        # Entity declarations (expansion bombs, external entities) are refused, as in watch.
        try:
            check_no_entities(text.encode("utf-8", "surrogatepass"), source)
        except UnsafeFeedError as exc:
            raise UnparsableMarkupError(exc.message) from None
        feed = feedparser.parse(text)
        outlet = feed.feed.get("title") if feed.get("feed") else None
        documents = 0
        problems: list[Failure] = []
        for index, entry in enumerate(feed.entries, start=1):
            try:
                item = self._feed_item(entry, index, source, path, outlet)
            except Exception as exc:  # noqa: BLE001 - one item's failure, not the feed's
                failure = _unexpected(source, None, exc)
                problems.append(Failure(source, failure.code, f"item {index}: {failure.reason}"))
                continue
            if isinstance(item, Failure):
                problems.append(item)
                continue
            documents += 1
            yield item
        if feed.bozo and not documents:
            reason = getattr(feed, "bozo_exception", None) or "unknown error"
            raise UnparsableMarkupError(f"not a readable RSS/Atom feed: {reason}")
        yield from problems
        if feed.bozo:
            yield Failure(
                source,
                UnparsableMarkupError.code,
                f"feed is malformed after item {documents}: {feed.get('bozo_exception')}; "
                "later items may be missing",
            )
        elif not feed.entries:
            raise EmptyInputError("feed has no items")

    def _feed_item(
        self, entry: Any, index: int, source: str, path: Path | None, outlet: str | None
    ) -> Document | Failure:
        title = clean_text(strip_html(entry.get("title") or "")) or None
        label = f"item {index}" + (f" ({title!r})" if title else "")
        body = ""
        for content in entry.get("content") or []:
            body = content.get("value") or ""
            if body.strip():
                break
        if not body.strip():
            body = entry.get("summary") or entry.get("description") or ""
        item_text = strip_html(body)
        default_id = path_doc_id(path, f"-i{index}") if path else f"stdin-i{index}"
        try:
            if not item_text:
                raise EmptyInputError("has no content or summary text")
            self._check_text(item_text)
        except InputError as exc:
            return Failure(source, exc.code, f"{label}: {exc.message}")
        date = entry.get("published_parsed") or entry.get("updated_parsed")
        return Document(
            doc_id=_scalar(entry.get("id"), "id") or default_id,
            text=item_text,
            title=title,
            published=_feed_date(date) or self.published,
            outlet=clean_text(outlet),
            url=_scalar(entry.get("link"), "link"),
            source=f"{source}#item{index}",
        )

    def read_stdin(self, stdin: TextIO | None) -> Iterator[Item]:
        """Standard input as JSONL when every non-empty line is a JSON object, else as text."""
        stream = stdin if stdin is not None else sys.stdin
        buffer = getattr(stream, "buffer", None)
        text = _decode(buffer.read()) if buffer is not None else stream.read()
        if not text.strip():
            raise EmptyInputError("nothing on standard input")
        lines = [(n, line) for n, line in enumerate(text.split("\n"), start=1) if line.strip()]
        if not _looks_like_jsonl(lines):
            # In JSONL a NUL is one bad line; in plain text it makes the input binary.
            if "\x00" in text:
                raise BinaryInputError("binary data, not text (NUL character)")
            if len(text.encode("utf-8", errors="surrogatepass")) > self.max_bytes:
                raise OversizedInputError(
                    f"standard input has more than the limit of {self.max_bytes:,} bytes"
                )
            digest = hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()[:12]
            yield self._plain_text(text, STDIN_SOURCE, f"stdin-{digest}")
            return
        # JSONL: every line is its own record; a bad one is a failure naming its line.
        for number, line in lines:
            try:
                record = _parse_json_line(line.strip())
                digest = hashlib.sha256(
                    str(record.get("text") if isinstance(record, dict) else line).encode(
                        "utf-8", errors="surrogatepass"
                    )
                ).hexdigest()[:12]
                yield self._record(record, STDIN_SOURCE, number, f"stdin-{digest}")
            except InputError as exc:
                yield _failure(exc, STDIN_SOURCE, number)
            except Exception as exc:  # noqa: BLE001 - one line's failure, not the stream's
                yield _unexpected(STDIN_SOURCE, number, exc)

    # -- checks ------------------------------------------------------------------------

    def _check_text(self, text: str) -> None:
        if not text.strip():
            raise EmptyInputError("document text is empty")
        if "\x00" in text:
            raise BinaryInputError("document text contains NUL characters (binary data)")
        # With the language check: a text of marks only has nothing to code.
        if self.check_language and not any(char.isalnum() for char in text):
            raise EmptyInputError("document text has no letters or digits, only punctuation")
        surrogate = lone_surrogate(text)
        if surrogate is not None:
            raise EncodingError(
                f"text has a lone surrogate (U+{ord(text[surrogate]):04X}) at offset "
                f"{surrogate}: not Unicode text"
            )
        size = len(text.encode("utf-8"))
        if size > self.max_bytes:
            raise OversizedInputError(
                f"document text has {size:,} bytes, more than the limit of {self.max_bytes:,}"
            )
        if self.check_language:
            problem = language_problem(text)
            if problem:
                raise LanguageError(problem)


def check_text(text: str, *, max_bytes: int, check_language: bool = True) -> None:
    """Raise the :class:`InputError` a document text deserves (empty, binary, too big...)."""
    _Reader(None, max_bytes, check_language)._check_text(text)


def _parse_json_line(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError as exc:
        raise MalformedRecordError(f"invalid JSON: {exc}") from None
    except RecursionError:
        raise MalformedRecordError("invalid JSON: nested too deeply") from None


def _looks_like_jsonl(lines: list[tuple[int, str]]) -> bool:
    """Standard input is JSONL when its first line is a JSON object (later lines may be bad)."""
    if not lines:
        return False
    first = lines[0][1].strip()
    if not first.startswith("{"):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except (ValueError, RecursionError):
        # A broken first line among object lines is still JSONL: most lines decide.
        objects = sum(1 for _n, line in lines if line.lstrip().startswith("{"))
        return objects * 2 > len(lines)


def _unexpected(source: str, line: int | None, exc: BaseException) -> Failure:
    """A failure for an error no reader anticipated, naming the unit and the error."""
    kind = type(exc).__name__
    if isinstance(exc, RecursionError):
        return Failure(source, MalformedRecordError.code, "nested too deeply to read", line)
    detail = clean_text(str(exc))
    detail = detail[:200] if detail else ""
    return Failure(source, InputError.code, f"unexpected error: {kind}: {detail}", line)


def _special_kind(path: Path) -> str:
    if path.is_fifo():
        return "a named pipe (FIFO), not a regular file"
    if path.is_socket():
        return "a socket, not a regular file"
    return "not a regular file or directory"
