"""Stories and source families: which articles report the same news, and whose copy.

Each document gets a MinHash signature (``datasketch``) over word shingles of its text.
Its LSH band keys (the bands ``datasketch.MinHashLSH`` would use for the story threshold)
are stored with it, so finding earlier near-duplicates is an indexed lookup of those keys
rather than a scan. A document whose estimated Jaccard similarity with an earlier one
reaches ``fusion_family_similarity`` is a copy of it (same *source family*: a wire story
republished by ten outlets is one source); one above ``fusion_story_similarity`` joins its
story. Documents that share no text join a story by the events they share
(:mod:`dotterel.analysis.fusion`).
"""

from __future__ import annotations

import hashlib
import re
import zlib
from functools import lru_cache
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

from dotterel.datafiles import read_yaml_mapping
from dotterel.records import Document, DocumentFingerprint

_WORD = re.compile(r"\w+", re.UNICODE)


@lru_cache(maxsize=1)
def fusion_words() -> dict[str, Any]:
    """The fusion word lists (``analysis/data/fusion.yaml``)."""
    return read_yaml_mapping("dotterel.analysis", "data/fusion.yaml", "the fusion word lists")


@lru_cache(maxsize=4096)
def outlet_family(outlet: str | None) -> str | None:
    """The family key of an outlet: its owner or wire if listed, else its normalised name."""
    if not outlet or not outlet.strip():
        return None
    name = " ".join(outlet.casefold().split())
    name = re.sub(r"^(https?://)?(www\.)?", "", name).rstrip("/")
    families: dict[str, str] = fusion_words()["outlet_families"]
    if name in families:
        return families[name]
    bare = re.sub(r"\.(com|org|net|co\.uk|co|ru|cn|ir|info|news)$", "", name)
    return families.get(bare, bare)


def shingles(text: str, size: int) -> set[bytes]:
    """Word ``size``-grams of the lower-cased text (the whole text when shorter)."""
    words = [w.casefold() for w in _WORD.findall(text)]
    if len(words) <= size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


class Fingerprinter:
    """MinHash signatures and LSH band keys with fixed parameters."""

    def __init__(self, num_perm: int, shingle_words: int, story_similarity: float) -> None:
        self.num_perm = num_perm
        self.shingle_words = shingle_words
        # MinHashLSH picks the bands and rows that make ``story_similarity`` the point
        # where a pair becomes a candidate; the bands are stored in the event store.
        lsh = MinHashLSH(threshold=story_similarity, num_perm=num_perm)
        self.bands, self.rows = lsh.b, lsh.r
        # CRC-32 spreads shingles evenly enough for MinHash and, being C, is ten times
        # faster than the default SHA-1 per shingle.
        self._prototype = MinHash(num_perm=num_perm, hashfunc=zlib.crc32)

    def signature(self, text: str) -> list[int]:
        sketch = MinHash(
            num_perm=self.num_perm,
            permutations=self._prototype.permutations,
            scheme=self._prototype.scheme,
            hashfunc=zlib.crc32,
        )
        sketch.update_batch(sorted(shingles(text, self.shingle_words)))
        return [int(v) for v in sketch.hashvalues]

    def band_keys(self, signature: list[int]) -> list[str]:
        """One key per LSH band: band number and a hash of its rows."""
        values = np.asarray(signature, dtype=np.uint64)
        keys = []
        for band in range(self.bands):
            part = values[band * self.rows : (band + 1) * self.rows].tobytes()
            keys.append(f"{band}:{hashlib.blake2b(part, digest_size=8).hexdigest()}")
        return keys

    def similarity(self, a: list[int], b: list[int]) -> float:
        """Estimated Jaccard similarity of two signatures (``MinHash.jaccard``)."""
        if len(a) != len(b) or not a:
            return 0.0
        # MinHash.jaccard's estimator (the share of equal hash values), without building
        # two MinHash objects per comparison.
        return float(np.count_nonzero(np.asarray(a) == np.asarray(b))) / len(a)


def document_text(document: Document) -> str:
    """The text a document is compared by: headline and body."""
    if document.title and not document.text.startswith(document.title):
        return f"{document.title}\n{document.text}"
    return document.text


def new_id(prefix: str, content_hash: str) -> str:
    """A stable id for a story or source family first seen in this document."""
    return prefix + hashlib.sha1(content_hash.encode("utf-8")).hexdigest()[:16]


def fingerprint(
    document: Document, printer: Fingerprinter, story_id: str = "", source_family: str = ""
) -> DocumentFingerprint:
    """A document's fingerprint; story and family default to new ones of its own."""
    return DocumentFingerprint(
        doc_id=document.doc_id,
        content_hash=document.content_hash,
        story_id=story_id or new_id("st_", document.content_hash),
        source_family=source_family or new_id("sf_", document.content_hash),
        outlet=document.outlet,
        outlet_family=outlet_family(document.outlet),
        published=document.published,
        title=document.title,
        signature=printer.signature(document_text(document)),
    )
