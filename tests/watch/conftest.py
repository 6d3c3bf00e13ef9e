"""A real HTTP server on 127.0.0.1 serving feeds and pages written for the tests."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.watch.pages import ARTICLES, article_html, atom, rss

__all__ = ["ARTICLES", "Site", "article_html", "atom", "rss"]

#: (status, headers, body) or a callable of the request headers giving one.
Reply = tuple[int, dict[str, str], bytes]
Route = Reply | Callable[[dict[str, str]], Reply]


@dataclass
class Site:
    """The routes the server answers, and the log of requests it saw."""

    base: str = ""
    routes: dict[str, Route] = field(default_factory=dict)
    log: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> list[dict[str, str]]:
        """Headers of every request for ``path`` (query included), in order."""
        with self.lock:
            return [headers for seen, headers in self.log if seen == path]

    def add(self, path: str, route: Route) -> None:
        self.routes[path] = route

    def page(self, path: str, body: str, content_type: str = "text/html; charset=utf-8") -> None:
        self.routes[path] = (200, {"Content-Type": content_type}, body.encode("utf-8"))

    def feed(self, path: str, body: str, *, etag: str | None = None, modified: str | None = None):
        """A feed that answers 304 to a request bearing its validators, as servers do."""
        payload = body.encode("utf-8")

        def reply(headers: dict[str, str]) -> Reply:
            sent_etag = headers.get("if-none-match")
            sent_modified = headers.get("if-modified-since")
            validators = {"Content-Type": "application/rss+xml; charset=utf-8"}
            if etag:
                validators["ETag"] = etag
            if modified:
                validators["Last-Modified"] = modified
            if (etag and sent_etag == etag) or (modified and sent_modified == modified):
                return 304, validators, b""
            return 200, validators, payload

        self.routes[path] = reply

    def slow(self, path: str) -> None:
        """A route that answers only after the client has given up (or the test ends)."""

        def reply(headers: dict[str, str]) -> Reply:
            self.release.wait(5)
            return 200, {"Content-Type": "text/html"}, b"<html><body>late</body></html>"

        self.routes[path] = reply

    def redirect(self, path: str, to: str) -> None:
        self.routes[path] = (302, {"Location": to}, b"")


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            headers = {name.lower(): value for name, value in self.headers.items()}
            with site.lock:
                site.log.append((self.path, headers))
            route = site.routes.get(self.path.split("?", 1)[0])
            if route is None:
                status, reply_headers, body = 404, {"Content-Type": "text/plain"}, b"not found"
            elif callable(route):
                status, reply_headers, body = route(headers)
            else:
                status, reply_headers, body = route
            try:
                self.send_response(status)
                for name, value in reply_headers.items():
                    self.send_header(name, value)
                if "Content-Length" not in reply_headers and not reply_headers.get("X-No-Length"):
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if status != 304:
                    self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout tests)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    return Handler


@pytest.fixture
def site() -> Iterator[Site]:
    """A server on 127.0.0.1 at a free port, stopped after the test."""
    served = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(served))
    server.daemon_threads = True
    served.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield served
    finally:
        served.release.set()
        server.shutdown()
        server.server_close()
        thread.join(5)
