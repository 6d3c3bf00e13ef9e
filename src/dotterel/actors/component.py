"""spaCy component ``dotterel_actors``: sets ``doc._.actors`` to resolved actor mentions.

Mentions come from two sources, merged and sorted by start:

1. the actor lexicon (:mod:`dotterel.actors.lexicon`) run over the text: whole actor
   phrases ("Russian Foreign Minister Sergey Lavrov", "DPRK troops", "Iran's ambassador to
   Russia"), hyphenated compounds split ("Russian-Iranian" → RUS, IRN);
2. spaCy entities (PERSON, ORG, GPE, NORP) not covered by (1), resolved through the same
   lexicon; unresolved PERSON/ORG/NORP mentions are kept with ``code=None``.

No mention crosses a line break (a headline and the dateline below it are separate);
names used as stances ("anti-Syria", "pro-Iranian") or languages ("the Russian language",
"Arabic-language", "English-speaking") are no actors.  A person after an international
body's office ("NATO Secretary General Jaap de Hoop Scheffer") takes the body's code.

An unresolved person in apposition to a resolved phrase takes its code ("Kazem Jalali,
Iran's ambassador to Russia" → ``IRNGOV``).  The date for office holders is
``doc._.document.published`` (``None`` → most recent holder).

The lexicon's own prefix-set scanner is used instead of spaCy's ``PhraseMatcher``: it is
shared with :func:`dotterel.actors.resolve.resolve`, so a phrase codes the same way in a
pipeline and in the batch API, and it needs no per-document setup.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cached_property

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from dotterel.actors.lexicon import Lexicon, default_lexicon, key_of, tokenize
from dotterel.actors.resolve import (
    _with_fuzzy,
    compose,
    currency_follows,
    find_actors,
    is_currency_word,
    office_title_persons,
    story_country,
)
from dotterel.actors.sectors import (
    defined_acronyms,
    expired_parties,
    former_holders,
    generic_institutions,
    organisations_by_keyword,
    party_standing,
    policing_forces,
    possessive_bodies,
    role_titled_names,
    unnamed_namesakes,
)
from dotterel.actors.words import ACTOR_WORDS
from dotterel.codes import STATE_ROLES
from dotterel.nlp import extensions  # noqa: F401  (registers doc._ attributes)
from dotterel.records import UNPLACED_AGENT, Entity

_NER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_KEEP_UNRESOLVED = frozenset({"PERSON", "ORG", "NORP"})
# Sectors of a country's own people and institutions, whose country the place of the
# story gives when the text does not.
_PLACEABLE_ROLES = frozenset(
    {"GOV", "MIL", "COP", "SPY", "LEG", "JUD", "OPP", "REB", "CVL", "RAD"}
    | {"LAB", "EDU", "HLH", "AGR"}
)

PRESS_PEOPLE = ACTOR_WORDS["press_people"]
_STANDING = ACTOR_WORDS["standing_adjectives"]

# Creeds that qualify a role word without placing it ("Islamist militants").
_IDEOLOGIES = ACTOR_WORDS["ideology_words"]
# Modifiers that say the people are of another country than the story's ("foreign
# students"), and the heads whose sector the body named before them gives.
_FOREIGN = ACTOR_WORDS["foreign_modifiers"]
_NEUTRAL_HEADS = ACTOR_WORDS["neutral_heads"]
_AMBIGUOUS_FORCES = ACTOR_WORDS["ambiguous_forces"]
# Parts of speech of words that describe a role word without naming anyone.
_DESCRIBING_TAGS = frozenset({"NOUN", "ADJ", "VERB"})


class ActorRecognizer:
    """Finds and codes actor mentions; see the module docstring."""

    def __init__(self, nlp: Language, name: str, user_dictionaries: str = "") -> None:
        self.name = name
        paths = tuple(p for p in user_dictionaries.split(":") if p)
        self.lexicon: Lexicon = default_lexicon(paths)

    def __call__(self, doc: Doc) -> Doc:
        document = doc._.document
        date = getattr(document, "published", None) if document is not None else None
        doc._.actors = self.find(doc, date)
        return doc

    def find(self, doc: Doc, date: str | None) -> list[Entity]:
        """All actor mentions of ``doc`` at ``date``, sorted by start."""
        text = doc.text
        found = find_actors(self.lexicon, text, date)
        taken = [(e.start, e.end) for e in found]
        for ent in doc.ents:
            if ent.label_ not in _NER_LABELS:
                continue
            ent_start = self._known_extension(doc, ent)
            for start, end in _line_pieces(text, ent_start, ent.end_char):
                entity = self._ner_piece(text, start, end, ent.label_, date, taken)
                if entity is not None:
                    found.append(entity)
                    taken.append((start, end))
        loose = [(e.start, e.end) for e in found if _unresolved_name(e)]
        bare = self._bare_agents(doc, taken, loose)
        found = [e for e in found if not any(_within(e, b) for b in bare)]
        found.extend(bare)
        found.sort(key=lambda e: (e.start, e.end))
        found = organisations_by_keyword(doc, self.lexicon, found)
        found = possessive_bodies(text, self.lexicon, found)
        generic_institutions(self.lexicon, found)
        expired_parties(self.lexicon, found, date)
        unnamed_namesakes(text, found, story_country(found))
        party_standing(text, found)
        defined_acronyms(text, found)
        former_holders(text, found)
        role_titled_names(text, self.lexicon, found)
        policing_forces(found)
        _apposition(text, found)
        _office_apposition(text, found)
        _titled_names(text, found)
        # Before the surnames: "OAS Secretary General Albert Ramdin ... Ramdin said" is
        # the body's officer both times.
        office_title_persons(text, found)
        _surnames(found)
        _lonely_surnames(found)
        _definite_roles(doc, found)
        return found

    def _known_extension(self, doc: Doc, ent: SpacySpan) -> int:
        """Start of the entity, widened by one capitalised word to its left when the
        tagger cut a known name in two ("Santo | Domingo")."""
        if ent.start == 0:
            return ent.start_char
        before = doc[ent.start - 1]
        if before.is_title and before.ent_type_ == "" and not before.is_sent_start:
            wider = doc[ent.start - 1 : ent.end].text
            if key_of(wider) in self.lexicon.names:
                return before.idx
        return ent.start_char

    def _ner_piece(
        self,
        text: str,
        start: int,
        end: int,
        label: str,
        date: str | None,
        taken: list[tuple[int, int]],
    ) -> Entity | None:
        """The entity for one line of a spaCy entity, or ``None`` when it is no actor."""
        if any(s < end and start < e for s, e in taken) or currency_follows(text, end, start):
            return None
        if _stance(text, start, end) or _language(text, start, end):
            return None
        words = text[start:end].split()
        if len(words) > 1 and is_currency_word(words[-1]):
            return None  # "Hong Kong dollars" tagged as a place
        if label in ("NORP", "ORG") and self._role_word(text[start:end]):
            # "Islamists", "the Islamists": a role with no country, not an unknown
            # name; placed like "rebels" by the event components.
            return None
        return self._from_ent(text, start, end, label, date)

    def _bare_agents(
        self, doc: Doc, taken: list[tuple[int, int]], loose: list[tuple[int, int]]
    ) -> list[Entity]:
        """Role words with no country in their phrase ("Police arrested ...", "the army
        said"): kept with their sector and no code; the event components place them by
        the event's location or the dateline (``needs_context``). A role word of two words
        may cover a name no dictionary knows (``loose``: "Riot" of "Riot police" read as a
        person)."""
        result: list[Entity] = []
        covered: set[int] = set()
        text = doc.text  # Doc.text joins every token: build it once, not per role word
        for s, e in taken:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None:
                covered.update(range(span.start, span.end))
        named = [span for span in taken if span not in loose]
        unions: list[Entity] = []
        for token in doc:
            if token.dep_ in ("compound", "amod"):
                continue
            phrase = self._compound_agent(doc, token)
            # "Kenya-led security forces": a phrase a named actor qualifies is that
            # actor's, composed by the event coder, not a role to place.
            owned = phrase is not None and any(
                s < phrase.start and c.left_edge.idx < e and s < c.idx + len(c.text)
                for c in token.lefts
                for s, e in named
            )
            if phrase is not None and not owned:
                # "riot police", "camera operators": a role word of two words is one role,
                # even where the tagger took its first word for a name ("Riot police").
                if not any(
                    s < phrase.end and phrase.start < e
                    for s, e in named
                    + [(s, e) for s, e in loose if s < phrase.start or e > phrase.end]
                ):
                    result.append(phrase)
                continue
            if token.i in covered:
                continue
            if token.pos_ != "NOUN" and not (token.pos_ == "PROPN" and token.lower_ in _IDEOLOGIES):
                continue
            start, end = token.idx, token.idx + len(token.text)
            ngo = self._ngo_phrase(doc, token) if token.lower_ in self._ngo_heads else None
            if ngo is not None:
                if not any(s < ngo.end and ngo.start < e for s, e in taken):
                    result.append(ngo)
                continue
            agent = self.lexicon.agents.get(key_of(token.text))
            if agent is None or not _placeable(agent[0], token.lemma_):
                continue
            if _right_named(token):
                continue
            union = self._members_union(doc, token, agent[0]) if agent[0] == "LAB" else None
            if union is not None:
                if not any(s < union.end and union.start < e for s, e in taken):
                    result.append(union)
                    unions.append(union)
                continue
            modifiers = [c for c in token.lefts if c.dep_ in ("poss", "amod", "compound")]
            stance = _stance_tokens(doc, token)
            described = [c for c in modifiers if c.lower_ not in _IDEOLOGIES and c.i not in stance]
            role: str | None = agent[0]
            if described:
                role = self._described_role(doc, token, agent[0], described, covered)
                if role is None:
                    continue
            if modifiers:
                # "Islamist militants", "jihadist fighters": the creed is part of the role;
                # "university students", "taxi drivers": so is what they study or drive.
                start = min(start, min(c.left_edge.idx for c in modifiers))
                if any(s < end and start < e for s, e in taken):
                    continue
            result.append(Entity(text[start:end], start, end, role=role, why=UNPLACED_AGENT))
        # "Nurses' unions": the members' word is part of the union's name, no actor of its own.
        return [
            e
            for e in result
            if not any(u is not e and u.start <= e.start and e.end <= u.end for u in unions)
        ]

    def _described_role(
        self, doc: Doc, token: Token, role: str, described: list[Token], covered: set[int]
    ) -> str | None:
        """The sector of a role word its modifiers describe, or ``None`` when they make it
        somebody else's. Plain words of trade, study or kind keep the sector of a crowd
        of people ("university students", "taxi drivers", "market traders"); a body named before a
        head of no sector of its own gives it ("police spokesman", "riot police officers",
        "army officers"), as CAMEO's MILITARY_SPOKESPERSON and REBEL_SOLDIER do; a
        possessor ("its workers"), a name, a number or a foreign marker ("foreign
        students") leaves the phrase to the other rules."""
        neutral = token.lower_ in _NEUTRAL_HEADS or key_of(token.text) in _AMBIGUOUS_FORCES
        if not neutral and (role in STATE_ROLES or token.tag_ != "NNS"):
            return None  # "public prosecutor", "Indigenous authorities": an office, no crowd
        bodies: list[str] = []
        for c in described:
            words = doc[c.left_edge.i : c.i + 1]
            if c.dep_ == "poss" or any(
                w.pos_ not in _DESCRIBING_TAGS or w.i in covered or w.lower_ in _FOREIGN
                for w in words
            ):
                return None
            body = self.lexicon.agents.get(key_of(words.text)) or self.lexicon.agents.get(
                key_of(c.text)
            )
            if body is None:
                continue
            if body[0] == role:
                bodies.append(role)
            elif neutral and body[0] in _PLACEABLE_ROLES:
                bodies.append(body[0])
            elif c.dep_ != "amod":
                return None  # "rebel soldiers", "party supporters": left to the events stage
        if neutral and not bodies:
            return None  # "tribal leaders": whose leaders is not said
        return bodies[-1] if bodies else role

    def _members_union(self, doc: Doc, token: Token, role: str) -> Entity | None:
        """ "The teachers' union", "a national students' union": a union named for its
        members' trade speaks for them, in their sector (a union of state employees is
        labour); adjectives of size or standing do not say whose it is."""
        owners = [c for c in token.lefts if c.dep_ == "poss"]
        if len(owners) != 1 or owners[0].pos_ != "NOUN":
            return None
        owner = owners[0]
        described = [
            c
            for head in (token, owner)
            for c in head.lefts
            if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i != owner.i
        ]
        if any(c.lower_ not in _STANDING for c in described):
            return None
        first = min([owner, *described], key=lambda c: c.i)
        member = self.lexicon.agents.get(key_of(owner.text))
        if member is not None and member[0] not in STATE_ROLES:
            role = member[0]
        text = doc.text
        start, end = first.idx, token.idx + len(token.text)
        return Entity(text[start:end], start, end, role=role, why=UNPLACED_AGENT)

    def _compound_agent(self, doc: Doc, token: Token) -> Entity | None:
        """The role phrase of ``token`` and the compound nouns before it, when the
        lexicon knows the whole phrase ("riot police", "security forces")."""
        first = token.i
        while first > 0 and doc[first - 1].dep_ == "compound" and doc[first - 1].head.i == token.i:
            first -= 1
        if first == token.i or any(
            c.dep_ == "poss" and c.pos_ in ("PRON", "PROPN") for c in token.lefts
        ):
            return None  # "their peacekeeping force": whose it is, its owner says
        span = doc[first : token.i + 1]
        agent = self.lexicon.agents.get(key_of(span.text))
        if agent is None or not _placeable(agent[0], span[:-1].text + " " + token.lemma_):
            return None
        return Entity(span.text, span.start_char, span.end_char, role=agent[0], why=UNPLACED_AGENT)

    @cached_property
    def _ngo_heads(self) -> frozenset[str]:
        """Last words of the NGO role phrases ("group", "agencies"): only these can end one."""
        return frozenset(
            key.split()[-1] for key, (role, _) in self.lexicon.agents.items() if role == "NGO"
        )

    def _role_word(self, text: str) -> bool:
        words = text.split()
        if words and words[0].lower() == "the":
            words = words[1:]
        agent = self.lexicon.agents.get(key_of(" ".join(words))) if words else None
        return agent is not None and agent[0] in _PLACEABLE_ROLES

    def _ngo_phrase(self, doc: Doc, token: Token) -> Entity | None:
        """ "a human rights group", "aid agencies": non-governmental organisations that
        no country owns (code ``NGO``)."""
        first = token.i
        while (
            first > 0
            and doc[first - 1].dep_ in ("compound", "amod")
            and (doc[first - 1].head.i > first - 1)
        ):
            first -= 1
        for start in range(first, token.i + 1):
            span = doc[start : token.i + 1]
            agent = self.lexicon.agents.get(key_of(span.text))
            if agent is not None and agent[0] == "NGO":
                return Entity(
                    span.text, span.start_char, span.end_char, code="NGO", why="agent:ngo"
                )
        return None

    def _from_ent(
        self, text: str, start: int, end: int, label: str, date: str | None
    ) -> Entity | None:
        span = text[start:end]
        tokens = tokenize(span)
        atoms = _with_fuzzy(self.lexicon, tokens, self.lexicon.scan(tokens))
        res = compose(self.lexicon, tokens, atoms, date) if atoms else None
        if res is not None and res.code is not None and res.why != "dict:place":
            return Entity(
                span,
                start,
                end,
                res.code,
                res.country,
                res.role,
                res.canonical,
                f"ner:{label}+{res.why}",
            )
        if label in _KEEP_UNRESOLVED:
            return Entity(span, start, end, why=f"ner:{label}:unresolved")
        return None


def _stance_tokens(doc: Doc, token: Token) -> set[int]:
    """Indices of the "anti-X"/"pro-X" modifiers of ``token``: like a creed, a stance
    qualifies a role word ("pro-Iranian militants") without placing it."""
    found: set[int] = set()
    for child in token.lefts:
        k = child.i
        if child.lower_.startswith(("anti-", "pro-")):
            found.add(k)
        elif child.lower_ in ("anti", "pro") and k + 2 < token.i and doc[k + 1].text == "-":
            found.update((k, k + 1, k + 2))
    return found


def _placeable(role: str, lemma: str) -> bool:
    return role in _PLACEABLE_ROLES or (role == "MED" and lemma.lower() in PRESS_PEOPLE)


def _unresolved_name(entity: Entity) -> bool:
    return entity.code is None and (entity.why or "").endswith(":unresolved")


def _within(entity: Entity, outer: Entity) -> bool:
    return _unresolved_name(entity) and outer.start <= entity.start and entity.end <= outer.end


def _line_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``start``-``end`` cut at line breaks, each piece trimmed of spaces: a headline's
    last words and the dateline below it are two mentions, not one."""
    pieces = []
    for match in re.finditer(r"[^\n]+", text[start:end]):
        piece = match.group()
        left = len(piece) - len(piece.lstrip())
        right = len(piece.rstrip())
        if right > left:
            pieces.append((start + match.start() + left, start + match.start() + right))
    return pieces


_STANCE_BEFORE = re.compile(r"\b(?:anti|pro)\s*-\s*$", re.I)
_STANCE_INSIDE = re.compile(r"(?:anti|pro)\s*-", re.I)
_LANGUAGE_AFTER = re.compile(r"\s*-?\s*(?:languages?|speaking|speakers?)\b", re.I)
_LANGUAGE_INSIDE = re.compile(r".*-\s*(?:languages?|speaking|speakers?)$", re.I)


def _stance(text: str, start: int, end: int) -> bool:
    """ "anti-Syria", "pro-Iranian": what someone is for or against is no actor."""
    return (
        _STANCE_BEFORE.search(text[max(0, start - 8) : start]) is not None
        or _STANCE_INSIDE.match(text, start, end) is not None
    )


_RIGHTS_NOUNS = ACTOR_WORDS["rights_nouns"]


def _right_named(token: Token) -> bool:
    """ "freedom of assembly", "the right to assembly", "freedom of the press": a word that
    names what a right is a right to is no actor."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in ("of", "to"):
        return False
    return prep.head.lower_ in _RIGHTS_NOUNS


def _language(text: str, start: int, end: int) -> bool:
    """ "the Russian language", "Arabic-language", "English-speaking": a tongue."""
    return (
        _LANGUAGE_AFTER.match(text, end) is not None
        or _LANGUAGE_INSIDE.fullmatch(text, start, end) is not None
    )


def _apposition(text: str, entities: list[Entity]) -> None:
    """Copy a phrase's code to an unresolved name next to it across a comma."""
    for left, right in zip(entities, entities[1:], strict=False):
        gap = text[left.end : right.start]
        if gap.strip() != ",":
            continue
        for target, source in ((left, right), (right, left)):
            if target.needs_context:
                # "... by the Israeli military, officials said": a new subject, not an
                # apposition; bare role words are placed by the event components.
                continue
            if target.code is None and source.code is not None and source.role:
                target.code, target.country, target.role = (
                    source.code,
                    source.country,
                    source.role,
                )
                target.canonical = target.canonical or target.text
                target.why = f"apposition:{source.text}"


_OFFICE_NOUNS = ACTOR_WORDS["office_nouns"]
_TAIL = re.compile(r"(?:'s)?((?:\s+[A-Za-z][\w-]*){0,6})\s*(?:[,.;)]|$)")
_INTERNATIONAL = frozenset({"IGO", "NGO"})


def _office_apposition(text: str, entities: list[Entity]) -> None:
    """ "Kenzo Oshima, the United Nations Emergency Relief Coordinator": a person whose
    appositive names an office of an international organisation speaks for it, whatever
    the person's own nationality; a mere neighbour in a list ("Annan, Egypt and the UN")
    is not an appositive."""
    for left, right in zip(entities, entities[1:], strict=False):
        if text[left.end : right.start].strip() != ",":
            continue
        if not right.code or right.code[:3] not in _INTERNATIONAL or not _personal(left):
            continue
        if left.code and left.code[:3] in _INTERNATIONAL:
            continue
        tail = _TAIL.match(text, right.end)
        words = (tail.group(1).split() if tail else []) or right.text.split()[-1:]
        if not words or words[-1].lower() not in _OFFICE_NOUNS:
            continue
        left.code, left.country, left.role = right.code, right.country, right.role
        left.canonical = left.canonical or left.text
        left.why = f"apposition:{right.text}"


def _titled_names(text: str, entities: list[Entity]) -> None:
    """ "Chilean Foreign Minister Soledad Alvear" read as two mentions: the name takes the
    title's code, whatever a namesake in the dictionaries says."""
    for left, right in zip(entities, entities[1:], strict=False):
        if text[left.end : right.start].strip() or not _personal(right):
            continue
        if not left.code or not left.country or left.role is None or left.needs_context:
            continue
        if right.country != left.country:
            right.code, right.country, right.role = left.code, left.country, left.role
            right.why = f"title:{left.text}"


def _definite_roles(doc: Doc, entities: list[Entity]) -> None:
    """ "Foreign ministers of ASEAN urged ... the ministers also welcomed": a role word
    with "the" refers back to the last phrase made of the same word, and takes the
    code of what that phrase names."""
    text = doc.text
    nouns: dict[str, list[int]] | None = None
    for entity in entities:
        if not entity.needs_context or entity.code is not None:
            continue
        if not _word_before(text, entity.start, "the"):
            continue
        span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
        if span is None:
            continue
        if nouns is None:
            # One pass over the tokens: noun positions by lemma, searched by bisection
            # for the last one before each role word (a scan per word is quadratic).
            nouns = {}
            for token in doc:
                if token.pos_ == "NOUN":
                    nouns.setdefault(token.lemma_.lower(), []).append(token.i)
        positions = nouns.get(span.root.lemma_.lower(), [])
        before = bisect_left(positions, span.start)
        if not before:
            continue
        phrase = doc[positions[before - 1]]
        left, right = phrase.left_edge.idx, phrase.right_edge.idx + len(phrase.right_edge)
        named = [e for e in entities if e.code and left <= e.start and e.end <= right]
        if named:
            source = named[0]
            entity.code, entity.country = source.code, source.country
            entity.role = source.role or entity.role
            entity.why = f"coref:definite:{source.text}"


def _word_before(text: str, position: int, word: str) -> bool:
    """Whether the text before ``position``, without trailing space, ends with ``word``
    (``text[:position].rstrip().lower().endswith(word)`` without copying the prefix)."""
    end = position
    while end > 0 and text[end - 1].isspace():
        end -= 1
    # A few characters more than the word: lower() may lengthen some characters.
    return text[max(0, end - len(word) - 4) : end].lower().endswith(word)


def _lonely_surnames(entities: list[Entity]) -> None:
    """A bare surname matched in the Phoenix lists ("Aslam said") is trusted only when the
    text names that person's country somewhere else: common names have many bearers."""
    for entity in entities:
        phoenix = (entity.why or "").endswith("dict:phoenix")
        if not phoenix or len(entity.text.split()) != 1 or not entity.country:
            continue
        # Another mention of the same surname is no evidence of its country.
        if not any(
            o is not entity and o.country == entity.country and entity.text not in o.text.split()
            for o in entities
        ):
            entity.code = entity.country = entity.role = entity.canonical = None
            entity.why = "name:unconfirmed"


def _surnames(entities: list[Entity]) -> None:
    """News names a person in full once, then by surname ("Soledad Alvear ... Alvear
    said"): a later mention that is the last word of an earlier person's name is that
    person, whatever the dictionaries say of the bare surname."""
    people: dict[str, Entity] = {}
    for entity in entities:
        words = entity.text.split()
        if len(words) == 1 and words[0] in people:
            earlier = people[words[0]]
            if earlier.code and earlier.code != entity.code:
                entity.code, entity.country, entity.role = (
                    earlier.code,
                    earlier.country,
                    earlier.role,
                )
                entity.why = f"coref:surname:{earlier.text}"
        if len(words) >= 2 and entity.code and _personal(entity):
            people[words[-1]] = entity


def _personal(entity: Entity) -> bool:
    why = entity.why or ""
    if why.startswith(("ner:PERSON", "holder", "title:", "coref:surname", "office:")):
        return True
    words = entity.text.split()
    return why == "dict:phoenix" and len(words) >= 2 and all(w[:1].isupper() for w in words)


@Language.factory(
    "dotterel_actors",
    default_config={"user_dictionaries": ""},
    assigns=["doc._.actors"],
    requires=[
        "doc.ents",
        "token.ent_type",
        "token.dep",
        "token.head",
        "token.lemma",
        "token.is_sent_start",
    ],
)
def make_actor_recognizer(nlp: Language, name: str, user_dictionaries: str) -> ActorRecognizer:
    """Find actor mentions and code them, linking titles, surnames and offices in a document.

    ``user_dictionaries``: ':'-separated paths of the user's actor dictionaries."""
    return ActorRecognizer(nlp, name, user_dictionaries)
