"""The watcher over both stores with the in-memory fetcher and a manual clock."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from dotterel.api.watch import FEED, URL, FeedState, ManualClock, Watcher, watch
from dotterel.errors import ConnectionFailedError, HTTPStatusError, WatchError
from dotterel.ingest.feedlist import FeedSpec
from dotterel.ingest.fetch import MemoryFetcher, Response
from dotterel.store import DuckDBStore, EventStore, MemoryStore
from tests.watch.conftest import ARTICLES, article_html, rss

FEED_URL = "http://news.example/rss"
HOUR = 3600.0


@pytest.fixture(params=["memory", "duckdb"])
def store(request: pytest.FixtureRequest) -> Iterator[EventStore]:
    made: EventStore = MemoryStore() if request.param == "memory" else DuckDBStore(":memory:")
    with made:
        yield made


def _page(number: int) -> Response:
    return Response(
        f"http://news.example/{number}",
        200,
        {"content-type": "text/html; charset=utf-8"},
        article_html(number).encode(),
    )


def _feed(numbers: list[int], etag: str) -> Response:
    items = [
        (ARTICLES[n][0], f"http://news.example/{n}", "Fri, 01 Nov 2024 08:00:00 GMT")
        for n in numbers
    ]
    body = rss("Example Wire", items).encode()
    return Response(FEED_URL, 200, {"etag": etag, "content-type": "application/rss+xml"}, body)


def _watcher(store: EventStore, fetcher: MemoryFetcher, clock: ManualClock, **kw) -> Watcher:
    return Watcher(store, [FeedSpec(FEED_URL)], fetcher=fetcher, clock=clock, interval=HOUR, **kw)


def test_new_entries_are_ingested_once_and_304s_cost_no_page(store: EventStore) -> None:
    fetcher = MemoryFetcher({FEED_URL: _feed([1, 2], '"a"'), **_pages(1, 2, 3)})
    clock = ManualClock()
    watcher = _watcher(store, fetcher, clock)
    first = watcher.poll()
    assert (first.documents, first.pages_fetched) == (2, 2)
    clock.advance(HOUR)
    second = watcher.poll()
    assert (second.not_modified, second.pages_fetched, second.documents) == (1, 0, 0)
    assert fetcher.requests[-1][1]["if-none-match"] == '"a"'
    fetcher.routes[FEED_URL] = _feed([3, 2, 1], '"b"')
    clock.advance(HOUR)
    third = watcher.poll()
    assert (third.documents, third.pages_fetched) == (1, 1)
    assert sorted(d.url for d in store.documents()) == [
        f"http://news.example/{n}" for n in (1, 2, 3)
    ]
    runs = store.runs()
    assert len(runs) == 2  # the 304 round stored nothing and opened no run
    assert [(run["command"], run["inputs"], run["documents"]) for run in runs] == [
        ("watch", [FEED_URL], 2),
        ("watch", [FEED_URL], 1),
    ]


def _pages(*numbers: int) -> dict[str, Response]:
    return {f"http://news.example/{n}": _page(n) for n in numbers}


def test_a_feed_that_keeps_failing_backs_off_exponentially_up_to_the_cap(
    store: EventStore,
) -> None:
    fetcher = MemoryFetcher({FEED_URL: HTTPStatusError("HTTP 503", status=503)})
    clock = ManualClock()
    watcher = _watcher(store, fetcher, clock, watch_max_backoff=10 * HOUR)
    waits = []
    for _ in range(6):
        started = clock.now()
        result = watcher.poll()
        assert [f.code for f in result.failures] == ["DOT852"]
        state = FeedState.from_json(store.watch_state(FEED)[FEED_URL])
        waits.append(state.next_poll - started)
        clock.time = state.next_poll
    assert waits == [2 * HOUR, 4 * HOUR, 8 * HOUR, 10 * HOUR, 10 * HOUR, 10 * HOUR]
    fetcher.routes[FEED_URL] = _feed([1], '"ok"')
    fetcher.routes.update(_pages(1))
    assert watcher.poll().documents == 1
    state = FeedState.from_json(store.watch_state(FEED)[FEED_URL])
    assert (state.errors, state.next_poll - clock.now()) == (0, HOUR)


def test_a_page_that_fails_transiently_is_retried_even_when_the_feed_is_unchanged(
    store: EventStore,
) -> None:
    fetcher = MemoryFetcher(
        {
            FEED_URL: _feed([1, 2], '"a"'),
            **_pages(1),
            "http://news.example/2": ConnectionFailedError("connection reset"),
        }
    )
    clock = ManualClock()
    watcher = _watcher(store, fetcher, clock)
    assert watcher.poll().documents == 1
    fetcher.routes.update(_pages(2))
    clock.advance(HOUR)
    retried = watcher.poll()
    assert (retried.not_modified, retried.documents) == (1, 1)
    assert fetcher.hits("http://news.example/2") == 2
    assert fetcher.hits("http://news.example/1") == 1


def test_a_permanent_page_error_is_not_retried(store: EventStore) -> None:
    fetcher = MemoryFetcher({FEED_URL: _feed([1], '"a"')})  # the page is a 404
    clock = ManualClock()
    watcher = _watcher(store, fetcher, clock)
    assert [f.code for f in watcher.poll().failures] == ["DOT852"]
    fetcher.routes[FEED_URL] = _feed([1], '"b"')
    clock.advance(HOUR)
    assert watcher.poll().failures == []
    assert fetcher.hits("http://news.example/1") == 1
    page = json.loads(store.watch_state(URL)["http://news.example/1"])
    assert (page["status"], page["code"], page["retry"]) == ("failed", "DOT852", False)


def test_state_survives_a_new_watcher_on_the_same_store(store: EventStore) -> None:
    fetcher = MemoryFetcher({FEED_URL: _feed([1, 2], '"a"'), **_pages(1, 2)})
    clock = ManualClock()
    _watcher(store, fetcher, clock).poll()
    fetcher.routes[FEED_URL] = _feed([1, 2], '"changed"')
    clock.advance(HOUR)
    restarted = _watcher(store, fetcher, clock).poll()
    assert (restarted.feeds_fetched, restarted.pages_fetched, restarted.documents) == (1, 0, 0)
    assert fetcher.requests[-1][1]["if-none-match"] == '"a"'


def test_an_unexpected_error_in_a_fetcher_is_a_failure_not_a_crash(store: EventStore) -> None:
    def explode(url, headers):
        raise RuntimeError("library bug")

    fetcher = MemoryFetcher({FEED_URL: _feed([1], '"a"'), "http://news.example/1": explode})
    result = _watcher(store, fetcher, ManualClock()).poll()
    assert [(f.code, "library bug" in f.reason) for f in result.failures] == [("DOT850", True)]
    assert store.failures()[0].code == "DOT850"


def test_dropped_files_are_ingested_once(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(ARTICLES[1][0] + "\n" + ARTICLES[1][1])
    (inbox / ".hidden.txt").write_text("not read")
    (inbox / "b.part").write_text("an unfinished download")
    db = str(tmp_path / "w.duckdb")
    clock = ManualClock()
    first = watch(folders=[inbox], db=db, max_polls=2, clock=clock, watch_settle=0.0)
    assert (first.files_read, first.documents) == (1, 1)
    (inbox / "b.txt").write_text(ARTICLES[3][0] + "\n" + ARTICLES[3][1])
    later = watch(folders=[inbox], db=db, once=True, clock=clock, watch_settle=0.0)
    assert (later.files_read, later.documents) == (1, 1)
    with DuckDBStore(db) as stored:
        assert len(stored.documents()) == 2


def test_a_missing_folder_is_reported_once_and_watching_goes_on(tmp_path: Path) -> None:
    clock = ManualClock()
    result = watch(
        folders=[tmp_path / "nowhere"], db=str(tmp_path / "w.duckdb"), max_polls=3, clock=clock
    )
    assert [f.code for f in result.failures] == ["DOT864"]
    assert result.rounds == 3
    assert clock.slept and all(wait > 0 for wait in clock.slept)


def test_nothing_to_watch_is_a_coded_error(tmp_path: Path) -> None:
    with pytest.raises(WatchError) as caught:
        watch(db=str(tmp_path / "w.duckdb"), once=True)
    assert caught.value.code == "DOT850"
