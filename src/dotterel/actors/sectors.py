"""Sectors of domestic actors: the rules that tell a country's government from its
opposition, unions, courts, police or press when the dictionaries name no such actor.

They run at the end of :meth:`dotterel.actors.component.ActorRecognizer.find`, on the
document's mentions, and each rule reads the text, not one story:

- an organisation the dictionaries do not know is coded by the word that says what it is
  ("the Nigeria Labour Congress" → LAB, "the Constitutional Council" → JUD, "the Press
  Supervisory Board" → GOV), with the country its name gives, else placed like a bare
  role word by the context stage (:func:`organisations_by_keyword`);
- an acronym the text defines ("... Congress (NLC)") is what it stands for, whatever a
  namesake in the dictionaries is ("PTI" of a Pakistani party is no Indian news agency)
  (:func:`defined_acronyms`);
- a former office holder ("former vice president X") no longer governs: the opposition
  when the sentence speaks of it, else an elite (CAMEO ``ELI``) (:func:`former_holders`);
- an unknown person titled by a role word ("opposition leader Bobi Wine") takes its
  sector (:func:`role_titled_names`);
- a party called "opposition" or "ruling" is ``OPP`` or ``GOV`` (:func:`party_standing`);
- an institution word a dictionary gives to one country ("Congress" → the US Congress)
  is the story's own when that country is named nowhere else (:func:`generic_institutions`);
- a party of the knowledge base whose only dated country is long past the story date
  (a party of that name before a partition) is the story country's
  (:func:`expired_parties`);
- a country's possessive names its body ("Bangladesh's election commission" → GOV)
  (:func:`possessive_bodies`);
- a titled person matched only under another spelling, of a country the text never
  names, is the story country's (:func:`unnamed_namesakes`);
- "officers" and "security forces" are the police in a story that names police more
  often than soldiers (:func:`policing_forces`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from spacy.tokens import Doc

from dotterel.actors.lexicon import Lexicon, key_of
from dotterel.actors.resolve import story_country
from dotterel.actors.words import ACTOR_WORDS
from dotterel.codes import STATE_ROLES
from dotterel.records import UNPLACED_AGENT, Entity

#: Words naming what an organisation is, tried in this order on its name (the first that
#: occurs wins: "Ministry of Labour" is a ministry, "Labour Party" a party).
ORGANISATION_KEYWORDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (sector, re.compile(pattern, re.I))
    for sector, pattern in (
        ("GOV", r"\b(?:ministry|ministries|central bank|presidency|state house)\b"),
        ("PTY", r"\bpart(?:y|ies)\b"),
        ("LAB", r"\b(?:labou?r|trades? unions?|unions|union of|workers|employees)\b"),
        ("JUD", r"\b(?:courts?|tribunal|judiciary|prosecutors?|constitutional council)\b"),
        ("JUD", r"\b(?:bar association|law society)\b"),
        ("COP", r"\b(?:police|gendarmerie)\b"),
        ("SPY", r"\b(?:intelligence|state services|security service)\b"),
        ("MIL", r"\b(?:armed forces|army|navy|air force|defen[cs]e forces)\b"),
        ("REB", r"\b(?:liberation|rebels?|insurgents?|militias?|brigades?)\b"),
        ("EDU", r"\b(?:university|universities|students|college|schools?)\b"),
        ("HLH", r"\b(?:hospitals?|doctors|nurses|medical association)\b"),
        ("REL", r"\b(?:church|episcopal|bishops|diocese|clerics|ulema)\b"),
        ("MED", r"\b(?:television|tv|radio|broadcast(?:er|ing)|newspaper|news)\b"),
        ("LEG", r"\b(?:house of (?:representatives|commons|deputies))\b"),
        ("GOV", r"\b(?:authority|commission|board|council|agency|department|directorate)\b"),
        ("GOV", r"\b(?:administration|government|bureau|cabinet)\b"),
        ("LEG", r"\b(?:parliament|assembly|senate|congress|legislature)\b"),
        ("BUS", r"\b(?:bank|company|corporation|corp|inc|ltd|plc|airlines?|holdings)\b"),
    )
)

#: Prefixes that make a name one of many states ("Inter-American", "Pan-African").
_INTERNATIONAL_PREFIX = re.compile(r"(?:inter|pan|trans)-[A-Z]", re.I)
_OPPOSITION = re.compile(r"\bopposition\b", re.I)
_RULING = re.compile(r"\b(?:ruling|governing)\b", re.I)
_FORMER = re.compile(r"\b(?:former|ex-)\s*(?:[a-z][\w-]*\s+){0,3}$", re.I)
_ACRONYM = re.compile(r"\s*\(\s*([A-Z][A-Za-z]{1,7})\s*\)")
_FOLLOWERS = re.compile(r"\b(?:supporters|followers|loyalists|allies|partisans)\s+of\b", re.I)
_PERSON_WHY = ("holder", "title:", "dict:phoenix", "ner:PERSON", "coref:surname")


def organisation_sector(name: str) -> str | None:
    """The sector an organisation's name gives, or ``None``."""
    for sector, pattern in ORGANISATION_KEYWORDS:
        if pattern.search(name):
            return sector
    return None


