"""Throughput of Dotterel against bare spaCy on the same texts (``make bench``).

The same code as ``dotterel bench`` (:mod:`dotterel.runner.bench`): bare spaCy's
``nlp.pipe``, Dotterel in one process, and its process pool with one worker and with
every core, interleaved in one process, best of three; docs/s, words/s, peak RSS per
worker and the ratios. ``--corpus PATH`` times your own files, ``--docs N`` replicates
the texts to N documents, ``--profile`` prints each component's share of the time.
Speed is measured here, never asserted in tests.
"""

from __future__ import annotations

from dotterel.runner.bench import main

if __name__ == "__main__":
    main()
