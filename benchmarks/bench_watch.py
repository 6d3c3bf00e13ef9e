"""Cost of ``dotterel watch`` over ingesting the same articles from files.

Serves N article pages and one RSS feed listing them from a loopback HTTP server
(127.0.0.1, port 0), then in one process: ingests the same pages saved as ``.html``
files (``dotterel.api.ingest``), watches the feed once into a fresh store, and polls it
again (a 304 round); interleaved twice, the best time of each kept, after a warm-up.
Prints seconds, docs/s and the ratio watch/files. Speed is measured here, never
asserted in tests.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import threading
import time
from http.server import ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.watch.conftest import Site, _handler  # noqa: E402
from tests.watch.pages import ARTICLES, article_html, rss  # noqa: E402

from dotterel.api import ManualClock, extractor, ingest, watch  # noqa: E402
from dotterel.ingest.markup import extract_page  # noqa: E402
from dotterel.records import Document  # noqa: E402

PAGES = int(sys.argv[1]) if len(sys.argv) > 1 else 60
REPEATS = 2


def main() -> None:
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    folder = Path(tempfile.mkdtemp())
    items = []
    for index in range(PAGES):
        number = index % len(ARTICLES) + 1
        html = article_html(number).replace(
            "</article>", f"<p>Report {index} of the day.</p></article>"
        )
        site.page(f"/a/{index}", html)
        (folder / "pages").mkdir(exist_ok=True)
        (folder / "pages" / f"{index}.html").write_text(html)
        items.append(
            (ARTICLES[number][0], site.url(f"/a/{index}"), "Fri, 01 Nov 2024 08:00:00 GMT")
        )
    site.feed("/rss", rss("Bench", items), etag='"1"')
    # Warm up: the pipeline, its lazily loaded gazetteer, and trafilatura.
    extractor().extract_one(Document(doc_id="warm", text=ARTICLES[1][1]))
    extract_page(article_html(2))

    files_seconds = watch_seconds = idle_seconds = float("inf")
    for attempt in range(REPEATS):  # interleaved, best of each kept
        started = time.perf_counter()
        from_files = ingest([str(folder / "pages")], db=str(folder / f"files{attempt}.duckdb"))
        files_seconds = min(files_seconds, time.perf_counter() - started)

        clock = ManualClock()
        db = str(folder / f"watch{attempt}.duckdb")
        started = time.perf_counter()
        watched = watch([site.url("/rss")], db=db, once=True, clock=clock)
        watch_seconds = min(watch_seconds, time.perf_counter() - started)

        clock.advance(3600)
        started = time.perf_counter()
        idle = watch([site.url("/rss")], db=db, once=True, clock=clock)
        idle_seconds = min(idle_seconds, time.perf_counter() - started)
    server.shutdown()

    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"pages: {PAGES}")
    print(
        f"ingest from .html files: {from_files.documents} docs in {files_seconds:.2f} s "
        f"({from_files.documents / files_seconds:.1f} docs/s)"
    )
    print(
        f"watch, first round:      {watched.documents} docs in {watch_seconds:.2f} s "
        f"({watched.documents / watch_seconds:.1f} docs/s)"
    )
    print(
        f"watch, 304 round:        {idle.not_modified} not modified, {idle.pages_fetched} pages "
        f"in {idle_seconds:.3f} s"
    )
    print(f"ratio watch / files: {watch_seconds / files_seconds:.2f}")
    print(f"peak RSS: {rss_mb:.0f} MB")


if __name__ == "__main__":
    main()
