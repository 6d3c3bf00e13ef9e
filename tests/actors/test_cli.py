from __future__ import annotations

import json

import typer
from typer.testing import CliRunner

from dotterel.cli.actors_cmd import register
from dotterel.cli.errors import DotterelGroup

runner = CliRunner()


def _app() -> typer.Typer:
    app = typer.Typer(cls=DotterelGroup)  # the CLI's error path, as in dotterel.cli.main
    register(app)
    return app


def test_resolve_prints_json():
    result = runner.invoke(_app(), ["resolve", "the Iranian president", "--date", "2024-11-01"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["code"] == "IRNGOV" and data["canonical"] == "Masoud Pezeshkian"


def test_resolve_jsonl_keeps_order_and_survives_bad_lines(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(
        '{"text": "Kremlin"}\n'
        "not json\n"
        '{"text": "a blue teapot", "date": null}\n'
        '{"nope": 1}\n'
        '{"text": "Hungarian", "context": "Hungarian and Czech officials met."}\n'
    )
    result = runner.invoke(_app(), ["resolve", "--jsonl", str(path)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert len(rows) == 5
    assert rows[0]["code"] == "RUSGOV"
    assert "error" in rows[1] and "DOT105" in rows[1]["error"]
    assert rows[2]["code"] is None
    assert "error" in rows[3]
    assert rows[4]["code"] == "HUNGOV"


def test_actors_requires_a_mode():
    result = runner.invoke(_app(), ["actors"])
    assert result.exit_code == 2
