"""Every route of the HTTP API through FastAPI's TestClient, on a real (small) store."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dotterel import api
from dotterel.api.http import create_app
from dotterel.api.http.app import STATIC, RateLimiter
from dotterel.api.http.vocabulary import load_vocabulary
from dotterel.errors import RateLimitedError
from dotterel.records import PLOVER_TYPES

SEED_ID = "seed-russia-iran-partnership"


@pytest.fixture(scope="module")
def client(store_path: str) -> Iterator[TestClient]:
    with TestClient(create_app(store_path)) as made:
        yield made


def _all_pages(client: TestClient, **params) -> list[dict]:
    events, cursor = [], None
    while True:
        query = {**params, **({"cursor": cursor} if cursor else {})}
        page = client.get("/api/events", params=query).json()
        events.extend(page["events"])
        cursor = page["next_cursor"]
        if cursor is None:
            return events


def test_health_reports_counts_and_read_only(client: TestClient, store_path: str) -> None:
    body = client.get("/api/health").json()
    assert body["status"] == "ok"
    assert body["writes"] is False
    assert body["counts"]["documents"] == 13
    assert body["counts"]["failures"] == 1


def test_vocabulary_has_words_for_every_category(client: TestClient) -> None:
    body = client.get("/api/vocabulary").json()
    assert set(body["categories"]) == set(PLOVER_TYPES)
    assert body["categories"]["AGREE"]["label"] == "Agree / promise"
    assert body["countries"]["PRK"] == "North Korea"
    assert load_vocabulary().actor_label("RUSGOV") == "Russia (government)"


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"actor": "RUS"},
        {"actor": "chn", "recipient": "JPN"},
        {"event_type": "ACCUSE"},
        {"since": "2024-03-01", "until": "2024-05-31"},
        {"factuality": "future"},
        {"doc_id": SEED_ID},
    ],
)
def test_event_filters_give_what_dotterel_events_gives(
    client: TestClient, store_path: str, filters: dict
) -> None:
    params = {("type" if k == "event_type" else k): v for k, v in filters.items()}
    got = _all_pages(client, limit=4, **params)
    expected = api.query_events(db=store_path, **filters)
    assert [e["event_id"] for e in got] == [e.event_id for e in expected]
    assert client.get("/api/events", params=params).json()["total"] == len(expected)


@pytest.mark.parametrize("sort", ["seq", "event_date", "goldstein", "confidence"])
@pytest.mark.parametrize("descending", [False, True])
def test_cursor_paging_visits_each_event_once_in_order(
    client: TestClient, sort: str, descending: bool
) -> None:
    everything = client.get("/api/events", params={"limit": 500}).json()
    paged = _all_pages(client, limit=3, sort=sort, descending=descending)
    assert sorted(e["event_id"] for e in paged) == sorted(
        e["event_id"] for e in everything["events"]
    )
    if sort == "event_date":
        dates = [e["event_date"] or "" for e in paged]
        assert dates == sorted(dates, reverse=descending)


def test_party_filter_finds_the_russia_iran_treaty(client: TestClient) -> None:
    body = client.get("/api/events", params=[("party", "RUS"), ("party", "IRN")]).json()
    agree = [e for e in body["events"] if e["event_type"] == "AGREE"]
    assert agree and agree[0]["trigger"]["text"] == "sign"
    assert agree[0]["category_label"] == "Agree / promise"


def test_refused_queries_carry_codes(client: TestClient) -> None:
    bad_cursor = client.get("/api/events", params={"cursor": "not-a-cursor"})
    assert bad_cursor.status_code == 400 and bad_cursor.json()["code"] == "DOT952"
    page = client.get("/api/events", params={"limit": 2}).json()
    other_sort = client.get(
        "/api/events", params={"cursor": page["next_cursor"], "sort": "goldstein"}
    )
    assert other_sort.status_code == 400 and "sort" in other_sort.json()["message"]
    bad_type = client.get("/api/events", params={"type": "HUG"})
    assert bad_type.status_code == 422 and bad_type.json()["code"] == "DOT953"
    bad_date = client.get("/api/events", params={"since": "last tuesday"})
    assert bad_date.status_code == 422 and "since" in bad_date.json()["message"]
    assert client.get("/api/nowhere").json()["code"] == "DOT960"


def test_one_event_comes_with_its_article(client: TestClient) -> None:
    first = client.get("/api/events", params={"doc_id": SEED_ID, "limit": 1}).json()
    event_id = first["events"][0]["event_id"]
    body = client.get(f"/api/events/{event_id}").json()
    assert body["event"]["event_id"] == event_id
    assert body["document"]["doc_id"] == SEED_ID
    text = body["document"]["text"]
    trigger = body["event"]["trigger"]
    assert text[trigger["start"] : trigger["end"]] == trigger["text"]
    missing = client.get("/api/events/ev_0000")
    assert missing.status_code == 404 and missing.json()["code"] == "DOT951"


def test_document_view_highlights_the_seed_spans_and_states_claims(client: TestClient) -> None:
    body = client.get(f"/api/documents/{SEED_ID}").json()
    text = body["document"]["text"]
    for mark in body["highlights"]:
        assert text[mark["start"] : mark["end"]] == mark["text"]
    kinds = {mark["kind"] for mark in body["highlights"]}
    assert {"evidence", "trigger", "actor", "recipient", "claimed_by", "denied_by"} <= kinds
    statuses = {e["status"] for e in body["events"]}
    assert "Alleged by US; denied by Iran" in statuses
    assert "Reported as fact by the publisher" in statuses
    assert client.get("/api/documents/nope").json()["code"] == "DOT951"


def test_document_list_actors_dyads_failures_and_runs(client: TestClient) -> None:
    docs = client.get("/api/documents", params={"limit": 5}).json()
    assert [d["doc_id"] for d in docs][:2] == [SEED_ID, "wire-00"] and "text" not in docs[0]
    unresolved = client.get("/api/actors/unresolved").json()
    assert {"text": "spying", "count": 12} in unresolved
    dyads = client.get("/api/dyads").json()
    top = dyads[0]
    assert (top["actor"], top["recipient"], top["event_type"]) == ("CHN", "JPN", "ACCUSE")
    assert top["category_label"] == "Accuse / criticise"
    failures = client.get("/api/failures").json()
    assert failures == [
        {"source": "wire/broken.txt", "line": None, "code": "DOT101", "reason": "empty file"}
    ]
    runs = client.get("/api/runs").json()
    assert runs[0]["status"] == "finished" and runs[0]["documents"] == 13


def test_explorer_and_its_files_are_served_without_outside_urls(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "Dotterel explorer" in page.text
    for name in ("app.js", "style.css", "cytoscape.min.js"):
        assert client.get(f"/static/{name}").status_code == 200
    outside = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|url\(\s*["']?https?:""")
    for path in (STATIC / "index.html", STATIC / "style.css", STATIC / "app.js"):
        assert not outside.search(path.read_text(encoding="utf-8")), path
    assert client.get("/docs").status_code == 404  # FastAPI's docs page needs a CDN


