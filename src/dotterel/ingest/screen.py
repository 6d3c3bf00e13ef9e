"""What an ingest checks against the store before extracting a document.

A document whose text is stored already is skipped (a re-run adds nothing); one that
reuses the ``doc_id`` of a stored document with a different text is a ``DOT109``
failure, since its events would take the ids of the stored version's (the store
refuses it as well, this only saves the extraction). With ``record_duplicates`` (``dotterel
ingest``), a document whose text this run already read from *another* input (two files,
lines or feed items with one text) is a ``DOT110`` failure naming the first, so that no
input is dropped unrecorded; ``watch`` leaves it off (mirrored copies are expected).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from dotterel.errors import DuplicateTextError
from dotterel.records import Document, Failure
from dotterel.store.base import EventStore, clean_text, duplicate_id_failure

SKIP = "skip"


@dataclass(slots=True)
class IngestScreen:
    """Content hashes and ids seen so far: stored ones and those of this run."""

    hashes: set[str] = field(default_factory=set)
    ids: dict[str, str] = field(default_factory=dict)
    #: Where each text first read in this run came from (hash to source).
    sources: dict[str, str] = field(default_factory=dict)
    record_duplicates: bool = False

    @classmethod
    def of(cls, store: EventStore, *, record_duplicates: bool = False) -> IngestScreen:
        return cls(store.known_hashes(), store.known_doc_ids(), record_duplicates=record_duplicates)

    def check(self, document: Document) -> Failure | str | None:
        """``SKIP`` for a stored text, a failure for a reused id, ``None`` to extract."""
        source = document.source or document.doc_id
        if document.content_hash in self.hashes:
            first = self.sources.get(document.content_hash)
            if self.record_duplicates and first is not None and first != source:
                return duplicate_text_failure(document, first)
            return SKIP
        doc_id = clean_text(document.doc_id) or document.doc_id
        known = self.ids.get(doc_id)
        if known is not None and known != document.content_hash:
            return duplicate_id_failure(document)
        self.hashes.add(document.content_hash)
        self.ids[doc_id] = document.content_hash
        self.sources[document.content_hash] = source
        return None


def duplicate_text_failure(document: Document, first: str) -> Failure:
    """The failure of a document whose text this run already read from ``first``."""
    error = DuplicateTextError(f"same text as {first}, read earlier in this run; not stored twice")
    return Failure(document.source or document.doc_id, error.code, error.message)
