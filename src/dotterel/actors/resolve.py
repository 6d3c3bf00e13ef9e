"""Resolve actor phrases to CAMEO-style codes, with or without a spaCy pipeline.

How a phrase is coded (:func:`compose`):

1. The phrase is cut at its first preposition ("of", "to", "in", "from", ...): the part
   before is the *head*, the rest the *complement*.  "Iran's ambassador to Russia" has
   head "Iran's ambassador", so it codes ``IRNGOV`` (not Russia).
2. The base is the first named actor in the head (office holder, organisation, seat of
   power, group), else the first country in the head, else the complement's first country
   ("president of Armenia" → ``ARM``; "rebels in Darfur" → ``SDN``).  An ethnic or
   national group placed by an "in/of <place>" complement lives there: a plural demonym
   ("Albanians of southern Serbia" → ``SRB``), a demonym after "ethnic" ("ethnic Albanian
   rebels in Macedonia" → ``MKDREB``) or before a community noun ("the Albanian
   population of Montenegro" → ``MNE``); "Russian troops in Syria" stays ``RUS``.
3. The role is the last agent word of the head ("Chilean government officials" → GOV);
   a neutral head ("member", "spokesman", "leader") takes the complement's body ("a
   member of the Syrian parliament" → LEG); else the named actor's own role, ``GOV`` for
   capitals and seats used as metonyms, ``CVL`` for plural demonyms ("Libyans").
4. A title with a country and no name ("the Iranian president") is looked up among office
   holders at the date, giving the canonical name.

Dates are ISO strings; without a date the most recent holder wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from dotterel.actors.knowledge import TITLE_OFFICES, dated, kb_people
from dotterel.actors.lexicon import (
    COUNTRY_KINDS,
    MODIFIERS,
    PREPOSITIONS,
    SECTORS,
    Atom,
    Lexicon,
    NameEntry,
    Token,
    default_lexicon,
    fast_key,
    fold,
    pick_code,
    tokenize,
)
from dotterel.actors.words import ACTOR_WORDS
from dotterel.codes import BLOC_CODES, NON_STATE_PREFIXES, NOT_STATES
from dotterel.records import Entity, flat_dict
from dotterel.time.resolve import load_words as load_time_words

# Country-level codes that name no state (see dotterel.codes).
NON_STATE = NON_STATE_PREFIXES
BLOCS = BLOC_CODES
_LOCATION_KINDS = frozenset({"city", "place"})


@dataclass(slots=True)
class Resolution:
    """The coding of one actor phrase (``code`` is ``None`` when nothing resolved)."""

    text: str
    code: str | None = None
    country: str | None = None
    role: str | None = None
    canonical: str | None = None
    why: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-compatible dict."""
        return flat_dict(self)


def _is_country(atom: Atom) -> bool:
    entry = atom.entries[0]
    code = entry.codes[0].code if entry.codes else ""
    return entry.kind in COUNTRY_KINDS or (entry.kind == "bloc" and len(code) == 3)


def _is_location(atom: Atom) -> bool:
    return all(e.kind in _LOCATION_KINDS for e in atom.entries)


def _valid_prefix(code: str, countries: frozenset[str]) -> bool:
    return code[:3] in countries or code[:3] in NON_STATE or code[:3] in BLOCS


def atom_code(
    lex: Lexicon, atom: Atom, date: str | None, countries: frozenset[str]
) -> tuple[str, NameEntry] | None:
    """The code of a name atom at ``date`` (entries are tried in priority order)."""
    fallback: tuple[str, NameEntry] | None = None
    best_priority = atom.entries[0].priority
    for entry in atom.entries:
        codes = [
            c for c in entry.codes if entry.source == "user" or _valid_prefix(c.code, countries)
        ]
        if not codes:
            continue
        dated = any(c.start or c.end for c in codes)
        valid = [c for c in codes if date and _within(c.start, c.end, date)]
        chosen = pick_code(valid or codes, date)
        if chosen is None:
            continue
        if (date is None or valid or not dated) and entry.priority == best_priority:
            if date is None and dated:
                # Several holders share a name ("Bush"): without a date the latest wins.
                same = [e for e in atom.entries if e.priority == entry.priority]
                latest = max(
                    same,
                    key=lambda e: max((c.start or "" for c in e.codes), default=""),
                )
                latest_code = pick_code(latest.codes, None)
                if latest_code is not None:
                    return latest_code.code, latest
            return chosen.code, entry
        if valid:
            return chosen.code, entry
        if fallback is None:
            fallback = (chosen.code, entry)
    return fallback


def _within(start: str | None, end: str | None, date: str) -> bool:
    if start and date < start:
        return False
    return not (end and date[: len(end)] > end)


def _canonical_country(lex: Lexicon, iso: str) -> str | None:
    return lex.country_names.get(iso)


def country_name(iso: str, lexicon: Lexicon | None = None) -> str | None:
    """The usual English name of the state with ISO alpha-3 code ``iso`` (from
    ``lexicon``, by default the shared one)."""
    return _canonical_country(lexicon or default_lexicon(), iso)


