"""Fetched or archived web pages to :class:`~dotterel.records.Document` (watch and WARC).

A page's bytes are decoded by their declared charset (else UTF-8, else a guess by
charset-normalizer), HTML goes through trafilatura for the main text, plain text is taken
as it is; anything else is refused with a coded error.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from typing import Any

from dotterel.errors import NoMainTextError, UnparsableMarkupError, UnsupportedContentTypeError
from dotterel.ingest.dates import normalise_date
from dotterel.ingest.markup import extract_page
from dotterel.records import Document

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})

TextCheck = Callable[[str], None]
#: Fewer words than this in a page's main text is navigation or a caption, not an article.
MIN_MAIN_TEXT_WORDS = 15


def decode_body(body: bytes, charset: str | None = None) -> str:
    """Text of a response body; undecodable bytes become U+FFFD rather than an error."""
    if charset:
        try:
            codecs.lookup(charset)
        except LookupError:
            charset = None
    if charset:
        text = body.decode(charset, errors="replace")
    else:
        try:
            text = body.decode("utf-8-sig")
        except UnicodeDecodeError:
            from charset_normalizer import from_bytes

            best = from_bytes(body).best()
            text = str(best) if best is not None else body.decode("utf-8", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def is_page_type(media_type: str) -> bool:
    """Whether a content type is one Dotterel reads pages of (HTML or plain text)."""
    return media_type in HTML_TYPES or media_type in TEXT_TYPES


def page_document(
    body: bytes,
    *,
    url: str,
    doc_id: str,
    media_type: str,
    charset: str | None = None,
    check_text: TextCheck,
    title: str | None = None,
    published: Any = None,
    outlet: str | None = None,
    source: str | None = None,
) -> Document:
    """The document of one page; ``title``/``published``/``outlet`` (from a feed) win.

    Raises :class:`UnsupportedContentTypeError` (neither HTML nor text),
    :class:`NoMainTextError` (trafilatura found no main text), or whatever ``check_text``
    raises for the text (empty, oversized, not English...).
    """
    if not media_type:
        media_type = "text/html"  # servers that send no type mostly serve pages
    if not is_page_type(media_type):
        raise UnsupportedContentTypeError(
            f"content type {media_type!r} is not an article page (HTML or plain text)",
            source=url,
        )
    markup = decode_body(body, charset)
    page_title = page_date = sitename = None
    if media_type in HTML_TYPES:
        try:
            page = extract_page(markup, url=url)
        except Exception as exc:  # noqa: BLE001 - parser internals vary; report, not crash
            raise UnparsableMarkupError(f"HTML could not be parsed: {exc}", source=url) from None
        if page is None:
            raise NoMainTextError("no main text found in the page", source=url)
        text = page["text"]
        words = len(text.split())
        if words < MIN_MAIN_TEXT_WORDS:
            raise NoMainTextError(
                f"no article text in the page (main text has only {words} words)", source=url
            )
        page_title, page_date, sitename = page["title"], page["date"], page["sitename"]
    else:
        text = markup
    check_text(text)
    return Document(
        doc_id=doc_id,
        text=text,
        title=title or page_title,
        published=normalise_date(published) or normalise_date(page_date),
        outlet=outlet or sitename,
        url=url,
        source=source or url,
    )
