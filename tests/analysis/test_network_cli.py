"""``dotterel network``, ``blocs``, ``dyad`` and ``alerts`` over a real store."""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from dotterel import api
from dotterel.cli.main import app
from tests.analysis.network_corpus import CODES, GROUPS, planted_documents

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, shared_dir: Path) -> str:
    folder = tmp_path_factory.mktemp("network")
    corpus = folder / "corpus.jsonl"
    lines = [json.dumps(d.to_dict()) for d in planted_documents(n_documents=24)]
    lines.append((shared_dir / "gold" / "seed.jsonl").read_text().splitlines()[0])
    corpus.write_text("\n".join(lines) + "\n")
    path = str(folder / "store.duckdb")
    summary = api.ingest([str(corpus)], db=path)
    assert summary.documents == 25
    return path


def test_blocs_json_lists_the_planted_groups_and_the_seed_axis(db: str) -> None:
    result = runner.invoke(app, ["blocs", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    blocs = json.loads(result.stdout)
    assert all(set(b) == {"bloc", "members"} for b in blocs)
    found = {frozenset(b["members"]) for b in blocs}
    for group in GROUPS:
        assert frozenset(CODES[name] for name in group) in found
    of = {code: b["bloc"] for b in blocs for code in b["members"]}
    assert of["RUS"] == of["IRN"] == of["CHN"] == of["PRK"] != of["USA"]


def test_blocs_table_names_the_states(db: str) -> None:
    result = runner.invoke(app, ["blocs", "--db", db])
    assert result.exit_code == 0
    assert "FRA (France)" in result.stdout


def test_network_json_gexf_and_graphml(db: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["network", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    pairs = {(e["source"], e["target"]) for e in data["edges"]}
    assert ("USA", "CHN") in pairs
    assert all(e["fused_ids"] for e in data["edges"])
    for fmt, reader in (("gexf", nx.read_gexf), ("graphml", nx.read_graphml)):
        out = tmp_path / f"net.{fmt}"
        result = runner.invoke(app, ["network", "--db", db, "--format", fmt, "-o", str(out)])
        assert result.exit_code == 0, result.output
        graph = reader(io.BytesIO(out.read_bytes()))
        assert {(u, v) for u, v in graph.edges} == pairs


def test_network_window_narrows_the_edges(db: str) -> None:
    result = runner.invoke(
        app, ["network", "--db", db, "--since", "2024-11-01", "--until", "2024-11-01"]
    )
    assert result.exit_code == 0
    dates = {e["last_date"] for e in json.loads(result.stdout)["edges"]}
    assert dates == {"2024-11-01"}


def test_bad_since_is_a_coded_error_with_exit_2(db: str) -> None:
    result = runner.invoke(app, ["network", "--db", db, "--since", "last week"])
    assert result.exit_code == 2
    assert "DOT754" in result.stderr


def test_dyad_prints_a_series_and_writes_plots(db: str, tmp_path: Path) -> None:
    a, b = CODES[GROUPS[0][0]], CODES[GROUPS[0][1]]
    png, page = tmp_path / "d.png", tmp_path / "d.html"
    result = runner.invoke(
        app, ["dyad", a, b, "--db", db, "--by", "month", "--format", "json", "--plot", str(png)]
    )
    assert result.exit_code == 0, result.output
    points = json.loads(result.stdout)
    assert points and all(p["period"].endswith("-01") for p in points)
    assert png.read_bytes()[:4] == b"\x89PNG"
    result = runner.invoke(app, ["dyad", "usa", "chn", "--db", db, "--plot", str(page)])
    assert result.exit_code == 0, result.output
    assert "<svg" in page.read_text()
    assert "USA – CHN per month" in result.stdout


def test_dyad_with_an_unknown_party_is_a_coded_error(db: str) -> None:
    result = runner.invoke(app, ["dyad", "Narnia", "USA", "--db", db])
    assert result.exit_code == 2
    assert "DOT753" in result.stderr


def test_alerts_lists_the_seed_allegations_since_its_date(db: str) -> None:
    result = runner.invoke(app, ["alerts", "--db", db, "--since", "2024-11-01", "-f", "json"])
    assert result.exit_code == 0, result.output
    alerts = json.loads(result.stdout)
    assert {"allegation", "denial"} <= {a["kind"] for a in alerts}
    assert all(a["date"] >= "2024-11-01" for a in alerts)
    table = runner.invoke(app, ["alerts", "--db", db, "--since", "2024-11-01"])
    assert table.exit_code == 0 and "USA alleges" in table.stdout