def compose(
    lex: Lexicon,
    tokens: Sequence[Token],
    atoms: Sequence[Atom],
    date: str | None,
) -> Resolution | None:
    """Code a phrase made of ``atoms`` (see the module docstring for the rules)."""
    if not atoms:
        return None
    countries = lex.country_codes
    first = atoms[0].i
    cut = next(
        (
            k
            for k in range(first, atoms[-1].j)
            if tokens[k].lower in PREPOSITIONS and not _inside(atoms, k)
        ),
        atoms[-1].j,
    )
    names_all = [a for a in atoms if not a.is_agent]
    modifiers = [a for a in names_all if _is_modifier(tokens, a)] + [
        a
        for a, b in zip(names_all, names_all[1:], strict=False)
        if _is_bloc(a) and b.i == a.j  # "West Darfur", "Western Cambodia"
    ]
    opposed = [a for a in names_all if _is_stance(tokens, a) or _is_language(tokens, a)]
    if (modifiers and len(modifiers) < len(names_all)) or opposed:
        # "NATO-member Norway", "anti-Syria journalist", "Israeli-occupied West Bank":
        # the modifier is not the actor; an anti-/pro- name never is, even alone.
        atoms = [a for a in atoms if a not in modifiers and a not in opposed]
    head = [a for a in atoms if a.i < cut]
    comp = [a for a in atoms if a.i >= cut]
    names_head = [a for a in head if not a.is_agent]
    agents_head = [a for a in head if a.is_agent]
    named = next((a for a in names_head if not _is_country(a) and not _is_location(a)), None)
    country = next((a for a in names_head if _is_country(a) and not _is_location(a)), None)
    why = "dict"
    candidates = [
        a for a in comp if not a.is_agent and _is_country(a) and tokens[a.i - 1].lower != "to"
    ]
    complement_country = (
        next((a for a in candidates if not _is_bloc(a)), None)
        or next(iter(candidates), None)
        or next((a for a in comp if not a.is_agent and not _is_location(a)), None)
    )
    demonyms = [a for a in names_head if a.entries[0].kind == "demonym"]
    plural_demonym = bool(demonyms) and tokens[demonyms[-1].j - 1].text.endswith("s")
    if (
        complement_country is not None
        and named is None
        and _located_group(tokens, first, cut, demonyms, agents_head, plural_demonym)
    ):
        country = complement_country
        why = "dict:located"
    owned = first > 0 and tokens[first - 1].lower in _POSSESSIVE_PRONOUNS
    if named is None and country is None:
        if complement_country is not None and owned and agents_head:
            # "its forces in Lebanon" are the owner's, stationed there: coreference
            # codes the owner; the place stays a place.
            return _agent_only(lex, tokens, agents_head)
        if complement_country is not None:
            if _is_country(complement_country):
                country = complement_country
            else:
                named = complement_country
            why = "dict:complement"
        else:
            locs = [a for a in atoms if not a.is_agent]
            if not locs:
                return _agent_only(lex, tokens, agents_head, [a for a in comp if a.is_agent])
            country = locs[0]
            why = "dict:place"
    base_atom = named or country
    assert base_atom is not None
    picked = atom_code(lex, base_atom, date, countries)
    if picked is None:
        return None
    base, entry = picked
    other_person = False
    if named is not None and country is not None and _foreign_person(base, entry):
        # "South Korean Foreign Minister Choi ...": a surname shared with someone of
        # another state does not beat the nationality written in the same phrase.
        national = atom_code(lex, country, date, countries)
        if national is not None and _is_state(national[0]) and national[0][:3] != base[:3]:
            named, base_atom, other_person = None, country, True
            base, entry = national
    role: str | None = None
    title: str | None = None
    agent_list = agents_head or ([a for a in atoms if a.is_agent] if named is None else [])
    if agent_list:
        specific = [a for a in agent_list if tokens[a.j - 1].lower not in _NEUTRAL]
        if len(specific) > 1 and _atom_words(tokens, specific[-1]) in _AMBIGUOUS_FORCES:
            # "riot police officers", "army officers": the force named first says whose
            # officers they are.
            specific = specific[:-1]
        role = (specific or agent_list)[-1].role
        title = next((a.title for a in reversed(agent_list) if a.title), None)
        comp_agents = [a for a in comp if a.is_agent and tokens[a.j - 1].lower not in _NEUTRAL]
        if not specific and not title and comp_agents:
            # "a member of the Syrian parliament", "leader of the rebels": the body named
            # after the preposition gives the sector.
            role = comp_agents[-1].role
        elif not specific and not title and named is not None and named.i >= cut:
            # "leaders of Hamas", "a spokesman for the opposition party": a neutral head
            # speaks for the body named after it, which keeps its own sector.
            role = None
    canonical = entry.canonical
    if entry.source == "kb":
        why = f"holder:kb:{entry.key}" if entry.kind == "person" else f"kb:{entry.key}"
    elif entry.kind == "person":
        why = "holder"
    elif entry.source == "phoenix":
        why = "dict:phoenix"
    elif entry.source == "user":
        why = "user"
    if atoms[0].fuzzy or base_atom.fuzzy:
        why = "fuzzy-acronym"
    if role is None:
        if len(base) >= 9 and base[3:6] == "GOV" and base[6:9] in _BRANCHES:
            role = base[6:9]
            base = base[:3] + role
        elif len(base) >= 6 and base[3:6] in SECTORS and base[:3] not in NON_STATE:
            role = base[3:6]
        elif entry.kind in ("capital", "seat"):
            role = "GOV"
        elif plural_demonym and base_atom is country:
            role = "CVL"
        elif base[:3] in NON_STATE and len(base) > 6 and base[-3:] in SECTORS:
            role = base[-3:]
        elif entry.kind == "person":
            role = "GOV"
    iso = base[:3]
    if named is None and title and not other_person:
        holder = lex.holder_for(base if iso in NON_STATE else iso, title, date)
        if holder is not None:
            canonical = holder.name
            why = f"office:{title}"
    if canonical is None and named is None:
        canonical = _canonical_country(lex, iso) if iso not in NON_STATE else canonical
    code = _assemble(base, role)
    return Resolution(text="", code=code, country=code[:3], role=role, canonical=canonical, why=why)


