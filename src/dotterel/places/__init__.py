"""Dotterel places stage: gazetteer, meeting cities and event locations.

- :mod:`dotterel.places.gazetteer`: :func:`load_gazetteer`, :class:`Gazetteer`,
  :func:`resolve` (place name -> :class:`~dotterel.records.Location`).
- :mod:`dotterel.places.extract`: :func:`conference_city` ("summit in Kazan" -> "Kazan").
- :mod:`dotterel.places.component`: the ``dotterel_places`` spaCy component (imported
  separately so that the gazetteer can be used without spaCy).
"""

from dotterel.places.extract import conference_city, find_conference_places
from dotterel.places.gazetteer import Gazetteer, Place, load_gazetteer, resolve

__all__ = [
    "Gazetteer",
    "Place",
    "conference_city",
    "find_conference_places",
    "load_gazetteer",
    "resolve",
]
