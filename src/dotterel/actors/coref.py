"""spaCy component ``dotterel_coref``: rule-based resolution of pronouns and descriptions.

Runs after ``dotterel_actors`` and appends :class:`~dotterel.records.Entity` mentions
(``why="coref:<rule>:<antecedent text>"``), keeping ``doc._.actors`` sorted by start.
Antecedents are actors *before* the mention; nothing is resolved forward.

=================  ============================================  ================================
rule               mention                                       antecedent
=================  ============================================  ================================
``person``         he, him, his, she, her                        last person actor (office holder,
                                                                 PERSON entity, titled phrase)
``plural``         they, them, their, theirs, themselves         nearest plural antecedent in the
                                                                 same or the 2 previous sentences:
                                                                 a coordination of >= 2 actors
                                                                 ("Russia, China and Iran", one
                                                                 Entity per member) or a plural
                                                                 noun actor ("Chinese firms")
``group``          it, its (not expletive); they/them/their      last country/organisation actor,
                   when no plural antecedent is near             singular ones first for it/its
``two``            the two/three... or both + countries, sides,  the last N distinct states (of
                   nations, neighbours, governments, leaders,    the region for "European" etc.,
                   presidents, ministers ("the three European    ``data/blocs.tsv``), not the
                   countries")                                   subject of the phrase's clause;
                                                                 one Entity per state, ``GOV``
                                                                 for leaders/governments
``parties``        the parties, the two parties, both parties    actors of the latest earlier
                                                                 sentence that has actors, object/
                                                                 recipient side preferred (not in
                                                                 the subject); all if none
``gov``            the ministry, the foreign ministry, the       last country actor, as
                   president, the government, the kingdom, the   ``<ISO>GOV`` (a president gets
                   regime, the administration, the cabinet       the holder name at the date)
=================  ============================================  ================================

Continuity: a subject pronoun (it, he, she, they) whose clause is joined to, or governed
by, a clause with an actor subject continues that subject ("Algeria mediated for years,
and *it* brokered the accord"; "Ghana, which borders Togo, said *it* would ..."; "Police
said *they* had arrested ..."), and so does one opening a sentence, with the previous
sentence's subject (itself resolved if it is the same pronoun). A speaker with no
country yet (a bare role word) is copied as one, for the event's context to place. A
pronoun in the clause of a noun does not stand for that noun's nationality adjective
("Congolese claims that *its* troops ...").

Binding: an object pronoun ("labels *them*", "met *him*") never takes an antecedent from
the subject phrase of its own clause; for a relative clause that subject is the noun the
clause modifies ("a US Congress-backed assessment that labels them" cannot mean US
Congress).  Possessives and reflexives are exempt: "Iran denied its role" and "they
defended themselves" are bound by their subject.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from dotterel.actors.lexicon import DATA_DIR, Lexicon, default_lexicon
from dotterel.actors.resolve import BLOCS, NON_STATES
from dotterel.actors.words import ACTOR_WORDS
from dotterel.nlp import extensions  # noqa: F401
from dotterel.nlp.extensions import PARSE_ATTRIBUTES
from dotterel.records import Entity

_PERSON_PRON = frozenset({"he", "him", "his", "she", "her"})
_PLURAL_PRON = frozenset({"they", "them", "their", "theirs", "themselves"})
_SINGULAR_PRON = frozenset({"its", "it"})
_GROUP_PRON = _PLURAL_PRON | _SINGULAR_PRON
_REFLEXIVE = frozenset({"themselves", "himself", "herself", "itself"})
# Text between two actors that makes them one coordinated group.
_COORD_GAP = re.compile(r"\s*(?:,\s*(?:and|or)?|and|or|&|as well as)\s*(?:the\s+)?", re.I)
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
_CONTROLLED = frozenset({"xcomp", "acl", "advcl", "pcomp", "conj"})
_WINDOW = 2  # sentences before the pronoun's own that plural antecedents may come from
_NUMBERS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_REGIONS = {
    "european": "EUR",
    "african": "AFR",
    "asian": "ASA",
    "arab": "MEA",
    "middle eastern": "MEA",
    "latin american": "LAM",
}
_TWO_RE = re.compile(
    r"\b(?:the (?P<num>two|three|four|five|six)|(?P<both>both))"
    r"(?: (?P<adj>European|African|Asian|Arab|Middle Eastern|Latin American))?"
    r" (?P<noun>countries|sides|nations|states|governments|neighbou?rs|leaders|presidents"
    r"|(?:prime|foreign|defen[cs]e) ministers|ministers|premiers|heads of state|capitals"
    r"|allies)\b",
    re.I,
)
_BLOC_NOUNS = "|".join(ACTOR_WORDS["bloc_nouns"])
_BLOC_RE = re.compile(rf"\bthe (?:(?:[A-Z][\w-]*|regional) ){{0,3}}(?:{_BLOC_NOUNS})\b")
_NAME_AFTER = re.compile(r"[ \t]+[A-Z]")
_PARTIES_RE = re.compile(r"\b(?:the|both|the two) parties\b", re.I)
_GOV_RE = re.compile(
    r"\bthe (?:foreign ministry|ministry|president|government|kingdom|regime|administration|"
    r"cabinet)\b",
    re.I,
)
_TITLE_OF = {"president": "president"}
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})
_ARTICLES = frozenset({"the", "a", "an"})
_ORGANISATION_WORDS = ACTOR_WORDS["organisation_words"]
_PARTITIVE = ACTOR_WORDS["partitive_quantifiers"]


def _is_person(entity: Entity) -> bool:
    why = entity.why or ""
    return why.startswith(("holder", "ner:PERSON", "apposition", "office:")) or (
        entity.canonical is not None
        and entity.code is not None
        and len(entity.text.split()) >= 2
        and why == "dict:phoenix"
        and not _organisation_name(entity.text)
    )


def _organisation_name(text: str) -> bool:
    """Whether a multi-word Phoenix name is a body, not a person: a person's name opens
    with no article and has no organisation word ("The European Union", "United
    Nations"), so "his" or "her" cannot stand for it."""
    words = [w.lower() for w in text.split()]
    return words[0] in _ARTICLES or any(w in _ORGANISATION_WORDS for w in words)


def _is_group(entity: Entity) -> bool:
    return entity.code is not None and not _is_person(entity)


def _state(entity: Entity) -> str | None:
    country = entity.country_code
    if country and country not in NON_STATES and len(country) == 3 and entity.code:
        return country
    return None


# "it is worth noting", "it is clear that": "it" stands for nothing. But "it is willing
# to withdraw" refers back to an actor.
_EXPLETIVE_PREDICATES = ACTOR_WORDS["expletive_predicates"]


def _expletive_be(token: Token) -> bool:
    head = token.head
    if head.lemma_ != "be":
        return False
    return any(
        child.dep_ in ("acomp", "attr", "ccomp") and child.lemma_.lower() in _EXPLETIVE_PREDICATES
        for child in head.children
    ) or not any(child.dep_ in ("acomp", "attr") for child in head.children)


class CorefResolver:
    """Appends coreferent actor mentions; see the module docstring for the rules."""

    def __init__(self, nlp: Language, name: str, user_dictionaries: str = "") -> None:
        self.name = name
        # The same lexicon as the actor recogniser's, so that a title's holder or a
        # country name comes from the user's dictionaries too.
        paths = tuple(p for p in user_dictionaries.split(":") if p)
        self.lexicon: Lexicon = default_lexicon(paths)

    def __call__(self, doc: Doc) -> Doc:
        actors: list[Entity] = list(doc._.actors or [])
        document = doc._.document
        date = getattr(document, "published", None) if document is not None else None
        added: list[Entity] = []
        # Bare role words ("the ministry") are open to the description rules below.
        covered = [(a.start, a.end) for a in actors if not a.needs_context]

        def free(start: int, end: int) -> bool:
            return not any(s < end and start < e for s, e in covered)

        def before(pos: int) -> list[Entity]:
            return [a for a in actors if a.end <= pos and a.code is not None]

        text = doc.text
        superseded: set[int] = set()
        for match in _TWO_RE.finditer(text):
            # A region word inside the phrase ("the three European countries") is part of
            # the description, not an actor of its own.
            inner = [a for a in actors if match.start() <= a.start and a.end <= match.end()]
            if any(
                s < match.end() and match.start() < e
                for s, e in covered
                if not any(a.start == s and a.end == e for a in inner)
            ):
                continue
            group = self._group(doc, actors, match)
            if not group:
                continue
            superseded.update(id(a) for a in inner)
            # "both countries", "the two sides", "the two governments": states acting
            # as states, coded as a country's name is (its government).
            role: str | None = "GOV"
            start = match.start()
            owner = _role_of(text, actors, start)
            if owner is not None:
                # "leaders of both countries", "officials of both sides": the role word
                # is the phrase's head and belongs to every state of the group.
                superseded.add(id(owner))
                start, role = owner.start, owner.role
            for iso, prior in group:
                added.append(
                    Entity(
                        text[start : match.end()],
                        start,
                        match.end(),
                        f"{iso}{role}" if role else iso,
                        iso,
                        role,
                        self.lexicon.country_names.get(iso),
                        f"coref:two:{prior.text}",
                    )
                )
        for match in _PARTIES_RE.finditer(text):
            if not free(match.start(), match.end()):
                continue
            for party in self._parties(doc, actors, match.start()):
                added.append(self._copy(match, party, "parties"))
        for match in _GOV_RE.finditer(text):
            if not free(match.start(), match.end()):
                continue
            # "China will send a team to Sudan, the foreign ministry said": the ministry
            # speaks for the sentence's first state; with none in the sentence, the last
            # state mentioned before it.
            sentence_start = max(
                (s.start_char for s in doc.sents if s.start_char <= match.start()), default=0
            )
            in_sentence = [
                a for a in before(match.start()) if a.start >= sentence_start and _state(a)
            ]
            gov_ant = in_sentence[0] if in_sentence else None
            gov_ant = gov_ant or next(
                (a for a in reversed(before(match.start())) if _state(a)), None
            )
            if gov_ant is None:
                continue
            state = _state(gov_ant)
            assert state is not None
            word = match.group().split()[-1].lower()
            canonical = None
            if word in _TITLE_OF:
                holder = self.lexicon.holder_for(state, _TITLE_OF[word], date)
                canonical = holder.name if holder else None
            added.append(
                Entity(
                    match.group(),
                    match.start(),
                    match.end(),
                    f"{state}GOV",
                    state,
                    "GOV",
                    canonical,
                    f"coref:gov:{gov_ant.text}",
                )
            )
        for match in _BLOC_RE.finditer(text):
            # "the bloc", "the East African bloc": the international body last named. A
            # region word inside the phrase describes the body, no actor of its own.
            inner = [a for a in actors if match.start() <= a.start and a.end <= match.end()]
            if any(a.code is not None and a.country_code not in BLOCS for a in inner):
                continue
            if any(
                s < match.end() and match.start() < e
                for s, e in covered
                if not any(a.start == s and a.end == e for a in inner)
            ):
                continue
            dropped = {id(a) for a in inner}
            actors = [a for a in actors if id(a) not in dropped]
            covered = [c for c in covered if not match.start() <= c[0] < match.end()]
            if _NAME_AFTER.match(text, match.end()):
                continue  # "the West African bloc ECOWAS": the name that follows is it
            body = next(
                (a for a in reversed(before(match.start())) if a.country_code == "IGO"), None
            )
            if body is not None:
                added.append(self._copy(match, body, "bloc"))
                covered.append((match.start(), match.end()))
        groups = _plural_antecedents(doc, actors, added)
        sent_starts = [sent.start_char for sent in doc.sents]
        for token in doc:
            low = token.lower_
            if low not in _PERSON_PRON and low not in _GROUP_PRON:
                continue
            start, end = token.idx, token.idx + len(token)
            if not free(start, end):
                continue
            if low == "it" and (token.dep_ == "expl" or _expletive_be(token)):
                continue
            bound = _bound_spans(token)

            def allowed(entity: Entity, bound: list[tuple[int, int]] = bound) -> bool:
                return not any(s <= entity.start and entity.end <= e for s, e in bound)

            pool = [a for a in before(start) if allowed(a)]
            # A reported clause's subject pronoun may stand for a speaker with no country
            # yet ("Police said they had arrested ..."): the copy is placed like it.
            # A government body with no country ("the Department of Foreign Affairs") is
            # left to the rules below, like "the ministry": the last state's government.
            unplaced = [
                a
                for a in actors
                if a.needs_context and a.end <= start and a.role and a.role != "GOV"
            ]
            unplaced_all = [a for a in actors if a.needs_context and a.end <= start and a.role]
            parallel = _parallel_subject(doc, token, pool + unplaced + added)
            if parallel is not None and low in _PLURAL_PRON:
                # "Russia and China said they would ...": every member of a coordinated
                # speaker.
                speaker = parallel[0]
                speakers = next((g for g in groups if any(m is speaker for m in g)), [speaker])
                rule = "plural" if len(speakers) > 1 else parallel[1]
                for member in speakers:
                    added.append(self._copy_span(token.text, start, end, member, rule))
                continue
            if low in _PLURAL_PRON:
                first_sent = sent_starts[max(0, bisect_right(sent_starts, token.idx) - 1 - _WINDOW)]
                members = next(
                    (
                        g
                        for g in reversed(groups)
                        if first_sent <= g[0].start
                        and g[-1].end <= start
                        and all(allowed(m) for m in g)
                    ),
                    None,
                )
                # "More than 300 people were killed, most of them by police": a plural
                # role word of the object pronoun's own sentence ("people", "students")
                # nearer than any other plural antecedent is the one it stands for.  A
                # subject "they" goes on about its sentence's subject instead ("bombers
                # killed 23 people when they blew themselves up").
                sentence_start = sent_starts[max(0, bisect_right(sent_starts, token.idx) - 1)]
                plural_role = next(
                    (
                        a
                        for a in reversed(unplaced_all)
                        if low == "them"
                        and sentence_start <= a.start
                        and a.end <= start
                        and allowed(a)
                        and _is_plural(doc, a)
                    ),
                    None,
                )
                if plural_role is not None and (not members or members[-1].end < plural_role.start):
                    added.append(self._copy_span(token.text, start, end, plural_role, "plural"))
                    continue
                if members:
                    for member in members:
                        added.append(self._copy_span(token.text, start, end, member, "plural"))
                    continue
            ant: Entity | None
            if parallel is not None:
                # "Algeria mediated for years, and it brokered the accord": a subject
                # pronoun continues the subject of the clause it is joined to.
                ant, rule = parallel
            elif low in _PERSON_PRON:
                ant = next((a for a in reversed(pool) if _is_person(a)), None)
                rule = "person"
            else:
                groupish = [a for a in pool if _is_group(a)]
                if low in _SINGULAR_PRON:
                    # "it"/"its" is one state or body, not "Chinese firms"; a possessive
                    # "its" prefers the head of its own clause's subject ("Iran, facing
                    # tensions with Israel, sees its support ...").
                    singular = [a for a in groupish if not _is_plural(doc, a)]
                    groupish = singular or groupish
                    # A pronoun stands for a noun phrase: in "Rwanda dismissed Congolese
                    # claims that its troops ...", "Congolese" (an adjective) is no
                    # antecedent of "its".
                    nominal = [a for a in groupish if not _adjective_over(doc, a, token)]
                    groupish = nominal or groupish
                    head = _subject_head(token)
                    if head is not None:
                        groupish += [a for a in groupish if a.start <= head < a.end][:1]
                ant = groupish[-1] if groupish else None
                rule = "group"
            if ant is not None:
                added.append(self._copy_span(token.text, start, end, ant, rule))
        resolved = [(a.start, a.end) for a in added]
        actors = [
            a
            for a in actors
            if id(a) not in superseded
            and (not a.needs_context or not any(s < a.end and a.start < e for s, e in resolved))
        ]
        doc._.actors = sorted(actors + added, key=lambda e: (e.start, e.end))
        return doc

    @staticmethod
    def _copy(match: re.Match[str], ant: Entity, rule: str, country_only: bool = False) -> Entity:
        entity = CorefResolver._copy_span(match.group(), match.start(), match.end(), ant, rule)
        if country_only and ant.country_code:
            entity.code = ant.country_code
            entity.role = None
        return entity

    @staticmethod
    def _copy_span(text: str, start: int, end: int, ant: Entity, rule: str) -> Entity:
        if ant.needs_context:
            # A role word with no country yet: the copy is placed by the event's context
            # as the word itself would be.
            return Entity(text, start, end, role=ant.role, why=ant.why)
        return Entity(
            text,
            start,
            end,
            ant.code,
            ant.country,
            ant.role,
            ant.canonical,
            f"coref:{rule}:{ant.text}",
        )

    def _group(
        self, doc: Doc, actors: list[Entity], match: re.Match[str]
    ) -> list[tuple[str, Entity]]:
        """The states "the two countries" / "the three European countries" stand for, in
        text order: the N most recent distinct states before the phrase (those of a
        region word if enough are mentioned), never the subject of the phrase's own
        clause ("Powell telephoned leaders of both countries" is not about the US)."""
        count = _NUMBERS[(match.group("num") or match.group("both")).lower()]
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        bound = _bound_spans(span.root) if span is not None else []
        pool = [
            a
            for a in actors
            if a.end <= match.start()
            and a.code is not None
            and not any(s <= a.start and a.end <= e for s, e in bound)
        ]
        region = _REGIONS.get((match.group("adj") or "").lower())
        members = _region_members().get(region or "", frozenset())
        for wanted in ((members,) if members else ()) + (frozenset(),):
            # The story's parties are the states it has named most so far; a mediator or
            # a third state named last ("... in talks hosted by Oman. The two sides agreed")
            # is not one of them. Among equals, the latest named.
            latest: dict[str, tuple[int, Entity]] = {}
            mentions: dict[str, int] = {}
            for order, prior in enumerate(pool):
                state = _state(prior)
                if not state or (wanted and state not in wanted):
                    continue
                latest[state] = (order, prior)
                mentions[state] = mentions.get(state, 0) + 1
            if len(latest) < count:
                continue
            chosen = sorted(latest, key=lambda st: (-mentions[st], -latest[st][0]))[:count]
            return [(st, latest[st][1]) for st in sorted(chosen, key=lambda st: latest[st][0])]
        return []

    @staticmethod
    def _parties(doc: Doc, actors: list[Entity], pos: int) -> list[Entity]:
        sents = [s for s in doc.sents if s.end_char <= pos]
        for sent in reversed(sents):
            inside = [a for a in actors if sent.start_char <= a.start < sent.end_char and a.code]
            if not inside:
                continue
            objects = [a for a in inside if not _in_subject(sent, a)]
            chosen = objects or inside
            seen: set[str] = set()
            out = []
            for a in chosen:
                key = a.country_code or ""
                if key not in seen:
                    seen.add(key)
                    out.append(a)
            return out
        return []


_OF_GAP = re.compile(r"\s+of\s+", re.I)


def _role_of(text: str, actors: list[Entity], pos: int) -> Entity | None:
    """The unplaced role word right before "of" + a group phrase starting at ``pos``."""
    for actor in actors:
        if (
            actor.needs_context
            and actor.role
            and actor.end < pos
            and _OF_GAP.fullmatch(text, actor.end, pos) is not None
        ):
            return actor
    return None


@lru_cache(maxsize=1)
def _region_members() -> dict[str, frozenset[str]]:
    """Bloc code → member states, from ``data/blocs.tsv``."""
    members: dict[str, set[str]] = {}
    path = DATA_DIR / "blocs.tsv"
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if line.startswith("#") or "\t" not in line or line.startswith("iso3\t"):
            continue
        iso, bloc = line.split("\t")[:2]
        members.setdefault(bloc, set()).add(iso)
    return {bloc: frozenset(isos) for bloc, isos in members.items()}


def _is_plural(doc: Doc, entity: Entity) -> bool:
    """Whether an actor mention is headed by a plural noun ("Chinese firms", "rebels")."""
    span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
    return span is not None and span.root.tag_ in _PLURAL_TAGS


def _adjective_over(doc: Doc, entity: Entity, pronoun: Token) -> bool:
    """Whether an actor mention is a nationality adjective on a noun whose own clause
    holds the pronoun ("Congolese claims that its troops ...": the claim is Congo's, the
    troops are someone else's)."""
    span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    # The parser may label such an adjective "nsubj"; its tag and noun head tell.
    if root.tag_ != "JJ" or root.head.pos_ not in ("NOUN", "PROPN") or root.head.i < root.i:
        return False
    noun = root.head
    return any(
        clause.dep_ in ("acl", "ccomp", "relcl", "appos")
        and clause.left_edge.i <= pronoun.i <= clause.right_edge.i
        for clause in noun.rights
    )


def _plural_antecedents(doc: Doc, actors: list[Entity], added: list[Entity]) -> list[list[Entity]]:
    """Plural antecedents in text order, each a list of member mentions.

    Coordinations of two or more coded actors ("Russia, China, Iran, and the DRPK"),
    plural-headed actors ("Chinese firms") and the members found for "the two countries"
    or "the parties" (which share one span).
    """
    coded = [a for a in actors if a.code is not None]
    text = doc.text
    out: list[list[Entity]] = []
    run: list[Entity] = []
    for entity in coded:
        if run and _COORD_GAP.fullmatch(text[run[-1].end : entity.start]):
            run.append(entity)
            continue
        if len(run) >= 2:
            out.append(run)
        run = [entity]
    if len(run) >= 2:
        out.append(run)
    in_runs = {id(e) for g in out for e in g}
    for entity in coded:
        if id(entity) not in in_runs and _is_plural(doc, entity):
            out.append([entity])
    spans: dict[tuple[int, int], list[Entity]] = {}
    for entity in added:
        if (entity.why or "").startswith(("coref:two:", "coref:parties:")):
            spans.setdefault((entity.start, entity.end), []).append(entity)
    out.extend(g for g in spans.values() if len(g) >= 2)
    out.sort(key=lambda g: (g[-1].end, g[0].start))
    return [_distinct(g) for g in out]


def _distinct(group: list[Entity]) -> list[Entity]:
    seen: set[str | None] = set()
    members = []
    for entity in group:
        if entity.code not in seen:
            seen.add(entity.code)
            members.append(entity)
    return members


def _bound_spans(token: Token) -> list[tuple[int, int]]:
    """Character ranges an object pronoun may not corefer with (its clause's subject)."""
    if token.dep_ == "poss" or token.lower_ in _REFLEXIVE or token.dep_ in _SUBJECT_DEPS:
        return []
    if _partitive(token):
        return []
    verb = token.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    spans: list[tuple[int, int]] = []
    relative = verb.dep_ in ("relcl", "acl")
    for subject in subjects:
        if relative and subject.tag_ in ("WDT", "WP"):
            continue
        spans.append((subject.left_edge.idx, _end(subject.right_edge)))
    if relative:
        # The modified noun is the relative clause's subject; its own words, not the clause.
        noun = verb.head
        spans.append((noun.left_edge.idx, verb.left_edge.idx))
    return spans


def _partitive(token: Token) -> bool:
    """Whether a pronoun is counted by a partitive ("most of them", "two of them")."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ != "of" or prep.head.i == prep.i:
        return False
    quantifier = prep.head
    return quantifier.lower_ in _PARTITIVE or quantifier.like_num


def _parallel_subject(doc: Doc, token: Token, pool: list[Entity]) -> tuple[Entity, str] | None:
    """The actor a subject pronoun continues: the subject of the clause its own clause is
    coordinated with or reported by ("Algeria mediated, and it brokered ...", "Iran said
    it would ..."), when that subject is one actor of the pronoun's kind."""
    low = token.lower_
    if token.dep_ not in ("nsubj", "nsubjpass") or low not in ("it", "he", "she", "they"):
        return None
    verb = token.head
    if verb.dep_ == "ROOT" and token.i == token.sent.start and token.sent.start > 0:
        # "It described the Emirates as an aggressor": a sentence opening on a subject
        # pronoun goes on about the previous sentence's subject.
        governor = doc[token.sent.start - 1].sent.root
    elif verb.dep_ not in ("conj", "ccomp") or verb.head.i == verb.i:
        return None
    else:
        governor = verb.head
    subject = next(
        (c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i),
        None,
    )
    if subject is None or (subject.pos_ == "PRON" and subject.lower_ != low):
        return None
    # A pronoun subject passes on what it was resolved to ("it said ... It accused").
    start, end = subject.left_edge.idx, _end(subject)
    inside = [a for a in pool if start <= a.start < end]
    if not inside:
        return None
    heads = [a for a in inside if a.start <= subject.idx < a.end]
    ant = heads[0] if heads else inside[-1]
    group = _is_group(ant) or ant.needs_context
    if low == "they":
        # "Police said they ...", "The unions said they ...": a body or its people, not a
        # person (whose "they" is someone else).
        if not group or _is_person(ant) or (ant.why or "").startswith("coref:person:"):
            return None
        return ant, "group"
    if low == "it":
        if not group or _is_plural(doc, ant):
            return None
        return ant, "group"
    if not (_is_person(ant) or (ant.why or "").startswith("coref:person:")):
        return None
    return ant, "person"


def _subject_head(token: Token) -> int | None:
    """Character offset of the subject head of a possessive pronoun's clause."""
    if token.dep_ != "poss":
        return None
    verb = token.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    while subject is None and verb.dep_ in _CONTROLLED and verb.head.i != verb.i:
        # "sees its support as an opportunity to strengthen its defences": the subject
        # of an infinitive or participle clause is the one of the clause it hangs from.
        verb = verb.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.i > token.i or subject.pos_ == "PRON":
        return None
    return subject.idx


def _end(token: Token) -> int:
    return token.idx + len(token)


def _in_subject(sent: Span, entity: Entity) -> bool:
    span = sent.doc.char_span(entity.start, entity.end, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    while True:
        if token.dep_ in _SUBJECT_DEPS:
            return True
        if token.head.i == token.i or token.head.pos_ in ("VERB", "AUX"):
            return token.dep_ in _SUBJECT_DEPS
        token = token.head


@Language.factory(
    "dotterel_coref",
    assigns=["doc._.actors"],
    requires=["doc._.actors", "doc.sents", *PARSE_ATTRIBUTES],
    default_config={"user_dictionaries": ""},
)
def make_coref(nlp: Language, name: str, user_dictionaries: str) -> CorefResolver:
    """Add pronouns, group words and definite descriptions as mentions of earlier actors.

    ``user_dictionaries``: ':'-separated paths of the user's actor dictionaries."""
    return CorefResolver(nlp, name, user_dictionaries)
