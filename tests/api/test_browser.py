"""The explorer in a real browser: Debian's chromium driven by Playwright against a real
``dotterel serve`` on 127.0.0.1, over the seed and a few hundred wire articles.

Never ``playwright install``: the browser is the system's /usr/bin/chromium. Screenshots
go to a temporary folder whose path is printed (run with ``-s`` to see it).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from dotterel import api

pytestmark = pytest.mark.slow

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "src" / "dotterel" / "data" / "demo" / "seed.jsonl"
WIRE = ROOT / "tests" / "analysis" / "data" / "wire_stories.jsonl"
COPIES = 3  # 68 wire stories, each in 3 versions: 204 articles besides the seed


def _wire_articles(folder: Path) -> Path:
    """The wire stories and re-dated, re-worded copies of them (distinct documents)."""
    out = folder / "wire.jsonl"
    stories = [json.loads(line) for line in WIRE.read_text(encoding="utf-8").splitlines() if line]
    with out.open("w", encoding="utf-8") as fh:
        for copy in range(COPIES):
            for story in stories:
                item = dict(story)
                if copy:
                    year = int(item["published"][:4]) + copy
                    item["published"] = f"{year}{item['published'][4:]}"
                    item["doc_id"] = f"{story['doc_id']}-v{copy}"
                    item["text"] = f"{story['text']}\n(Version {copy} of this report.)"
                fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    return out


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed (.ci/run installs it)")
    folder = tmp_path_factory.mktemp("browser")
    db = str(folder / "events.duckdb")
    summary = api.ingest([str(SEED), str(_wire_articles(folder))], db=db)
    assert summary.documents == 1 + COPIES * 68
    port = _free_port()
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""),
    }
    process = subprocess.Popen(
        [sys.executable, "-c", "from dotterel.cli.main import app; app()"]
        + ["serve", "--db", db, "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                output = process.stdout.read().decode() if process.stdout else ""
                pytest.fail(f"dotterel serve did not start:\n{output}")
            time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("screenshots")
    print(f"\nexplorer screenshots in {folder}")
    return folder


@pytest.fixture(scope="module")
def browser(server: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, server: str):
    """A page whose every request is recorded; any request off 127.0.0.1 is aborted."""
    context = browser.new_context(viewport={"width": 1360, "height": 900})
    requests: list[str] = []
    errors: list[str] = []

    def handle(route) -> None:
        url = route.request.url
        requests.append(url)
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob") or parts.hostname == "127.0.0.1":
            route.continue_()
        else:
            route.abort()

    context.route("**/*", handle)
    made = context.new_page()
    made.on("pageerror", lambda exc: errors.append(str(exc)))
    made.requests = requests  # type: ignore[attr-defined]
    yield made
    outside = [
        url
        for url in requests
        if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url).hostname != "127.0.0.1"
    ]
    context.close()
    assert outside == [], f"requests left 127.0.0.1: {outside}"
    assert errors == [], f"script errors: {errors}"


def _open(page, server: str, hash_: str) -> None:
    page.goto(f"{server}/{hash_}")
    page.wait_for_function("document.body.dataset.ready === '1'", timeout=30_000)


def _has_network(server: str) -> bool:
    paths = httpx.get(f"{server}/openapi.json").json()["paths"]
    return "/api/network" in paths and "/api/blocs" in paths


def test_overview_reads_in_words(page, server: str, shots: Path) -> None:
    _open(page, server, "#/")
    assert any("/api/health" in url for url in page.requests)  # requests are recorded
    text = page.inner_text("main")
    assert "events coded from" in text
    assert "Agree / promise" in text  # categories in words, codes small beside them
    page.screenshot(path=str(shots / "overview.png"), full_page=True)


def test_events_between_russia_and_iran_include_the_treaty(page, server: str, shots: Path) -> None:
    _open(page, server, "#/events?party=RUS&party=IRN")
    heading = page.inner_text("main h1")
    assert "between Russia and Iran" in heading
    rows = page.locator("table.events tbody tr")
    assert rows.count() >= 1
    table = page.inner_text("table.events")
    assert "Agree / promise" in table
    assert "1 November 2024" in table or "31 October 2024" in table  # dates as dates
    page.screenshot(path=str(shots / "events-rus-irn.png"), full_page=True)
    # Every event links to its sentence.
    page.locator("table.events tbody tr td.quote-cell a").first.click()
    # Wait for the event view itself: "ready" is still set by the events list just left.
    page.wait_for_function(
        "document.body.dataset.ready === '1' && document.body.dataset.view === 'event'",
        timeout=30_000,
    )
    assert page.locator(".sentence.focus").count() >= 1


def test_evidence_view_highlights_the_seed_spans(page, server: str, shots: Path) -> None:
    found = httpx.get(
        f"{server}/api/events",
        params={"doc_id": "seed-russia-iran-partnership", "type": "AID", "limit": 50},
    ).json()["events"]
    denied = next(e for e in found if e["denied_by"])
    _open(page, server, f"#/event/{denied['event_id']}")
    assert page.inner_text(".status-words") == "Alleged by US; denied by Iran"
    marks = {
        kind: page.locator(f".article mark.m-{kind}").all_inner_texts()
        for kind in ("trigger", "actor", "recipient", "claimed_by", "denied_by")
    }
    assert marks["trigger"] == [denied["trigger"]["text"]]
    assert marks["actor"] == [a["text"] for a in denied["actor"]]
    assert marks["denied_by"] == ["Iran"]
    # The sentence is cut into pieces at each highlight; together they are the evidence.
    focus = "".join(page.locator(".article .sentence.focus").all_inner_texts())
    assert focus == denied["evidence"]["text"]
    page.screenshot(path=str(shots / "evidence-denied.png"), full_page=True)

    treaty = httpx.get(
        f"{server}/api/events",
        params={"doc_id": "seed-russia-iran-partnership", "type": "AGREE"},
    ).json()["events"][0]
    _open(page, server, f"#/event/{treaty['event_id']}")
    assert page.locator(".article mark.m-trigger").all_inner_texts() == ["sign"]
    assert page.locator(".article mark.m-actor").all_inner_texts() == ["Russia", "Iran"]
    assert "According to" in page.inner_text(".status-words")
    page.screenshot(path=str(shots / "evidence-treaty.png"), full_page=True)


def test_dyad_timeline_links_every_number_to_events(page, server: str, shots: Path) -> None:
    _open(page, server, "#/dyad/USA/IRN")
    links = page.locator("svg.timeline a.bar-link")
    assert links.count() >= 1
    page.screenshot(path=str(shots / "timeline-usa-irn.png"), full_page=True)
    links.first.click()
    page.wait_for_function(
        "document.body.dataset.ready === '1' && document.body.dataset.view === 'events'"
    )
    assert page.locator("table.events tbody tr").count() >= 1


def test_network_shows_the_axis_in_one_bloc(page, server: str, shots: Path) -> None:
    if not _has_network(server):
        pytest.skip("this build has no network API (/api/network, /api/blocs)")
    _open(page, server, "#/network")
    colours = page.evaluate(
        "() => Object.fromEntries(['RUS','CHN','IRN','PRK'].map("
        "c => [c, window.dotterelGraph.$id(c).data('colour')]))"
    )
    assert len(set(colours.values())) == 1, colours
    page.screenshot(path=str(shots / "network.png"), full_page=True)
    # A point on the Russia-Iran line that the graph's own hit test gives to that line and
    # that lies clear of both circles: the midpoint alone can lie under a circle or a
    # crossing line, depending on layout. The view is first zoomed to the pair. Client
    # coordinates are computed the way the graph maps a click back (container offset and
    # scale, then pan and zoom).
    point = page.evaluate(
        """() => {
          const cy = window.dotterelGraph;
          const edge = cy.edges().filter(e => {
            const ends = [e.source().id(), e.target().id()].sort().join('-');
            return ends === 'IRN-RUS';
          })[0];
          if (!edge) return null;
          // As a reader would: zoom in on the two states (a close pair is a short line
          // when the whole network is in view).
          cy.fit(edge.connectedNodes(), 200);
          const r = cy.renderer();
          const [left, top, , , scale] = r.findContainerClientCoords();
          const pan = cy.pan(), zoom = cy.zoom();
          const a = edge.sourceEndpoint(), b = edge.targetEndpoint();
          const clear = (x, y) => [edge.source(), edge.target()].every(n => {
            const p = n.position();
            return Math.hypot(p.x - x, p.y - y) * zoom > n.renderedOuterWidth() / 2 + 12;
          });
          const tried = [];
          for (let i = 1; i < 20; i++) {
            const t = 0.5 + (i % 2 ? 1 : -1) * Math.floor(i / 2) * 0.05;
            const x = a.x + t * (b.x - a.x), y = a.y + t * (b.y - a.y);
            const hit = r.findNearestElement(x, y, true, false);
            tried.push(hit ? hit.id() : null);
            if (hit && hit.id() === edge.id() && clear(x, y)) {
              return {x: left + scale * (pan.x + x * zoom), y: top + scale * (pan.y + y * zoom)};
            }
          }
          return {missing: edge.id(), tried, length: Math.hypot(b.x - a.x, b.y - a.y) * zoom};
        }"""
    )
    assert point is not None, "no line between Russia and Iran in the network"
    assert "missing" not in point, f"no point of the Russia-Iran line is clickable: {point}"
    page.mouse.click(point["x"], point["y"])
    page.wait_for_selector(".panel", timeout=30_000)
    heading = page.inner_text(".panel h2")
    assert "Russia" in heading and "Iran" in heading, page.inner_text(".panel")
    page.wait_for_selector(".panel-list li", timeout=30_000)
    panel = page.inner_text(".panel")
    assert "Russia" in panel and "Iran" in panel and "Agree / promise" in panel
    # The edge's fused events are the treaty's: the announcement and the signing.
    treaty = page.locator(".panel-list li", has_text="Agree / promise")
    assert treaty.count() >= 1
    assert "strategic partnership" in treaty.first.inner_text()
    page.screenshot(path=str(shots / "network-rus-irn.png"), full_page=True)
    # Each event links to its evidence sentence.
    treaty.first.locator("a.evidence-link").click()
    page.wait_for_function(
        "document.body.dataset.ready === '1' && document.body.dataset.view === 'event'"
    )
    focus = "".join(page.locator(".article .sentence.focus").all_inner_texts())
    assert "strategic partnership" in focus


def test_network_opens_on_the_latest_year_and_all_time_is_a_click_away(page, server: str) -> None:
    if not _has_network(server):
        pytest.skip("this build has no network API (/api/network, /api/blocs)")
    _open(page, server, "#/network")
    note = page.inner_text(".window-note")
    assert "the latest year with events" in note and "November 2024" in note
    page.click(".window-note a")
    page.wait_for_function("document.body.dataset.ready === '1'", timeout=30_000)
    assert page.inner_text(".window-note") == "Showing all time."
    # Over all time the wire articles (1992-2008) outweigh the seed: more nodes.
    assert page.evaluate("() => window.dotterelGraph.nodes().length") > 5
