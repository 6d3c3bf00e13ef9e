"""The list of feeds ``dotterel watch`` polls, from a YAML file or one URL a line.

YAML (``.yaml``/``.yml``)::

    interval: 15m            # default for the feeds below (optional)
    feeds:
      - url: https://example.org/world/rss.xml
        interval: 5m         # optional, this feed only
        outlet: Example News # optional, else the feed's own title
      - https://example.com/atom.xml

Any other file: one feed a line, ``URL [INTERVAL] [OUTLET...]``; blank lines, lines that
start with ``#`` and text after a blank and ``#`` are ignored. An interval is seconds
(``90``) or a number with ``s``, ``m``, ``h`` or ``d``. A malformed list raises
:class:`~dotterel.errors.FeedListError` naming the file and line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dotterel.errors import FeedListError, WatchError
from dotterel.ingest.fetch import check_url

_UNITS = {"": 1.0, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FeedSpec:
    """One feed to watch: its URL, its own poll interval (seconds) and outlet name."""

    url: str
    interval: float | None = None
    outlet: str | None = None


def parse_interval(value: Any) -> float:
    """Seconds of an interval written ``90``, ``90s``, ``15m``, ``2h`` or ``1d`` (> 0)."""
    if isinstance(value, bool):
        raise ValueError(f"interval {value!r} is not a duration")
    if isinstance(value, int | float):
        seconds = float(value)
    else:
        match = _INTERVAL.match(str(value))
        if not match:
            raise ValueError(f"interval {value!r} is not a duration like 90, 90s, 15m, 2h, 1d")
        seconds = float(match.group(1)) * _UNITS[match.group(2).lower()]
    if not seconds > 0:
        raise ValueError(f"interval {value!r} must be more than zero")
    return seconds


def format_interval(seconds: float) -> str:
    """A spelling of ``seconds`` (to the microsecond) that :func:`parse_interval` reads."""
    for unit in ("d", "h", "m"):
        count = seconds / _UNITS[unit]
        if count >= 1 and count == int(count):
            return f"{int(count)}{unit}"
    return f"{seconds:.6f}".rstrip("0").rstrip(".") + "s"


def _spec(url: Any, interval: Any, outlet: Any, where: str) -> FeedSpec:
    if not isinstance(url, str) or not url.strip():
        raise FeedListError("a feed needs a URL", source=where)
    try:
        check_url(url.strip())
        seconds = None if interval is None else parse_interval(interval)
    except (WatchError, ValueError) as exc:
        message = exc.message if isinstance(exc, WatchError) else str(exc)
        raise FeedListError(f"{url.strip()}: {message}", source=where) from None
    name = str(outlet).strip() if outlet is not None and str(outlet).strip() else None
    return FeedSpec(url.strip(), seconds, name)


def parse_feed_lines(text: str, source: str = "<feeds>") -> tuple[list[FeedSpec], float | None]:
    """Feeds of a one-URL-a-line list (the format in the module docstring)."""
    feeds = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("#"):
            continue
        line = re.sub(r"\s#.*$", "", line).strip()
        if not line:
            continue
        url, *rest = line.split()
        interval = None
        if rest and _INTERVAL.match(rest[0]):
            interval = rest.pop(0)
        outlet = " ".join(rest) or None
        feeds.append(_spec(url, interval, outlet, f"{source}:{number}"))
    return feeds, None


def parse_feed_yaml(text: str, source: str = "<feeds>") -> tuple[list[FeedSpec], float | None]:
    """Feeds and the default interval of a YAML feed list."""
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise FeedListError(f"not valid YAML: {exc}", source=source) from None
    if isinstance(data, list):
        data = {"feeds": data}
    if not isinstance(data, dict) or not isinstance(data.get("feeds"), list):
        raise FeedListError("expected a mapping with a 'feeds' list", source=source)
    default = None
    if data.get("interval") is not None:
        try:
            default = parse_interval(data["interval"])
        except ValueError as exc:
            raise FeedListError(str(exc), source=source) from None
    feeds = []
    for index, entry in enumerate(data["feeds"], start=1):
        where = f"{source}: feeds[{index}]"
        if isinstance(entry, str):
            feeds.append(_spec(entry, None, None, where))
        elif isinstance(entry, dict):
            unknown = set(entry) - {"url", "interval", "outlet"}
            if unknown:
                raise FeedListError(f"unknown keys {sorted(unknown)}", source=where)
            feeds.append(_spec(entry.get("url"), entry.get("interval"), entry.get("outlet"), where))
        else:
            raise FeedListError("a feed is a URL or a mapping with 'url'", source=where)
    return feeds, default


def load_feed_list(path: str | Path) -> tuple[list[FeedSpec], float | None]:
    """(feeds, default interval or ``None``) of a feed list file; duplicates dropped."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise FeedListError(f"cannot read the feed list: {exc}", source=str(file)) from None
    if file.suffix.lower() in (".yaml", ".yml"):
        feeds, default = parse_feed_yaml(text, str(file))
    else:
        feeds, default = parse_feed_lines(text, str(file))
    unique: dict[str, FeedSpec] = {}
    for spec in feeds:
        unique.setdefault(spec.url, spec)
    return list(unique.values()), default