def _standing(text: str, entity: Entity, sector: str) -> str:
    """A party's sector: ``OPP`` or ``GOV`` when the phrase calls it opposition or ruling."""
    if sector != "PTY":
        return sector
    window = text[max(0, entity.start - 30) : entity.end]
    if _OPPOSITION.search(window):
        return "OPP"
    if _RULING.search(window):
        return "GOV"
    return sector


def _state(lex: Lexicon, entity: Entity) -> bool:
    """A mention naming only a country ("Nigeria", "Kenyan"): no role, a state code."""
    code = entity.code or ""
    return entity.role is None and len(code) == 3 and code in lex.country_codes


def _foldable(lex: Lexicon, entity: Entity, text: str, end: int) -> bool:
    """Whether a mention inside an organisation's name is only a piece of it: a country
    word, an unresolved name, a bare role word, an institution word of one country, or
    a dictionary name the organisation's own name continues with capitalised words
    ("Department of State" in "the Department of State Services")."""
    if entity.code is None or _state(lex, entity) or entity.needs_context:
        return True
    if entity.why in ("dict", "dict:phoenix") and entity.end < end:
        rest = text[entity.end : end].split()
        if rest and all(w[:1].isupper() for w in rest) and not _state_words(lex, rest):
            return True
    if entity.why == "dict" and _named_after_seat(lex, entity.text):
        return True
    return entity.why == "dict" and key_of(entity.text) in lex.agents


def _named_after_seat(lex: Lexicon, name: str) -> bool:
    """ "the Trade Union Congress", "the Peasants Congress": a name that ends in one
    country's seat of power ("Congress") after capitalised words naming no state is an
    organisation of its own, not that seat ("US Congress" is)."""
    words = name.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return False
    if not any(e.kind == "seat" for e in lex.names.get(key_of(words[-1]), ())):
        return False
    return not _state_words(lex, words[:-1])


def _state_words(lex: Lexicon, words: list[str]) -> bool:
    return any(e.source == "country" for w in words for e in lex.names.get(key_of(w), ()))


def organisations_by_keyword(doc: Doc, lex: Lexicon, entities: list[Entity]) -> list[Entity]:
    """Organisations the tagger found and the dictionaries do not know, coded by the word
    that says what they are. An organisation read as a country word and a stray
    dictionary name ("Nigeria" + "Congress" in "the Nigeria Labour Congress") becomes one
    mention of that country; one with no country is left for the context stage to place.
    Returns the new list of mentions."""
    text = doc.text
    for ent in doc.ents:
        if ent.label_ != "ORG":
            continue
        first, end = ent.start_char, ent.end_char
        start, name = first, text[first:end]
        if name.lower().startswith("the "):
            start, name = start + 4, name[4:]
        if len(name.split()) < 2 or "\n" in name:
            continue
        sector = organisation_sector(name)
        international = _INTERNATIONAL_PREFIX.match(name) is not None
        if sector is None and not international:
            continue
        inside = [e for e in entities if first <= e.start and e.end <= end]
        overlapping = [e for e in entities if e.start < end and start < e.end]
        if len(inside) != len(overlapping):
            continue
        first_word_end = start + len(name.split()[0])
        if not all(
            _foldable(lex, e, text, end) or (international and e.start < first_word_end)
            for e in inside
        ):
            continue  # a name the dictionaries know ("Kenya Defence Forces")
        countries = {e.code or "" for e in inside if _state(lex, e)}
        if len(countries) > 1:
            continue
        if international and not countries:
            # "the Inter-American Commission on Human Rights": a body of many states.
            mention = Entity(name, start, end, "IGO", "IGO", None, name, "organisation:IGO")
            entities = [e for e in entities if e not in inside] + [mention]
            continue
        if sector is None:
            continue
        if sector == "MIL" and not countries and re.search(r"\bArmy\b", name):
            sector = "REB"  # "the Arakan Army": a named army of no state is an armed group
        mention = Entity(name, start, end, why=UNPLACED_AGENT)
        sector = _standing(text, mention, sector)
        mention.role = sector
        if countries:
            country = countries.pop()
            mention.code, mention.country = country + sector, country
            mention.canonical = name
            mention.why = f"organisation:{sector}"
        entities = [e for e in entities if e not in inside] + [mention]
    entities.sort(key=lambda e: (e.start, e.end))
    return entities


