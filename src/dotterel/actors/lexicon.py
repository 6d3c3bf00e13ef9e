"""The actor lexicon: loads the data files and finds actor phrases in text.

Everything is compiled once per set of user dictionaries (a :class:`Lexicons` keeps the
lexicons it built; :func:`default_lexicon` asks the shared one); matching a text is a
regex tokenisation plus a longest-match scan over a prefix set, so it is cheap enough to
run on every document and on tens of thousands of strings.

Matching rules
--------------
- Names of one token marked ``cs`` (``US``, ``Chad``, ``Turkey``, ``Jordan``) match only
  as written; other names match in any case but must contain a capital letter in the text
  (so "the state" is not "The State").
- Agent words ("officials", "foreign minister", "troops") match in any case; regular
  plurals are generated.
- An unknown ALL-CAPS token of 3+ letters that is one adjacent transposition away from a
  known acronym resolves to it ("DRPK" → ``PRK``).
"""

from __future__ import annotations

import csv
import re
import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from dotterel.actors.petrarch import DatedCode
from dotterel.actors.words import ACTOR_WORDS
from dotterel.errors import DictionaryError

if TYPE_CHECKING:
    from dotterel.actors.knowledge import Known

DATA_DIR = Path(__file__).resolve().parent / "data"
KNOWLEDGE_BASE = "knowledge_base.tsv"

SECTORS = frozenset(
    [
        "GOV",
        "MIL",
        "LEG",
        "JUD",
        "SPY",
        "COP",
        "BUS",
        "MED",
        "OPP",
        "REB",
        "PTY",
        "CVL",
        "REF",
        "EDU",
        "REL",
        "LAB",
        "AGR",
        "CRM",
        "ELI",
        "JRN",
        "HLH",
        "UAF",
        "SOC",
        "ENV",
        "HRI",
        "IGO",
        "NGO",
    ]
)
COUNTRY_KINDS = frozenset({"name", "alias", "demonym", "capital", "place"})
# Priority of sources when one name has several entries (higher wins).
# The knowledge base ("kb", built from Wikidata office holders, Party Facts and UCDP) sits
# below the hand-kept tables and user dictionaries and above the generated Phoenix lists.
PRIORITY = {
    "user": 6,
    "curated": 5,
    "holder": 4,
    "kb": 3,
    "country": 2,
    "phoenix": 1,
    "city": 0,
}

_TOKEN_RE = re.compile(r"(?:[A-Za-z]\.){2,}|\w+(?:['’]\w+)*|[^\w\s]")
_POSSESSIVE = ("'s", "’s")
PREPOSITIONS = ACTOR_WORDS["prepositions"]
MODIFIERS = ACTOR_WORDS["modifiers"]


# Lower-case words inside a surname ("da Silva", "al-Assad").
_JOINERS = ACTOR_WORDS["surname_joiners"]
# Military ranks that are also surnames ("Major General Cosgrove" is not John Major).
RANKS = ACTOR_WORDS["military_ranks"]
GIVEN_NAMES = ACTOR_WORDS["given_names"]

_STOP = ACTOR_WORDS["stop_words"]


def fold(text: str) -> str:
    """Strip accents and normalise apostrophes (keeps case)."""
    text = text.replace("’", "'").replace("‘", "'")
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@dataclass(frozen=True, slots=True)
class Token:
    """One token of the lexicon's own tokenisation, with character offsets."""

    text: str
    start: int
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()


def tokenize(text: str) -> list[Token]:
    """Split into words, punctuation, hyphens and possessive ``'s`` (offsets kept)."""
    out: list[Token] = []
    for match in _TOKEN_RE.finditer(text):
        word, start, end = match.group(), match.start(), match.end()
        if len(word) > 2 and word[-2:] in _POSSESSIVE:
            out.append(Token(fold(word[:-2]), start, end - 2))
            out.append(Token("'s", end - 2, end))
        else:
            out.append(Token(fold(word), start, end))
    return out


