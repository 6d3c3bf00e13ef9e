"""Runs ``api.ingest`` in a child process and prints one line per extracted document.

The kill -9 tests start it, wait for some progress lines, and kill its process group.
Usage: ``python -m tests.runner.ingest_driver INPUT DB RUNNER [PARQUET_DIR]``.
"""

from __future__ import annotations

import sys

from dotterel import api


def main() -> None:
    source, db, runner = sys.argv[1:4]
    parquet_dir = sys.argv[4] if len(sys.argv) > 4 else None

    def progress(count: int) -> None:
        print("done", count, flush=True)

    summary = api.ingest(
        [source],
        db=db,
        runner=runner,
        workers=2,
        batch_size=2,
        partition_size=3,
        parquet_dir=parquet_dir,
        progress=progress,
    )
    print("finished", summary.documents, summary.skipped, flush=True)


if __name__ == "__main__":
    main()
