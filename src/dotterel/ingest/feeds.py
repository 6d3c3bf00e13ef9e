"""A fetched RSS/Atom feed to the entries ``dotterel watch`` follows (links to articles).

Feeds that declare XML entities in a DTD (the vehicle of entity-expansion bombs and
external-entity reads) are refused before any parser sees them; feedparser reads the
rest, leniently.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from dotterel.errors import MalformedFeedError, UnsafeFeedError
from dotterel.ingest.dates import normalise_date
from dotterel.ingest.markup import strip_html
from dotterel.records import Failure

#: Where a feed's root element starts: the DTD, if any, comes before it.
_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF|channel)[\s>/]", re.IGNORECASE)
_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
_HEAD_BYTES = 65_536
#: feedparser's warnings that do not mean the feed is broken.
_BENIGN = frozenset({"CharacterEncodingOverride", "NonXMLContentType"})


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One feed item: the article's link with what the feed says of it."""

    link: str
    title: str | None = None
    published: str | None = None
    summary: str | None = None


@dataclass(slots=True)
class ParsedFeed:
    """A feed's title, its entries with links, and the problems found in it."""

    title: str | None
    entries: list[FeedEntry] = field(default_factory=list)
    problems: list[Failure] = field(default_factory=list)


def check_no_entities(body: bytes, source: str) -> None:
    """Raise :class:`UnsafeFeedError` if the feed's prolog declares XML entities."""
    root = _ROOT.search(body, 0, _HEAD_BYTES)
    prolog = body[: root.start()] if root else body[:_HEAD_BYTES]
    if _ENTITY_DECLARATION.search(prolog):
        raise UnsafeFeedError(
            "feed declares XML entities in its DTD (entity expansion or external entities); "
            "refused",
            source=source,
        )


def parse_feed(body: bytes, url: str, content_type: str | None = None) -> ParsedFeed:
    """The entries of a fetched feed; relative links are resolved against ``url``.

    Raises :class:`UnsafeFeedError` for entity declarations and
    :class:`MalformedFeedError` when nothing readable is found; a feed that breaks off
    after some items keeps them, with a problem recorded.
    """
    import feedparser

    check_no_entities(body, url)
    headers = {"content-location": url}
    if content_type:
        headers["content-type"] = content_type
    feed = feedparser.parse(io.BytesIO(body), response_headers=headers)
    problem = feed.get("bozo_exception") if feed.bozo else None
    if problem is not None and type(problem).__name__ in _BENIGN:
        problem = None
    if not feed.entries:
        if problem is not None:
            raise MalformedFeedError(f"not a readable RSS/Atom feed: {problem}", source=url)
        if not feed.get("version"):
            raise MalformedFeedError("not an RSS/Atom feed", source=url)
    title = strip_html(feed.feed.get("title") or "") or None if feed.get("feed") else None
    parsed = ParsedFeed(title=title)
    for index, entry in enumerate(feed.entries, start=1):
        entry_title = strip_html(entry.get("title") or "") or None
        link = entry.get("link") or ""
        if not link:
            label = f"item {index}" + (f" ({entry_title!r})" if entry_title else "")
            parsed.problems.append(
                Failure(url, MalformedFeedError.code, f"feed {label} has no link; skipped")
            )
            continue
        parsed.entries.append(
            FeedEntry(
                link=urljoin(url, link.strip()),
                title=entry_title,
                published=normalise_date(
                    entry.get("published_parsed") or entry.get("updated_parsed")
                ),
                summary=strip_html(entry.get("summary") or "") or None,
            )
        )
    if problem is not None:
        parsed.problems.append(
            Failure(
                url,
                MalformedFeedError.code,
                f"feed is malformed after item {len(feed.entries)}: {problem}; "
                "later items may be missing",
            )
        )
    return parsed
