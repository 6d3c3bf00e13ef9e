"""Paged event reads (for the HTTP API): same order and pages on every store."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dotterel.store import DuckDBStore, EventStore, MemoryStore
from dotterel.store.base import EVENT_SORTS
from tests.store.conftest import doc, ent, event


def _fill(store: EventStore, dates: list[str | None], prefix: str = "d") -> None:
    run = store.start_run("test", [])
    items = []
    for i, date in enumerate(dates):
        document = doc(f"{prefix}{i}", f"Russia signed a pact with Iran number {prefix}{i}.")
        actors = [ent("Russia", "RUSGOV")]
        recipients = [ent("Iran", "IRN", 26)] if i % 2 == 0 else []
        items.append(
            (document, [event(document, "signed", "AGREE", actors, recipients, date=date)], [])
        )
    store.add_batch(items, [], run)


def _walk(store: EventStore, sort: str, descending: bool, limit: int, **filters) -> list:
    seen, after = [], None
    while True:
        page, _total = store.event_page(
            sort=sort, descending=descending, after=after, limit=limit, **filters
        )
        seen.extend(page)
        if len(page) < limit:
            return seen
        after = (page[-1][0], page[-1][1])


DATES = ["2024-05-03", None, "2024-05-01", "2024-05-03", "2024-04-30", None, "2024-05-02"]


@pytest.mark.parametrize("sort", EVENT_SORTS)
@pytest.mark.parametrize("descending", [False, True])
def test_pages_visit_every_event_once_in_a_total_order(
    store: EventStore, sort: str, descending: bool
) -> None:
    _fill(store, DATES)
    rows = _walk(store, sort, descending, limit=2)
    assert len(rows) == len(DATES)
    assert len({row[2].event_id for row in rows}) == len(DATES)
    keys = [(row[0], row[1]) for row in rows]
    assert keys == sorted(keys, reverse=descending)


def test_dates_sort_with_missing_dates_first(store: EventStore) -> None:
    _fill(store, DATES)
    dates = [row[2].event_date for row in _walk(store, "event_date", False, limit=3)]
    assert dates == [
        None,
        None,
        "2024-04-30",
        "2024-05-01",
        "2024-05-02",
        "2024-05-03",
        "2024-05-03",
    ]


def test_events_added_between_pages_do_not_repeat_earlier_ones(store: EventStore) -> None:
    _fill(store, DATES[:4])
    first, _ = store.event_page(limit=2)
    _fill(store, ["2024-01-01", "2024-12-31"], prefix="late")
    after = (first[-1][0], first[-1][1])
    rest, _ = store.event_page(after=after, limit=100)
    ids = [row[2].event_id for row in first + rest]
    assert len(ids) == len(set(ids)) == 6


def test_filters_and_counts_agree_with_query_events(store: EventStore) -> None:
    _fill(store, DATES)
    for filters in (
        {},
        {"recipient": "IRN"},
        {"actor": "rus", "since": "2024-05-01"},
        {"until": "2024-05-02", "event_type": "agree"},
        {"doc_id": "d3"},
    ):
        page, total = store.event_page(limit=100, **filters)
        expected = store.query_events(**filters)
        assert [row[2] for row in page] == expected
        assert total == len(expected)
        assert store.count_events(**filters) == len(expected)


def test_parties_match_either_role(store: EventStore) -> None:
    _fill(store, DATES)
    both, _ = store.event_page(limit=100, parties=["IRN", "RUS"])
    assert len(both) == 4  # the events with a recipient
    assert store.count_events(parties=["RUS"]) == len(DATES)
    assert store.count_events(parties=["IRN", "CHN"]) == 0


def test_one_document_and_one_event_by_id(store: EventStore) -> None:
    _fill(store, DATES[:2])
    found = store.document("d1")
    assert found is not None and found.text.endswith("number d1.")
    assert store.document("nope") is None
    first = store.query_events()[0]
    assert store.event_by_id(first.event_id) == first
    assert store.event_by_id("ev_missing") is None


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    dates=st.lists(st.sampled_from(["2024-01-01", "2024-01-02", None]), max_size=8),
    limit=st.integers(1, 4),
    sort=st.sampled_from(EVENT_SORTS),
    descending=st.booleans(),
)
def test_any_page_size_gives_the_same_sequence_on_both_stores(
    dates, limit, sort, descending
) -> None:
    orders = []
    for made in (MemoryStore(), DuckDBStore(":memory:")):
        with made as store:
            _fill(store, dates)
            whole, _ = store.event_page(sort=sort, descending=descending, limit=100)
            assert _walk(store, sort, descending, limit) == whole
            orders.append([row[2].event_id for row in whole])
    assert orders[0] == orders[1]
