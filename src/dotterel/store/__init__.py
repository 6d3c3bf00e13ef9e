"""Dotterel store stage: where documents, events, actor mentions, failures and runs live.

:func:`open_store` picks the implementation: ``None`` gives a :class:`MemoryStore`
(plain Python, nothing written anywhere), ``":memory:"`` a :class:`DuckDBStore` in a
temporary in-memory DuckDB database (full SQL behaviour, gone on close), and any other
string a :class:`DuckDBStore` on that file, created if missing.
"""

from __future__ import annotations

from dotterel.store.base import EventStore
from dotterel.store.duck import DuckDBStore
from dotterel.store.memory import MemoryStore
from dotterel.store.schema import SCHEMA_VERSION


def open_store(path: str | None) -> EventStore:
    """The event store for ``path`` (see the module docstring for ``None``/``":memory:"``)."""
    if path is None:
        return MemoryStore()
    return DuckDBStore(path)


__all__ = ["SCHEMA_VERSION", "DuckDBStore", "EventStore", "MemoryStore", "open_store"]
