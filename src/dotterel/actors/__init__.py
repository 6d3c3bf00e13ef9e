"""Actors stage: dictionaries, the ``dotterel_actors``/``dotterel_coref`` components and
the resolution API (:func:`resolve`, :func:`resolve_many`)."""

from dotterel.actors.petrarch import load_petrarch_actors
from dotterel.actors.resolve import Resolution, resolve, resolve_many

__all__ = ["Resolution", "load_petrarch_actors", "resolve", "resolve_many"]
