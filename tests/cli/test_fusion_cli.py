"""``dotterel fuse``, ``stories``, ``fused``, ``claims`` and ``lifecycle`` as a user runs them."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from dotterel.cli.main import app
from dotterel.records import Document
from dotterel.store import DuckDBStore
from tests.store.conftest import ent, event

runner = CliRunner()
TEXT = "Russia and China signed a trade pact in Beijing on Tuesday, officials said."


def _document(doc_id: str, outlet: str, published: str, extra: str = "") -> Document:
    return Document(doc_id=doc_id, text=TEXT + extra, published=published, outlet=outlet)


@pytest.fixture
def db(tmp_path) -> str:
    path = str(tmp_path / "fusion.duckdb")
    items = []
    for doc_id, outlet, published in (
        ("wire", "Reuters", "2024-05-07"),
        ("copy", "Daily Star", "2024-05-08"),
    ):
        document = _document(doc_id, outlet, published, extra=f" ({outlet})")
        agree = event(document, "signed", "AGREE", [ent("Russia", "RUS")], [ent("China", "CHN")])
        agree.date_source = "published"
        agree.event_date = "2024-05-07"
        claim = Document(
            doc_id=f"claim-{doc_id}",
            text=f"Ukraine said Iran sent drones to Russia ({outlet}).",
            published=published,
            outlet=outlet,
        )
        drones = event(claim, "sent", "AID", [ent("Iran", "IRN")], [ent("Russia", "RUS")])
        drones.claimed_by = [ent("Ukraine", "UKR")]
        items += [(document, [agree], []), (claim, [drones], [])]
    with DuckDBStore(path) as store:
        store.add_batch(items, [], store.start_run("test", []))
    return path


def test_fuse_then_list_fused_events_as_jsonl(db: str) -> None:
    result = runner.invoke(app, ["fuse", "--db", db])
    assert result.exit_code == 0, result.output
    assert "4 documents fused" in result.output
    listed = runner.invoke(app, ["fused", "--db", db, "--format", "jsonl"])
    assert listed.exit_code == 0
    records = [json.loads(line) for line in listed.output.splitlines()]
    agree = next(r for r in records if r["event_type"] == "AGREE")
    for key in ("fused_id", "actor", "recipient", "factuality", "claimed_by", "denied_by"):
        assert key in agree
    assert agree["actor"][0]["code"] == "RUS"
    assert (agree["n_mentions"], agree["n_documents"], agree["n_independent_sources"]) == (2, 2, 1)
    assert [(m["doc_id"], m["outlet"]) for m in agree["members"]] == [
        ("wire", "Reuters"),
        ("copy", "Daily Star"),
    ]
    filtered = runner.invoke(app, ["fused", "--db", db, "--type", "aid", "--format", "jsonl"])
    assert [json.loads(x)["event_type"] for x in filtered.output.splitlines()] == ["AID"]
    table = runner.invoke(app, ["fused", "--db", db])
    assert "AGREE" in table.output and "Fused events" in table.output


def test_fused_show_explains_each_join(db: str) -> None:
    runner.invoke(app, ["fuse", "--db", db])
    records = runner.invoke(app, ["fused", "--db", db, "--format", "jsonl", "--type", "AGREE"])
    fused_id = json.loads(records.output.splitlines()[0])["fused_id"]
    shown = runner.invoke(app, ["fused", "show", fused_id, "--db", db])
    assert shown.exit_code == 0, shown.output
    assert "same type AGREE" in shown.output
    assert "participants {CHN,RUS}->{} fit {CHN,RUS}->{}" in shown.output
    assert "overlaps" in shown.output
    missing = runner.invoke(app, ["fused", "show", "fu_nothing", "--db", db])
    assert missing.exit_code == 1
    assert "DOT701" in missing.output


def test_stories_claims_and_lifecycle(db: str) -> None:
    runner.invoke(app, ["fuse", "--db", db])
    stories = runner.invoke(app, ["stories", "--db", db, "--format", "jsonl"])
    found = [json.loads(line) for line in stories.output.splitlines()]
    pact = next(s for s in found if "wire" in s["doc_ids"])
    assert pact["doc_ids"] == ["wire", "copy"] and pact["n_source_families"] == 1
    claims = runner.invoke(app, ["claims", "--db", db, "--format", "jsonl"])
    [claim] = [json.loads(line) for line in claims.output.splitlines()]
    assert claim["kind"] == "claim" and claim["status"] == "alleged"
    assert claim["dyad"] == ["IRN", ">", "RUS"]
    assert claim["steps"][0]["by"] == ["UKR"]
    text = runner.invoke(app, ["lifecycle", claim["lifecycle_id"], "--db", db])
    assert text.exit_code == 0
    assert "alleged" in text.output and "Ukraine said Iran sent drones" in text.output
    missing = runner.invoke(app, ["lifecycle", "lc_nothing", "--db", db])
    assert missing.exit_code == 1 and "DOT702" in missing.output
    treaties = runner.invoke(app, ["lifecycles", "--db", db, "--kind", "treaty"])
    assert "signed" in treaties.output


def test_fuse_twice_changes_nothing_and_rebuild_keeps_ids(db: str) -> None:
    runner.invoke(app, ["fuse", "--db", db])
    first = runner.invoke(app, ["fused", "--db", db, "--format", "jsonl"]).output
    again = runner.invoke(app, ["fuse", "--db", db])
    assert "0 documents fused" in again.output
    runner.invoke(app, ["fuse", "--db", db, "--rebuild"])
    assert runner.invoke(app, ["fused", "--db", db, "--format", "jsonl"]).output == first