_NEUTRAL = ACTOR_WORDS["neutral_heads"]
_AMBIGUOUS_FORCES = ACTOR_WORDS["ambiguous_forces"]


def _atom_words(tokens: Sequence[Token], atom: Atom) -> str:
    return " ".join(t.lower for t in tokens[atom.i : atom.j])


_BRANCHES = frozenset({"LEG", "JUD", "MIL", "SPY", "COP"})
_MODIFIER_SUFFIXES = ACTOR_WORDS["hyphen_suffixes"]
_STANCE_PREFIXES = ACTOR_WORDS["stance_prefixes"]


_COMMUNITY = ACTOR_WORDS["community_nouns"]
_LOCATING = ACTOR_WORDS["locating_words"]
DIRECTIONS = ACTOR_WORDS["directions"]


def _foreign_person(code: str, entry: NameEntry) -> bool:
    """Whether a name entry is a person of a state (not an organisation or IGO)."""
    if entry.kind == "person":
        return True
    return entry.kind == "phoenix" and _is_state(code) and any(c.start for c in entry.codes)


def _is_state(code: str) -> bool:
    return code[:3] not in NON_STATE and code[:3] not in BLOCS


def _located_group(
    tokens: Sequence[Token],
    first: int,
    cut: int,
    demonyms: Sequence[Atom],
    agents: Sequence[Atom],
    plural_demonym: bool,
) -> bool:
    """Whether an ethnic/national group is placed by its complement.

    "ethnic Albanians in southern Serbia", "the Kurds of northern Iraq", "the Albanian
    population of Montenegro", "ethnic Albanian rebels in Macedonia" live where the
    complement says; "Russian troops in Syria" and "Afghan refugees in Pakistan" do not.
    """
    if not demonyms or cut >= len(tokens) or tokens[cut].lower not in _LOCATING:
        return False
    ethnic = first > 0 and tokens[first - 1].lower == "ethnic"
    if not agents:
        return plural_demonym or ethnic
    last = tokens[agents[-1].j - 1].lower
    return ethnic or last in _COMMUNITY


def _is_bloc(atom: Atom) -> bool:
    return atom.entries[0].kind == "bloc"


def _is_modifier(tokens: Sequence[Token], atom: Atom) -> bool:
    after = tokens[atom.j : atom.j + 2]
    if len(after) == 2 and after[0].text == "-" and after[1].lower in _MODIFIER_SUFFIXES:
        return True
    before = tokens[max(0, atom.i - 2) : atom.i]
    return len(before) == 2 and before[1].text == "-" and before[0].lower in _STANCE_PREFIXES


def _is_stance(tokens: Sequence[Token], atom: Atom) -> bool:
    """ "anti-Syria", "pro-Western": the name is what the actor is for or against."""
    before = tokens[max(0, atom.i - 2) : atom.i]
    return len(before) == 2 and before[1].text == "-" and before[0].lower in _STANCE_PREFIXES


LANGUAGE_WORDS = ACTOR_WORDS["language_words"]


def _is_language(tokens: Sequence[Token], atom: Atom) -> bool:
    """ "the Russian language", "Arabic-language", "English-speaking": a tongue, not
    the people or state of that name."""
    if not all(e.kind in COUNTRY_KINDS for e in atom.entries):
        return False
    after = tokens[atom.j : atom.j + 2]
    if after and after[0].text == "-":
        after = after[1:]
    return bool(after) and after[0].lower in LANGUAGE_WORDS