def test_openapi_documents_every_route(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/health",
        "/api/events",
        "/api/events/{event_id}",
        "/api/documents",
        "/api/documents/{doc_id}",
        "/api/actors/unresolved",
        "/api/dyads",
        "/api/failures",
        "/api/runs",
        "/api/vocabulary",
        "/api/ingest",
    ):
        assert path in paths


# -- writes ----------------------------------------------------------------------------


@pytest.fixture
def writable(store_path: str, tmp_path: Path) -> str:
    copy = tmp_path / "writable.duckdb"
    shutil.copy(store_path, copy)
    return str(copy)


TEXT = "Brazil and Argentina signed a trade agreement in Brasilia on Monday."


def test_a_read_only_server_refuses_writes(client: TestClient) -> None:
    refused = client.post("/api/ingest", json={"documents": [{"text": TEXT}]})
    assert refused.status_code == 403 and refused.json()["code"] == "DOT954"


def test_writes_need_a_token(writable: str) -> None:
    with pytest.raises(ValueError, match="token"):
        create_app(writable, allow_writes=True)
    with TestClient(create_app(writable, allow_writes=True, token="s3cret")) as client:
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "s3cret"}):
            refused = client.post(
                "/api/ingest", json={"documents": [{"text": TEXT}]}, headers=headers
            )
            assert refused.status_code == 401 and refused.json()["code"] == "DOT955"


