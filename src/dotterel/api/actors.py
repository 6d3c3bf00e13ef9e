"""Actor resolution and the unresolved-name list, with the user's own dictionaries.

The ``user_dictionaries`` setting (``DOTTEREL_USER_DICTIONARIES``, ':'-separated paths)
is read here as it is by the extraction pipeline, so a name a user adds to a dictionary
is coded alike by ``extract``, ``ingest``, ``resolve`` and dropped from ``actors
--unresolved``.

>>> from dotterel.api import resolve_actor
>>> resolve_actor("Kremlin").code
'RUSGOV'
"""

from __future__ import annotations

from pathlib import Path

from dotterel.actors.lexicon import SHARED_LEXICONS, Lexicon, Lexicons
from dotterel.actors.resolve import Resolution, resolve
from dotterel.errors import StoreError
from dotterel.settings import load_settings
from dotterel.store import EventStore, open_store

#: Stored names read per round when the user's dictionaries filter the list.
_UNRESOLVED_ROUND = 1000


def dictionary_paths(user_dictionaries: str | None = None) -> tuple[str, ...]:
    """The user dictionary paths of the ``user_dictionaries`` setting (or the override)."""
    value: str = load_settings(user_dictionaries=user_dictionaries)["user_dictionaries"]
    return tuple(path for path in value.split(":") if path)


def actor_lexicon(
    user_dictionaries: str | None = None, *, lexicons: Lexicons | None = None
) -> Lexicon:
    """The actor lexicon: built-in dictionaries with the user's on top, built once by
    ``lexicons`` (by default the process-wide :data:`~dotterel.actors.lexicon.SHARED_LEXICONS`)."""
    return (lexicons or SHARED_LEXICONS).get(dictionary_paths(user_dictionaries))


def resolve_actor(
    text: str,
    date: str | None = None,
    context: str | None = None,
    *,
    user_dictionaries: str | None = None,
    lexicons: Lexicons | None = None,
) -> Resolution:
    """Resolve one actor phrase as the pipeline would (see :func:`dotterel.actors.resolve`)."""
    lexicon = actor_lexicon(user_dictionaries, lexicons=lexicons)
    return resolve(text, date, context, lexicon=lexicon)


def unresolved_in(
    store: EventStore,
    limit: int = 50,
    user_dictionaries: str | None = None,
    *,
    lexicons: Lexicons | None = None,
) -> list[tuple[str, int]]:
    """The most frequent uncoded mentions of ``store`` that the user's dictionaries do not
    now resolve: adding a name to a dictionary takes it off the list without a re-ingest."""
    paths = dictionary_paths(user_dictionaries)
    if not paths:
        return store.unresolved_actors(limit=limit)
    with_user = (lexicons or SHARED_LEXICONS).get(paths)
    kept: list[tuple[str, int]] = []
    asked = limit + _UNRESOLVED_ROUND
    while True:
        rows = store.unresolved_actors(limit=asked)
        kept = [(name, count) for name, count in rows if not _users_name(name, with_user)]
        if len(kept) >= limit or len(rows) < asked:
            return kept[: max(limit, 0)]
        asked *= 4


def _users_name(name: str, lexicon: Lexicon) -> bool:
    resolution = resolve(name, lexicon=lexicon)
    return resolution.code is not None and resolution.why == "user"


def unresolved_actors(
    db: str | None = None, limit: int = 50, *, user_dictionaries: str | None = None
) -> list[tuple[str, int]]:
    """:func:`unresolved_in` for the store at ``db`` (default: the ``db`` setting), opened
    read-only; a missing store is a coded error, never a new empty file."""
    settings = load_settings(db=db)
    path = settings["db"]
    if path != ":memory:" and not Path(path).exists():
        raise StoreError("no event store here (run dotterel ingest first)", source=path)
    with open_store(path, read_only=True, lock_timeout=settings["lock_timeout"]) as store:
        return unresolved_in(store, limit, user_dictionaries)
