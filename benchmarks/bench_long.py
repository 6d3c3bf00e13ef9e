"""Time per KB and peak memory of one long document through ``dotterel ingest``.

Each size runs in its own process (so peak RSS is that document's): the pipeline is
loaded first (its memory is reported as the baseline), then one synthetic news-like
document of the size is written as a ``.txt`` file and ingested into a fresh store with
the default settings (sections of ``section_chars``, the ``max_bytes`` limit, and the
per-document time budget for documents above 1 MB; up to 1 MB the budget is off, so that
the time per KB of the whole document is measured). A document is either stored (with
its events) or refused with a coded failure; either way the run must end, within the
budget plus a margin.

    PYTHONPATH=src python benchmarks/bench_long.py            # 10 KB .. 5 MB
    PYTHONPATH=src python benchmarks/bench_long.py --sizes 10k,100k

Prints a table: size, layout, outcome, seconds, ms per KB, baseline and peak RSS.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_SIZES = "10k,100k,1m,2m:line,4.99m,5.2m"
#: Documents up to this size are timed without the time budget (the ms/KB scaling).
SCALING_LIMIT = 1_000_000
ACTORS = ["Egypt", "Israel", "Japan", "Iraq", "Russia", "Iran", "France", "Kenya", "Brazil"]
PLACES = ["Cairo", "Tokyo", "Baghdad", "Moscow", "Tehran", "Paris", "Nairobi", "Brasilia"]
VERBS = [
    "condemned",
    "met",
    "accused",
    "signed a trade agreement with",
    "sent troops to",
    "threatened",
    "praised",
    "held talks with",
    "imposed sanctions on",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def parse_size(raw: str) -> tuple[int, str]:
    """``"2m:line"`` to (2,000,000, "line"); layouts: ``para`` (default) or ``line``."""
    value, _, layout = raw.partition(":")
    factor = {"k": 1_000, "m": 1_000_000}[value[-1].lower()]
    return int(float(value[:-1]) * factor), layout or "para"


def news_text(size: int, layout: str, seed: int = 15) -> str:
    """About ``size`` UTF-8 bytes of varied news sentences, in paragraphs or on one line."""
    rng = random.Random(seed)
    parts: list[str] = []
    total = 0
    paragraph: list[str] = []
    while total < size:
        a, b = rng.sample(ACTORS, 2)
        sentence = (
            f"{a} {rng.choice(VERBS)} {b} in {rng.choice(PLACES)} on {rng.choice(DAYS)}, "
            f"officials said."
        )
        paragraph.append(sentence)
        total += len(sentence) + 1
        if len(paragraph) >= rng.randint(3, 6):
            parts.append(" ".join(paragraph))
            paragraph = []
    parts.append(" ".join(paragraph))
    text = (" " if layout == "line" else "\n\n").join(p for p in parts if p)
    return text.encode("utf-8")[:size].decode("utf-8", "ignore")


def child(size: int, layout: str) -> None:
    """One measurement in this process; prints a JSON line."""
    from dotterel import api
    from dotterel.records import Document
    from dotterel.store import DuckDBStore

    api.extractor().extract_one(Document(doc_id="warm", text="Egypt met Israel."))
    baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    folder = Path(tempfile.mkdtemp(prefix="bench_long_"))
    path = folder / f"long_{size}.txt"
    path.write_text(news_text(size, layout), encoding="utf-8")
    started = time.perf_counter()
    # Up to 1 MB the scaling is measured whole (no time budget); beyond, the defaults apply.
    budget = {"doc_time_budget": 0.0} if size <= SCALING_LIMIT else {}
    summary = api.ingest([str(path)], db=str(folder / "long.duckdb"), runner="inprocess", **budget)
    seconds = time.perf_counter() - started
    with DuckDBStore(str(folder / "long.duckdb"), read_only=True) as store:
        counts = store.counts()
    if summary.failures:
        failure = summary.failures[0]
        outcome = f"refused {failure.code}: {failure.reason[:60]}"
    else:
        outcome = f"stored, {counts['events']} events"
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = {"bytes": path.stat().st_size, "outcome": outcome, "seconds": seconds}
    print(json.dumps({**result, "baseline_kb": baseline, "peak_kb": peak}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help=f"default {DEFAULT_SIZES}")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(int(args.child[0]), args.child[1])
        return 0
    header = (
        f"{'size':>9} {'layout':6} {'s':>7} {'ms/KB':>7} {'base MB':>8} {'peak MB':>8}  outcome"
    )
    print(header)
    for raw in args.sizes.split(","):
        size, layout = parse_size(raw)
        started = time.perf_counter()
        run = subprocess.run(
            [sys.executable, __file__, "--child", str(size), layout],
            capture_output=True,
            text=True,
            check=False,
        )
        wall = time.perf_counter() - started
        lines = [line for line in run.stdout.splitlines() if line.startswith("{")]
        if run.returncode != 0 or not lines:
            tail = (run.stderr.strip().splitlines() or ["no output"])[-1]
            print(f"{size:>9} {layout:6} {wall:>7.1f} {'':>7} {'':>8} {'':>8}  CRASHED: {tail}")
            continue
        row = json.loads(lines[-1])
        per_kb = 1000 * row["seconds"] / (row["bytes"] / 1000)
        print(
            f"{row['bytes']:>9} {layout:6} {row['seconds']:>7.1f} {per_kb:>7.1f} "
            f"{row['baseline_kb'] / 1024:>8.0f} {row['peak_kb'] / 1024:>8.0f}  {row['outcome']}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
