"""User actor dictionaries: YAML, CSV/TSV, or PETRARCH ``.txt`` files.

YAML (``.yaml``/``.yml``): a list of mappings, or ``{"actors": [...]}``::

    - text: Foo Liberation Front
      code: FOOREB
      canonical: Foo Liberation Front      # optional
    - text: Jane Doe
      code: USAGOV
      start: 2021-01-01                    # optional tenure, ISO dates
      end: 2024-12-31

CSV (``.csv``) or TSV (``.tsv``) with a header row ``text,code[,canonical,start,end]``.
PETRARCH/Phoenix actor files (``.txt``) are read with
:func:`dotterel.actors.petrarch.load_petrarch_actors`.

User entries win over built-in ones for the same name.  Names of a single token are
matched case-sensitively, longer names in any case.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

import yaml

from dotterel.actors.lexicon import NameEntry, tokenize
from dotterel.actors.petrarch import DatedCode, load_petrarch_actors
from dotterel.errors import DictionaryError, MissingInputError

_CODE_RE = re.compile(r"^[A-Z0-9]{3,15}$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _entry(item: dict[str, Any], where: str) -> NameEntry:
    text = str(item.get("text") or "").strip()
    code = str(item.get("code") or "").strip().upper()
    if not text:
        raise DictionaryError(f"{where}: missing 'text'")
    if not _CODE_RE.match(code):
        raise DictionaryError(f"{where}: bad code {code!r} (3-15 letters/digits)")
    start = str(item["start"]).strip() if item.get("start") else None
    end = str(item["end"]).strip() if item.get("end") else None
    for value in (start, end):
        if value and not _DATE_RE.match(value):
            raise DictionaryError(f"{where}: bad date {value!r} (want YYYY-MM-DD)")
    canonical = str(item.get("canonical") or "").strip() or None
    single = len(tokenize(text)) == 1
    return NameEntry(text, (DatedCode(code, start, end),), "user", single, canonical, "user")


def load_user_dictionary(path: str | Path) -> list[NameEntry]:
    """Read one user dictionary file into name entries.

    Raises :class:`MissingInputError` for a missing file and :class:`DictionaryError` for
    a malformed one (the message names the file and the row).
    """
    file = Path(path)
    if not file.is_file():
        raise MissingInputError("no such user dictionary", source=str(path))
    suffix = file.suffix.lower()
    if suffix == ".txt":
        out = []
        for entry in load_petrarch_actors(file):
            for name in entry.names:
                single = len(tokenize(name)) == 1
                out.append(
                    NameEntry(
                        name.title() if single else name,
                        tuple(entry.codes),
                        "user",
                        single,
                        entry.names[0],
                        "user",
                    )
                )
        return out
    try:
        if suffix in (".yaml", ".yml"):
            data = yaml.safe_load(file.read_text(encoding="utf-8")) or []
            if isinstance(data, dict):
                data = data.get("actors") or []
            if not isinstance(data, list):
                raise DictionaryError("expected a list of actors", source=str(path))
            rows = data
        elif suffix in (".csv", ".tsv"):
            with file.open(encoding="utf-8", newline="") as fh:
                rows = list(csv.DictReader(fh, delimiter="\t" if suffix == ".tsv" else ","))
        else:
            raise DictionaryError(
                "unknown dictionary format (want .yaml, .csv, .tsv, .txt)", source=str(path)
            )
    except yaml.YAMLError as exc:
        raise DictionaryError(f"invalid YAML: {exc}", source=str(path)) from exc
    entries = []
    for number, item in enumerate(rows, start=1):
        if not isinstance(item, dict):
            raise DictionaryError(f"entry {number} is not a mapping", source=str(path))
        try:
            entries.append(_entry(item, f"entry {number}"))
        except DictionaryError as exc:
            raise DictionaryError(exc.message, source=str(path)) from exc
    return entries
