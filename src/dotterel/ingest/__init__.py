"""Dotterel ingest stage: files, directories and stdin to :class:`~dotterel.records.Document`.

:func:`read_inputs` yields documents and, for every input it cannot use, a
:class:`~dotterel.records.Failure` with a ``DOT1xx`` code; it never raises on bad input.
"""

from dotterel.ingest.dates import normalise_date
from dotterel.ingest.language import language_problem
from dotterel.ingest.readers import EXTENSIONS, path_doc_id, read_inputs, sniff, split_title

__all__ = [
    "EXTENSIONS",
    "language_problem",
    "normalise_date",
    "path_doc_id",
    "read_inputs",
    "sniff",
    "split_title",
]
