"""Dependency-tree helpers shared by the event components.

They answer questions the coder, the factuality and the claim components all ask: which
token triggered an event, which actor entities an argument phrase names, which tokens
govern a clause, and what the subject of a subjectless clause is.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from dotterel.actors.words import ACTOR_WORDS
from dotterel.codes import NON_STATE_PREFIXES, REGION_CODES
from dotterel.records import UNPLACED_AGENT, Entity, Event

AGENT_WORDS = Path(__file__).resolve().parents[1] / "actors" / "data" / "agents.tsv"
# Prefixes of codes that are no state: a sector word after them is no state's sector.
NOT_A_STATE = NON_STATE_PREFIXES | REGION_CODES

# A country before these sector words is already coded by the actor lexicon ("Saudi
# officials"), or the word says too little about the sector ("religious leaders"; the
# words are ``vague_sector_words`` of the cues).
COMPOSED_SECTORS_EXCLUDED = frozenset({"GOV"})
PRESS_PEOPLE = ACTOR_WORDS["press_people"]
# Refugees are often of another country than the place, and media need a name (but not
# the press's people, PRESS_PEOPLE: "police detained a reporter").
UNPLACEABLE_SECTORS = frozenset({"REF", "MED"})

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
# Clause links through which a subjectless verb borrows its governor's subject.
SUBJECT_SHARING_DEPS = frozenset({"xcomp", "conj", "advcl", "acl", "acomp"})
# Left modifiers of a noun that can name who it belongs to ("US allegations").
NOMINAL_ACTOR_DEPS = frozenset({"poss", "compound", "amod", "nmod", "npadvmod"})


def trigger_token(doc: Doc, event: Event) -> Token:
    """The syntactic head of an event's trigger span."""
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return doc[0]
    return span.root


def clause_chain(token: Token) -> Iterator[Token]:
    """The token, then its ancestors: the clauses (and phrases) that govern it."""
    yield token
    yield from token.ancestors


def content_sentences(doc: Doc) -> list[Span]:
    """Sentences with words in them, trimmed of surrounding white space.

    Line breaks open sentences of their own (``dotterel_lines``); sentences that are
    only white space are skipped so that sentence indices count real sentences.
    """
    result: list[Span] = []
    for sent in doc.sents:
        words = [token for token in sent if not token.is_space]
        if words:
            result.append(doc[words[0].i : words[-1].i + 1])
    return result


@lru_cache(maxsize=1)
def sector_words() -> Mapping[str, str]:
    """Sector of each agent word of ``actors/data/agents.tsv`` and of its plural
    ("striker" and "strikers" → LAB); NGO phrases are the actor component's."""
    words: dict[str, str] = {}
    with AGENT_WORDS.open(encoding="utf-8") as fh:
        rows = csv.DictReader(
            (line for line in fh if line.strip() and not line.startswith("#")),
            delimiter="\t",
            quoting=csv.QUOTE_NONE,
        )
        for row in rows:
            text, role = (row.get("text") or "").strip().lower(), (row.get("role") or "").strip()
            if not text or len(role) != 3 or role == "NGO":
                continue
            for form in (text, *_plural_forms(text)):
                words.setdefault(form, role)
    return words


def _plural_forms(text: str) -> list[str]:
    head, _, last = text.rpartition(" ")
    prefix = f"{head} " if head else ""
    if not last.isalpha() or last.endswith("s"):
        return []
    if last.endswith("man"):
        return [prefix + last[:-3] + "men"]
    if last.endswith("y") and last[-2:-1] not in "aeiou":
        return [prefix + last[:-1] + "ies"]
    if last.endswith(("sh", "ch", "x", "z")):
        return [prefix + last + "es"]
    return [prefix + last + "s"]


