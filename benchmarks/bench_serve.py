"""Latency of ``dotterel serve`` over 100,000 events with 50 concurrent clients.

Writes 100,000 synthetic events (20,000 documents of 5) straight into a DuckDB store,
each also stored as a fused event of one report (``save_fusion``; no NLP pipeline and no
fusion run, so the store is built in seconds), starts a real uvicorn server
(``dotterel serve``) on 127.0.0.1, and runs 50 concurrent httpx clients against the
event list (plain, filtered, sorted, next page) and a dyad time series (the network
API's ``/api/dyads/A/B`` with the events behind each point, when the server has it, else
the events between two parties, as the explorer's timeline reads them). Prints p50/p99 per
route, and the ratio to the same Python API call made in this process without HTTP
(the baseline), twice: with the server's answer cache off (every request computed) and
on (repeated questions answered from memory while the store is unchanged). Speed is
measured here, never asserted in tests. The machine's load average (``uptime``) is
printed with the figures: other processes share the cores.

    PYTHONPATH=src python benchmarks/bench_serve.py [--events 100000] [--clients 50]
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

import httpx

from dotterel.analysis.network import singleton_fused
from dotterel.api import browse
from dotterel.records import Document, Entity, Event, Span
from dotterel.store import DuckDBStore
from dotterel.store.base import FusionUpdate

COUNTRIES = ["RUS", "IRN", "CHN", "PRK", "USA", "GBR", "FRA", "DEU", "UKR", "ISR", "TUR", "IND"]
TYPES = ["AGREE", "CONSULT", "SUPPORT", "ACCUSE", "THREATEN", "SANCTION", "ASSAULT", "AID"]
QUAD = {"AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "AID": 2, "ACCUSE": 3, "THREATEN": 3}
PER_DOC = 5


def fill(path: str, n_events: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    n_docs = n_events // PER_DOC
    with DuckDBStore(path) as store:
        run = store.start_run("bench", [])
        batch = []
        for d in range(n_docs):
            sentences = []
            for k in range(PER_DOC):
                a, b = rng.sample(COUNTRIES, 2)
                sentences.append((a, b, rng.choice(TYPES), f"{a} acted on {b} in case {d}-{k}."))
            text = " ".join(s[3] for s in sentences)
            published = (
                f"{rng.randint(2019, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            )
            document = Document(doc_id=f"bench-{d}", text=text, published=published)
            events, offset = [], 0
            for a, b, kind, sentence in sentences:
                start = offset
                events.append(
                    Event(
                        doc_id=document.doc_id,
                        sentence_index=len(events),
                        evidence=Span(sentence, start, start + len(sentence)),
                        trigger=Span("acted", start + 4, start + 9),
                        event_type=kind,
                        quad_class=QUAD.get(kind, 4),
                        goldstein=round(rng.uniform(-10, 10), 1),
                        actor=[Entity(a, start, start + 3, code=a + "GOV", country=a)],
                        recipient=[Entity(b, start + 13, start + 16, code=b, country=b)],
                        event_date=published,
                        date_precision="day",
                        confidence=rng.random(),
                    )
                )
                offset += len(sentence) + 1
            batch.append((document, events, []))
            if len(batch) == 2000:
                store_batch(store, batch, run)
                batch.clear()
        store_batch(store, batch, run)
        store.finish_run(run, documents=n_docs, events=n_docs * PER_DOC, failures=0, skipped=0)


def store_batch(store: DuckDBStore, batch: list, run: str) -> None:
    """Documents with their events, and each event as a fused event of one report."""
    store.add_batch(batch, [], run)
    fused = [singleton_fused(e, document) for document, events, _ in batch for e in events]
    store.save_fusion(FusionUpdate(fused=fused))


def cpu_seconds(pid: int) -> float:
    """User plus system CPU seconds used so far by process ``pid`` (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def load_average() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


#: The dyad series asked for: monthly, with the fused events behind each point unless
#: ``--dyad-events false`` (numbers only, as the explorer's timeline asks).
DYAD_PARAMS: dict[str, str] = {"by": "month", "events": "true"}

EVENT_QUERIES = [
    {},
    {"actor": "RUS"},
    {"party": ["RUS", "IRN"]},
    {"type": "SANCTION", "since": "2022-01-01"},
    {"sort": "event_date", "descending": "true"},
]


async def get(http: httpx.AsyncClient, path: str, params: dict) -> httpx.Response:
    """GET, retried once if the server closed an idle keep-alive connection under us."""
    try:
        return await http.get(path, params=params)
    except httpx.TransportError:
        return await http.get(path, params=params)


async def client_loop(
    http: httpx.AsyncClient, rounds: int, dyad_path: str | None, timings: dict[str, list[float]]
) -> None:
    rng = random.Random()
    for _ in range(rounds):
        params = dict(rng.choice(EVENT_QUERIES))
        started = time.perf_counter()
        page = await get(http, "/api/events", params)
        timings["events"].append(time.perf_counter() - started)
        page.raise_for_status()
        cursor = page.json()["next_cursor"]
        if cursor:
            started = time.perf_counter()
            (await get(http, "/api/events", {**params, "cursor": cursor})).raise_for_status()
            timings["events next page"].append(time.perf_counter() - started)
        a, b = rng.sample(COUNTRIES[:6], 2)
        started = time.perf_counter()
        if dyad_path:
            answer = await get(http, dyad_path.format(a=a, b=b), DYAD_PARAMS)
        else:
            answer = await get(http, "/api/events", {"party": [a, b], "limit": 500})
        timings["dyad series"].append(time.perf_counter() - started)
        answer.raise_for_status()


async def first_answers(
    http: httpx.AsyncClient, dyad_path: str | None, timings: dict[str, list[float]]
) -> None:
    """Each question the clients ask, once, one at a time: what the first asker of each
    waits (computed, then kept while the store is unchanged). Timed separately."""
    for params in EVENT_QUERIES:
        started = time.perf_counter()
        page = await get(http, "/api/events", dict(params))
        timings["first events page"].append(time.perf_counter() - started)
        page.raise_for_status()
        cursor = page.json()["next_cursor"]
        if cursor:  # the page after it too: the clients follow each first page's cursor
            started = time.perf_counter()
            (await get(http, "/api/events", {**params, "cursor": cursor})).raise_for_status()
            timings["first events page"].append(time.perf_counter() - started)
    if dyad_path:
        for a in COUNTRIES[:6]:
            for b in COUNTRIES[:6]:
                if a != b:
                    started = time.perf_counter()
                    path = dyad_path.format(a=a, b=b)
                    (await get(http, path, DYAD_PARAMS)).raise_for_status()
                    timings["first dyad series"].append(time.perf_counter() - started)


def thread_client(
    port: int, rounds: int, dyad_path: str | None, timings: dict[str, list[float]]
) -> None:
    """One client on its own keep-alive connection (stdlib http.client: little CPU per
    request, so that the clients do not starve the server on a small machine)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    rng = random.Random()

    def fetch(name: str, path: str, params: dict) -> bytes:
        url = path + ("?" + urlencode(params, doseq=True) if params else "")
        started = time.perf_counter()
        connection.request("GET", url)
        answer = connection.getresponse()
        body = answer.read()
        timings[name].append(time.perf_counter() - started)
        if answer.status != 200:
            raise RuntimeError(f"{url}: HTTP {answer.status}")
        return body

    for _ in range(rounds):
        params = dict(rng.choice(EVENT_QUERIES))
        cursor = json.loads(fetch("events", "/api/events", params))["next_cursor"]
        if cursor:
            fetch("events next page", "/api/events", {**params, "cursor": cursor})
        a, b = rng.sample(COUNTRIES[:6], 2)
        if dyad_path:
            fetch("dyad series", dyad_path.format(a=a, b=b), DYAD_PARAMS)
        else:
            fetch("dyad series", "/api/events", {"party": [a, b], "limit": 500})
    connection.close()


async def load(
    base: str,
    clients: int,
    rounds: int,
    dyad_path: str | None,
    mark: Callable[[], None],
    kind: str = "threads",
) -> dict:
    timings: dict[str, list[float]] = {
        "first events page": [],
        "first dyad series": [],
        "events": [],
        "events next page": [],
        "dyad series": [],
    }
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as http:
        await http.get("/api/health")  # warm the server's stores
        await first_answers(http, dyad_path, timings)
        mark()
        started = time.perf_counter()
        if kind == "httpx":
            await asyncio.gather(
                *(client_loop(http, rounds, dyad_path, timings) for _ in range(clients))
            )
        else:
            port = int(base.rsplit(":", 1)[1])
            threads = [
                threading.Thread(target=thread_client, args=(port, rounds, dyad_path, timings))
                for _ in range(clients)
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        elapsed = time.perf_counter() - started
    timings["_elapsed"] = [elapsed]
    return timings


def baseline(db: str, repeats: int = 30) -> float:
    """Median seconds of the first page of events through the Python API, no HTTP."""
    with DuckDBStore(db) as store:
        browse.event_page(db=store, limit=50)
        times = []
        for i in range(repeats):
            params = EVENT_QUERIES[i % len(EVENT_QUERIES)]
            filters = {
                "actor": params.get("actor"),
                "parties": params.get("party"),
                "event_type": params.get("type"),
                "since": params.get("since"),
            }
            started = time.perf_counter()
            browse.event_page(
                db=store,
                limit=50,
                sort=params.get("sort", "seq"),
                descending=bool(params.get("descending")),
                **filters,
            )
            times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=10, help="request rounds per client")
    parser.add_argument("--phase", choices=["both", "cold", "warm"], default="both")
    parser.add_argument(
        "--db", help="reuse this store if it exists (else write it there), to time again"
    )
    parser.add_argument("--dyad-events", choices=["true", "false"], default="true")
    parser.add_argument(
        "--client",
        choices=["threads", "httpx"],
        default="threads",
        help="threads: one stdlib HTTP connection per client thread; httpx: one async "
        "httpx client (uses more CPU per request than the server does)",
    )
    args = parser.parse_args()
    DYAD_PARAMS["events"] = args.dyad_events
    fresh = Path(tempfile.gettempdir()) / f"dotterel-bench-serve-{os.getpid()}" / "events.duckdb"
    db = args.db or str(fresh)
    Path(db).parent.mkdir(parents=True, exist_ok=True)
    if args.db and Path(db).exists():
        print(f"reusing {db}")
    else:
        started = time.perf_counter()
        fill(db, args.events)
        print(f"{args.events:,} events written in {time.perf_counter() - started:.1f} s to {db}")
    print(f"load before: {load_average()}")
    direct = baseline(db)
    print(f"baseline: first page through the Python API, no HTTP: p50 {direct * 1000:.1f} ms")
    # Cold: every answer computed; warm: the server's answer cache (http_cache_entries).
    phases = (("cold (no answer cache)", "0"), ("warm (answer cache)", None))
    for phase, cache_entries in phases:
        if args.phase in ("both", phase.split()[0]):
            run_phase(db, phase, cache_entries, args, direct)


def run_phase(
    db: str, phase: str, cache_entries: str | None, args: argparse.Namespace, direct: float
) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ}
    if cache_entries is not None:
        env["DOTTEREL_HTTP_CACHE_ENTRIES"] = cache_entries
    server = subprocess.Popen(
        [sys.executable, "-c", "from dotterel.cli.main import app; app()"]
        + ["serve", "--db", db, "--port", str(port)],
        env=env,
    )
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        paths = httpx.get(f"{base}/openapi.json").json()["paths"]
        dyad_path = "/api/dyads/{a}/{b}" if "/api/dyads/{a}/{b}" in paths else None
        cpu: dict[str, float] = {}

        def mark() -> None:  # CPU used from here on: the timed load, not the first answers
            cpu["server"], cpu["clients"] = cpu_seconds(server.pid), sum(os.times()[:2])

        timings = asyncio.run(
            load(base, args.clients, args.rounds, dyad_path, mark, kind=args.client)
        )
        server_cpu = cpu_seconds(server.pid) - cpu["server"]
        client_cpu = sum(os.times()[:2]) - cpu["clients"]
    finally:
        server.terminate()
        server.wait(timeout=20)
    elapsed = timings.pop("_elapsed")[0]
    firsts = {k: timings.pop(k) for k in ("first events page", "first dyad series")}
    total = sum(len(v) for v in timings.values())
    print(
        f"\n{phase}: {args.clients} concurrent clients, {total} requests in {elapsed:.1f} s "
        f"({total / elapsed:.0f} req/s); dyad series via {DYAD_PARAMS} "
        f"{dyad_path or '/api/events?party=A&party=B&limit=500 (no network API in this build)'}"
    )
    print(f"  load after the phase: {load_average()}")
    print(
        f"  CPU per timed request: server {server_cpu / total * 1000:.1f} ms, "
        f"{args.client} clients {client_cpu / total * 1000:.1f} ms "
        f"(on {os.cpu_count()} cores shared with whatever else runs)"
    )
    for name, values in firsts.items():
        if values:
            print(
                f"  {name}, one at a time before the load (n={len(values)}): "
                f"p50 {percentile(values, 0.5) * 1000:.1f} ms, max {max(values) * 1000:.1f} ms"
            )
    for name, values in timings.items():
        p50, p99 = percentile(values, 0.5), percentile(values, 0.99)
        print(
            f"  {name:18s} n={len(values):5d}  p50 {p50 * 1000:7.1f} ms  p99 {p99 * 1000:7.1f} ms"
            f"  (p50 {p50 / direct:5.1f}x baseline)  target p99 < 200 ms: "
            f"{'met' if p99 < 0.2 else 'NOT met'}"
        )


if __name__ == "__main__":
    main()
