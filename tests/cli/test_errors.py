"""Bad usage of every command ends in one coded line on stderr, a non-zero exit and no
traceback; read-only commands never create a database."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dotterel.cli.main import app

runner = CliRunner()
CODED_LINE = re.compile(r"^dotterel: \[DOT\d{3}\] \S.*$")


def _store(tmp_path: Path) -> str:
    """A real (empty) event store, so that filter errors are not 'missing database'."""
    from dotterel.store import DuckDBStore

    path = str(tmp_path / "events.duckdb")
    DuckDBStore(path).close()
    return path


def _bad_usages(tmp_path: Path) -> list[list[str]]:
    db = _store(tmp_path)
    text_file = tmp_path / "notes.txt"
    text_file.write_text("not a database\n" * 40)
    bad_dictionary = tmp_path / "dict.yaml"
    bad_dictionary.write_text("- {text: [unclosed\n")
    article = tmp_path / "a.txt"
    article.write_text("Talks\nNorway hosted negotiators in Oslo on Monday.")
    return [
        ["bogus-command"],
        ["events", "--bogus-option"],
        ["events", "--db", str(tmp_path / "mistyped.duckdb")],
        ["events", "--db", str(text_file)],
        ["events", "--db", db, "--type", "ASSALT"],
        ["events", "--db", db, "--type", "BOGUS"],
        ["events", "--db", db, "--factuality", "bogus"],
        ["events", "--db", db, "--since", "yesterday"],
        ["events", "--db", db, "--since", "0000-00-00"],
        ["events", "--db", db, "--until", "2024-13-01"],
        ["events", "--db", db, "--limit", str(10**30)],
        ["events", "--db", db, "--limit", "-1"],
        ["events", "--db", db, "--limit", "many"],
        ["events", "--db", db, "--actor", "RUS;DROP"],
        ["ingest", str(article), "--db", str(tmp_path / "no" / "folder" / "x.duckdb")],
        ["ingest", str(article), "--db", str(text_file)],
        ["ingest", str(article), "--db", db, "--published", "2999-01-01"],
        ["ingest"],
        ["extract", str(article), "--published", "tomorrow"],
        ["extract", str(article), "--published", "last Tuesday"],
        ["extract", str(article), "--format", "xml"],
        ["evaluate", str(tmp_path / "missing-gold.jsonl")],
        ["evaluate", str(text_file)],
        ["evaluate-dates", str(tmp_path / "missing-timex.jsonl")],
        ["demo", "--db", str(tmp_path / "no" / "folder" / "demo.duckdb")],
        ["settings", "--bogus"],
        ["resolve"],
        ["resolve", "--jsonl", str(tmp_path / "missing.jsonl")],
        ["actors"],
        ["actors", "--unresolved", "--db", str(tmp_path / "missing.duckdb")],
    ]


def test_every_bad_usage_is_one_coded_line_without_traceback(tmp_path: Path) -> None:
    for args in _bad_usages(tmp_path):
        result = runner.invoke(app, args)
        stderr_lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert result.exit_code != 0, (args, result.output)
        assert "Traceback" not in result.output, (args, result.output)
        assert len(stderr_lines) == 1 and CODED_LINE.match(stderr_lines[0]), (args, stderr_lines)
    assert not (tmp_path / "mistyped.duckdb").exists()
    assert not (tmp_path / "missing.duckdb").exists()
    assert not (tmp_path / "no").exists()


def test_suggestions_and_exit_statuses(tmp_path: Path) -> None:
    db = _store(tmp_path)
    typo = runner.invoke(app, ["events", "--db", db, "--type", "assalt"])
    assert typo.exit_code == 2 and "did you mean ASSAULT?" in typo.stderr
    missing = runner.invoke(app, ["events", "--db", str(tmp_path / "mistyped.duckdb")])
    assert missing.exit_code == 1 and "[DOT301]" in missing.stderr
    valid = runner.invoke(app, ["events", "--db", db, "--type", "assault", "--since", "2024-01-01"])
    assert valid.exit_code == 0, valid.stderr


def test_a_bad_user_dictionary_is_a_coded_error(tmp_path: Path) -> None:
    bad = tmp_path / "dict.yaml"
    bad.write_text("- {text: [unclosed\n")
    env = {**os.environ, "DOTTEREL_USER_DICTIONARIES": str(bad)}
    for dictionary in (str(bad), str(tmp_path / "missing.yaml")):
        env["DOTTEREL_USER_DICTIONARIES"] = dictionary
        result = _cli(["extract", "-"], env=env, stdin="Norway hosted talks in Oslo.")
        lines = result.stderr.strip().splitlines()
        assert result.returncode != 0 and "Traceback" not in result.stderr
        assert len(lines) == 1 and CODED_LINE.match(lines[0]), lines


def _cli(args: list[str], *, env: dict[str, str] | None = None, stdin: str = ""):
    return subprocess.run(
        [sys.executable, "-c", "from dotterel.cli.main import main; main()", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


_HOLD_LOCK = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[1])
print("locked", flush=True)
time.sleep(30)
"""


@pytest.mark.slow
def test_a_database_held_by_another_writer_is_a_one_line_error(tmp_path: Path) -> None:
    db = _store(tmp_path)
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_LOCK, db], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        env = {**os.environ, "DOTTEREL_LOCK_TIMEOUT": "0.5"}
        started = time.monotonic()
        result = _cli(["events", "--db", db], env=env)
        assert time.monotonic() - started < 60
        lines = result.stderr.strip().splitlines()
        assert result.returncode == 1 and len(lines) == 1, result.stderr
        assert "[DOT302]" in lines[0] and "locked" in lines[0]
    finally:
        holder.kill()
        holder.wait()
    # Once released, the store is readable again and unharmed.
    assert _cli(["events", "--db", db, "--format", "jsonl"]).returncode == 0