class ActorIndex:
    """Actor entities of a document looked up by token.

    ``doc._.actors`` holds char-offset entities; several entities may cover one token
    ("Russian-Iranian" names two countries, a coreferent pronoun may stand for two).

    With ``sectors`` (agent word → CAMEO sector), a phrase headed by a sector word is that
    sector: "French rail workers" is FRALAB rather than France, and "garment workers" or
    "opposition supporters" with no country in the phrase are an unplaced LAB or OPP
    actor that the context stage places where the act happens; a head among
    ``vague_sector_words`` ("religious leaders") says too little to compose a sector.
    """

    def __init__(
        self,
        doc: Doc,
        sectors: Mapping[str, str] | None = None,
        vague_sector_words: frozenset[str] = frozenset(),
    ) -> None:
        self.sectors: Mapping[str, str] = sectors or {}
        self.vague_sector_words = vague_sector_words
        self.by_token: dict[int, list[Entity]] = {}
        for entity in doc._.actors or []:
            span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self.by_token.setdefault(token.i, []).append(entity)

    def at(self, token: Token) -> list[Entity]:
        return self.by_token.get(token.i, [])

    def phrase_entities(self, head: Token, *, with_conjuncts: bool = True) -> list[Entity]:
        """Entities named by the noun phrase headed by ``head`` (and its conjuncts)."""
        found = self._sectored(head, self._phrase(head, depth=0))
        found.extend(self._coordinated_modifiers(head))
        if with_conjuncts:
            for conjunct in conjuncts(head):
                found.extend(self._sectored(conjunct, self._phrase(conjunct, depth=0)))
        return prefer_resolved(unique_entities(found))

    def _sector_of(self, head: Token) -> str | None:
        if head.pos_ not in ("NOUN", "PROPN") or not self.sectors:
            return None
        word = head.lower_
        compound = [c for c in head.lefts if c.dep_ == "compound"]
        if compound and f"{compound[-1].lower_} {word}" in self.sectors:
            return self.sectors[f"{compound[-1].lower_} {word}"]
        return self.sectors.get(word) or self.sectors.get(head.lemma_.lower())

    def _sectored(self, head: Token, found: list[Entity]) -> list[Entity]:
        """The phrase's entities with the sector its head word names (see the class)."""
        if self.at(head):
            return found
        sector = self._sector_of(head)
        if sector is None:
            return found
        if not found:
            press_person = sector == "MED" and head.lemma_.lower() in PRESS_PEOPLE
            if (sector in UNPLACEABLE_SECTORS and not press_person) or any(
                c.dep_ == "poss" for c in head.lefts
            ):
                # "its workers", "his supporters": whose they are is unknown here.
                return found
            start = min([head.idx] + [c.idx for c in head.lefts if c.dep_ == "compound"])
            end = head.idx + len(head.text)
            text = head.doc.text[start:end]
            return [Entity(text, start, end, role=sector, why=UNPLACED_AGENT)]
        states = [e for e in found if _bare_state(e)]
        if len(states) != len(found) or any((e.why or "").startswith("coref") for e in found):
            # "its troops": a pronoun's referent keeps its own record (the coder looks
            # through the actor's own pronouns).
            return found
        if sector in COMPOSED_SECTORS_EXCLUDED or head.lemma_.lower() in self.vague_sector_words:
            return found
        left = head.left_edge.idx
        if any(e.start < left or e.end > head.idx for e in found):
            # "four workers, an American, a Briton": the names are not the phrase's own.
            return found
        start = min(e.start for e in found)
        end = head.idx + len(head.text)
        return [
            Entity(
                head.doc.text[start:end],
                start,
                end,
                code=f"{e.country_code}{sector}",
                country=e.country_code,
                role=sector,
                why=f"agent:{sector.lower()}-of-{e.country_code}",
            )
            for e in states
        ]

    def _coordinated_modifiers(self, head: Token) -> list[Entity]:
        """Countries named by coordinated modifiers: in "U.S. and Russian negotiators" or
        "the Turkish and Greek sides" the phrase names both sides, not only the one next
        to the noun."""
        found: list[Entity] = []
        for modifier in head.lefts:
            if modifier.dep_ not in NOMINAL_ACTOR_DEPS or not conjuncts(modifier):
                continue
            for member in [modifier, *conjuncts(modifier)]:
                found.extend(e for e in self.at(member) if e.code)
        return found

    def _phrase(self, head: Token, depth: int) -> list[Entity]:
        """Resolved entities of the phrase if any; else its unresolved names."""
        resolved, unresolved = self._search(head, depth)
        return resolved or unresolved

    def _search(self, head: Token, depth: int) -> tuple[list[Entity], list[Entity]]:
        if depth > 3:
            return [], []
        own = self.at(head)
        if any(entity.code for entity in own):
            return [e for e in own if e.code], []
        fallback = list(own)
        if head.tag_ in ("WDT", "WP") and head.head.dep_ == "relcl":
            return self._search(head.head.head, depth + 1)
        # Named modifiers before possessive pronouns: in "his Jordanian counterpart" the
        # counterpart is Jordanian, whoever "his" is.
        candidates = sorted(
            (child for child in head.lefts if child.dep_ in NOMINAL_ACTOR_DEPS),
            key=lambda child: child.tag_ == "PRP$",
        )
        for child in head.rights:
            if child.dep_ == "appos":
                candidates.append(child)
            elif child.dep_ == "prep" and (
                child.lower_ == "of" or (child.lower_ == "from" and head.dep_ == "nsubj")
            ):
                # "doctors from two American aid groups donated ..." come from there.
                candidates.extend(g for g in child.children if g.dep_ == "pobj")
        if head.pos_ == "VERB" and head.tag_ == "VBG":
            # "The Red Cross operating in Iraq said": the parser made the participle the
            # subject and the name its own subject.
            candidates.extend(children(head, "nsubj"))
        for child in candidates:
            resolved, unresolved = self._search(child, depth + 1)
            if resolved and child.dep_ in ("pobj", "appos"):
                # "scores of Sierra Leonean and Liberian refugees", "four workers, an
                # American, a Briton and a Bulgarian": all the conjuncts.
                for conjunct in conjuncts(child):
                    resolved = resolved + self._search(conjunct, depth + 1)[0]
            if resolved:
                return resolved, []
            fallback = fallback or unresolved
        return [], fallback


