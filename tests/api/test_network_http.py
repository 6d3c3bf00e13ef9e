"""The network and fusion routes through FastAPI's TestClient, on the seed article coded
by the pipeline and fused, plus hand-made wire events: what an analyst clicking through
the explorer gets (fused events, stories, claims, treaty stages, the network, blocs, a
dyad month by month with the sentences behind each point, alerts, downloads)."""

from __future__ import annotations

import csv
import io
import json
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from dotterel.api import fuse_store
from dotterel.api.http import create_app
from dotterel.nlp.pipeline import Extractor
from dotterel.records import Document
from dotterel.store import DuckDBStore
from tests.api.conftest import seed_document, synthetic_items
from tests.store.conftest import doc, ent, event

SEED_ID = "seed-russia-iran-partnership"


@pytest.fixture(scope="module")
def fused_store(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> str:
    path = str(tmp_path_factory.mktemp("network-http") / "events.duckdb")
    seed = extractor.extract_one(seed_document())
    with DuckDBStore(path) as store:
        run = store.start_run("ingest", ["seed.jsonl", "wire/"])
        store.add_batch([(seed.document, seed.events, seed.mentions)], [], run)
        store.add_batch(synthetic_items(), [], run)
        store.finish_run(run, documents=13, events=len(seed.events) + 12, failures=0, skipped=0)
        fuse_store(store)
    return path


@pytest.fixture(scope="module")
def client(fused_store: str) -> Iterator[TestClient]:
    with TestClient(create_app(fused_store)) as made:
        yield made


def _treaty(client: TestClient) -> dict:
    found = client.get("/api/fused", params={"actor": "RUS", "type": "AGREE"}).json()
    return next(f for f in found if f["members"][0]["doc_id"] == SEED_ID)


def test_fused_events_list_the_treaty_with_its_reports(client: TestClient) -> None:
    answer = client.get("/api/fused", params={"actor": "RUS", "type": "AGREE"})
    assert answer.status_code == 200
    treaty = _treaty(client)
    assert {a["code"][:3] for a in treaty["actor"]} == {"RUS", "IRN"}
    member = treaty["members"][0]
    assert "sign" in member["evidence"]["text"]
    # Each report links to its document event, shown in its article.
    shown = client.get(f"/api/events/{member['event_id']}").json()
    assert shown["event"]["evidence"]["text"] == member["evidence"]["text"]


def test_fused_events_filter_by_date_and_limit(client: TestClient) -> None:
    every = client.get("/api/fused", params={"limit": 1000}).json()
    assert len(client.get("/api/fused", params={"limit": 2}).json()) == 2
    dates = [f["event_date"] for f in every if f["event_date"]]
    assert dates == sorted(dates)
    recent = client.get("/api/fused", params={"since": "2024-10-01"}).json()
    assert recent and all(f["event_date"] >= "2024-10-01" for f in recent)


def test_one_fused_event_and_an_unknown_one(client: TestClient) -> None:
    treaty = _treaty(client)
    assert client.get(f"/api/fused/{treaty['fused_id']}").json() == treaty
    missing = client.get("/api/fused/fu_0000000000000000")
    assert missing.status_code == 404
    assert missing.json()["code"] == "DOT951"


def test_stories_group_the_articles(client: TestClient) -> None:
    stories = client.get("/api/stories").json()
    seed = next(s for s in stories if SEED_ID in s["doc_ids"])
    assert seed["title"].startswith("Russia, Iran to sign")
    assert sum(s["n_documents"] for s in stories) == 13
    assert len(client.get("/api/stories", params={"limit": 1}).json()) == 1


def test_claims_say_who_alleged_and_who_denied(client: TestClient) -> None:
    claims = client.get("/api/claims").json()
    troops = next(c for c in claims if c["dyad"] == ["PRK", ">", "RUS"])
    assert troops["status"] == "alleged"
    assert troops["steps"][0]["by"] and all(b.startswith("USA") for b in troops["steps"][0]["by"])
    denied = client.get("/api/claims", params={"status": "denied"}).json()
    assert denied and all(c["status"] == "denied" for c in denied)
    assert any("IRN" in c["dyad"] for c in denied)


def test_treaty_lifecycle_and_one_by_id(client: TestClient) -> None:
    treaties = client.get("/api/lifecycles", params={"kind": "treaty"}).json()
    treaty = next(t for t in treaties if t["dyad"] == ["IRN", "RUS"])
    assert treaty["steps"][0]["doc_id"] == SEED_ID
    assert client.get(f"/api/lifecycles/{treaty['lifecycle_id']}").json() == treaty
    assert all(t["kind"] == "treaty" for t in treaties)
    everything = client.get("/api/lifecycles").json()
    assert {lc["kind"] for lc in everything} == {"treaty", "claim"}
    assert client.get("/api/lifecycles/lc_nothing").status_code == 404


def test_network_shows_the_axis_as_one_bloc_against_the_united_states(client: TestClient) -> None:
    graph = client.get("/api/network").json()
    bloc = {node["code"]: node["bloc"] for node in graph["nodes"]}
    assert bloc["RUS"] == bloc["CHN"] == bloc["IRN"] == bloc["PRK"]
    assert bloc["USA"] != bloc["RUS"]
    edge = next(e for e in graph["edges"] if (e["source"], e["target"]) == ("RUS", "IRN"))
    assert edge["weight"] > 0 and edge["n_events"] >= 1
    assert edge["evidence"] == [] and edge["fused_ids"] == []  # small unless asked for
    accused = next(e for e in graph["edges"] if (e["source"], e["target"]) == ("USA", "IRN"))
    assert accused["weight"] < 0  # signed: conflict is negative


def test_network_evidence_and_window(client: TestClient) -> None:
    graph = client.get("/api/network", params={"evidence": "true"}).json()
    edge = next(e for e in graph["edges"] if (e["source"], e["target"]) == ("RUS", "IRN"))
    assert _treaty(client)["fused_id"] in edge["fused_ids"]
    assert len(edge["evidence"]) == edge["n_events"]
    old = client.get("/api/network", params={"until": "2023-12-31"}).json()
    assert {"RUS", "IRN"}.isdisjoint(node["code"] for node in old["nodes"])
    assert old["until"] == "2023-12-31"
    crossed = client.get("/api/network", params={"since": "2025-01-01", "until": "2024-01-01"})
    assert crossed.status_code == 422 and crossed.json()["code"] == "DOT953"


def test_network_as_gexf_for_gephi(client: TestClient) -> None:
    answer = client.get("/api/network.gexf")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/gexf+xml")
    root = ET.fromstring(answer.content)
    ids = {node.get("id") for node in root.iter("{http://gexf.net/1.3}node")}
    assert {"RUS", "IRN", "CHN", "PRK", "USA"} <= ids


def test_blocs_are_listed_largest_first(client: TestClient) -> None:
    blocs = client.get("/api/blocs").json()
    assert [b["bloc"] for b in blocs] == list(range(1, len(blocs) + 1))
    sizes = [len(b["members"]) for b in blocs]
    assert sizes == sorted(sizes, reverse=True)
    axis = next(b for b in blocs if "RUS" in b["members"])
    assert {"RUS", "CHN", "IRN", "PRK"} <= set(axis["members"])
    assert client.get("/api/blocs", params={"source": "icews"}).json() == []


def test_dyad_series_points_carry_their_events_and_sentences(client: TestClient) -> None:
    points = client.get("/api/dyads/RUS/IRN").json()
    assert [p["period"] for p in points] == ["2024-10-01", "2024-11-01"]  # month starts
    for point in points:
        assert point["n_events"] == len(point["events"]) == len(point["fused_ids"])
        assert point["cooperation"] == pytest.approx(sum(e["cooperation"] for e in point["events"]))
    events = [e for p in points for e in p["events"]]
    treaty = next(e for e in events if e["event_type"] == "AGREE")
    assert treaty["category_label"] == "Agree / promise"
    assert "sign" in treaty["evidence"]
    shown = client.get(f"/api/events/{treaty['event_id']}").json()
    assert shown["document"]["doc_id"] == SEED_ID


def test_dyad_series_either_way_by_week_and_directed(client: TestClient) -> None:
    both = client.get("/api/dyads/IRN/RUS").json()
    assert [p["n_events"] for p in both] == [
        p["n_events"] for p in client.get("/api/dyads/RUS/IRN").json()
    ]
    weekly = client.get("/api/dyads/RUS/IRN", params={"by": "week"}).json()
    assert sum(p["n_events"] for p in weekly) == sum(p["n_events"] for p in both)
    light = client.get("/api/dyads/RUS/IRN", params={"events": "false"}).json()
    assert all(p["events"] == [] for p in light) and light[0]["fused_ids"]
    directed = client.get("/api/dyads/USA/IRN", params={"directed": "true"}).json()
    assert directed and all(p["conflict"] > 0 for p in directed if p["n_events"])
    assert client.get("/api/dyads/IRN/USA", params={"directed": "true"}).json() == []


def test_dyad_series_refuses_what_is_not_a_party(client: TestClient) -> None:
    answer = client.get("/api/dyads/XYZ/IRN")
    assert answer.status_code == 404
    assert answer.json()["code"] == "DOT951"
    assert "alpha-3" in answer.json()["message"]
    assert client.get("/api/dyads/R1/IRN").status_code == 422


def test_alerts_report_allegations_and_denials(client: TestClient) -> None:
    alerts = client.get("/api/alerts").json()
    kinds = {a["kind"] for a in alerts}
    assert {"allegation", "denial"} <= kinds
    denial = next(a for a in alerts if a["kind"] == "denial")
    assert denial["fused_ids"] and denial["message"]
    late = client.get("/api/alerts", params={"since": "2030-01-01"}).json()
    assert late == []


def test_export_downloads_the_events_in_the_format_asked(client: TestClient) -> None:
    answer = client.get("/api/export", params={"format": "csv", "actor": "RUS"})
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/csv")
    assert "attachment" in answer.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(answer.text)))
    assert rows and all("RUS" in row["actor_country"] for row in rows)
    assert any(row["doc_id"] == SEED_ID for row in rows)
    lines = client.get("/api/export", params={"format": "plover-json"}).text.splitlines()
    assert len(lines) == len(client.get("/api/events", params={"limit": 500}).json()["events"])
    assert all(json.loads(line) for line in lines)
    parquet = client.get("/api/export", params={"format": "parquet", "type": "ACCUSE"})
    assert parquet.content[:4] == b"PAR1"
    unknown = client.get("/api/export", params={"format": "xlsx"})
    assert unknown.status_code == 422 and unknown.json()["code"] == "DOT953"


def test_answers_follow_the_store_when_it_changes(fused_store: str, tmp_path: Path) -> None:
    path = str(tmp_path / "copy.duckdb")
    shutil.copy(fused_store, path)
    with TestClient(create_app(path)) as client:
        before = client.get("/api/dyads/JPN/KOR").json()
        assert before == []
        client.app.state.dotterel.stores.close()  # the writer below needs the file
        d: Document = doc("wire-kor", "Japan accused South Korea of spying.", "2024-05-02")
        e = event(d, "accused", "ACCUSE", [ent("Japan", "JPN")], [ent("South Korea", "KOR", 14)])
        with DuckDBStore(path) as store:
            run = store.start_run("ingest", ["more/"])
            store.add_batch([(d, [e], [])], [], run)
            store.finish_run(run, documents=1, events=1, failures=0, skipped=0)
            fuse_store(store)
        after = client.get("/api/dyads/JPN/KOR").json()
        assert [p["period"] for p in after] == ["2024-05-01"]
