"""Named word lists read from a YAML data file: the rules that are vocabularies.

A word-list file is a YAML mapping of list name -> list of lower-case words (multi-word
entries written with single spaces) and, optionally, of table name -> mapping of key ->
list of words. :func:`parse_word_lists` checks that every list a module needs is present,
that every entry is a lower-case string (so an unquoted YAML ``no`` or ``on`` that would
read as a boolean is an error, not a silent ``False``) and that no list repeats a word.

>>> words = parse_word_lists('stop: ["the", "of"]', "example.yaml", lists=("stop",))
>>> sorted(words["stop"])
['of', 'the']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from dotterel.datafiles import data_source, read_data_text
from dotterel.errors import DictionaryError

#: The C safe loader when PyYAML has it (the lists are read at import time), else Python's.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class WordLists:
    """The word lists (frozen sets) and tables of one data file."""

    source: str
    lists: Mapping[str, frozenset[str]]
    tables: Mapping[str, Mapping[str, frozenset[str]]] = field(default_factory=dict)
    in_order: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def __getitem__(self, name: str) -> frozenset[str]:
        try:
            return self.lists[name]
        except KeyError as exc:
            raise KeyError(f"no word list {name!r} in {self.source}") from exc

    def ordered(self, name: str) -> tuple[str, ...]:
        """A list in the order the file writes it (for rules tried first to last)."""
        try:
            return self.in_order[name]
        except KeyError as exc:
            raise KeyError(f"no word list {name!r} in {self.source}") from exc

    def pairs(self, name: str) -> frozenset[tuple[str, ...]]:
        """A list of multi-word entries as word tuples (``"secretary general"`` ->
        ``("secretary", "general")``)."""
        return frozenset(tuple(entry.split(" ")) for entry in self[name])

    def table(self, name: str) -> Mapping[str, frozenset[str]]:
        try:
            return self.tables[name]
        except KeyError as exc:
            raise KeyError(f"no table {name!r} in {self.source}") from exc


def _words(value: Any, name: str, source: str) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise DictionaryError(f"word list {name!r} missing or not a list", source=source)
    seen: dict[str, None] = {}
    for word in value:
        if not isinstance(word, str) or not word or word != word.lower():
            raise DictionaryError(
                f"word list {name!r}: {word!r} is not a lower-case word (quote it in YAML)",
                source=source,
            )
        if " ".join(word.split()) != word:
            raise DictionaryError(
                f"word list {name!r}: {word!r} must be words joined by single spaces",
                source=source,
            )
        if word in seen:
            raise DictionaryError(f"word list {name!r} repeats {word!r}", source=source)
        seen[word] = None
    return tuple(seen)


def word_lists_from(
    data: Mapping[str, Any],
    source: str,
    *,
    lists: Sequence[str],
    tables: Sequence[str] = (),
) -> WordLists:
    """Check and freeze the lists and tables named from a parsed mapping."""
    unknown = sorted(set(data) - set(lists) - set(tables))
    if unknown:
        raise DictionaryError(f"unknown word lists {', '.join(unknown)}", source=source)
    in_order = {name: _words(data.get(name), name, source) for name in lists}
    frozen = {name: frozenset(words) for name, words in in_order.items()}
    frozen_tables: dict[str, dict[str, frozenset[str]]] = {}
    for name in tables:
        table = data.get(name)
        if not isinstance(table, dict):
            raise DictionaryError(f"table {name!r} missing or not a mapping", source=source)
        frozen_tables[name] = {
            str(key): frozenset(_words(value, f"{name}.{key}", source))
            for key, value in table.items()
        }
    return WordLists(source, frozen, frozen_tables, in_order)


def parse_word_lists(
    text: str, source: str, *, lists: Sequence[str], tables: Sequence[str] = ()
) -> WordLists:
    """Parse a word-list YAML document (see the module docstring)."""
    try:
        data = yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        raise DictionaryError(f"not valid YAML: {exc}", source=source) from exc
    if not isinstance(data, dict):
        raise DictionaryError("expected a mapping of word lists", source=source)
    return word_lists_from(data, source, lists=lists, tables=tables)


def load_word_lists(
    package: str,
    relative: str,
    *,
    lists: Sequence[str],
    tables: Sequence[str] = (),
    path: Path | None = None,
) -> WordLists:
    """The word lists ``relative`` of ``package`` (or the file ``path`` instead)."""
    source = data_source(package, relative, path)
    try:
        text = read_data_text(package, relative, path=path)
    except OSError as exc:
        raise DictionaryError(f"cannot read the word lists: {exc}", source=source) from exc
    return parse_word_lists(text, source, lists=lists, tables=tables)


#: The lists of ``dotterel/data/name_words.yaml``: name words more than one stage reads.
NAME_WORD_LISTS = ("organisation_nouns",)


def load_name_words(path: Path | None = None) -> WordLists:
    """The shared name word lists shipped with Dotterel (or those in ``path``)."""
    return load_word_lists("dotterel.data", "name_words.yaml", lists=NAME_WORD_LISTS, path=path)
