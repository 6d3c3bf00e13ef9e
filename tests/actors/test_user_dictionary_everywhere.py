"""One user dictionary entry is honoured by extract, ingest, resolve and actors alike.

The entry names an organisation the built-in dictionaries do not know as an actor; each
command reads it from the same ``user_dictionaries`` setting.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dotterel import api
from dotterel.cli.main import app

NAME = "Ostrava Free Union"
TEXT = f"The {NAME} accused the Polish government of rigging the vote."


@pytest.fixture
def dictionary(tmp_path: Path) -> str:
    path = tmp_path / "mine.yaml"
    path.write_text(f"actors:\n  - text: {NAME}\n    code: CZEOPP\n", encoding="utf-8")
    return str(path)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.jsonl"
    record = {"doc_id": "ofu", "text": TEXT, "published": "2024-03-04"}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def actor_codes(events) -> set[str | None]:
    return {a.code for e in events if e.event_type == "ACCUSE" for a in e.actor}


def test_extract_codes_the_users_actor(dictionary: str, monkeypatch) -> None:
    assert actor_codes(api.extract_text(TEXT, published="2024-03-04")) == {None}
    monkeypatch.setenv("DOTTEREL_USER_DICTIONARIES", dictionary)
    assert actor_codes(api.extract_text(TEXT, published="2024-03-04")) == {"CZEOPP"}


def test_ingest_stores_the_users_actor(
    dictionary: str, article: Path, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("DOTTEREL_USER_DICTIONARIES", dictionary)
    db = str(tmp_path / "events.duckdb")
    api.ingest([str(article)], db=db)
    assert actor_codes(api.query_events(db=db)) == {"CZEOPP"}


def test_resolve_uses_the_users_dictionary(dictionary: str, monkeypatch) -> None:
    runner = CliRunner()
    before = json.loads(runner.invoke(app, ["resolve", NAME]).output)
    assert before["code"] != "CZEOPP"
    monkeypatch.setenv("DOTTEREL_USER_DICTIONARIES", dictionary)
    after = json.loads(runner.invoke(app, ["resolve", NAME]).output)
    assert (after["code"], after["why"]) == ("CZEOPP", "user")
    assert api.resolve_actor(NAME).code == "CZEOPP"


def test_actors_drops_a_name_the_user_has_since_added(
    dictionary: str, article: Path, tmp_path: Path, monkeypatch
) -> None:
    db = str(tmp_path / "events.duckdb")
    api.ingest([str(article)], db=db)
    runner = CliRunner()
    monkeypatch.setenv("DOTTEREL_DB", db)  # --db is not given: the setting is honoured
    listed = runner.invoke(app, ["actors", "--unresolved"])
    assert listed.exit_code == 0, listed.output
    assert NAME in listed.output
    monkeypatch.setenv("DOTTEREL_USER_DICTIONARIES", dictionary)
    listed = runner.invoke(app, ["actors", "--unresolved"])
    assert listed.exit_code == 0 and NAME not in listed.output
    assert all(name != NAME for name, _ in api.unresolved_actors(db))


def test_actors_on_a_missing_store_is_a_coded_error_and_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "missing.duckdb"
    result = CliRunner().invoke(app, ["actors", "--unresolved", "--db", str(missing)])
    assert result.exit_code != 0 and "DOT" in result.output
    assert not missing.exists()
