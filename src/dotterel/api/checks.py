"""Checks of user-supplied filter and date values, with a helpful message.

A filter that cannot match anything (``--type BOGUS``, ``--factuality bogus``, a date that
is not a day) is an error rather than an empty answer: the user sees why, and a close
match when there is one (``did you mean ASSAULT?``).
"""

from __future__ import annotations

import difflib
from typing import Any

from dotterel.errors import FilterValueError
from dotterel.records import FACTUALITY_VALUES, PLOVER_TYPES
from dotterel.store.base import MAX_LIMIT, check_day


def suggestion(value: str, choices: tuple[str, ...] | list[str]) -> str:
    """`` (did you mean X?)`` for the closest choice, or the list of choices."""
    close = difflib.get_close_matches(value.upper(), [c.upper() for c in choices], n=1)
    if close:
        match = next(c for c in choices if c.upper() == close[0])
        return f"did you mean {match}?"
    return "expected one of " + ", ".join(choices)


def check_choice(value: str, choices: tuple[str, ...] | list[str], what: str) -> str:
    """``value`` spelt as in ``choices`` (case-insensitive), else :class:`FilterValueError`."""
    for choice in choices:
        if choice.upper() == value.strip().upper():
            return choice
    raise FilterValueError(f"{what} {value!r} is not known: {suggestion(value, choices)}")


def check_limit(limit: int | None) -> int | None:
    if limit is None:
        return None
    if limit < 0 or limit > MAX_LIMIT:
        raise FilterValueError(f"--limit {limit} is out of range: give 0 to {MAX_LIMIT}")
    return limit


def check_query_filters(**filters: Any) -> dict[str, Any]:
    """The filters of ``query_events`` checked and normalised (see the module docstring)."""
    checked = dict(filters)
    if checked.get("event_type"):
        checked["event_type"] = check_choice(checked["event_type"], PLOVER_TYPES, "--type")
    if checked.get("factuality"):
        checked["factuality"] = check_choice(
            checked["factuality"], FACTUALITY_VALUES, "--factuality"
        ).lower()
    for name in ("since", "until"):
        if checked.get(name):
            checked[name] = check_day(checked[name], f"--{name}")
    if checked.get("since") and checked.get("until") and checked["since"] > checked["until"]:
        raise FilterValueError(f"--since {checked['since']} is after --until {checked['until']}")
    checked["limit"] = check_limit(checked.get("limit"))
    for name in ("actor", "recipient"):
        value = checked.get(name)
        if value is not None and not value.strip().isalnum():
            raise FilterValueError(
                f"--{name} {value!r} is not a code prefix: use letters such as RUS or RUSGOV"
            )
    return checked
