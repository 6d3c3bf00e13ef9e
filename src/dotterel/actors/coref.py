"""spaCy component ``dotterel_coref``: rule-based resolution of pronouns and descriptions.

Runs after ``dotterel_actors`` and appends :class:`~dotterel.records.Entity` mentions
(``why="coref:<rule>:<antecedent text>"``), keeping ``doc._.actors`` sorted by start.
Antecedents are actors *before* the mention; nothing is resolved forward.

=================  ============================================  ================================
rule               mention                                       antecedent
=================  ============================================  ================================
``person``         he, him, his, she, her                        last person actor (office holder,
                                                                 PERSON entity, titled phrase)
``group``          they, them, their, its, it (not expletive)    last country/organisation actor
``two``            the two countries/sides/nations, both         the last two distinct countries;
                   countries/sides/nations                       one Entity per antecedent
``parties``        the parties, the two parties, both parties    actors of the latest earlier
                                                                 sentence that has actors, object/
                                                                 recipient side preferred (not in
                                                                 the subject); all if none
``gov``            the ministry, the foreign ministry, the       last country actor, as
                   president, the government, the kingdom, the   ``<ISO>GOV`` (a president gets
                   regime, the administration, the cabinet       the holder name at the date)
=================  ============================================  ================================
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from dotterel.actors.lexicon import Lexicon, default_lexicon
from dotterel.actors.resolve import NON_STATE
from dotterel.nlp import extensions  # noqa: F401
from dotterel.records import Entity

_PERSON_PRON = frozenset({"he", "him", "his", "she", "her"})
_GROUP_PRON = frozenset({"they", "them", "their", "its", "it"})
_TWO_RE = re.compile(
    r"\b(?:the two|both) (?:countries|sides|nations|states|governments|neighbou?rs)\b", re.I
)
_PARTIES_RE = re.compile(r"\b(?:the|both|the two) parties\b", re.I)
_GOV_RE = re.compile(
    r"\bthe (?:foreign ministry|ministry|president|government|kingdom|regime|administration|"
    r"cabinet)\b",
    re.I,
)
_TITLE_OF = {"president": "president"}
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})


def _is_person(entity: Entity) -> bool:
    why = entity.why or ""
    return why.startswith(("holder", "ner:PERSON", "apposition")) or (
        entity.canonical is not None
        and entity.code is not None
        and len(entity.text.split()) >= 2
        and why == "dict:phoenix"
    )


def _is_group(entity: Entity) -> bool:
    return entity.code is not None and not _is_person(entity)


def _state(entity: Entity) -> str | None:
    country = entity.country_code
    if country and country not in NON_STATE and len(country) == 3 and entity.code:
        return country
    return None


class CorefResolver:
    """Appends coreferent actor mentions; see the module docstring for the rules."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.lexicon: Lexicon = default_lexicon()

    def __call__(self, doc: Doc) -> Doc:
        actors: list[Entity] = list(doc._.actors or [])
        document = doc._.document
        date = getattr(document, "published", None) if document is not None else None
        added: list[Entity] = []
        covered = [(a.start, a.end) for a in actors]

        def free(start: int, end: int) -> bool:
            return not any(s < end and start < e for s, e in covered)

        def before(pos: int) -> list[Entity]:
            return [a for a in actors if a.end <= pos and a.code is not None]

        text = doc.text
        for match in _TWO_RE.finditer(text):
            if not free(match.start(), match.end()):
                continue
            states: list[tuple[str, Entity]] = []
            for prior in reversed(before(match.start())):
                state = _state(prior)
                if state and state not in [s for s, _ in states]:
                    states.append((state, prior))
                if len(states) == 2:
                    break
            if len(states) == 2:
                for _, prior in reversed(states):
                    added.append(self._copy(match, prior, "two", country_only=True))
        for match in _PARTIES_RE.finditer(text):
            if not free(match.start(), match.end()):
                continue
            for party in self._parties(doc, actors, match.start()):
                added.append(self._copy(match, party, "parties"))
        for match in _GOV_RE.finditer(text):
            if not free(match.start(), match.end()):
                continue
            gov_ant = next((a for a in reversed(before(match.start())) if _state(a)), None)
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
        for token in doc:
            low = token.lower_
            if low not in _PERSON_PRON and low not in _GROUP_PRON:
                continue
            start, end = token.idx, token.idx + len(token)
            if not free(start, end):
                continue
            if low == "it" and (token.dep_ == "expl" or token.head.lemma_ == "be"):
                continue
            pool = before(start)
            ant: Entity | None
            if low in _PERSON_PRON:
                ant = next((a for a in reversed(pool) if _is_person(a)), None)
                rule = "person"
            else:
                ant = next((a for a in reversed(pool) if _is_group(a)), None)
                rule = "group"
            if ant is not None:
                added.append(self._copy_span(token.text, start, end, ant, rule))
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


def _in_subject(sent: Span, entity: Entity) -> bool:
    span = sent.doc.char_span(entity.start, entity.end, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    while True:
        if token.dep_ in _SUBJECT_DEPS:
            return True
        if token.head is token or token.head.pos_ in ("VERB", "AUX"):
            return token.dep_ in _SUBJECT_DEPS
        token = token.head


@Language.factory("dotterel_coref", assigns=["doc._.actors"], requires=["doc._.actors"])
def make_coref(nlp: Language, name: str) -> CorefResolver:
    """Factory for the ``dotterel_coref`` component."""
    return CorefResolver(nlp, name)
