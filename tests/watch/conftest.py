"""A real HTTP server on 127.0.0.1 serving feeds and pages written for the tests."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

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


ARTICLES = {
    1: (
        "Russia and Iran sign defence pact",
        "Russia and Iran signed a defence partnership in Moscow on Tuesday, officials said. "
        "The agreement covers joint exercises and the exchange of military technology. "
        "Western governments said they were studying the text of the treaty closely. "
        "The Kremlin said the pact was not directed against any other country.",
    ),
    2: (
        "Protesters rally in Nairobi",
        "Thousands of protesters marched through Nairobi on Wednesday against a proposed tax "
        "increase. Police fired tear gas to disperse crowds near the parliament building. "
        "Opposition leaders said they would continue the demonstrations until the bill was "
        "withdrawn by the government.",
    ),
    3: (
        "EU imposes sanctions on Belarus",
        "The European Union imposed new sanctions on Belarus on Thursday over its support for "
        "the war in Ukraine. The measures target banks and officials close to the president. "
        "Minsk condemned the decision and said it would respond in kind, according to the "
        "foreign ministry in a statement.",
    ),
    4: (
        "Japan and South Korea hold talks",
        "The foreign ministers of Japan and South Korea met in Tokyo on Friday to discuss "
        "regional security and trade. Both sides agreed to hold regular consultations and to "
        "cooperate on supply chains. The talks were the first of their kind in several years, "
        "the ministers told reporters after the meeting.",
    ),
    5: (
        "Brazil sends aid to flood victims",
        "Brazil sent emergency aid to Bolivia on Saturday after floods destroyed thousands of "
        "homes in the east of the country. The shipment included food, water and medicine. "
        "The Bolivian government thanked Brasilia and said more help would be needed in the "
        "coming weeks as the water recedes.",
    ),
}


def article_html(number: int) -> str:
    title, text = ARTICLES[number]
    paragraphs = "".join(f"<p>{sentence.strip()}.</p>" for sentence in text.split(". ") if sentence)
    return (
        f"<html><head><title>{title}</title>"
        '<meta property="og:site_name" content="Loopback News">'
        f"</head><body><nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{paragraphs}</article>"
        "<footer>Copyright Loopback News</footer></body></html>"
    )


def rss(title: str, items: list[tuple[str, str, str]]) -> str:
    """An RSS 2.0 feed of (title, link, RFC 822 date) items."""
    body = "".join(
        f"<item><title>{t}</title><link>{link}</link><pubDate>{date}</pubDate>"
        f"<description>{t}</description></item>"
        for t, link, date in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>http://example.invalid/</link>{body}</channel></rss>"
    )


def atom(title: str, items: list[tuple[str, str, str]]) -> str:
    """An Atom feed of (title, link, ISO date) entries."""
    body = "".join(
        f"<entry><title>{t}</title><link href='{link}'/><id>{link}</id>"
        f"<updated>{date}</updated></entry>"
        for t, link, date in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{title}</title><id>urn:test</id><updated>2024-11-01T00:00:00Z</updated>"
        f"{body}</feed>"
    )
