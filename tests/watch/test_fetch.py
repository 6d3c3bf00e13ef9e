"""HTTPFetcher against the loopback server, and its in-memory twin."""

from __future__ import annotations

import pytest

from dotterel.errors import (
    ConnectionFailedError,
    FetchTimeoutError,
    HTTPStatusError,
    ResponseTooLargeError,
    TooManyRedirectsError,
    UnsupportedURLError,
)
from dotterel.ingest.fetch import HTTPFetcher, MemoryFetcher, Response
from tests.watch.conftest import Site


@pytest.fixture
def fetcher():
    with HTTPFetcher(timeout=0.5, max_bytes=1000, max_redirects=3, user_agent="Dotterel/test") as f:
        yield f


def test_a_page_comes_with_its_type_charset_and_final_url(site: Site, fetcher) -> None:
    site.page("/a.html", "<p>caf\u00e9</p>", "text/html; charset=ISO-8859-1")
    site.redirect("/old", "/a.html")
    response = fetcher.fetch(site.url("/old"))
    assert response.status == 200
    assert response.url == site.url("/a.html")
    assert (response.media_type, response.charset) == ("text/html", "iso-8859-1")
    assert site.hits("/a.html")[0]["user-agent"] == "Dotterel/test"


def test_conditional_headers_are_sent_and_304_is_an_answer(site: Site, fetcher) -> None:
    site.feed("/f.rss", "<rss/>", etag='"v1"')
    first = fetcher.fetch(site.url("/f.rss"))
    again = fetcher.fetch(site.url("/f.rss"), headers={"If-None-Match": first.headers["etag"]})
    assert (first.status, again.status, again.not_modified) == (200, 304, True)
    assert site.hits("/f.rss")[1]["if-none-match"] == '"v1"'


@pytest.mark.parametrize("status", [404, 410, 500, 503])
def test_error_statuses_are_coded(site: Site, fetcher, status: int) -> None:
    site.add("/x", (status, {}, b"no"))
    with pytest.raises(HTTPStatusError) as caught:
        fetcher.fetch(site.url("/x"))
    assert caught.value.status == status
    assert caught.value.code == "DOT852"


def test_a_slow_server_times_out(site: Site, fetcher) -> None:
    site.slow("/slow")
    with pytest.raises(FetchTimeoutError):
        fetcher.fetch(site.url("/slow"))


def test_bodies_over_the_limit_are_refused_declared_or_not(site: Site, fetcher) -> None:
    site.add("/declared", (200, {"Content-Type": "text/html"}, b"x" * 5000))
    site.add("/undeclared", (200, {"X-No-Length": "1"}, b"x" * 5000))
    for path in ("/declared", "/undeclared"):
        with pytest.raises(ResponseTooLargeError):
            fetcher.fetch(site.url(path))


def test_redirect_loops_stop(site: Site, fetcher) -> None:
    site.redirect("/a", "/b")
    site.redirect("/b", "/a")
    with pytest.raises(TooManyRedirectsError):
        fetcher.fetch(site.url("/a"))
    assert len(site.hits("/a")) + len(site.hits("/b")) == 4  # the first try and 3 redirects


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.org/feed", "javascript:alert(1)", "/relative"]
)
def test_only_http_and_https_are_fetched(fetcher, url: str) -> None:
    with pytest.raises(UnsupportedURLError):
        fetcher.fetch(url)


def test_a_redirect_to_another_scheme_is_refused(site: Site, fetcher) -> None:
    site.redirect("/leak", "file:///etc/passwd")
    with pytest.raises(UnsupportedURLError):
        fetcher.fetch(site.url("/leak"))


def test_a_closed_port_is_a_connection_failure(site: Site, fetcher) -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(ConnectionFailedError):
        fetcher.fetch(f"http://127.0.0.1:{port}/feed")


def test_the_memory_twin_answers_like_a_server() -> None:
    page = Response("http://n.example/f", 200, {"etag": '"1"'}, b"<rss/>")
    fetcher = MemoryFetcher({"http://n.example/f": page})
    assert fetcher.fetch("http://n.example/f").status == 200
    assert fetcher.fetch("http://n.example/f", headers={"If-None-Match": '"1"'}).not_modified
    with pytest.raises(HTTPStatusError):
        fetcher.fetch("http://n.example/missing")
    with pytest.raises(UnsupportedURLError):
        fetcher.fetch("file:///etc/passwd")
    assert fetcher.hits("http://n.example/f") == 2
