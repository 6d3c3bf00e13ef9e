"""JSON Schema of the public event record (``event.schema.json``, draft 2020-12)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

EVENT_SCHEMA_FILE = "event.schema.json"


def load_event_schema() -> dict[str, Any]:
    """Return the JSON Schema that every ``Event.to_dict()`` record satisfies."""
    text = resources.files(__name__).joinpath(EVENT_SCHEMA_FILE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


PLOVER_SCHEMA_FILE = "plover.schema.json"


def load_plover_schema() -> dict[str, Any]:
    """Return the JSON Schema of ``dotterel export --format plover-json`` records."""
    text = resources.files(__name__).joinpath(PLOVER_SCHEMA_FILE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
