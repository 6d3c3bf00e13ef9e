"""Fetching feeds and article pages behind a small interface.

:class:`Fetcher` is what ``dotterel watch`` needs of the web: a GET that returns a
:class:`Response` (status 200, or 304 for a conditional request whose resource has not
changed) or raises a coded :class:`~dotterel.errors.WatchError`. :class:`HTTPFetcher` does
it over the network with httpx; :class:`MemoryFetcher` is its in-memory twin for tests.
"""

from __future__ import annotations

import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from email.message import Message
from types import TracebackType
from typing import Self
from urllib.parse import urljoin, urlsplit

from dotterel.errors import (
    ConnectionFailedError,
    FetchTimeoutError,
    HTTPStatusError,
    ResponseTooLargeError,
    TooManyRedirectsError,
    UnsupportedURLError,
    WatchError,
)

#: The schemes a feed, a page or a redirect may use.
ALLOWED_SCHEMES = frozenset({"http", "https"})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK = 65_536


@dataclass(frozen=True, slots=True)
class Response:
    """A fetched resource: final URL (after redirects), status, headers, body.

    ``headers`` has lower-case names. ``status`` is 200 (body is the resource) or 304 (not
    modified since the validators sent; body empty).
    """

    url: str
    status: int
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def media_type(self) -> str:
        """The content type without parameters, lower case (``""`` when not sent)."""
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()

    @property
    def charset(self) -> str | None:
        """The ``charset`` parameter of the content type, if any."""
        raw = self.headers.get("content-type")
        if not raw:
            return None
        message = Message()
        message["content-type"] = raw
        value = message.get_param("charset")
        return value.strip().lower() if isinstance(value, str) and value.strip() else None


def check_url(url: str) -> str:
    """``url`` if it is an absolute http(s) URL with a host, else :class:`UnsupportedURLError`."""
    try:
        parts = urlsplit(url)
    except ValueError as exc:
        raise UnsupportedURLError(f"not a URL: {exc}", source=url) from None
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        scheme = parts.scheme or "none"
        raise UnsupportedURLError(
            f"scheme {scheme!r} is not allowed (only http and https)", source=url
        )
    if not parts.hostname:
        raise UnsupportedURLError("URL has no host", source=url)
    return url