def _agent_only(
    lex: Lexicon, tokens: Sequence[Token], head: Sequence[Atom], comp: Sequence[Atom] = ()
) -> Resolution | None:
    """A phrase of role words only: the last specific role word names the body
    ("opposition leaders", "leaders of the opposition" → OPP; "police officials" → COP),
    a neutral one ("leaders", "officials") only when nothing else does."""
    del lex
    agents = list(head) or list(comp)
    if not agents:
        return None
    specific = [a for a in (*head, *comp) if tokens[a.j - 1].lower not in _NEUTRAL]
    head_specific = [a for a in head if a in specific]
    role = (head_specific or specific or agents)[-1].role
    if role == "NGO":
        # "a human rights group", "aid agencies": non-governmental whoever they are.
        return Resolution(text="", code="NGO", why="agent:ngo")
    return Resolution(text="", code=None, role=role, why="agent-only")


def _inside(atoms: Sequence[Atom], k: int) -> bool:
    return any(a.i <= k < a.j for a in atoms)


def _assemble(base: str, role: str | None) -> str:
    if not role:
        return base
    if len(base) == 3:
        return base + role
    if base[:3] in NON_STATE:
        return base if base.endswith(role) else base + role
    if base[3:6] == role:
        return base
    return base[:3] + role


# -- phrase grouping in running text ---------------------------------------------------

_GLUE = ACTOR_WORDS["phrase_glue"] | MODIFIERS
_COMPLEMENT = ACTOR_WORDS["complement_prepositions"]
_ACCREDITED = ACTOR_WORDS["accredited_heads"]


def group_phrases(tokens: Sequence[Token], atoms: Sequence[Atom]) -> list[list[Atom]]:
    """Group adjacent atoms into actor phrases ("Russian Foreign Minister Sergey Lavrov")."""
    groups: list[list[Atom]] = []
    for atom in atoms:
        if groups and _joins(tokens, groups[-1], atom):
            groups[-1].append(atom)
        else:
            groups.append([atom])
    return groups


def _joins(tokens: Sequence[Token], group: list[Atom], atom: Atom) -> bool:
    last = group[-1]
    gap = [t.lower for t in tokens[last.j : atom.i]]
    if len(gap) > 3 or "," in gap:
        return False
    has_agent = any(a.is_agent for a in group)
    group_names = [a for a in group if not a.is_agent]
    if atom.is_agent:
        if any(g in _COMPLEMENT for g in gap):
            return False
        # Never reach back over a sentence end or a verb: gap words must be glue.
        return all(g in _GLUE for g in gap) and not _after_complement(tokens, group)
    # Name atom.
    if _is_country(atom) or _is_location(atom):
        located = has_agent or _demonym_people(tokens, group)
        if (
            gap
            and gap[0] in _COMPLEMENT
            and located
            and all(g in _COMPLEMENT or g == "the" or g in DIRECTIONS for g in gap)
        ):
            if gap[0] == "to" and tokens[last.j - 1].lower not in _ACCREDITED:
                return False  # "visit by the president to Moscow": a destination
            return not _after_complement(tokens, group)
        return False
    # Named actor (person, organisation, seat) after a country/agent: "US Congress",
    # "President Bush", "Russian Foreign Minister Sergey Lavrov".
    if any(not _is_country(a) and not _is_location(a) for a in group_names):
        return False
    if gap and "-" in gap:
        return False
    return all(g in _GLUE for g in gap) and not _after_complement(tokens, group)


def _demonym_people(tokens: Sequence[Token], group: list[Atom]) -> bool:
    # "Albanians" / "ethnic Albanian" may take a place: "Albanians in southern Serbia".
    last = group[-1]
    if last.is_agent or last.entries[0].kind != "demonym":
        return False
    ethnic = group[0].i > 0 and tokens[group[0].i - 1].lower == "ethnic"
    return ethnic or tokens[last.j - 1].text.endswith("s")


_POSSESSIVE_PRONOUNS = ACTOR_WORDS["possessive_pronouns"]


def _after_complement(tokens: Sequence[Token], group: list[Atom]) -> bool:
    return any(
        tokens[k].lower in _COMPLEMENT
        for k in range(group[0].i, group[-1].j)
        if not _inside(group, k)
    )


def _located_agent(group: Sequence[Atom]) -> bool:
    # A town right before an agent word names a local body ("Omdurman radio", "Basra police").
    return any(a.is_agent and b.j == a.i for b, a in zip(group, group[1:], strict=False))


NON_STATES = NOT_STATES


def story_country(entities: Sequence[Entity]) -> str | None:
    """The country a text is most about: the one its actor mentions name most often
    (earliest first on ties); blocs and international bodies do not count."""
    counts: dict[str, int] = {}
    for entity in entities:
        country = entity.country
        if country and len(country) == 3 and country.isalpha() and country not in NON_STATES:
            counts[country] = counts.get(country, 0) + 1
    if not counts:
        return None
    return max(counts, key=lambda c: counts[c])


_CURRENCY = re.compile(
    r"-?\s*(?:\$|(?P<word>dollars?|cents?|pounds?|yen|yuan|renminbi|euros?|rupees?|francs?|"
    r"roubles?|rubles?|dinars?|riyals?|rials?|shekels?|pesos?|liras?|kroner?|kronor|krona)\b)",
    re.I,
)
# Currency words that are also verbs ("Israel pounds Gaza") need an amount before.
_VERBAL_CURRENCY = ACTOR_WORDS["verbal_currencies"]
_AMOUNT_BEFORE = re.compile(
    r"(?:\d|\b(?:million|billion|thousand|hundred|trillion|bn|m))\s+$", re.I
)