def _bare_state(entity: Entity) -> bool:
    """A country named as a whole ("French", "Germany"), with no sector of its own."""
    code = entity.code or ""
    return len(code) == 3 and entity.role is None and code not in NOT_A_STATE


def conjuncts(token: Token) -> list[Token]:
    """Tokens coordinated with ``token`` ("Russia, China, Iran and the DPRK")."""
    result: list[Token] = []
    stack = [child for child in token.children if _coordinated(child)]
    while stack:
        current = stack.pop(0)
        result.append(current)
        stack.extend(child for child in current.children if _coordinated(child))
    return result


def _coordinated(child: Token) -> bool:
    # In "Australia, New Zealand, Fiji and Tonga" the parser often reads the second
    # name as an apposition of the first; a name in apposition to a name is a list.
    return child.dep_ == "conj" or (
        child.dep_ == "appos" and child.pos_ == "PROPN" and child.head.pos_ == "PROPN"
    )


def unique_entities(entities: list[Entity]) -> list[Entity]:
    """Entities without repeats of the same code at the same offsets."""
    seen: set[tuple[int, int, str | None]] = set()
    result = []
    for entity in entities:
        key = (entity.start, entity.end, entity.code or entity.text.lower())
        if key not in seen:
            seen.add(key)
            result.append(entity)
    return result


def prefer_resolved(entities: list[Entity]) -> list[Entity]:
    """Drop unresolved entities when the same phrase also names resolved ones."""
    resolved = [entity for entity in entities if entity.code]
    return resolved if resolved else entities


def children(token: Token, *deps: str) -> list[Token]:
    return [child for child in token.children if child.dep_ in deps]


def prep_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    """Objects of the prepositions in ``preps`` attached to ``token``."""
    result: list[Token] = []
    for prep in token.children:
        if prep.dep_ in ("prep", "dative", "agent") and prep.lower_ in preps:
            result.extend(child for child in prep.children if child.dep_ == "pobj")
            # "talks with visiting President X": the parser reads "visiting" as a verb.
            for pcomp in prep.children:
                if pcomp.dep_ == "pcomp" and pcomp.lower_ == "visiting":
                    result.extend(children(pcomp, "dobj"))
    return result


def is_infinitive(verb: Token) -> bool:
    """Whether the verb has the infinitive marker "to" (the tagger sometimes tags it as a
    preposition, "offered on Tuesday to host": the dependency still says aux)."""
    return any(c.dep_ == "aux" and (c.tag_ == "TO" or c.lower_ == "to") for c in verb.children)


