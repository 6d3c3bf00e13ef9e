"""``dotterel.api.watch`` against a real HTTP server on 127.0.0.1, good feeds and broken ones."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from dotterel.api import ManualClock, watch
from dotterel.errors import (
    FetchTimeoutError,
    HTTPStatusError,
    MalformedFeedError,
    NoMainTextError,
    ResponseTooLargeError,
    TooManyRedirectsError,
    UnsafeFeedError,
    UnsupportedContentTypeError,
)
from dotterel.store import DuckDBStore
from tests.watch.conftest import ARTICLES, Site, article_html, atom, rss

INTERVAL = 600.0
#: Short limits so that the broken routes fail fast.
LIMITS = {"watch_timeout": 0.5, "watch_max_bytes": 200_000, "watch_settle": 0.0}

BOMB = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
]>
<rss version="2.0"><channel><title>&c;</title>
<item><title>&c;</title><link>http://127.0.0.1:9/bomb</link></item></channel></rss>"""

XXE = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>Leak</title>
<item><title>&secret;</title><link>http://127.0.0.1:9/xxe</link></item></channel></rss>"""


def _serve(site: Site) -> dict[str, str]:
    """Good feeds, broken feeds and broken pages; returns the feed URLs by name."""
    for number in ARTICLES:
        site.page(f"/articles/{number}.html", article_html(number))
    # The same story as article 2 at another address: one stored copy (content hash).
    site.page("/mirror/nairobi.html", article_html(2))
    site.feed(
        "/feeds/world.rss",
        rss(
            "Loopback World",
            [
                (ARTICLES[1][0], site.url("/articles/1.html?utm_source=rss"), _date(1)),
                (ARTICLES[2][0], site.url("/articles/2.html"), _date(2)),
                (ARTICLES[3][0], site.url("/articles/3.html"), _date(3)),
            ],
        ),
        etag='"world-v1"',
    )
    site.feed(
        "/feeds/asia.atom",
        atom(
            "Loopback Asia",
            [
                # Article 1 again, under another spelling of its URL: fetched once.
                ("Pact signed", site.url("/articles/1.html#top"), "2024-11-05T09:00:00Z"),
                (ARTICLES[4][0], site.url("/articles/4.html"), "2024-11-05T10:00:00Z"),
                ("Nairobi (mirror)", site.url("/mirror/nairobi.html"), "2024-11-05T11:00:00Z"),
            ],
        ),
        modified="Tue, 05 Nov 2024 12:00:00 GMT",
    )
    # Broken article pages, all in one feed with one good article.
    site.page("/pages/empty.html", "<html><head><title>Gallery</title></head><body></body></html>")
    site.page(
        "/pages/nav.html",
        "<html><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav></body></html>",
    )
    site.add("/pages/photo.png", (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n" + b"0" * 64))
    site.add(
        "/pages/huge.html",
        (200, {"Content-Type": "text/html", "X-No-Length": "1"}, b"<p>word </p>" * 30_000),
    )
    site.add("/pages/error.html", (500, {"Content-Type": "text/plain"}, b"boom"))
    site.redirect("/pages/loop.html", "/pages/loop.html")
    site.slow("/pages/slow.html")
    site.feed(
        "/feeds/mixed.rss",
        rss(
            "Loopback Mixed",
            [(ARTICLES[5][0], site.url("/articles/5.html"), _date(5))]
            + [
                (name, site.url(f"/pages/{name}"), _date(6))
                for name in (
                    "missing.html",
                    "empty.html",
                    "nav.html",
                    "photo.png",
                    "huge.html",
                    "error.html",
                    "loop.html",
                    "slow.html",
                )
            ],
        ),
        etag='"mixed-v1"',
    )
    # Broken feeds.
    site.page("/feeds/malformed.xml", "<rss><channel><title>Broken", "application/rss+xml")
    site.add("/feeds/error.rss", (500, {"Content-Type": "text/plain"}, b"internal error"))
    site.slow("/feeds/slow.rss")
    site.page("/feeds/bomb.rss", BOMB, "application/rss+xml")
    site.page("/feeds/xxe.rss", XXE, "application/rss+xml")
    site.redirect("/feeds/loop.rss", "/feeds/loop2.rss")
    site.redirect("/feeds/loop2.rss", "/feeds/loop.rss")
    names = ("world.rss", "asia.atom", "mixed.rss", "malformed.xml", "missing.rss")
    names += ("error.rss", "slow.rss", "bomb.rss", "xxe.rss", "loop.rss")
    return {name: site.url(f"/feeds/{name}") for name in names}


def _date(day: int) -> str:
    return f"Tue, {day:02d} Nov 2024 08:00:00 GMT"


def _feed_list(tmp_path: Path, feeds: dict[str, str]) -> Path:
    path = tmp_path / "feeds.txt"
    lines = ["# feeds for the loopback test"]
    lines += [f"{url} 10m" for url in feeds.values()]
    path.write_text("\n".join(lines) + "\n")
    return path


def _stored(db: str):
    with DuckDBStore(db) as store:
        return store.documents(), store.failures()


def _codes_by_source(failures) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for failure in failures:
        found.setdefault(failure.source, set()).add(failure.code)
    return found


@pytest.mark.slow
def test_watch_ingests_each_good_article_once_and_records_every_broken_input(
    site: Site, tmp_path: Path
) -> None:
    feeds = _serve(site)
    feed_file = _feed_list(tmp_path, feeds)
    db = str(tmp_path / "watch.duckdb")
    clock = ManualClock()

    first = watch(feed_file, db=db, max_polls=4, clock=clock, **LIMITS)

    documents, failures = _stored(db)
    urls = Counter(document.url for document in documents)
    expected = {site.url(f"/articles/{n}.html") for n in ARTICLES}
    assert set(urls) == expected
    assert all(count == 1 for count in urls.values())
    assert first.documents == 5
    assert first.skipped == 1  # the mirrored copy of article 2
    # Titles, dates and outlets come from the feed; text from the page.
    by_url = {document.url: document for document in documents}
    pact = by_url[site.url("/articles/1.html")]
    assert pact.title == ARTICLES[1][0]
    assert pact.published == "2024-11-01"
    assert pact.outlet in {"Loopback World", "Loopback Asia"}
    assert pact.text.startswith(ARTICLES[1][0])
    assert "Copyright" not in pact.text
    # Every article page was fetched once, whatever its spellings and however many polls.
    assert (
        len(site.hits("/articles/1.html?utm_source=rss"))
        + len(site.hits("/articles/1.html#top"))
        + len(site.hits("/articles/1.html"))
        == 1
    )
    for number in (2, 3, 4, 5):
        assert len(site.hits(f"/articles/{number}.html")) == 1

    # Conditional GETs after the first poll, answered 304.
    world = site.hits("/feeds/world.rss")
    assert len(world) == 4
    assert "if-none-match" not in world[0]
    assert all(headers.get("if-none-match") == '"world-v1"' for headers in world[1:])
    asia = site.hits("/feeds/asia.atom")
    assert all(
        headers.get("if-modified-since") == "Tue, 05 Nov 2024 12:00:00 GMT" for headers in asia[1:]
    )
    assert first.not_modified >= 6
    assert all("dotterel" in headers.get("user-agent", "").lower() for headers in world)

    # Broken feeds and pages: recorded with a coded reason each.
    codes = _codes_by_source(failures)
    assert codes[feeds["malformed.xml"]] == {MalformedFeedError.code}
    assert codes[feeds["missing.rss"]] == {HTTPStatusError.code}
    assert codes[feeds["error.rss"]] == {HTTPStatusError.code}
    assert codes[feeds["slow.rss"]] == {FetchTimeoutError.code}
    assert codes[feeds["bomb.rss"]] == {UnsafeFeedError.code}
    assert codes[feeds["xxe.rss"]] == {UnsafeFeedError.code}
    assert codes[feeds["loop.rss"]] == {TooManyRedirectsError.code}
    page = site.url
    assert codes[page("/pages/missing.html")] == {HTTPStatusError.code}
    assert codes[page("/pages/empty.html")] == {NoMainTextError.code}
    assert codes[page("/pages/nav.html")] == {NoMainTextError.code}
    assert codes[page("/pages/photo.png")] == {UnsupportedContentTypeError.code}
    assert codes[page("/pages/huge.html")] == {ResponseTooLargeError.code}
    assert codes[page("/pages/error.html")] == {HTTPStatusError.code}
    assert codes[page("/pages/loop.html")] == {TooManyRedirectsError.code}
    assert codes[page("/pages/slow.html")] == {FetchTimeoutError.code}
    assert all(failure.reason for failure in failures)
    # A permanent page error is tried once; a transient one a few times, not forever.
    assert len(site.hits("/pages/missing.html")) == 1
    assert len(site.hits("/pages/photo.png")) == 1
    assert 1 < len(site.hits("/pages/error.html")) <= 3
    # A failing feed backs off: polled less often than a healthy one.
    assert len(site.hits("/feeds/error.rss")) < len(world)
    assert len(site.hits("/feeds/malformed.xml")) < len(world)

    # Restart at once with the same store: nothing is due, nothing is fetched.
    requests_before = len(site.log)
    again = watch(feed_file, db=db, once=True, clock=clock, **LIMITS)
    assert (again.documents, again.pages_fetched, again.feeds_fetched) == (0, 0, 0)
    assert len(site.log) == requests_before

    # Later, the world feed gains one story: only that page is fetched and stored.
    site.page("/articles/6.html", article_html(1).replace("Tuesday", "Sunday"))
    site.feed(
        "/feeds/world.rss",
        rss(
            "Loopback World",
            [
                ("A second pact", site.url("/articles/6.html"), _date(7)),
                (ARTICLES[1][0], site.url("/articles/1.html?utm_source=rss"), _date(1)),
                (ARTICLES[2][0], site.url("/articles/2.html"), _date(2)),
                (ARTICLES[3][0], site.url("/articles/3.html"), _date(3)),
            ],
        ),
        etag='"world-v2"',
    )
    clock.advance(INTERVAL * 10)
    later = watch(feed_file, db=db, once=True, clock=clock, **LIMITS)
    assert later.documents == 1
    documents, _failures = _stored(db)
    assert Counter(d.url for d in documents)[site.url("/articles/6.html")] == 1
    assert len(documents) == 6
    for number in (1, 2, 3):
        assert len(site.hits(f"/articles/{number}.html")) <= 1