def test_submitted_text_is_coded_stored_and_served(writable: str) -> None:
    auth = {"Authorization": "Bearer s3cret"}
    with TestClient(create_app(writable, allow_writes=True, token="s3cret")) as client:
        body = {"documents": [{"text": TEXT, "published": "2024-06-03", "doc_id": "web-1"}]}
        done = client.post("/api/ingest", json=body, headers=auth)
        assert done.status_code == 200, done.text
        assert done.json()["documents"] == 1 and done.json()["events"] >= 1
        events = client.get("/api/events", params={"doc_id": "web-1"}).json()["events"]
        assert len(events) == done.json()["events"]
        assert all(e["evidence"]["text"] == TEXT for e in events)
        again = client.post("/api/ingest", json=body, headers=auth).json()
        assert again["documents"] == 0 and again["skipped"] == 1
        empty = client.post("/api/ingest", json={"documents": [{"text": ""}]}, headers=auth)
        assert empty.status_code == 422 and empty.json()["code"] == "DOT953"


def test_oversized_bodies_are_refused(writable: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOTTEREL_HTTP_MAX_BODY_BYTES", "2000")
    with TestClient(create_app(writable, allow_writes=True, token="t")) as client:
        big = {"documents": [{"text": "Iran protested. " * 500}]}
        refused = client.post("/api/ingest", json=big, headers={"Authorization": "Bearer t"})
        assert refused.status_code == 413 and refused.json()["code"] == "DOT956"


def test_slow_ingestion_answers_with_a_timeout(
    writable: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOTTEREL_HTTP_INGEST_TIMEOUT", "0.001")
    import time

    def slow_ingest(*args, **kwargs):
        time.sleep(0.2)
        return api.RunSummary(run_id="run-slow")

    monkeypatch.setattr(api, "ingest", slow_ingest)
    with TestClient(create_app(writable, allow_writes=True, token="t")) as client:
        late = client.post(
            "/api/ingest",
            json={"documents": [{"text": TEXT}]},
            headers={"Authorization": "Bearer t"},
        )
    assert late.status_code == 503 and late.json()["code"] == "DOT958"


def test_rate_limit_counts_a_sliding_minute() -> None:
    now = [0.0]
    limiter = RateLimiter(2, clock=lambda: now[0])
    limiter.check("a")
    limiter.check("a")
    limiter.check("b")
    with pytest.raises(RateLimitedError):
        limiter.check("a")
    now[0] = 60.0
    limiter.check("a")


def test_too_many_writes_are_refused_with_a_code(
    writable: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOTTEREL_HTTP_WRITES_PER_MINUTE", "1")
    monkeypatch.setattr(api, "ingest", lambda *a, **k: api.RunSummary(run_id="run-x"))
    with TestClient(create_app(writable, allow_writes=True, token="t")) as client:
        auth = {"Authorization": "Bearer t"}
        body = {"documents": [{"text": TEXT}]}
        assert client.post("/api/ingest", json=body, headers=auth).status_code == 200
        second = client.post("/api/ingest", json=body, headers=auth)
    assert second.status_code == 429 and second.json()["code"] == "DOT957"


def test_an_unusable_store_answers_503(tmp_path: Path) -> None:
    bogus = tmp_path / "not-a-store.duckdb"
    bogus.write_text("hello")
    with TestClient(create_app(str(bogus))) as client:
        answer = client.get("/api/health")
    assert answer.status_code == 503 and answer.json()["code"] == "DOT959"


def test_cached_answers_are_dropped_when_the_store_changes(writable: str) -> None:
    from dotterel.store import DuckDBStore
    from tests.store.conftest import doc, ent, event

    with TestClient(create_app(writable)) as client:
        before = client.get("/api/events", params={"actor": "DEU"}).json()["total"]
        assert client.get("/api/events", params={"actor": "DEU"}).json()["total"] == before
        # A write by another connection (as `dotterel ingest` would make) changes the files.
        late = doc("late", "Germany sent aid to Ukraine.")
        with DuckDBStore(writable) as other:
            run = other.start_run("ingest", [])
            found = event(late, "sent", "AID", [ent("Germany", "DEU")], [ent("Ukraine", "UKR", 20)])
            other.add_batch([(late, [found], [])], [], run)
        after = client.get("/api/events", params={"actor": "DEU"}).json()["total"]
    assert after == before + 1
