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


def open_store(
    path: str | None, *, read_only: bool = False, lock_timeout: float = 30.0
) -> EventStore:
    """The event store for ``path`` (see the module docstring for ``None``/``":memory:"``).

    ``read_only`` never creates or changes a file (a missing one is a ``DOT301`` error);
    ``lock_timeout`` is how long an operation waits for another process's lock.
    """
    if path is None:
        return MemoryStore()
    return DuckDBStore(path, read_only=read_only, lock_timeout=lock_timeout)


__all__ = ["SCHEMA_VERSION", "DuckDBStore", "EventStore", "MemoryStore", "open_store"]
