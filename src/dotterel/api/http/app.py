"""The FastAPI application: JSON over :mod:`dotterel.api`, and the explorer's static files.

:func:`create_app` builds it for one store. Every route reads through the Python API
(never its own SQL); the server keeps one open store per worker thread so a request
does not pay for opening the database. Writes (ingestion) exist only when the app is
created with ``allow_writes=True`` and a token.
"""

from __future__ import annotations

import asyncio
import hmac
import threading
import time
from collections import OrderedDict, deque
from collections.abc import AsyncIterator, Callable, Hashable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import Receive, Scope, Send

from dotterel.errors import (
    DotterelError,
    HttpApiError,
    PayloadTooLargeError,
    RateLimitedError,
    RouteNotFoundError,
    StoreError,
    StoreUnavailableError,
    UnauthorizedError,
    WritesDisabledError,
)
from dotterel.settings import load_settings
from dotterel.store import EventStore, open_store

STATIC = Path(str(resources.files("dotterel.api.http").joinpath("static")))


class StoreHandles:
    """One open store per thread on the same database file, closed together.

    A DuckDB connection must not be shared between threads; connections to one file in
    one process share the database, so each costs little once the first is open.
    """

    def __init__(self, db: str) -> None:
        self.db = db
        self._local = threading.local()
        self._opened: list[EventStore] = []
        self._lock = threading.Lock()
        self._generation = 0

    def get(self) -> EventStore:
        store = getattr(self._local, "store", None)
        # A store of an earlier app run (closed at shutdown) is replaced, not reused.
        if store is None or getattr(self._local, "generation", None) != self._generation:
            try:
                store = open_store(self.db)
            except StoreError as exc:
                raise StoreUnavailableError(exc.message, source=self.db) from exc
            self._local.store = store
            self._local.generation = self._generation
            with self._lock:
                self._opened.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            self._generation += 1
            for store in self._opened:
                store.close()
            self._opened.clear()


