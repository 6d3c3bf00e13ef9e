"""The ``dotterel`` command line, end to end, as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import jsonschema
import pytest
from typer.testing import CliRunner

from dotterel.cli.main import app
from dotterel.schema import load_event_schema

runner = CliRunner()

GOOD_JSONL = [
    {
        "doc_id": "good-1",
        "published": "2003-05-02",
        "text": "Egypt condemned Israel on Thursday over the raid.",
    },
    {
        "doc_id": "good-2",
        "published": "2003-05-03",
        "text": "Japan sent troops to Iraq on Friday, officials said.",
    },
]


def make_mixed_directory(root: Path) -> Path:
    """Good files of every kind beside one bad input of every kind."""
    folder = root / "inputs"
    (folder / "nested").mkdir(parents=True)
    (folder / "good.jsonl").write_text(
        "\n".join(json.dumps(r) for r in GOOD_JSONL) + "\n{not json\n", encoding="utf-8"
    )
    (folder / "nested" / "story.txt").write_text(
        "Talks in Oslo\nNorway hosted Sri Lankan negotiators in Oslo on Monday for new talks.",
        encoding="utf-8",
    )
    (folder / "page.html").write_text(
        "<html><head><title>Sanctions</title></head><body><article><p>"
        + "The European Union imposed new sanctions on Belarus on Tuesday over the crackdown "
        + "on protesters, and officials said more measures could follow within weeks.</p>"
        + "</article></body></html>",
        encoding="utf-8",
    )
    (folder / "feed.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        "<item><title>Visit</title><pubDate>Mon, 06 Jan 2003 10:00:00 GMT</pubDate>"
        "<description>The Chinese premier visited Pakistan on Monday and met its president "
        "for talks on trade and security in the region.</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (folder / "latin1.txt").write_bytes(
        "Le gouvernement a annoncé hier que les négociations avec les syndicats allaient "
        "reprendre la semaine prochaine à Genève.".encode("latin-1")
    )
    (folder / "big.txt").write_text("word " * 400, encoding="utf-8")
    (folder / "broken.html").write_text("<html><body><script>x</script></body>", encoding="utf-8")
    (folder / "broken.rss").write_text("<rss><channel><item><title>", encoding="utf-8")
    (folder / "french.txt").write_text(
        "Le gouvernement français a annoncé hier que les négociations avec "
        "les syndicats allaient reprendre la semaine prochaine à Paris.",
        encoding="utf-8",
    )
    return folder


def test_extract_prints_schema_valid_jsonl_without_touching_a_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    source = tmp_path / "docs.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in GOOD_JSONL) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(source), "--format", "jsonl", "--quiet"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert {r["event_type"] for r in records} >= {"ACCUSE", "AID"}
    schema = load_event_schema()
    for record in records:
        jsonschema.validate(record, schema)
    assert not list(tmp_path.glob("*.duckdb"))


def test_extract_reads_stdin_and_explains(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["extract", "-", "--explain", "--published", "2024-03-01", "--quiet"],
        input="Canada condemned Russia on Friday.",
    )
    assert result.exit_code == 0, result.output
    assert "ACCUSE" in result.stdout
    assert "rules" in result.stdout and "verb:condemn" in result.stdout


def test_ingest_of_a_mixed_directory_stores_good_and_records_bad(tmp_path: Path) -> None:
    folder = make_mixed_directory(tmp_path)
    db = tmp_path / "events.duckdb"
    env = {"DOTTEREL_MAX_BYTES": "1000"}
    first = runner.invoke(app, ["ingest", str(folder), "--db", str(db)], env=env)
    assert first.exit_code == 0, first.output
    with duckdb.connect(str(db), read_only=True) as con:
        doc_ids = {row[0] for row in con.execute("SELECT doc_id FROM documents").fetchall()}
        failures = con.execute("SELECT source, line, code, reason FROM failures").fetchall()
        events = con.execute("SELECT count(*) FROM events").fetchone()
    assert {"good-1", "good-2"} <= doc_ids
    assert len(doc_ids) == 5  # two JSONL records, the text file, the HTML page, the feed item
    codes_by_file = {(Path(source).name, code) for source, _line, code, _reason in failures}
    assert ("good.jsonl", "DOT105") in codes_by_file
    assert ("empty.txt", "DOT101") in codes_by_file
    assert ("binary.txt", "DOT102") in codes_by_file
    assert ("latin1.txt", "DOT107") in codes_by_file  # decoded, then refused as French
    assert ("big.txt", "DOT104") in codes_by_file
    assert ("broken.html", "DOT106") in codes_by_file
    assert ("broken.rss", "DOT106") in codes_by_file
    assert ("french.txt", "DOT107") in codes_by_file
    assert all(reason for *_rest, reason in failures)
    assert events is not None and events[0] > 0

    second = runner.invoke(app, ["ingest", str(folder), "--db", str(db)], env=env)
    assert second.exit_code == 0
    with duckdb.connect(str(db), read_only=True) as con:
        again = con.execute("SELECT count(*) FROM documents").fetchone()
        events_again = con.execute("SELECT count(*) FROM events").fetchone()
    assert again == (5,)
    assert events_again == events
    assert "5 already stored" in second.stderr


def test_strict_makes_failures_an_error(tmp_path: Path) -> None:
    folder = make_mixed_directory(tmp_path)
    result = runner.invoke(app, ["extract", str(folder), "--strict", "--quiet"])
    assert result.exit_code == 2


def test_nothing_readable_is_an_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(empty), "--quiet"])
    assert result.exit_code == 1


def test_events_query_filters_stored_events(tmp_path: Path) -> None:
    source = tmp_path / "docs.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in GOOD_JSONL) + "\n", encoding="utf-8")
    db = str(tmp_path / "q.duckdb")
    assert runner.invoke(app, ["ingest", str(source), "--db", db, "--quiet"]).exit_code == 0
    result = runner.invoke(app, ["events", "--db", db, "--actor", "JPN", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and all(r["actor"][0]["country"] == "JPN" for r in records)
    csv_result = runner.invoke(app, ["events", "--db", db, "--type", "accuse", "--format", "csv"])
    lines = csv_result.stdout.strip().splitlines()
    assert lines[0].startswith("event_id,doc_id,event_type")
    assert len(lines) >= 2 and all(",ACCUSE," in line for line in lines[1:])


def test_evaluate_reports_the_gold_metrics(shared_dir: Path) -> None:
    result = runner.invoke(app, ["evaluate", str(shared_dir / "gold" / "seed.jsonl"), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    for key in ("precision", "recall", "f1", "forbidden_hits", "factuality", "per_type"):
        assert key in report


def test_demo_ingests_the_bundled_articles(tmp_path: Path) -> None:
    db = str(tmp_path / "demo.duckdb")
    result = runner.invoke(app, ["demo", "--db", db])
    assert result.exit_code == 0, result.output
    assert "AGREE" in result.stdout and "SANCTION" in result.stdout
    assert "Dyads" in result.stdout


def test_settings_markdown_lists_every_setting() -> None:
    result = runner.invoke(app, ["settings", "--markdown"])
    assert "DOTTEREL_DB" in result.stdout and "DOTTEREL_MAX_BYTES" in result.stdout


def test_evaluate_dates_reports_the_exact_match_rate(shared_dir: Path) -> None:
    result = runner.invoke(
        app, ["evaluate-dates", str(shared_dir / "gold" / "meantime_timex.jsonl")]
    )
    assert result.exit_code == 0, result.output
    assert "DATE exact" in result.stdout