_POSSESSED = re.compile(r"['’]s[ \t]+([A-Za-z][\w-]*(?:[ \t]+[A-Za-z][\w-]*){0,4})")
_NAME_GLUE = frozenset({"of", "for", "on", "and", "the"})


def _possessed(lex: Lexicon, words: list[str]) -> tuple[int, str] | None:
    """``(number of words, sector)`` of the body a country's possessive names:
    "election commission said" → (2, GOV), "House of Representatives" → (3, LEG)."""
    if words[0][:1].isupper():
        n = 1
        while n < len(words) and (words[n][:1].isupper() or words[n] in _NAME_GLUE):
            n += 1
        while n > 1 and words[n - 1] in _NAME_GLUE:
            n -= 1
        sector = organisation_sector(" ".join(words[:n]))
        return (n, sector) if sector else None
    for n in range(len(words), 0, -1):
        phrase = words[:n]
        agent = lex.agents.get(key_of(" ".join(phrase)))
        if agent is None and all(w.islower() for w in phrase):
            agent = lex.agents.get(key_of(phrase[-1]))
        if agent is not None and agent[0] not in ("NGO", "IGO"):
            return n, agent[0]
    return None


def possessive_bodies(text: str, lex: Lexicon, entities: list[Entity]) -> list[Entity]:
    """ "Bangladesh's election commission", "Tunisia's foreign ministry", "Indonesia's
    House of Representatives": a body a country's possessive names is that country's,
    in the body's sector (the possessor alone is no actor of the sentence). Returns the
    new list of mentions."""
    out = list(entities)
    for entity in entities:
        if not _state(lex, entity) or entity not in out:
            continue
        match = _POSSESSED.match(text, entity.end)
        if match is None:
            continue
        words = match.group(1).split()
        found = _possessed(lex, words)
        if found is None:
            continue
        n, sector = found
        pieces = list(re.finditer(r"\S+", match.group(1)))
        end = match.start(1) + pieces[n - 1].end()
        covered = [e for e in out if e is not entity and e.start < end and entity.start < e.end]
        if any(e.code and not e.needs_context for e in covered):
            continue
        out = [e for e in out if e not in covered]
        country = entity.country or entity.code or ""
        entity.end = end
        entity.text = text[entity.start : end]
        entity.role = sector
        entity.code = country + sector
        entity.canonical = entity.text
        entity.why = f"possessive:{sector}"
    return out


def defined_acronyms(text: str, entities: list[Entity]) -> None:
    """ "The Nigeria Labour Congress (NLC) ... the NLC said": the acronym a text defines
    is what it stands for everywhere in the text, and so are its members ("NLC
    leaders", "PTI workers")."""
    meaning: dict[str, Entity] = {}
    for entity in entities:
        match = _ACRONYM.match(text, entity.end)
        if match is None or entity.text == match.group(1):
            continue
        if entity.role or entity.code:
            meaning.setdefault(match.group(1), entity)
    if not meaning:
        return
    for entity in entities:
        name = entity.text.removeprefix("the ").removeprefix("The ")
        source = meaning.get(name)
        if source is None and " " in name:
            # "PTI workers", "NLC leaders": the members of what the acronym stands for.
            source = meaning.get(name.split(" ", 1)[0])
        if source is None or source is entity:
            continue
        entity.code, entity.country, entity.role = source.code, source.country, source.role
        entity.canonical = source.canonical or source.text
        entity.why = source.why if source.needs_context else f"acronym:{source.text}"


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right = min((p for p in (text.find(". ", end), text.find("\n", end)) if p >= 0), default=-1)
    return text[left + 1 : right if right >= 0 else len(text)]