def is_currency_word(word: str) -> bool:
    """Whether ``word`` names a currency ("dollars", "$", "yen")."""
    match = _CURRENCY.fullmatch(word)
    return match is not None and (match.group("word") or "").lower() not in _VERBAL_CURRENCY


def currency_follows(text: str, end: int, start: int | None = None) -> bool:
    """Whether a name spanning ``start``-``end`` names a currency ("US dollars", "US$ 5
    million", "20 million Hong Kong dollars"), which is no actor."""
    match = _CURRENCY.match(text, end)
    if match is None:
        return False
    word = (match.group("word") or "").lower()
    if word in _VERBAL_CURRENCY:
        return (
            start is not None
            and _AMOUNT_BEFORE.search(text[max(0, start - 20) : start]) is not None
        )
    return True


def find_actors(lex: Lexicon, text: str, date: str | None) -> list[Entity]:
    """Dictionary actor mentions in running text (no spaCy), sorted by start.

    No mention crosses a line break: a headline's last words and the dateline below it
    ("... Israeli soldiers\nUNITED NATIONS, July 13") are separate phrases.
    """
    out: list[Entity] = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            for entity in _find_in_line(lex, line, date):
                entity.start += offset
                entity.end += offset
                out.append(entity)
        offset += len(line) + 1
    office_title_persons(text, out)
    if lex.kb_surnames:
        prefer_story_countries(lex, out, date)
        out.extend(kb_surname_mentions(lex, text, out))
        out.extend(story_holder_surnames(lex, text, out, date))
        out.sort(key=lambda e: (e.start, e.end))
    return out


_KB_WHY = "holder:kb:"
_WORD_BEFORE = re.compile(r"([A-Za-z][\w'-]*)[ \t]+$")
_WORD_AFTER = re.compile(r"[ \t]+([A-Za-z][\w-]*)")


def _kb_candidates(lex: Lexicon, entity: Entity, date: str | None) -> list[tuple[str, str]]:
    """``(code, key)`` of each knowledge-base person the entity's name may be, at ``date``."""
    tokens = tokenize(entity.text)
    found: list[tuple[str, str]] = []
    for k in range(len(tokens)):
        entries = lex.names.get(" ".join(t.lower for t in tokens[k:]))
        if not entries:
            continue
        for entry in kb_people(entries):
            valid = dated(entry.codes, date)
            chosen = pick_code(valid or entry.codes, date)
            if chosen is not None and entry.key:
                found.append((chosen.code, entry.key))
        break
    return found


def prefer_story_countries(lex: Lexicon, entities: list[Entity], date: str | None) -> None:
    """A name several knowledge-base people share (two ministers in two countries) is the
    one whose country the rest of the text names; the date has already been used."""
    for entity in entities:
        if not (entity.why or "").startswith(_KB_WHY):
            continue
        candidates = _kb_candidates(lex, entity, date)
        if len({code[:3] for code, _ in candidates}) < 2:
            continue
        others = {e.country for e in entities if e.canonical != entity.canonical and e.country}
        here = [(code, key) for code, key in candidates if code[:3] in others]
        if here and entity.country not in others:
            code, key = here[0]
            entity.code, entity.country, entity.role = code, code[:3], code[3:6] or None
            entity.why = f"{_KB_WHY}{key}+context"


def _capitalised_name(lex: Lexicon, word: str) -> bool:
    return word[:1].isupper() and word.lower() not in lex.agents


def kb_surname_mentions(lex: Lexicon, text: str, entities: list[Entity]) -> list[Entity]:
    """Later bare surnames of knowledge-base people named in full earlier in the text
    ("Fumio Kishida ... Kishida said"); a surname alone is never looked up otherwise."""
    people: dict[str, Entity] = {}
    for entity in entities:
        if (entity.why or "").startswith(_KB_WHY) and entity.canonical:
            words = entity.text.split()
            if len(words) >= 2:
                people.setdefault(words[-1], entity)
    if not people:
        return []
    taken = [(e.start, e.end) for e in entities]
    out = []
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in people) + r")\b")
    for match in pattern.finditer(text):
        start, end = match.span()
        first = people[match.group(1)]
        if start < first.end or any(s < end and start < e for s, e in taken):
            continue
        before = _WORD_BEFORE.search(text, 0, start)
        after = _WORD_AFTER.match(text, end)
        named_before = bool(before) and _capitalised_name(lex, before.group(1) if before else "")
        if named_before or (after is not None and after.group(1)[:1].isupper()):
            continue  # "Yoshimasa Hayashi", "Hayashi Yoshimasa": somebody else's name
        out.append(
            Entity(
                text=match.group(1),
                start=start,
                end=end,
                code=first.code,
                country=first.country,
                role=first.role,
                canonical=first.canonical,
                why=f"coref:surname:{first.text}",
            )
        )
    return out