def key_of(text: str) -> str:
    """Lookup key: lower-cased tokens joined by spaces."""
    return " ".join(t.lower for t in tokenize(text))


def fast_key(text: str) -> str:
    """:func:`key_of` without building tokens (for loading large tables)."""
    out = []
    for word in _TOKEN_RE.findall(fold(text)):
        if len(word) > 2 and word[-2:] in _POSSESSIVE:
            out.append(word[:-2].lower())
            out.append("'s")
        else:
            out.append(word.lower())
    return " ".join(out)


@dataclass(frozen=True, slots=True)
class NameEntry:
    """A dictionary name: what it codes to and how it may match."""

    surface: str
    codes: tuple[DatedCode, ...]
    kind: str
    case_sensitive: bool
    canonical: str | None
    source: str
    title: str | None = None
    # Knowledge-base key: a Wikidata QID ("Q7747"), "partyfacts:ID" or "ucdp:ID".
    key: str | None = None

    @property
    def priority(self) -> int:
        return PRIORITY.get(self.source, 0)


@dataclass(frozen=True, slots=True)
class Holder:
    """An office holder with a tenure."""

    name: str
    code: str
    role: str
    title: str
    start: str | None
    end: str | None


@dataclass(slots=True)
class Atom:
    """A matched piece of text: a name (with entries) or an agent word (with a role)."""

    i: int
    j: int
    start: int
    end: int
    entries: list[NameEntry] = field(default_factory=list)
    role: str | None = None
    title: str | None = None
    fuzzy: bool = False

    @property
    def is_agent(self) -> bool:
        return not self.entries


def _valid(code: DatedCode | Holder, date: str | None) -> bool:
    if date is None:
        return True
    if code.start and date < code.start:
        return False
    return not (code.end and date > code.end)


def pick_code(codes: Sequence[DatedCode], date: str | None) -> DatedCode | None:
    """The code valid at ``date``; without a date (or none valid), the most recent one."""
    if not codes:
        return None
    valid = [c for c in codes if _valid(c, date)] if date else []
    pool = valid or ([] if date and any(c.start or c.end for c in codes) else list(codes))
    if not pool:
        # Dated entries none of which cover the date: fall back to the closest (latest) one.
        pool = list(codes)
    return max(pool, key=lambda c: (c.start is not None or c.end is None, c.start or ""))


def _plurals(word: str) -> list[str]:
    last = word.split(" ")[-1]
    head = word[: len(word) - len(last)]
    if not last.isalpha() or last.endswith(("s", "ics")) or last[0].isupper():
        return []
    if last.endswith("man"):
        forms = [last[:-3] + "men"]
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        forms = [last[:-1] + "ies"]
    elif last.endswith(("sh", "ch", "x", "z")):
        forms = [last + "es"]
    else:
        forms = [last + "s"]
    return [head + f for f in forms]