def former_holders(text: str, entities: list[Entity]) -> None:
    """ "Former vice president Kalonzo Musyoka": a person who held an office and no
    longer does is no longer the government; speaking for the opposition in the same
    sentence, or named for his supporters ("supporters of former President X"), he is
    ``OPP``, else an elite (``ELI``, CAMEO's code for former officials: "a judge
    ordered former president Carlos Menem to appear")."""
    for entity in entities:
        if entity.role not in STATE_ROLES or not (entity.why or "").startswith(_PERSON_WHY):
            continue
        if not entity.country or len(entity.text.split()) < 2:
            continue
        head = text[max(0, entity.start - 40) : entity.start]
        if not (_FORMER.search(head) or entity.text.lower().startswith(("former ", "ex-"))):
            continue
        sentence = _sentence_around(text, entity.start, entity.end)
        followers = _FOLLOWERS.search(head)
        role = "OPP" if followers or _OPPOSITION.search(sentence) else "ELI"
        entity.role = role
        entity.code = entity.country + role
        entity.why = f"former:{entity.why}"


_NAME_ROLES = frozenset({"OPP", "LAB", "EDU", "HLH", "AGR", "JRN", "MED", "REB", "REL", "CVL"})


_WORDS_BEFORE = re.compile(r"((?:[a-z][\w-]*[ \t]+){1,2})$")


def role_titled_names(text: str, lex: Lexicon, entities: list[Entity]) -> None:
    """ "opposition leader Bobi Wine", "union leader X", "journalist Y": an unknown
    person right after a role word of society takes its sector (the country comes from
    the context stage, as for the role word)."""
    for entity in entities:
        if entity.code or entity.role or not (entity.why or "").startswith("ner:PERSON"):
            continue
        match = _WORDS_BEFORE.search(text, max(0, entity.start - 40), entity.start)
        if match is None:
            continue
        words = match.group(1).split()
        for n in (2, 1):
            agent = lex.agents.get(key_of(" ".join(words[-n:]))) if len(words) >= n else None
            if agent is not None:
                if agent[0] in _NAME_ROLES:
                    entity.role = agent[0]
                break


def party_standing(text: str, entities: list[Entity]) -> None:
    """A party the phrase calls "opposition" or "ruling" is ``OPP`` or ``GOV``."""
    for entity in entities:
        if entity.role != "PTY":
            continue
        role = _standing(text, entity, "PTY")
        if role != "PTY":
            entity.role = role
            if entity.country:
                entity.code = entity.country + role


def generic_institutions(lex: Lexicon, entities: list[Entity]) -> None:
    """ "Congress voted to censure him" in a story about Peru: an institution word the
    dictionaries give to one country (``Congress`` → the US Congress) is the story's own
    institution, placed like "parliament", when nothing else in the text names that
    country."""
    named = [e.country for e in entities if e.country]
    # Counted before any is changed: every "Congress" of a text is judged alike.
    same = Counter((e.country, e.text) for e in entities if e.country)
    for entity in entities:
        words = entity.text.split()
        if words and words[0].lower() == "the":
            words = words[1:]
        agent = lex.agents.get(key_of(" ".join(words))) if words else None
        if agent is None or not entity.code or not entity.country or entity.why != "dict":
            continue
        if named.count(entity.country) > same[(entity.country, entity.text)]:
            continue  # the country is named: its Congress it is
        entity.code = entity.country = entity.canonical = None
        entity.role = agent[0]
        entity.why = UNPLACED_AGENT


def _expired(lex: Lexicon, entity: Entity, date: str) -> bool:
    if not (entity.why or "").startswith("kb:partyfacts"):
        return False
    entries = lex.names.get(key_of(entity.canonical or entity.text), [])
    ends = [c.end for e in entries if e.kind == "party" for c in e.codes]
    return bool(ends) and all(end is not None and end < date[: len(end)] for end in ends)


