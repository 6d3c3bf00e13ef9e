"""Dotterel time stage: time expressions, datelines and event dates.

- :func:`dotterel.time.resolve.resolve_timex` resolves a short expression to a
  :class:`~dotterel.time.resolve.ResolvedTime`;
- :func:`dotterel.time.dateline.parse_dateline` reads a wire dateline;
- :func:`dotterel.time.evaluate.evaluate_timex` scores the resolver on MEANTIME;
- importing :mod:`dotterel.time.component` registers the spaCy components
  ``dotterel_dateline`` and ``dotterel_time``.
"""

from dotterel.time.dateline import Dateline, parse_dateline
from dotterel.time.resolve import ResolvedTime, resolve_timex

__all__ = ["Dateline", "ResolvedTime", "parse_dateline", "resolve_timex"]
