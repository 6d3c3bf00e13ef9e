"""Runners: how documents are extracted (in this process, in a process pool, on Dask).

:func:`open_runner` picks the runner from the settings (``runner``, ``workers``,
``scheduler``, ``parquet_dir``, ``partition_size``); :func:`run_documents` is the one
call ``api.ingest`` and ``api.extract_inputs`` make.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from dotterel.errors import RunnerError
from dotterel.records import Document
from dotterel.runner.base import PipelineConfig, Result, Runner, resolve_workers
from dotterel.runner.inprocess import InProcessRunner

RUNNERS: tuple[str, ...] = ("auto", "inprocess", "pool", "dask")


def open_runner(settings: dict[str, Any]) -> Runner:
    """The runner the settings ask for (``auto``: a pool when more than one worker)."""
    name = settings["runner"]
    if name not in RUNNERS:
        raise RunnerError(f"unknown runner {name!r}; expected one of {', '.join(RUNNERS)}")
    config = PipelineConfig.from_settings(settings)
    workers = resolve_workers(settings["workers"])
    if name == "auto":
        name = "pool" if workers > 1 else "inprocess"
    if name == "inprocess":
        return InProcessRunner(config)
    if name == "pool":
        from dotterel.runner.pool import PoolRunner

        return PoolRunner(config, workers=workers)
    from dotterel.runner.cluster import DaskRunner

    folder = settings["parquet_dir"] or f"{settings['db']}.parquet"
    return DaskRunner(
        config,
        folder=folder,
        scheduler=settings["scheduler"],
        workers=workers,
        partition_size=settings["partition_size"],
    )


def run_documents(documents: Iterable[Document], settings: dict[str, Any]) -> Iterator[Result]:
    """Extract documents with the runner of ``settings``, closing it when done."""
    with open_runner(settings) as runner:
        yield from runner.run(documents)


__all__ = [
    "RUNNERS",
    "PipelineConfig",
    "Result",
    "Runner",
    "open_runner",
    "resolve_workers",
    "run_documents",
]