# Offices a bare surname names the holder of (the title keys' offices: president, prime
# minister, ministers, speaker, military chief, central banker).
_LEADING_OFFICES = frozenset(o for offices in TITLE_OFFICES.values() for o in offices)
_CALENDAR_WORDS = frozenset(w for part in ("weekdays", "months") for w in load_time_words()[part])
_CAPITALISED = re.compile(r"\b[A-Z][a-z][\w'-]*[a-z]\b")


def story_holder_surnames(
    lex: Lexicon, text: str, entities: list[Entity], date: str | None
) -> list[Entity]:
    """A bare surname ("Tshisekedi said") of the one knowledge-base person in office at
    the story's date in a country the story names, never named in full.

    Precision first: no date, no look-up; the story must name the holder's country
    (another actor of that country); a surname several people of that country bear,
    or one borne by office holders of several countries, stays nobody (a common name);
    so does a word the text also writes in lower case (an ordinary word), and a word
    next to another capitalised name word (somebody else's name)."""
    if date is None:
        return []
    countries = {e.country for e in entities if e.country}
    if not countries:
        return []
    lower_words = set(re.findall(r"\b[a-z][\w'-]*", text))
    chosen: dict[str, tuple[str, str, str | None] | None] = {}
    for entity in entities:
        # A one-word Phoenix surname of another country ("Porras" of a Panamanian
        # minister) in a story of the holder's country is the holder.
        if entity.why != "dict:phoenix" or " " in entity.text:
            continue
        key = fast_key(entity.text)
        if key not in lex.kb_surnames or entity.text.lower() in lower_words:
            continue
        others = {e.country for e in entities if e.country and e is not entity}
        if entity.country in others:
            continue
        found = _story_holder(lex, key, others, date)
        if found is not None:
            code, canonical, qid = found
            entity.code, entity.country, entity.role = code, code[:3], code[3:6] or None
            entity.canonical, entity.why = canonical, f"{_KB_WHY}{qid}+story-surname"
    taken = [(e.start, e.end) for e in entities]
    out: list[Entity] = []
    for match in _CAPITALISED.finditer(text):
        word = match.group()
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            continue
        key = fast_key(word)
        if key not in lex.kb_surnames or word.lower() in lower_words:
            continue
        if key in lex.names or key in lex.agents or key in lex.no_surname:
            continue
        if key in _CALENDAR_WORDS:
            continue
        if key not in chosen:
            chosen[key] = _story_holder(lex, key, countries, date)
        found = chosen[key]
        if found is None:
            continue
        before = _WORD_BEFORE.search(text, 0, start)
        after = _WORD_AFTER.match(text, end)
        if (before is not None and _capitalised_name(lex, before.group(1))) or (
            after is not None and after.group(1)[:1].isupper()
        ):
            continue
        code, canonical, qid = found
        out.append(
            Entity(
                text=word,
                start=start,
                end=end,
                code=code,
                country=code[:3],
                role=code[3:6] or None,
                canonical=canonical,
                why=f"{_KB_WHY}{qid}+story-surname",
            )
        )
    return out


def _story_holder(
    lex: Lexicon, key: str, countries: set[str], date: str
) -> tuple[str, str, str | None] | None:
    """``(code, name, key)`` of the one holder of surname ``key`` in office at ``date``
    in one of ``countries``, if the surname is no common one (see above)."""
    people = {k.entry.key: k for k in lex.kb_surnames[key]}
    everywhere = {c.code[:3] for k in people.values() for c in k.entry.codes}
    if len(everywhere) > 1:
        return None
    here = []
    for known in people.values():
        valid = [c for c in dated(known.entry.codes, date) if c.code[:3] in countries]
        if valid:
            here.append((known, pick_code(valid, date)))
    # News writes a bare surname for a leader (president, prime minister, minister,
    # speaker, army chief), not for a spouse or a lesser official ("Sunday" of a state
    # attorney general is a weekday).
    here = [(k, c) for k, c in here if k.offices & _LEADING_OFFICES]
    if len(here) != 1:
        return None
    known, code = here[0]
    entry = known.entry
    if code is None:
        return None
    return code.code, entry.canonical or entry.surface, entry.key


def _find_in_line(lex: Lexicon, text: str, date: str | None) -> list[Entity]:
    tokens = tokenize(text)
    atoms = lex.scan(tokens)
    out: list[Entity] = []
    for group in group_phrases(tokens, atoms):
        if all(a.is_agent for a in group):
            continue
        if all(_is_location(a) for a in group if not a.is_agent) and not _located_agent(group):
            continue
        start, end = group[0].start, group[-1].end
        if not group[-1].is_agent and currency_follows(text, end, start):
            continue
        res = compose(lex, tokens, group, date)
        if res is None or res.code is None:
            continue
        out.append(
            Entity(
                text=text[start:end],
                start=start,
                end=end,
                code=res.code,
                country=res.country,
                role=res.role,
                canonical=res.canonical,
                why=res.why,
            )
        )
    return out


