"""``dotterel extract/ingest --runner --workers`` as a user runs them."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from dotterel.cli.main import app

runner = CliRunner()


def test_an_unknown_runner_is_a_usage_error(corpus_file: Path) -> None:
    result = runner.invoke(app, ["extract", str(corpus_file), "--runner", "threads"])
    assert result.exit_code == 2
    assert "threads" in result.output


@pytest.mark.slow
def test_extract_with_two_workers_prints_what_one_process_prints(corpus_file: Path) -> None:
    single = runner.invoke(app, ["extract", str(corpus_file), "-q", "--runner", "inprocess"])
    pooled = runner.invoke(
        app, ["extract", str(corpus_file), "-q", "--runner", "pool", "--workers", "2"]
    )
    assert single.exit_code == 0 and pooled.exit_code == 0
    assert pooled.stdout == single.stdout
    assert single.stdout.count("\n") >= 24