def _read_tsv(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        raise DictionaryError("missing data file", source=str(path))
    with path.open(encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = []
    for number, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise DictionaryError(f"row {number}: wrong number of columns", source=str(path))
        rows.append({k: (v or "").strip() for k, v in row.items()})
    return rows


def parse_codes(text: str) -> tuple[DatedCode, ...]:
    """Parse ``CODE@start..end;CODE`` (the phoenix_actors.tsv code column)."""
    out = []
    for part in text.split(";"):
        part = part.strip()
        if not part:
            continue
        code, _, when = part.partition("@")
        start, _, end = when.partition("..")
        out.append(DatedCode(code, start or None, end or None))
    return tuple(out)


class Lexicon:
    """All actor names, agent words and office holders, compiled for fast matching."""

    def __init__(self) -> None:
        self.names: dict[str, list[NameEntry]] = {}
        self.prefixes: set[str] = set()
        self.agents: dict[str, tuple[str, str | None]] = {}
        self.agent_prefixes: set[str] = set()
        self.holders: list[Holder] = []
        self.by_title: dict[tuple[str, str], list[Holder]] = {}
        self.acronyms: dict[str, str] = {}
        self.country_codes: frozenset[str] = frozenset()
        self.country_names: dict[str, str] = {}
        self.max_len = 1
        # Last words that are never used alone for a holder: given names ("Mohamad" of
        # Mahathir Mohamad) and places ("Lagos" of Ricardo Lagos).
        self.no_surname: set[str] = set(GIVEN_NAMES) | RANKS
        self._fuzzy_index: dict[str, str | None] | None = None
        # Knowledge-base people by surname, used only after an office title ("President
        # Widodo") and after the full name in the same text, never alone.
        self.kb_surnames: dict[str, list[Known]] = {}

    # -- building -------------------------------------------------------------------
    def add_name(self, entry: NameEntry, key: str | None = None) -> None:
        """Add one name under ``key`` (by default derived from ``entry.surface``)."""
        if key is None:
            key = key_of(entry.surface)
        if not key:
            return
        single = " " not in key
        bucket = self.names.setdefault(key, [])
        if entry in bucket:
            return
        bucket.append(entry)
        bucket.sort(key=lambda e: -e.priority)
        parts = key.split(" ")
        self.max_len = max(self.max_len, len(parts))
        for n in range(1, len(parts)):
            self.prefixes.add(" ".join(parts[:n]))
        word = entry.surface.replace(".", "")
        # Misspelt agency names are rare, and "IRA" is not a typo for "RIA".
        fuzzy_ok = entry.kind != "media"
        if fuzzy_ok and entry.case_sensitive and single and word.isupper() and len(word) >= 3:
            self.acronyms[word] = key

    def add_agent(self, text: str, role: str, title: str | None) -> None:
        """Add an agent word and its plural forms."""
        for form in [text, *_plurals(text)]:
            key = key_of(form)
            if not key or key in self.agents:
                continue
            self.agents[key] = (role, title or None)
            parts = key.split(" ")
            for n in range(1, len(parts)):
                self.agent_prefixes.add(" ".join(parts[:n]))

    def titled(self, name: str) -> bool:
        """Whether ``name`` starts with an office title ("President Bush")."""
        parts = key_of(name).split(" ")
        for n in range(1, min(4, len(parts))):
            agent = self.agents.get(" ".join(parts[:n]))
            if agent and agent[1]:
                return True
        return False

    def add_holder(self, holder: Holder, aliases: Iterable[str]) -> None:
        """Add an office holder, reachable by name, aliases and unambiguous surname."""
        self.holders.append(holder)
        self.by_title.setdefault(
            (holder.code[:3] if len(holder.code) == 3 else holder.code, holder.title), []
        ).append(holder)
        code = DatedCode(_holder_code(holder), holder.start, holder.end)
        names = [holder.name, *(a for a in aliases if key_of(a) not in RANKS)]
        surname = holder.name.split()[-1]
        if (
            len(holder.name.split()) > 1
            and surname[:1].isupper()
            and len(surname) > 3
            and key_of(surname) not in self.agents
            and key_of(surname) not in self.no_surname
        ):
            names.append(surname)
        for name in dict.fromkeys(n for n in names if n):
            self.add_name(
                NameEntry(name, (code,), "person", True, holder.name, "holder", holder.title)
            )

    # -- matching -------------------------------------------------------------------
    def _name_ok(self, entry: NameEntry, toks: Sequence[Token]) -> bool:
        if entry.case_sensitive and len(toks) == 1:
            return toks[0].text == fold(entry.surface) or (
                toks[0].text.replace(".", "") == fold(entry.surface).replace(".", "")
            )
        return any(ch.isupper() for t in toks for ch in t.text)

    def scan(self, tokens: Sequence[Token]) -> list[Atom]:
        """Longest-match scan: name and agent atoms, non-overlapping, in order."""
        atoms: list[Atom] = []
        i, n = 0, len(tokens)
        lowers = [t.lower for t in tokens]
        while i < n:
            best: Atom | None = None
            key = ""
            for j in range(i, min(n, i + self.max_len)):
                key = lowers[j] if j == i else f"{key} {lowers[j]}"
                entries = self.names.get(key)
                if entries:
                    ok = [e for e in entries if self._name_ok(e, tokens[i : j + 1])]
                    if ok:
                        best = Atom(i, j + 1, tokens[i].start, tokens[j].end, ok)
                if key not in self.prefixes:
                    break
            key = ""
            for j in range(i, min(n, i + 6)):
                key = lowers[j] if j == i else f"{key} {lowers[j]}"
                agent = self.agents.get(key)
                if agent and (best is None or j + 1 > best.j):
                    if lowers[i] in ("state", "national", "union", "general") and (
                        tokens[i].text[:1].isupper() and j == i
                    ):
                        pass  # a capitalised lone "State"/"General" is usually a name part
                    else:
                        best = Atom(i, j + 1, tokens[i].start, tokens[j].end, [], *agent)
                if key not in self.agent_prefixes:
                    break
            if best is None or (best.j == i + 1 and all(e.source == "city" for e in best.entries)):
                titled = self._titled_surname(tokens, i, atoms)
                if titled is not None:
                    best = titled
            if best is None:
                best = self._fuzzy(tokens, i)
            if best is not None and (
                self._other_person(tokens, best, atoms) or self._first_name_of_another(tokens, best)
            ):
                best = None
                i += 1
                continue
            if best is not None:
                atoms.append(best)
                i = best.j
            else:
                i += 1
        return atoms

    def _titled_surname(self, tokens: Sequence[Token], i: int, atoms: list[Atom]) -> Atom | None:
        """A knowledge-base surname right after an office title ("Prime Minister
        Kishida"): the holders of that kind of office with that surname."""
        if not self.kb_surnames or not atoms or atoms[-1].j != i or not atoms[-1].is_agent:
            return None
        from dotterel.actors.knowledge import office_of_title

        title = atoms[-1]
        offices = office_of_title(" ".join(t.lower for t in tokens[title.i : title.j]), title.title)
        if offices is None or not tokens[i].text[:1].isupper():
            return None
        best = self._titled_surname_at(tokens, i, i, offices)
        if best is None:
            # "Foreign Minister Giorgos Gerapetritis": given names the table spells
            # otherwise ("Georgios") before the surname of a holder of the title's office
            # whose own given name starts with the same letter.
            for k in range(i + 1, min(len(tokens), i + 3)):
                given = tokens[k - 1]
                if not (given.text[:1].isupper() and given.text.isalpha()):
                    break
                if given.lower in self.names or given.lower in self.agents:
                    break
                best = self._titled_surname_at(tokens, i, k, offices)
                if best is not None:
                    break
        if best is not None and best.j < len(tokens):
            nxt = tokens[best.j]
            if nxt.text[:1].isupper() and nxt.text.isalpha() and nxt.lower not in self.agents:
                return None  # "President Lee Jae-myung": someone's given name
        return best

    def _titled_surname_at(
        self, tokens: Sequence[Token], i: int, k: int, offices: frozenset[str]
    ) -> Atom | None:
        """Holders of ``offices`` whose surname starts at token ``k``; with given names
        before it (``k > i``), only those whose given name has the same initial."""
        from dotterel.actors.knowledge import titled_candidates

        best: Atom | None = None
        key = ""
        for j in range(k, min(len(tokens), k + 3)):
            if not tokens[j].text[:1].isupper() and tokens[j].lower not in _JOINERS:
                break
            key = tokens[j].lower if j == k else f"{key} {tokens[j].lower}"
            if key in self.names:
                return None  # a full name or a known actor: the ordinary match rules
            entries = titled_candidates(self, key, offices)
            if k > i:
                initial = tokens[i].text[:1]
                entries = [e for e in entries if (e.canonical or e.surface)[:1] == initial]
            if entries:
                best = Atom(i, j + 1, tokens[i].start, tokens[j].end, entries)
        return best

    @staticmethod
    def _other_person(tokens: Sequence[Token], atom: Atom, atoms: list[Atom]) -> bool:
        # A bare surname after an unknown first name is somebody else ("Kazem Jalali").
        if atom.is_agent or atom.j - atom.i != 1 or atom.i == 0:
            return False
        if not all(e.kind in ("person", "phoenix") for e in atom.entries):
            return False
        prev = tokens[atom.i - 1]
        covered = bool(atoms) and atoms[-1].j == atom.i
        if any((e.canonical or "").split(" ")[0] == prev.text for e in atom.entries):
            return False  # the holder's own first name: "Abdelaziz Bouteflicka"
        return prev.text[:1].isupper() and prev.text.isalpha() and not covered

    def _first_name_of_another(self, tokens: Sequence[Token], atom: Atom) -> bool:
        """A bare surname followed by an unknown capitalised word is someone's first
        name ("Fritz Longchamp" is not Harry Fritz)."""
        if atom.is_agent or atom.j >= len(tokens):
            return False
        if atom.j - atom.i != 1:
            # A knowledge-base person's full name before one more unknown name word is
            # part of someone else's longer name ("Abdul Hamid Dbeibah" is not the
            # Bangladeshi president Abdul Hamid).
            if not all(e.source == "kb" and e.kind == "person" for e in atom.entries):
                return False
        elif not all(e.kind in ("person", "phoenix") for e in atom.entries):
            return False
        nxt = tokens[atom.j]
        return (
            nxt.text[:1].isupper()
            and nxt.text.isalpha()
            and key_of(nxt.text) not in self.agents
            and key_of(nxt.text) not in self.names
        )

    def _fuzzy(self, tokens: Sequence[Token], i: int) -> Atom | None:
        word = tokens[i].text
        if len(word) < 3 or not word.isupper() or not word.isalpha():
            return None
        for k in range(len(word) - 1):
            swapped = word[:k] + word[k + 1] + word[k] + word[k + 2 :]
            key = self.acronyms.get(swapped)
            if key:
                entries = [e for e in self.names[key] if e.case_sensitive]
                return Atom(i, i + 1, tokens[i].start, tokens[i].end, entries, fuzzy=True)
        return None

    def fuzzy_name(self, word: str, min_len: int = 6) -> str | None:
        """Key of the one known capitalised name one edit away from ``word``.

        Names and words shorter than ``min_len`` letters are not considered.
        """
        if len(word) < min_len or not word[:1].isupper() or not word.isalpha():
            return None
        if self._fuzzy_index is None:
            index: dict[str, str | None] = {}
            for key, entries in self.names.items():
                if " " in key or len(key) < 5 or not key.isalpha():
                    continue
                if not any(e.case_sensitive and e.source != "city" for e in entries):
                    continue
                for variant in {key, *(key[:k] + key[k + 1 :] for k in range(len(key)))}:
                    seen = index.get(variant, key)
                    if seen is not None and seen != key and not self._same_code(seen, key):
                        seen = None
                    index[variant] = seen
            self._fuzzy_index = index
        low = word.lower()
        # A dropped letter ("Gbago" for "Gbagbo") is a closer match than a changed one,
        # so it is tried on its own first.
        direct = self._fuzzy_index.get(low)
        if direct is not None and len(direct) >= min_len:
            return direct
        found = {self._fuzzy_index.get(low[:k] + low[k + 1 :]) for k in range(len(low))}
        found.discard(None)
        keys = sorted(k for k in found if k is not None and len(k) >= min_len)
        if keys and all(self._same_code(keys[0], k) for k in keys[1:]):
            return keys[0]
        return None

    def _same_code(self, a: str, b: str) -> bool:
        codes_a = {c.code for e in self.names[a] for c in e.codes}
        codes_b = {c.code for e in self.names[b] for c in e.codes}
        return codes_a == codes_b

    def holder_for(self, country: str, title: str, date: str | None) -> Holder | None:
        """The holder of ``title`` for ``country`` (or IGO code) at ``date``."""
        pool = self.by_title.get((country, title), [])
        if not pool:
            return None
        valid = [h for h in pool if _valid(h, date)] if date else list(pool)
        if not valid:
            return None
        return max(valid, key=lambda h: h.start or "")


# Words that make a dated Phoenix name an organisation, whose last word is no surname
# ("Syrian National Coalition" must not make "Coalition" an actor).
_ORGANISATION_WORDS = ACTOR_WORDS["organisation_words"]


def _titled_variant(key: str, keys: set[str], agents: dict[str, tuple[str, str | None]]) -> bool:
    # "President Bush" next to "Bush" in one entry: leave titles to the agent words so
    # that the title, the country and the holder's dates all take part in the coding.
    # A lone first name is no title: "Hamid Karzai" next to "Karzai" stays.
    parts = key.split(" ")
    return any(
        " ".join(parts[k:]) in keys and (k > 1 or parts[0] in agents) for k in range(1, len(parts))
    )


def _holder_code(holder: Holder) -> str:
    return holder.code + holder.role if len(holder.code) == 3 else holder.code


def _load_into(lex: Lexicon, data_dir: Path) -> None:
    countries = _read_tsv(data_dir / "countries.tsv")
    lex.country_codes = frozenset(row["iso3"] for row in countries)
    for row in countries:
        if row["kind"] == "name" and "," not in row["text"]:
            lex.country_names.setdefault(row["iso3"], row["text"])
    for row in countries:
        lex.add_name(
            NameEntry(
                row["text"],
                (DatedCode(row["iso3"]),),
                row["kind"],
                row["case"] == "cs",
                None,
                "country",
            )
        )
    cities = _read_tsv(data_dir / "cities.tsv")
    lex.no_surname.update(key_of(row["text"]) for row in cities)
    lex.no_surname.update(key_of(row["text"]) for row in countries)
    for row in _read_tsv(data_dir / "agents.tsv"):
        lex.add_agent(row["text"], row["role"], row["title"] or None)
    surnames: dict[str, list[tuple[tuple[DatedCode, ...], str]]] = {}
    for row in _read_tsv(data_dir / "phoenix_actors.tsv"):
        # A bare sector ("MED" for Reuters) names no country: it would only shadow
        # curated entries ("The Guardian") with a code that cannot be used.
        codes = tuple(c for c in parse_codes(row["codes"]) if c.code not in SECTORS)
        if not codes:
            continue
        names = row["names"].split("|")
        keys = {key_of(n) for n in names}
        dated = any(c.start or c.end for c in codes)
        for name in names:
            if len(name) < 3 or _titled_variant(key_of(name), keys, lex.agents) or lex.titled(name):
                continue
            single = len(tokenize(name)) == 1
            if single:
                continue  # one-word Phoenix names are often ordinary words: surnames below
            lex.add_name(NameEntry(name, codes, "phoenix", single, names[0], "phoenix"))
        first = names[0].split()
        if dated and 2 <= len(first) <= 4 and not _ORGANISATION_WORDS & {w.lower() for w in first}:
            surnames.setdefault(first[-1], []).append((codes, names[0]))
    for row in _read_tsv(data_dir / "curated.tsv"):
        if len(row["code"]) == 3 and row["canonical"]:
            lex.country_names[row["code"]] = row["canonical"]
        lex.add_name(
            NameEntry(
                row["text"],
                (DatedCode(row["code"]),),
                row["kind"],
                row["case"] == "cs",
                row["canonical"] or None,
                "curated",
            )
        )
    for row in _read_tsv(data_dir / "office_holders.tsv"):
        holder = Holder(
            row["name"],
            row["country"],
            row["role"],
            row["title"],
            row["start"] or None,
            row["end"] or None,
        )
        lex.add_holder(holder, [a for a in row["aliases"].split("|") if a])
    stopwords = set(lex.agents) | _STOP | RANKS
    for surname, owners in surnames.items():
        owner_countries = {c.code[:3] for codes, _ in owners for c in codes}
        key = key_of(surname)
        if (
            len(owner_countries) == 1
            and len(surname) >= 4
            and surname[:1].isupper()
            and key not in lex.names
            and key not in stopwords
        ):
            codes, canonical = owners[-1]
            lex.add_name(NameEntry(surname, codes, "phoenix", True, canonical, "phoenix"))
    for row in cities:
        # Cities are a last resort: only used when nothing else in a phrase resolves.
        lex.add_name(NameEntry(row["text"], (DatedCode(row["iso3"]),), "city", True, None, "city"))


def build_lexicon(
    data_dir: Path = DATA_DIR,
    user_dictionaries: Sequence[str | Path] = (),
    *,
    knowledge_base: bool = True,
) -> Lexicon:
    """Compile the lexicon from the data files plus user dictionaries (which win).

    ``knowledge_base=False`` leaves out ``knowledge_base.tsv`` (the office holders,
    parties and armed groups of :mod:`dotterel.actors.knowledge`).
    """
    from dotterel.actors.knowledge import load_knowledge_base
    from dotterel.actors.userdict import load_user_dictionary

    lex = Lexicon()
    _load_into(lex, data_dir)
    if knowledge_base:
        load_knowledge_base(lex, data_dir / KNOWLEDGE_BASE)
    for path in user_dictionaries:
        for entry in load_user_dictionary(path):
            lex.add_name(entry)
    return lex


class Lexicons:
    """Lexicons built once per set of user dictionaries, for whoever is handed this object.

    Building a lexicon reads every data file (and the knowledge base), so a process keeps
    the lexicons it has built: ``get(paths)`` returns the same :class:`Lexicon` for the same
    user dictionaries, keeping the ``size`` most recently asked for. A component, API call
    or test that needs other data (another ``data_dir``, no knowledge base) makes its own
    ``Lexicons`` and passes it in instead of the process-wide :data:`SHARED_LEXICONS`.
    """

    def __init__(
        self, data_dir: Path = DATA_DIR, *, knowledge_base: bool = True, size: int = 8
    ) -> None:
        self.data_dir = data_dir
        self.knowledge_base = knowledge_base
        self.size = size
        self._built: OrderedDict[tuple[str, ...], Lexicon] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, user_dictionaries: Sequence[str] = ()) -> Lexicon:
        """The lexicon of the data files plus ``user_dictionaries`` (which win)."""
        key = tuple(user_dictionaries)
        with self._lock:
            if key in self._built:
                self._built.move_to_end(key)
                return self._built[key]
        lexicon = build_lexicon(self.data_dir, key, knowledge_base=self.knowledge_base)
        with self._lock:
            lexicon = self._built.setdefault(key, lexicon)
            self._built.move_to_end(key)
            while len(self._built) > self.size:
                self._built.popitem(last=False)
        return lexicon

    def clear(self) -> None:
        """Forget every lexicon built (the next ``get`` reads the files again)."""
        with self._lock:
            self._built.clear()


#: The lexicons of the shipped data files, shared by everything that is not handed its own.
SHARED_LEXICONS = Lexicons()


def default_lexicon(user_dictionaries: tuple[str, ...] = ()) -> Lexicon:
    """The shared lexicon for ``user_dictionaries`` (:data:`SHARED_LEXICONS`)."""
    return SHARED_LEXICONS.get(user_dictionaries)