# An office of an international body written before its holder's name: "NATO Secretary
# General Jaap de Hoop Scheffer", "IAEA chief Mohamed ElBaradei", "EU foreign policy chief
# Javier Solana".
_OFFICE_WORDS = ACTOR_WORDS["international_office_words"]
_OFFICE_PAIRS = ACTOR_WORDS.pairs("international_office_pairs")
# The office words between a body and a name; a comma may set the name off in apposition.
_OFFICE_GAP = re.compile(r"(?:'s)?((?:[ \t]+[A-Za-z][\w-]*){0,4}),?[ \t]+$")
_NOT_IN_TITLE = ACTOR_WORDS["not_in_title"]
_INTERNATIONAL_BODIES = frozenset({"IGO", "NGO", "IMG"})


def _office_words_end(words: Sequence[str]) -> bool:
    low = [w.lower() for w in words]
    if not low:
        return False
    return low[-1] in _OFFICE_WORDS or tuple(low[-2:]) in _OFFICE_PAIRS


def _named_person(entity: Entity) -> bool:
    why = entity.why or ""
    if why.startswith(("ner:PERSON", "holder")):
        return True
    words = entity.text.split()
    return (
        why == "dict:phoenix"
        and len(words) >= 2
        and words[0][:1].isupper()
        and words[-1][:1].isupper()
    )


def office_title_persons(text: str, entities: list[Entity]) -> None:
    """Code a person named after an international body's office with that body.

    In "NATO Secretary General Jaap de Hoop Scheffer" or "IAEA chief Mohamed ElBaradei"
    the person acts for the organisation, whatever their own nationality: the body's
    code (with ``GOV``) replaces the person's state code.  A person entry already coded
    for that body keeps its own, more specific code.  ``entities`` must be sorted.
    """
    for left, right in zip(entities, entities[1:], strict=False):
        if not left.code or left.code[:3] not in _INTERNATIONAL_BODIES:
            continue
        if not _named_person(right) or right.start < left.end:
            continue
        if "\n" in text[left.end : right.start]:
            continue
        gap = _OFFICE_GAP.fullmatch(text, left.end, right.start)
        if gap is None:
            continue
        words = gap.group(1).split()
        if any(w.lower() in _NOT_IN_TITLE for w in words):
            continue
        if not _office_words_end(words or left.text.split()):
            continue
        body = left.code
        if left.role and body.endswith(left.role) and len(body) > 6:
            body = body[: -len(left.role)]
        if right.code and right.code.startswith(body):
            continue
        code = _assemble(body, "GOV")
        right.code, right.country, right.role = code, code[:3], "GOV"
        right.canonical = right.canonical or right.text
        right.why = f"office:{left.text}"


# -- public API --------------------------------------------------------------------------


def resolve(
    text: str,
    date: str | None = None,
    context: str | None = None,
    *,
    lexicon: Lexicon | None = None,
) -> Resolution:
    """Resolve one actor phrase to a code.

    ``date`` (``YYYY-MM-DD``) picks office holders in office then; ``context`` (the
    sentence the phrase comes from) lends a role when the phrase has none of its own
    ("Hungarian" in "Hungarian and Romanian officials" → ``HUNGOV``).

    >>> resolve("Kremlin").code
    'RUSGOV'
    """
    lex = lexicon or default_lexicon()
    tokens = tokenize(text)
    atoms = _with_fuzzy(lex, tokens, lex.scan(tokens))
    res = compose(lex, tokens, atoms, date)
    if res is None or res.code is None:
        res = _whole_lookup(lex, text, date) or res
    if res is None:
        # An unknown name in a story about one country is most likely from there
        # ("Kifaya" in a story on Egypt). Only with context, and only for names: the
        # pipeline keeps unknown names uncoded so that users can list and add them.
        country = story_country(find_actors(lex, context, date)) if context else None
        if country and text.strip()[:1].isupper():
            return Resolution(
                text=text, code=country, country=country, why="name:placed-by-context"
            )
        return Resolution(text=text, why="unresolved")
    res.text = text
    if context and (res.why or "").startswith(_KB_WHY):
        _context_holder(lex, res, context, date)
    if res.code is None and res.role and context:
        # A role with no country ("Judge Alejandro Rivera", "Shona rebels") belongs to
        # the country the surrounding text is about.
        country = story_country(find_actors(lex, context, date))
        if country:
            res.country = country
            res.code = _assemble(country, res.role)
            res.why = "agent:placed-by-context"
    if res.country and context and text.lower().startswith("ethnic ") and res.why == "dict":
        # "ethnic Albanians" are a minority of the country the story is about.
        others = [e for e in find_actors(lex, context, date) if e.country != res.country]
        country = story_country(others)
        if country:
            res.country = country
            res.code = _assemble(country, res.role or "CVL")
            res.why = "ethnic:placed-by-context"
    if res.code is not None and len(res.code) == 3 and res.role is None and context:
        role = _context_role(lex, text, context)
        if role:
            res.role = role
            res.code = _assemble(res.code, role)
            res.why = f"{res.why}+context"
    return res


