"""Scale options (``--workers``, ``--runner``, ``--scheduler``) and ``dotterel bench``."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from dotterel.settings import setting


def _help(name: str) -> str:
    spec = setting(name)
    return f"{spec.help} [env {spec.env}]"


WorkersOption = Annotated[int | None, typer.Option("--workers", "-w", help=_help("workers"))]


class RunnerName(StrEnum):
    auto = "auto"
    inprocess = "inprocess"
    pool = "pool"
    dask = "dask"


RunnerOption = Annotated[RunnerName | None, typer.Option("--runner", help=_help("runner"))]
SchedulerOption = Annotated[str | None, typer.Option("--scheduler", help=_help("scheduler"))]


def register(app: typer.Typer) -> None:
    """Add ``dotterel bench`` to the application."""

    @app.command()
    def bench(
        corpus: Annotated[
            list[str] | None,
            typer.Option("--corpus", help="Files or folders to time (default: bundled texts)."),
        ] = None,
        workers: WorkersOption = None,
        docs: Annotated[
            int, typer.Option("--docs", help="Replicate the texts to at least this many.")
        ] = 300,
        repeats: Annotated[int, typer.Option("--repeats", help="Best of this many runs.")] = 3,
        dask: Annotated[
            bool, typer.Option("--dask", help="Also time a Dask LocalCluster of --workers.")
        ] = False,
    ) -> None:
        """Time bare spaCy, Dotterel on 1 worker and on all workers, on the same texts."""
        from dotterel.runner.bench import run_bench

        run_bench(corpus=corpus or [], workers=workers, min_docs=docs, repeats=repeats, dask=dask)