def expired_parties(lex: Lexicon, entities: Sequence[Entity], date: str | None) -> None:
    """A knowledge-base party whose every country code ended before the story date
    ("Awami League": Pakistan's until 1971) is the story country's party of that name,
    unless the text names the old country too. The story country is the one the other
    mentions name most."""
    if not date:
        return
    old = [e for e in entities if _expired(lex, e, date)]
    if not old:
        return
    names = {e.canonical for e in old}
    story = story_country([e for e in entities if e.canonical not in names])
    for entity in old:
        successor = _successor(lex, key_of(entity.canonical or entity.text), date)
        if successor is not None:
            entity.country, entity.code = successor, successor + (entity.role or "PTY")
            entity.why = f"{entity.why}+successor"
            continue
        if story is None or entity.country == story:
            continue
        if any(e.country == entity.country for e in entities if e.canonical not in names):
            continue
        role = entity.role or "PTY"
        entity.country, entity.code = story, story + role
        entity.why = f"{entity.why}+story"


_SUFFIXES: dict[int, dict[str, list[tuple[str, str | None]]]] = {}


def _successor(lex: Lexicon, key: str, date: str) -> str | None:
    """The one country of the current parties whose name ends with ``key`` ("Bangladesh
    Awami League" for "Awami League"), or ``None``."""
    table = _SUFFIXES.get(id(lex))
    if table is None:
        table = {}
        for name, entries in lex.names.items():
            if " " not in name:
                continue
            for entry in entries:
                if entry.kind == "party":
                    for code in entry.codes:
                        for cut in range(1, name.count(" ") + 1):
                            suffix = name.split(" ", cut)[-1]
                            table.setdefault(suffix, []).append((code.code[:3], code.end))
        _SUFFIXES.clear()
        _SUFFIXES[id(lex)] = table
    countries = {c for c, end in table.get(key, ()) if end is None or end >= date[: len(end)]}
    return countries.pop() if len(countries) == 1 else None


def unnamed_namesakes(text: str, entities: Sequence[Entity], story: str | None) -> None:
    """ "Information Minister Mohammed Idris" in a story about Nigeria: a titled person
    the knowledge base knows only under a longer or other spelling, of a country the
    text names nowhere else, is the story country's office holder of that title."""
    if story is None:
        return
    for entity in entities:
        why = entity.why or ""
        if not why.startswith("holder:kb:") or not entity.country or entity.country == story:
            continue
        canonical = set((entity.canonical or "").lower().split())
        if canonical <= set(entity.text.lower().split()):
            continue  # the full name as the table has it
        if any(e.country == entity.country for e in entities if e is not entity):
            continue
        if not _TITLED.search(entity.text):
            continue
        role = entity.role or "GOV"
        entity.country, entity.code = story, story + role
        entity.why = f"{why}+story"


_TITLED = re.compile(r"\b(?:minister|president|secretary|governor|chief|spokes\w+)\b", re.I)


_AMBIGUOUS_FORCES = ACTOR_WORDS.ordered("ambiguous_forces")
_LEADING = re.compile(r"^(?:the|some|several|many|dozens of|hundreds of|[0-9,]+)\s+", re.I)


def _ambiguous_force(entity: Entity) -> bool:
    if entity.role != "MIL":
        return False
    words = _LEADING.sub("", entity.text.lower())
    return any(words == w or words.startswith(w + " ") for w in _AMBIGUOUS_FORCES)


def policing_forces(entities: Sequence[Entity]) -> None:
    """ "Police fired tear gas ... officers detained 40 people": the armed men a word of no
    force ("officers", "security forces") stands for are the force the story names, the
    police (``COP``) where it names police more often than soldiers, troops or the army;
    else they stay the military of the dictionaries."""
    vague = [e for e in entities if _ambiguous_force(e)]
    if not vague:
        return
    police = sum(1 for e in entities if e.role == "COP")
    army = sum(1 for e in entities if e.role == "MIL" and not _ambiguous_force(e))
    if police <= army:
        return
    for entity in vague:
        entity.role = "COP"
        if entity.country:
            entity.code = entity.country + "COP"