class ResponseCache:
    """Answers of read routes, kept while the store files are unchanged.

    The store is read-mostly: the same page or series is asked for again and again. An
    entry is valid while the database file and its write-ahead log keep their size and
    modification time (any write, by this server or another process, changes them);
    at most ``entries`` answers are kept, least recently used dropped first.
    """

    def __init__(self, db: str, entries: int) -> None:
        self.files = [Path(db), Path(db + ".wal")]
        self.entries = entries
        self._answers: OrderedDict[Hashable, Any] = OrderedDict()
        self._stamp: tuple[Any, ...] | None = None
        self._lock = threading.Lock()
        self._computing: dict[Hashable, threading.Lock] = {}

    def _current_stamp(self) -> tuple[Any, ...]:
        stamp: list[tuple[int, int] | None] = []
        for path in self.files:
            try:
                info = path.stat()
                stamp.append((info.st_size, info.st_mtime_ns))
            except OSError:
                stamp.append(None)
        return tuple(stamp)

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        if self.entries <= 0:
            return compute()
        hit, answer = self._lookup(key)
        if hit:
            return answer
        # One thread computes a missing answer; the others asking the same question wait
        # for it rather than compute it again (50 clients opening one dyad at once).
        with self._lock:
            computing = self._computing.setdefault(key, threading.Lock())
        with computing:
            hit, answer = self._lookup(key)
            if hit:
                return answer
            stamp = self._current_stamp()
            try:
                answer = compute()
            except BaseException:
                with self._lock:
                    self._computing.pop(key, None)
                raise
            with self._lock:
                if self._current_stamp() == stamp == self._stamp:
                    self._answers[key] = answer
                    while len(self._answers) > self.entries:
                        self._answers.popitem(last=False)
                self._computing.pop(key, None)
        return answer

    async def answer(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """:meth:`get` for an ``async`` route: a kept answer straight from the event loop
        (no thread hop), a missing one computed in a worker thread."""
        if self.entries > 0:
            hit, answer = self._lookup(key)
            if hit:
                return answer
        from starlette.concurrency import run_in_threadpool

        return await run_in_threadpool(self.get, key, compute)

    def peek(self, key: Hashable) -> tuple[bool, Any]:
        """``(True, answer)`` if ``key``'s answer is kept for the store as it is now."""
        return self._lookup(key)

    def stamp(self) -> tuple[Any, ...]:
        """The store files' state now (pass it to :meth:`put`)."""
        return self._current_stamp()

    def put(self, key: Hashable, answer: Any, stamp: tuple[Any, ...]) -> None:
        """Keep ``answer``, computed when the store files were at ``stamp``, unless they
        changed since."""
        if self.entries <= 0:
            return
        with self._lock:
            if self._current_stamp() == stamp == self._stamp:
                self._answers[key] = answer
                while len(self._answers) > self.entries:
                    self._answers.popitem(last=False)

    def _lookup(self, key: Hashable) -> tuple[bool, Any]:
        stamp = self._current_stamp()
        with self._lock:
            if stamp != self._stamp:
                self._answers.clear()
                self._stamp = stamp
            elif key in self._answers:
                self._answers.move_to_end(key)
                return True, self._answers[key]
        return False, None

    def clear(self) -> None:
        with self._lock:
            self._answers.clear()


class RateLimiter:
    """At most ``per_minute`` calls per client in any sliding minute."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self.clock = clock
        self._calls: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def check(self, client: str) -> None:
        now = self.clock()
        with self._lock:
            calls = self._calls.setdefault(client, deque())
            while calls and now - calls[0] >= 60.0:
                calls.popleft()
            if len(calls) >= self.per_minute:
                wait = 60.0 - (now - calls[0])
                raise RateLimitedError(
                    f"more than {self.per_minute} ingestion requests in a minute; "
                    f"retry in {wait:.0f} s",
                    source=client,
                )
            calls.append(now)


def error_response(exc: DotterelError, status: int | None = None) -> JSONResponse:
    """The JSON body every refused request gets: ``{code, message, detail}``."""
    code_status: int = status or int(getattr(exc, "status", 400))
    body = {"code": exc.code, "message": str(exc), "detail": None}
    headers = {"WWW-Authenticate": "Bearer"} if isinstance(exc, UnauthorizedError) else None
    return JSONResponse(body, status_code=code_status, headers=headers)


class AppState:
    """What the routes share: the store, the limits and the write switch."""

    def __init__(self, db: str, allow_writes: bool, token: str | None) -> None:
        settings = load_settings()
        self.db = db
        self.allow_writes = allow_writes
        self.token = token
        self.stores = StoreHandles(db)
        self.page_size: int = settings["http_page_size"]
        self.ingest_timeout: float = settings["http_ingest_timeout"]
        self.max_body_bytes: int = settings["http_max_body_bytes"]
        self.limiter = RateLimiter(settings["http_writes_per_minute"])
        self.cache = ResponseCache(db, settings["http_cache_entries"])
        self._ingest_pool: ThreadPoolExecutor | None = None

    def authorise_write(self, request: Request) -> None:
        if not self.allow_writes or not self.token:
            raise WritesDisabledError(
                "this server is read-only (start it with --allow-writes --token T)",
                source=request.url.path,
            )
        header = request.headers.get("authorization", "")
        scheme, _, given = header.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(
            given.strip().encode(), self.token.encode()
        ):
            raise UnauthorizedError("missing or wrong bearer token", source=request.url.path)
        client = request.client.host if request.client else "unknown"
        self.limiter.check(client)

    def ingest_pool(self) -> ThreadPoolExecutor:
        # One writer at a time: DuckDB allows one, and queued ingestions keep their order.
        if self._ingest_pool is None:
            self._ingest_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ingest")
        return self._ingest_pool

    def shutdown(self) -> None:
        if self._ingest_pool is not None:
            self._ingest_pool.shutdown(wait=True)
            self._ingest_pool = None
        self.stores.close()

    async def run_ingest(self, work: Callable[[], Any]) -> Any:
        loop = asyncio.get_running_loop()
        future = loop.run_in_executor(self.ingest_pool(), work)
        # On timeout the ingestion goes on in its thread and still stores its documents;
        # only the answer is given up.
        return await asyncio.wait_for(asyncio.shield(future), timeout=self.ingest_timeout)


#: Read routes whose answers depend only on the URL and the store (not the export
#: downloads, the health counts, nor anything that writes).
RAW_CACHED = (
    "/api/events",
    "/api/dyads/",
    "/api/fused",
    "/api/stories",
    "/api/claims",
    "/api/lifecycles",
    "/api/network",
    "/api/blocs",
    "/api/alerts",
    "/api/documents/",
)


class DotterelApp(FastAPI):
    """FastAPI, refusing a declared oversized body with Dotterel's coded error.

    FastAPI's own ``max_body_size`` (also set) answers in plain text before any handler
    runs; it still guards bodies sent without a length.
    """

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            limit = self.state.dotterel.max_body_bytes
            declared = dict(scope.get("headers") or []).get(b"content-length", b"")
            if declared.isdigit() and int(declared) > limit:
                error = PayloadTooLargeError(
                    f"request body of {int(declared)} bytes, over {limit}", source=scope["path"]
                )
                await error_response(error)(scope, receive, send)
                return
            if scope["method"] == "GET" and scope["path"].startswith(RAW_CACHED):
                await self._answer_from_cache(scope, receive, send)
                return
        await super().__call__(scope, receive, send)

    async def _answer_from_cache(self, scope: Scope, receive: Receive, send: Send) -> None:
        """A read route's whole answer (status 200) kept by URL while the store is
        unchanged: a repeated question skips routing, validation and the route itself."""
        cache: ResponseCache = self.state.dotterel.cache
        key = ("url", scope["path"], scope.get("query_string", b""))
        kept: tuple[bool, Any] = cache.peek(key) if cache.entries > 0 else (False, None)
        if kept[0]:
            start, body = kept[1]
            await send(start)
            await send({"type": "http.response.body", "body": body})
            return
        stamp = cache.stamp()
        parts: list[Any] = []

        async def keep(message: Any) -> None:
            parts.append(message)
            await send(message)

        await super().__call__(scope, receive, keep)
        if (
            len(parts) == 2
            and parts[0]["type"] == "http.response.start"
            and parts[0]["status"] == 200
            and not parts[1].get("more_body")
        ):
            cache.put(key, (parts[0], parts[1].get("body", b"")), stamp)


def create_app(db: str, *, allow_writes: bool = False, token: str | None = None) -> FastAPI:
    """The HTTP API and explorer over the store at ``db``.

    Read-only unless ``allow_writes`` is true and a ``token`` is given; ingestion then
    needs the header ``Authorization: Bearer <token>``.
    """
    if allow_writes and not token:
        raise ValueError("allow_writes needs a token")
    state = AppState(db, allow_writes, token)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        state.shutdown()

    app = DotterelApp(
        title="Dotterel",
        summary="Sourced political event data: events, documents, dyads and the network.",
        description=(
            "Read-only JSON over a Dotterel event store, and the explorer at `/`. "
            "Every refused request answers with `{code, message, detail}` "
            "(codes DOT950-DOT999). See docs/http.md."
        ),
        version="1",
        lifespan=lifespan,
        max_body_size=state.max_body_bytes,
        # FastAPI's /docs and /redoc pages load their scripts from a CDN: the server
        # must work offline, so only the schema itself is served.
        docs_url=None,
        redoc_url=None,
    )
    app.state.dotterel = state

    @app.exception_handler(HttpApiError)
    async def _api_error(_request: Request, exc: HttpApiError) -> JSONResponse:
        return error_response(exc)

    @app.exception_handler(StoreError)
    async def _store_error(_request: Request, exc: StoreError) -> JSONResponse:
        return error_response(StoreUnavailableError(exc.message, source=exc.source))

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        from dotterel.errors import InvalidRequestError

        errors = jsonable_encoder(exc.errors(), custom_encoder={bytes: repr})
        first = errors[0] if errors else {}
        where = ".".join(str(part) for part in first.get("loc", ()))
        error = InvalidRequestError(f"{where}: {first.get('msg', 'invalid request')}")
        body = {"code": error.code, "message": str(error), "detail": errors}
        return JSONResponse(body, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 404:
            return error_response(RouteNotFoundError("no such page", source=request.url.path))
        if exc.status_code == 413:
            limit = state.max_body_bytes
            return error_response(PayloadTooLargeError(f"request body over {limit} bytes"))
        error = HttpApiError(str(exc.detail), source=request.url.path)
        response = error_response(error, status=exc.status_code)
        response.headers.update(exc.headers or {})  # e.g. Allow on 405
        return response

    from dotterel.api.http.network_routes import router as network_router
    from dotterel.api.http.routes import router

    app.include_router(router, prefix="/api")
    app.include_router(network_router, prefix="/api")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def explorer() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    return app