def is_reduced_passive(verb: Token) -> bool:
    """ "a farmer shot dead by Belizean soldiers": a past participle after its noun is a
    passive whose subject is that noun. Not when the noun is the sentence's root and a
    comma parts them with no agent named: "China, which has brokered ceasefires ...,
    offered to host talks" is the main clause the parser hung on its subject."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN":
        return False
    head = verb.head
    if head.dep_ != "ROOT" or verb.i < head.i or prep_objects(verb, frozenset({"by"})):
        return True
    return not any(t.text == "," for t in verb.doc[head.i + 1 : verb.i])


def is_passive(verb: Token) -> bool:
    return any(child.dep_ in ("auxpass", "nsubjpass") for child in verb.children)


def subject_of(verb: Token, depth: int = 0) -> tuple[list[Token], str]:
    """The subject tokens of a verb's clause, borrowed from governing clauses if needed.

    Returns the tokens and the path used, e.g. ``"nsubj"`` or ``"xcomp<nsubj"``.
    """
    own = children(verb, "nsubj", "csubj")
    if own:
        return own, "nsubj"
    passive_subject = children(verb, "nsubjpass")
    if passive_subject:
        return passive_subject, "nsubjpass"
    if depth > 3 or verb.dep_ == "ROOT":
        return [], ""
    head = verb.head
    if verb.dep_ == "relcl":
        infinitive = is_infinitive(verb)
        if infinitive and head.dep_ == "dobj" and head.head.pos_ == "VERB":
            # "blocked a road to protest ...": a purpose clause the parser hung on the
            # object; whoever blocked the road protests.
            tokens, path = subject_of(head.head, depth + 1)
            return tokens, f"purpose<{path}" if tokens else ""
        if infinitive and head.dep_ == "ROOT":
            # Headlines join names with commas: "Chile, Peru to sign trade pact".
            joined = [c for c in head.children if c.dep_ in ("npadvmod", "appos")]
            return [head, *[c for c in joined if c.pos_ == "PROPN"]], "relcl"
        return [head], "relcl"
    if verb.dep_ == "pcomp" or (verb.dep_ == "pobj" and head.dep_ == "prep"):
        # "accused of supplying", "penalties ... for providing": the gerund's subject is
        # the governing verb's object, or its passive subject.
        governor = head.head
        objects = children(governor, "dobj", "nsubjpass")
        if objects:
            return objects, "pcomp<object"
        tokens, path = subject_of(governor, depth + 1)
        return tokens, f"pcomp<{path}" if tokens else ""
    if verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBG") and head.pos_ in ("NOUN", "PROPN"):
        # "six men suspected of plotting", "rebels fighting to topple the government":
        # a participle modifying a noun is said of that noun.
        return [head], "acl"
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and is_passive(head):
        # "the camp was attacked by militiamen, killing 156": the attackers kill.
        agents = prep_objects(head, frozenset({"by"}))
        if agents:
            return agents, "advcl<agent"
    if verb.dep_ in SUBJECT_SHARING_DEPS:
        tokens, path = subject_of(head, depth + 1)
        return tokens, f"{verb.dep_}<{path}" if tokens else ""
    return [], ""


def statement_issuer(
    verb: Token, statement_nouns: frozenset[str]
) -> tuple[list[Token], str] | None:
    """ "issued a statement congratulating the two sides": the one who congratulates is
    whoever issues the statement (for trigger verbs only: a noun under "a note
    describing the strikes" is not the issuer's act)."""
    head = verb.head
    if not (
        verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and head.dep_ == "dobj"
        and head.lemma_.lower() in statement_nouns
    ):
        return None
    tokens, path = subject_of(head.head)
    return (tokens, f"statement<{path}") if tokens else None


def trailing_reporter(sent: Span, lemmas: frozenset[str]) -> tuple[Token, list[Token]] | None:
    """The reporting clause closing a sentence when the parser has hung it inside the
    reported one: in "X abused Y, a rights group charged" the small model often reads
    "charged" as a modifier of "Y"'s neighbour. Returns the verb and its subject."""
    tokens = [t for t in sent if not t.is_punct and not t.is_space]
    for verb in reversed(tokens[-8:]):
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in lemmas:
            continue
        if verb.dep_ == "ROOT" or verb.i < sent.start + 3:
            return None
        after = [t for t in sent if t.i > verb.i and not t.is_punct and not t.is_space]
        subtree = {t.i for t in verb.subtree}
        if any(t.i not in subtree for t in after):
            return None
        subjects = children(verb, "nsubj")
        if not subjects and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            subjects = [verb.head]
        if not subjects:
            return None
        start = min(s.left_edge.i for s in subjects)
        if start <= sent.start or sent.doc[start - 1].text != ",":
            return None
        return verb, subjects
    return None


def sentence_of(token: Token) -> Span:
    return token.sent
