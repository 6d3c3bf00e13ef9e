"""``dotterel watch`` on the command line, against the loopback server."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from dotterel.cli.main import app
from dotterel.store import DuckDBStore
from tests.watch.conftest import ARTICLES, Site, article_html, rss


def test_watch_once_ingests_the_feed_and_a_rerun_adds_nothing(site: Site, tmp_path: Path) -> None:
    for number in (1, 2):
        site.page(f"/a/{number}", article_html(number))
    items = [(ARTICLES[n][0], site.url(f"/a/{n}"), "Fri, 01 Nov 2024 08:00:00 GMT") for n in (1, 2)]
    items.append(("Gone", site.url("/a/gone"), "Fri, 01 Nov 2024 08:00:00 GMT"))
    site.feed("/rss", rss("Loopback", items), etag='"1"')
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text(f"feeds:\n  - url: {site.url('/rss')}\n    interval: 1s\n")
    db = str(tmp_path / "w.duckdb")
    runner = CliRunner()

    first = runner.invoke(app, ["watch", "--db", db, "--feeds", str(feeds), "--once"])
    assert first.exit_code == 0, first.output
    assert "2 documents stored" in first.output
    assert "DOT852" in first.output and site.url("/a/gone") in first.output

    again = runner.invoke(app, ["watch", "--db", db, "--feeds", str(feeds), "--max-polls", "2"])
    assert again.exit_code == 0, again.output
    assert "0 documents stored" in again.output
    with DuckDBStore(db) as store:
        assert len(store.documents()) == 2
    assert len(site.hits("/a/1")) == 1
    assert site.hits("/rss")[-1].get("if-none-match") == '"1"'


def test_a_malformed_feed_list_is_a_coded_error(tmp_path: Path) -> None:
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("gopher://old.example/feed\n")
    result = CliRunner().invoke(
        app, ["watch", "--db", str(tmp_path / "w.duckdb"), "--feeds", str(feeds), "--once"]
    )
    assert result.exit_code == 2
    assert "DOT863" in result.output and "feeds.txt:1" in result.output
