"""Reader for PETRARCH/TABARI actor and agent dictionaries (the Phoenix ``.txt`` format).

Format, as used by the Phoenix dictionaries:

- ``NAME_ [CODE]`` starts an entry (words joined by ``_``; a trailing ``_`` only marks a
  whole-word match and is dropped); ``# ...`` is a comment.
- ``+SYNONYM`` lines add names to the current entry.
- Code lines, usually tab-indented, attach codes to the entry: ``[CODE]``,
  ``[CODE 700101-991231]`` (``yymmdd`` or ``yyyymmdd``), ``[CODE >20070101]`` (from),
  ``[CODE <991231]`` (until).  Several bracketed codes may sit on one line.
- Root lines without a code that directly follow each other share the codes that come
  next (PETRARCH treats them as one entry).
- Agent files use ``[~GOV]`` codes and substitution sets ``!SET! = A, B`` used as
  ``!SET!`` inside phrases.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dotterel.errors import DictionaryError, MissingInputError

_CODE_RE = re.compile(r"\[([^\]]*)\]")
_DATE_RANGE_RE = re.compile(r"^(\d{6}|\d{8})\s*-\s*(\d{6}|\d{8})$")
_DATE_ONE_RE = re.compile(r"^([<>])\s*(\d{6}|\d{8})$")
_CODE_TOKEN_RE = re.compile(r"^~?[A-Z0-9]{3,15}$")


@dataclass(frozen=True, slots=True)
class DatedCode:
    """One code with an optional validity interval (ISO dates, inclusive)."""

    code: str
    start: str | None = None
    end: str | None = None


@dataclass(slots=True)
class PetrarchEntry:
    """One dictionary entry: its names (the first is the primary) and its dated codes."""

    names: list[str] = field(default_factory=list)
    codes: list[DatedCode] = field(default_factory=list)
    line: int = 0


def petrarch_date(value: str) -> str:
    """Turn ``yymmdd`` or ``yyyymmdd`` into ``YYYY-MM-DD`` (two-digit years > 30 are 19xx)."""
    if len(value) == 6:
        yy = int(value[:2])
        year = 1900 + yy if yy > 30 else 2000 + yy
        value = f"{year}{value[2:]}"
    if len(value) != 8:
        raise DictionaryError(f"bad date {value!r}")
    month = min(max(int(value[4:6]), 1), 12)
    day = min(max(int(value[6:8]), 1), 31 if month != 2 else 29)
    return f"{value[:4]}-{month:02d}-{day:02d}"


def parse_code(body: str) -> DatedCode | None:
    """Parse the inside of a ``[...]`` code; ``None`` when it is not a valid code."""
    parts = body.strip().split(None, 1)
    if not parts or not _CODE_TOKEN_RE.match(parts[0]):
        return None
    code = parts[0].lstrip("~")
    if len(parts) == 1:
        return DatedCode(code)
    when = parts[1].strip()
    try:
        match = _DATE_RANGE_RE.match(when)
        if match:
            return DatedCode(code, petrarch_date(match.group(1)), petrarch_date(match.group(2)))
        match = _DATE_ONE_RE.match(when)
        if match:
            date = petrarch_date(match.group(2))
            return (
                DatedCode(code, date, None)
                if match.group(1) == ">"
                else DatedCode(code, None, date)
            )
    except (DictionaryError, ValueError):
        return None
    # A malformed date (typos such as 7 digits) keeps the code without dates being trusted.
    return None


def phrase_text(raw: str) -> str:
    """``RUSSIAN_FOREIGN_MINISTER_`` → ``RUSSIAN FOREIGN MINISTER``."""
    return " ".join(raw.replace("_", " ").split())


def iter_entries(lines: list[str], source: str = "<text>") -> Iterator[PetrarchEntry]:
    """Yield the entries of an actor dictionary given as lines."""
    current: PetrarchEntry | None = None
    for number, raw in enumerate(lines, start=1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        stripped = line.strip()
        if stripped.startswith("["):
            if current is None:
                raise DictionaryError(f"line {number}: code without an entry", source=source)
            for body in _CODE_RE.findall(stripped):
                code = parse_code(body)
                if code:
                    current.codes.append(code)
            continue
        if stripped.startswith("+"):
            if current is None:
                raise DictionaryError(f"line {number}: synonym without an entry", source=source)
            name = phrase_text(_CODE_RE.sub("", stripped[1:]))
            if name:
                current.names.append(name)
            for body in _CODE_RE.findall(stripped):
                code = parse_code(body)
                if code:
                    current.codes.append(code)
            continue
        name = phrase_text(_CODE_RE.sub("", stripped))
        codes = [c for c in (parse_code(b) for b in _CODE_RE.findall(stripped)) if c]
        if current is not None and not current.codes:
            # Consecutive root lines without codes share the codes that follow.
            if name:
                current.names.append(name)
            current.codes.extend(codes)
            continue
        if current is not None:
            yield current
        current = PetrarchEntry(names=[name] if name else [], codes=codes, line=number)
    if current is not None:
        yield current


def load_petrarch_actors(path: str | Path) -> list[PetrarchEntry]:
    """Read a PETRARCH/Phoenix actor dictionary into entries (names + dated codes).

    Entries without any code are dropped.  Raises :class:`MissingInputError` when the file
    does not exist and :class:`DictionaryError` when a code or synonym has no entry.
    """
    file = Path(path)
    if not file.is_file():
        raise MissingInputError("no such dictionary file", source=str(path))
    lines = file.read_text(encoding="utf-8", errors="replace").splitlines()
    return [e for e in iter_entries(lines, str(path)) if e.codes and e.names]


def load_petrarch_agents(path: str | Path) -> dict[str, str]:
    """Read a PETRARCH agents file into ``{phrase (upper case): role code}``.

    Substitution sets (``!PERSON! = MAN, MEN``) are expanded; ``{}`` plural markers are
    dropped; the ``~`` of ``[~GOV]`` is removed.
    """
    file = Path(path)
    if not file.is_file():
        raise MissingInputError("no such agents file", source=str(path))
    sets: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    for raw in file.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("!") and "=" in line:
            name, listed = line.split("=", 1)
            sets[name.strip()] = [v.strip() for v in listed.split(",") if v.strip()]
            continue
        codes = _CODE_RE.findall(line)
        if not codes:
            continue
        role = codes[0].strip().lstrip("~")
        phrase = _CODE_RE.sub("", line).replace("{}", "").strip()
        variants = [phrase]
        for name, members in sets.items():
            if name in phrase:
                variants = [v.replace(name, m) for v in variants for m in members]
        for variant in variants:
            text = phrase_text(variant)
            if text and "!" not in text and role:
                out.setdefault(text, role)
    return out