def _context_holder(lex: Lexicon, res: Resolution, context: str, date: str | None) -> None:
    """Of several knowledge-base people of one name, the one whose country ``context``
    names (after the date has chosen among them)."""
    entity = Entity(res.text, 0, len(res.text), res.code, res.country, res.role, why=res.why)
    candidates = _kb_candidates(lex, entity, date)
    if len({code[:3] for code, _ in candidates}) < 2:
        return
    named = {
        e.country
        for e in find_actors(lex, context, date)
        if e.country and fold(e.text) != fold(res.text) and e.canonical != res.canonical
    }
    here = [(code, key) for code, key in candidates if code[:3] in named]
    if here and res.country not in named:
        code, key = here[0]
        res.code, res.country, res.role = code, code[:3], code[3:6] or None
        res.why = f"{_KB_WHY}{key}+context"


def _with_fuzzy(lex: Lexicon, tokens: Sequence[Token], atoms: list[Atom]) -> list[Atom]:
    """Add misspelt names ("Bouteflicka", "Ethopia") one edit away from a known name."""
    if any(not a.is_agent and not _is_location(a) for a in atoms):
        return atoms
    covered = {k for a in atoms for k in range(a.i, a.j)}
    after_title: set[int] = set()
    for atom in atoms:
        if atom.is_agent and atom.title:
            # The surname may follow first names: "President Juvenal Habyariman".
            k = atom.j
            while k < len(tokens) and k < atom.j + 3 and tokens[k].text[:1].isupper():
                k += 1
            if k > atom.j:
                after_title.add(k - 1)
    extra = []
    for k, tok in enumerate(tokens):
        if k in covered:
            continue
        key = lex.fuzzy_name(tok.text, 5 if k in after_title else 6)
        if key:
            # Countries anywhere; people only right after a title ("President Bouteflicka").
            entries = [
                e
                for e in lex.names[key]
                if (e.kind in ("name", "alias", "demonym") and not _in_name(tokens, k, covered))
                or (k in after_title and e.kind != "city" and _same_first(tokens, k, e))
            ]
            if entries:
                extra.append(Atom(k, k + 1, tok.start, tok.end, entries, fuzzy=True))
    if not extra:
        return atoms
    return sorted([*atoms, *extra], key=lambda a: a.i)


def _in_name(tokens: Sequence[Token], k: int, covered: set[int]) -> bool:
    # "Alejandro Rivera" is a person, not a misspelt "Riviera".
    prev = tokens[k - 1] if k else None
    return prev is not None and k - 1 not in covered and prev.text[:1].isupper()


def _same_first(tokens: Sequence[Token], k: int, entry: NameEntry) -> bool:
    # A misspelt surname after a first name must belong to someone of that first name:
    # "Laurent Gbago" is Laurent Gbagbo, "Alejandro Rivera" is nobody we know.
    if k == 0 or not tokens[k - 1].text[:1].isupper() or tokens[k - 1].text.isupper():
        return True
    canonical = (entry.canonical or entry.surface).split(" ")
    return tokens[k - 1].text in canonical or tokens[k - 1].lower in _TITLE_WORDS


_TITLE_WORDS = ACTOR_WORDS["title_words"]


def _whole_lookup(lex: Lexicon, text: str, date: str | None) -> Resolution | None:
    """Case-insensitive fallback for a whole string ("turkey" asked for explicitly)."""
    key = " ".join(t.lower for t in tokenize(text))
    entries = lex.names.get(key)
    if not entries:
        return None
    atom = Atom(0, 1, 0, len(text), list(entries))
    picked = atom_code(lex, atom, date, lex.country_codes)
    if picked is None:
        return None
    code, entry = picked
    return Resolution(text, code, code[:3], None, entry.canonical, "dict:nocase")


def _context_role(lex: Lexicon, text: str, context: str) -> str | None:
    at = context.find(text)
    if at < 0:
        return None
    tokens = tokenize(context)
    atoms = lex.scan(tokens)
    end = at + len(text)
    after = [a for a in atoms if a.start >= end]
    # Walk over a coordination ("Hungarian and Romanian officials") to the shared agent.
    for atom in after[:4]:
        gap = [t.lower for t in tokens if end <= t.start < atom.start]
        if any(g not in _GLUE and g not in ("and", ",", "&") for g in gap):
            return None
        if atom.is_agent:
            return atom.role
        end = atom.end
    return None


def resolve_many(
    items: Iterable[tuple[str, str | None, str | None]],
    *,
    lexicon: Lexicon | None = None,
) -> list[Resolution]:
    """Resolve many ``(text, date, context)`` triples (dictionary only, no parsing)."""
    lex = lexicon or default_lexicon()
    cache: dict[tuple[str, str | None, str | None], Resolution] = {}
    out = []
    for text, date, context in items:
        key = (text, date, context)
        hit = cache.get(key)
        if hit is None:
            hit = resolve(text, date, context, lexicon=lex)
            cache[key] = hit
        out.append(Resolution(**hit.to_dict()))
    return out
