"""News as it arrives: poll RSS/Atom feeds and watch folders, ingest what is new.

>>> from dotterel.api import watch
>>> summary = watch("feeds.txt", db="events.duckdb", once=True)  # doctest: +SKIP

Each round polls the feeds that are due (conditional GET with the ETag/Last-Modified
saved from the last answer; a 304 costs nothing), fetches the article page of every entry
not seen before, takes its main text with trafilatura, and ingests it through
:func:`dotterel.api.core.ingest_items`; files dropped in watch folders are read once.
Articles are recognised by normalised URL (before fetching) and by content hash (before
coding). A bad feed or page is a coded failure (``DOT85x``/``DOT86x``) in the store's
failures table and never stops the watch; a failing feed is retried with exponential
back-off. The state (validators, schedule, back-off, URLs and files seen) is kept in the
store, so a restart neither re-fetches nor re-ingests. See ``docs/watch.md``.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Protocol

from dotterel.api.core import ingest_items
from dotterel.errors import (
    ConnectionFailedError,
    DotterelError,
    FetchTimeoutError,
    HTTPStatusError,
    WatchError,
    WatchFolderError,
)
from dotterel.ingest import read_inputs
from dotterel.ingest.feedlist import FeedSpec, load_feed_list
from dotterel.ingest.feeds import FeedEntry, parse_feed
from dotterel.ingest.fetch import Fetcher, HTTPFetcher
from dotterel.ingest.readers import EXTENSIONS, check_text
from dotterel.ingest.screen import IngestScreen
from dotterel.ingest.urls import normalise_url, url_doc_id
from dotterel.ingest.warc import is_warc
from dotterel.ingest.web import page_document
from dotterel.records import Document, Failure
from dotterel.settings import load_settings
from dotterel.store import EventStore, open_store

Item = Document | Failure

#: Kinds of rows in the store's watch state.
FEED, URL, FILE = "feed", "url", "file"


class Clock(Protocol):
    """Time as the watcher sees it (injectable, so tests never sleep)."""

    def now(self) -> float:
        """Seconds since the epoch."""
        ...

    def sleep(self, seconds: float) -> None:
        """Wait ``seconds``."""
        ...


class SystemClock:
    """The real clock."""

    def now(self) -> float:
        return time.time()

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class ManualClock:
    """A clock that only moves when slept on or advanced: the in-memory twin for tests."""

    def __init__(self, start: float = 1_700_000_000.0) -> None:
        self.time = start
        self.slept: list[float] = []

    def now(self) -> float:
        return self.time

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.time += max(seconds, 0.0)

    def advance(self, seconds: float) -> None:
        self.time += seconds


@dataclass(slots=True)
class FeedState:
    """What the watcher remembers of a feed between polls and restarts."""

    etag: str | None = None
    last_modified: str | None = None
    next_poll: float = 0.0
    errors: int = 0
    last_polled: float | None = None
    last_error: str | None = None

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str | None) -> FeedState:
        try:
            data = json.loads(text or "{}")
            return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})
        except (TypeError, ValueError, AttributeError):
            return cls()  # unreadable state: poll afresh (content hashes still de-duplicate)


@dataclass(slots=True)
class PageState:
    """What the watcher remembers of an article URL: stored, or failed (and retry?)."""

    status: str
    attempts: int = 1
    code: str | None = None
    retry: bool = False
    content_hash: str | None = None
    #: For a page to retry: its feed and entry, since the feed may answer 304 meanwhile.
    feed: str | None = None
    link: str | None = None
    title: str | None = None
    published: str | None = None

    @property
    def done(self) -> bool:
        return self.status == "stored" or not self.retry

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str | None) -> PageState | None:
        try:
            data = json.loads(text or "")
            return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})
        except (TypeError, ValueError, AttributeError):
            return None


@dataclass(slots=True)
class WatchSummary:
    """Counts of a watch (or of one of its rounds)."""

    rounds: int = 0
    feeds_fetched: int = 0
    not_modified: int = 0
    pages_fetched: int = 0
    files_read: int = 0
    documents: int = 0
    skipped: int = 0
    events: int = 0
    failures: list[Failure] = field(default_factory=list)
    run_ids: list[str] = field(default_factory=list)

    def add(self, other: WatchSummary) -> None:
        """Add the counts of ``other`` (a round) to these."""
        for name in (
            "rounds",
            "feeds_fetched",
            "not_modified",
            "pages_fetched",
            "files_read",
            "documents",
            "skipped",
            "events",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.failures.extend(other.failures)
        self.run_ids.extend(other.run_ids)


RoundCallback = Callable[[WatchSummary], None]


def is_transient(error: DotterelError) -> bool:
    """Whether a failed request may well succeed later (timeouts, 5xx, 429, refused)."""
    if isinstance(error, FetchTimeoutError | ConnectionFailedError):
        return True
    return isinstance(error, HTTPStatusError) and (error.status >= 500 or error.status == 429)


def watch_files(folder: Path) -> list[Path]:
    """Files in ``folder`` (recursive) that ``ingest`` reads; dot files and others skipped."""
    found = []
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        if path.suffix and path.suffix.lower() not in EXTENSIONS and not is_warc(path):
            continue
        found.append(path)
    return sorted(found)


class Watcher:
    """One watch over an open store: call :meth:`poll` for each round."""

    def __init__(
        self,
        store: EventStore,
        feeds: Sequence[FeedSpec],
        *,
        folders: Sequence[str | Path] = (),
        fetcher: Fetcher,
        clock: Clock,
        interval: float,
        **overrides: Any,
    ) -> None:
        self.store = store
        self.feeds = list(feeds)
        self.folders = [Path(folder) for folder in folders]
        self.fetcher = fetcher
        self.clock = clock
        self.interval = interval
        self.overrides = overrides
        self.settings = load_settings(**overrides)
        self.feed_states = {
            url: FeedState.from_json(value) for url, value in store.watch_state(FEED).items()
        }
        self.pages: dict[str, PageState] = {}
        for url, value in store.watch_state(URL).items():
            page = PageState.from_json(value)
            if page is not None:
                self.pages[url] = page
        self.files = store.watch_state(FILE)
        self.screen = IngestScreen.of(store)
        self.next_scan = 0.0
        self._folder_problems: set[str] = set()

    # -- the schedule --------------------------------------------------------------------

    def feed_interval(self, spec: FeedSpec) -> float:
        return spec.interval or self.interval

    def next_due(self) -> float:
        """When the next feed poll or folder scan is due (epoch seconds)."""
        times = [self.feed_states.get(s.url, FeedState()).next_poll for s in self.feeds]
        if self.folders:
            times.append(self.next_scan)
        return min(times) if times else self.clock.now() + self.interval

    # -- a round -------------------------------------------------------------------------

    def poll(self) -> WatchSummary:
        """Poll the feeds that are due and scan the folders if due; ingest what is new."""
        now = self.clock.now()
        result = WatchSummary(rounds=1)
        run_id: str | None = None
        due = [s for s in self.feeds if self.feed_states.get(s.url, FeedState()).next_poll <= now]
        scanning = bool(self.folders) and self.next_scan <= now
        inputs = [spec.url for spec in due] + [str(f) for f in self.folders if scanning]

        def ingest(items: Iterator[Item]) -> None:
            nonlocal run_id
            pending = iter(items)
            first = next(pending, None)
            if first is None:
                return
            if run_id is None:
                run_id = self.store.start_run("watch", inputs)
                result.run_ids.append(run_id)
            summary = ingest_items(
                self.store,
                _chain(first, pending),
                run_id=run_id,
                screen=self.screen,
                **self.overrides,
            )
            result.documents += summary.documents
            result.skipped += summary.skipped
            result.events += summary.events
            result.failures.extend(summary.failures)

        for spec in due:
            state = self.feed_states.setdefault(spec.url, FeedState())
            page_updates: dict[str, PageState] = {}
            ingest(self._poll_feed(spec, state, now, page_updates, result))
            # Saved only once the feed's documents are committed: a crash before this
            # re-fetches (and content hashes then skip), it never loses an article.
            self.pages.update(page_updates)
            self.store.save_watch_state(URL, {k: v.to_json() for k, v in page_updates.items()})
            self.store.save_watch_state(FEED, {spec.url: state.to_json()})
        if scanning:
            self.next_scan = now + self.interval
            for folder in self.folders:
                file_updates: dict[str, str] = {}
                ingest(self._scan_folder(folder, file_updates, result))
                self.files.update(file_updates)
                self.store.save_watch_state(FILE, file_updates)
        if run_id is not None:
            self.store.finish_run(
                run_id,
                documents=result.documents,
                events=result.events,
                failures=len(result.failures),
                skipped=result.skipped,
            )
        return result

    # -- feeds ---------------------------------------------------------------------------

    def _poll_feed(
        self,
        spec: FeedSpec,
        state: FeedState,
        now: float,
        page_updates: dict[str, PageState],
        result: WatchSummary,
    ) -> Iterator[Item]:
        headers = {}
        if state.etag:
            headers["If-None-Match"] = state.etag
        if state.last_modified:
            headers["If-Modified-Since"] = state.last_modified
        state.last_polled = now
        try:
            response = self.fetcher.fetch(spec.url, headers=headers)
            if response.not_modified:
                result.not_modified += 1
                self._succeeded(spec, state, now)
                yield from self._retry_pages(spec, None, page_updates, set(), result)
                return
            result.feeds_fetched += 1
            parsed = parse_feed(response.body, response.url, response.headers.get("content-type"))
        except Exception as exc:  # noqa: BLE001 - any bad feed is a failure, never a crash
            exc = _coded(exc)
            state.errors += 1
            state.last_error = exc.code
            backoff = min(self.feed_interval(spec) * 2**state.errors, self.max_backoff)
            state.next_poll = now + max(backoff, self.feed_interval(spec))
            yield Failure(
                spec.url,
                exc.code,
                f"feed: {exc.message} (error {state.errors} in a row; "
                f"next try in {state.next_poll - now:.0f} s)",
            )
            return
        state.etag = response.headers.get("etag") or None
        state.last_modified = response.headers.get("last-modified") or None
        self._succeeded(spec, state, now)
        yield from parsed.problems
        round_seen: set[str] = set()
        for entry in parsed.entries:
            yield from self._article(entry, spec, parsed.title, page_updates, round_seen, result)
        yield from self._retry_pages(spec, parsed.title, page_updates, round_seen, result)

    def _retry_pages(
        self,
        spec: FeedSpec,
        feed_title: str | None,
        page_updates: dict[str, PageState],
        round_seen: set[str],
        result: WatchSummary,
    ) -> Iterator[Item]:
        """Try again the pages of this feed that failed transiently before."""
        for page in list(self.pages.values()):
            if page.done or page.feed != spec.url or not page.link:
                continue
            entry = FeedEntry(page.link, page.title, page.published)
            yield from self._article(entry, spec, feed_title, page_updates, round_seen, result)

    @property
    def max_backoff(self) -> float:
        return float(self.settings["watch_max_backoff"])

    def _succeeded(self, spec: FeedSpec, state: FeedState, now: float) -> None:
        state.errors = 0
        state.last_error = None
        state.next_poll = now + self.feed_interval(spec)

    def _seen(self, key: str, page_updates: dict[str, PageState]) -> bool:
        page = page_updates.get(key) or self.pages.get(key)
        return page is not None and page.done

    def _article(
        self,
        entry: FeedEntry,
        spec: FeedSpec,
        feed_title: str | None,
        page_updates: dict[str, PageState],
        round_seen: set[str],
        result: WatchSummary,
    ) -> Iterator[Item]:
        key = normalise_url(entry.link)
        if key in round_seen or self._seen(key, page_updates):
            return
        round_seen.add(key)
        previous = page_updates.get(key) or self.pages.get(key)
        attempts = (previous.attempts if previous else 0) + 1
        try:
            response = self.fetcher.fetch(entry.link)
            result.pages_fetched += 1
            final = normalise_url(response.url)
            if final != key and self._seen(final, page_updates):
                page_updates[key] = PageState("stored", attempts)
                return
            document = page_document(
                response.body,
                url=key,
                doc_id=url_doc_id(key),
                media_type=response.media_type,
                charset=response.charset,
                check_text=self._check_text,
                title=entry.title,
                published=entry.published,
                outlet=spec.outlet or feed_title,
                source=entry.link,
            )
        except Exception as exc:  # noqa: BLE001 - any bad page is a failure, never a crash
            exc = _coded(exc)
            retry = is_transient(exc) and attempts < int(self.settings["watch_page_attempts"])
            page_updates[key] = PageState(
                "failed",
                attempts,
                exc.code,
                retry,
                feed=spec.url,
                link=entry.link,
                title=entry.title,
                published=entry.published,
            )
            later = "; will retry" if retry else ""
            yield Failure(entry.link, exc.code, f"article of feed {spec.url}: {exc.message}{later}")
            return
        stored = PageState("stored", attempts, content_hash=document.content_hash)
        page_updates[key] = stored
        if final != key:
            page_updates[final] = stored
        yield document

    def _check_text(self, text: str) -> None:
        check_text(text, max_bytes=int(self.settings["max_bytes"]))

    # -- folders -------------------------------------------------------------------------

    def _scan_folder(
        self, folder: Path, file_updates: dict[str, str], result: WatchSummary
    ) -> Iterator[Item]:
        if not folder.is_dir():
            if str(folder) not in self._folder_problems:
                self._folder_problems.add(str(folder))
                error = WatchFolderError("watch folder is missing or not a directory")
                yield Failure(str(folder), error.code, error.message)
            return
        self._folder_problems.discard(str(folder))
        settle = float(self.settings["watch_settle"])
        for path in watch_files(folder):
            try:
                info = path.stat()
            except OSError:
                continue  # removed between listing and reading
            key = str(path.resolve())
            signature = f"{info.st_size}:{info.st_mtime_ns}"
            if self.files.get(key) == signature:
                continue
            if time.time() - info.st_mtime < settle:
                continue  # still being written, perhaps: next scan
            file_updates[key] = signature
            result.files_read += 1
            yield from read_inputs([str(path)], max_bytes=int(self.settings["max_bytes"]))


def _coded(exc: Exception) -> DotterelError:
    if isinstance(exc, DotterelError):
        return exc
    return WatchError(f"unexpected error: {type(exc).__name__}: {exc}")


def _chain(first: Item, rest: Iterator[Item]) -> Iterator[Item]:
    yield first
    yield from rest


def _feed_specs(feeds: str | Path | Sequence[FeedSpec | str] | None) -> tuple[list[FeedSpec], Any]:
    if feeds is None:
        return [], None
    if isinstance(feeds, str | Path):
        return load_feed_list(feeds)
    return [spec if isinstance(spec, FeedSpec) else FeedSpec(spec) for spec in feeds], None


def watch(
    feeds: str | Path | Sequence[FeedSpec | str] | None = None,
    *,
    db: str | None = None,
    folders: Sequence[str | Path] = (),
    once: bool = False,
    interval: float | None = None,
    max_polls: int | None = None,
    fetcher: Fetcher | None = None,
    clock: Clock | None = None,
    on_round: RoundCallback | None = None,
    **overrides: Any,
) -> WatchSummary:
    """Poll ``feeds`` and scan ``folders`` in rounds, ingesting new articles into ``db``.

    ``feeds`` is a feed list file (see :mod:`dotterel.ingest.feedlist`) or a sequence of
    :class:`FeedSpec`/URLs. ``interval`` is the poll interval of feeds that set none (and
    of folder scans), by default the ``watch_interval`` setting. With ``once`` one round
    runs (feeds not yet due are left alone); with ``max_polls`` at most that many;
    otherwise it runs until interrupted. ``fetcher`` defaults to an :class:`HTTPFetcher`
    from the ``watch_*`` settings and ``clock`` to the system clock. ``on_round`` gets
    each round's :class:`WatchSummary`; the one returned adds them up.
    """
    specs, file_default = _feed_specs(feeds)
    if not specs and not folders:
        raise WatchError("nothing to watch: give a feed list, feeds or a folder")
    settings = load_settings(db=db, **overrides)
    every = float(file_default or interval or settings["watch_interval"])
    clock = clock or SystemClock()
    own_fetcher = fetcher is None
    active = fetcher or HTTPFetcher(
        timeout=float(settings["watch_timeout"]),
        max_bytes=int(settings["watch_max_bytes"]),
        max_redirects=int(settings["watch_max_redirects"]),
        user_agent=str(settings["watch_user_agent"]),
    )
    total = WatchSummary()
    try:
        with open_store(settings["db"]) as store:
            watcher = Watcher(
                store,
                specs,
                folders=folders,
                fetcher=active,
                clock=clock,
                interval=every,
                **overrides,
            )
            while True:
                round_summary = watcher.poll()
                total.add(round_summary)
                if on_round is not None:
                    on_round(round_summary)
                if once or (max_polls is not None and total.rounds >= max_polls):
                    break
                wait = watcher.next_due() - clock.now()
                if wait > 0:
                    clock.sleep(wait)
    finally:
        if own_fetcher:
            active.close()
    return total