class Fetcher(ABC):
    """GET a URL; errors are coded :class:`~dotterel.errors.WatchError` subclasses."""

    @abstractmethod
    def fetch(self, url: str, *, headers: Mapping[str, str] | None = None) -> Response:
        """The resource at ``url``, with extra request ``headers`` (validators above all).

        Returns a 200 or 304 :class:`Response`; raises :class:`FetchTimeoutError`,
        :class:`HTTPStatusError`, :class:`ResponseTooLargeError`,
        :class:`TooManyRedirectsError`, :class:`UnsupportedURLError` or
        :class:`ConnectionFailedError` otherwise.
        """

    def close(self) -> None:  # noqa: B027 - optional hook: most fetchers hold nothing
        """Release connections (idempotent)."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class HTTPFetcher(Fetcher):
    """Fetches over HTTP(S) with httpx.

    ``timeout`` bounds the whole request (connect, headers, body), ``max_bytes`` the body
    (checked against Content-Length first, then while reading), ``max_redirects`` the
    redirects followed; every URL on the way must be http or https.
    """

    def __init__(
        self,
        *,
        timeout: float = 20.0,
        max_bytes: int = 10_000_000,
        max_redirects: int = 5,
        user_agent: str = "Dotterel",
    ) -> None:
        import httpx  # lazily: only watching needs it

        self.timeout = timeout
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self._httpx = httpx
        self._client = httpx.Client(
            follow_redirects=False,
            timeout=httpx.Timeout(timeout),
            headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
        )

    def fetch(self, url: str, *, headers: Mapping[str, str] | None = None) -> Response:
        deadline = time.monotonic() + self.timeout
        current = check_url(url)
        for _hop in range(self.max_redirects + 1):
            location = self._get(current, dict(headers or {}), deadline, url)
            if isinstance(location, Response):
                return location
            current = check_url(urljoin(current, location))
        raise TooManyRedirectsError(
            f"more than {self.max_redirects} redirects (last to {current})", source=url
        )

    def _get(
        self, current: str, headers: dict[str, str], deadline: float, original: str
    ) -> Response | str:
        """The response at ``current``, or the Location it redirects to."""
        httpx = self._httpx
        try:
            with self._client.stream("GET", current, headers=headers) as reply:
                if reply.status_code in _REDIRECTS:
                    location = reply.headers.get("location")
                    if not location:
                        raise HTTPStatusError(
                            f"HTTP {reply.status_code} redirect without a Location",
                            status=reply.status_code,
                            source=original,
                        )
                    return location
                if reply.status_code == 304:
                    return Response(current, 304, _lower(reply.headers))
                if reply.status_code != 200:
                    raise HTTPStatusError(
                        f"HTTP {reply.status_code} {reply.reason_phrase}".strip(),
                        status=reply.status_code,
                        source=original,
                    )
                declared = reply.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > self.max_bytes:
                    raise ResponseTooLargeError(
                        f"response declares {int(declared):,} bytes, more than the limit of "
                        f"{self.max_bytes:,}",
                        source=original,
                    )
                body = bytearray()
                for chunk in reply.iter_bytes(_CHUNK):
                    body += chunk
                    if len(body) > self.max_bytes:
                        raise ResponseTooLargeError(
                            f"response has more than the limit of {self.max_bytes:,} bytes",
                            source=original,
                        )
                    if time.monotonic() > deadline:
                        raise FetchTimeoutError(
                            f"response not complete within {self.timeout:g} s", source=original
                        )
                return Response(str(reply.url), 200, _lower(reply.headers), bytes(body))
        except WatchError:
            raise
        except httpx.TimeoutException:
            raise FetchTimeoutError(
                f"no answer within {self.timeout:g} s", source=original
            ) from None
        except httpx.TooManyRedirects:
            raise TooManyRedirectsError("too many redirects", source=original) from None
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
            raise UnsupportedURLError(str(exc), source=original) from None
        except httpx.HTTPError as exc:
            reason = str(exc) or type(exc).__name__
            raise ConnectionFailedError(f"request failed: {reason}", source=original) from None

    def close(self) -> None:
        self._client.close()


def _lower(headers: Mapping[str, str]) -> dict[str, str]:
    return {name.lower(): value for name, value in headers.items()}


Route = Response | WatchError | Callable[[str, Mapping[str, str]], Response]


class MemoryFetcher(Fetcher):
    """The in-memory twin of :class:`HTTPFetcher`: URL → response, error or callable.

    Unknown URLs are 404s. Every request is logged in :attr:`requests` as
    ``(url, headers)``; a :class:`Response` route answers 304 to a request whose
    ``If-None-Match`` equals its ETag or whose ``If-Modified-Since`` equals its
    Last-Modified, as a server would.
    """

    def __init__(self, routes: Mapping[str, Route] | None = None) -> None:
        self.routes: dict[str, Route] = dict(routes or {})
        self.requests: list[tuple[str, dict[str, str]]] = []

    def fetch(self, url: str, *, headers: Mapping[str, str] | None = None) -> Response:
        check_url(url)
        sent = {name.lower(): value for name, value in (headers or {}).items()}
        self.requests.append((url, sent))
        route = self.routes.get(url)
        if route is None:
            raise HTTPStatusError("HTTP 404 Not Found", status=404, source=url)
        if isinstance(route, WatchError):
            raise route
        if callable(route):
            return route(url, sent)
        etag = route.headers.get("etag")
        modified = route.headers.get("last-modified")
        if (etag and sent.get("if-none-match") == etag) or (
            modified and sent.get("if-modified-since") == modified
        ):
            return Response(route.url, 304, route.headers)
        return route

    def hits(self, url: str) -> int:
        """How many times ``url`` was requested."""
        return sum(1 for requested, _headers in self.requests if requested == url)
