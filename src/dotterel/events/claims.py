"""The ``dotterel_claims`` component: who claims an event, and who denies it.

Claim rules (recorded in ``event.cues`` as ``claim:<rule>``):

==================  ===============================================================
``reporting``       the event sits in the complement of a reporting verb: "X said
                    that ...", "..., X announced", "reported CNN" → X claims it
``accusation``      the event is what an accusation charges: "X alleged that ...",
                    "China has been accused of supplying", "US allegations of ..."
``claim-noun``      the event is the clause of a claim noun: "reports in Ethiopian
                    media that ...", "Kinshasa's claims that ..." → the noun's owner
``according-to``    "according to X" in the sentence → X claims its events
``hedge``           "allegedly", "reportedly": the subject of the governing clause
                    claims it, if there is one ("the US penalised firms for allegedly
                    providing weapons" → US)
==================  ===============================================================

Denial rules (``deny:<rule>``): a denial verb ("deny", "dismiss", "reject", ...) whose
complement holds events denies those ("Iran denied that it sent drones", "denied
sending troops", "rejected claims that it had armed ..."); one whose
object is an anaphoric claim noun ("denied such allegations", "dismissed the reports")
denies the claimed events of the last few sentences in which the denier takes part. A
denial is an attribute of the events it answers, never an event of its own, and an
accusation is not what a denial in its sentence denies ("X accused Y of ..., a charge Z
denies" denies the act charged); no one denies what they claim themselves. An act
the text gives only inside a denial's complement, which no one claims and which is not
told elsewhere in the document, is ``negated`` (cue ``negated:denied-only``).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from dotterel.events.cues import Cues, load_cues
from dotterel.events.syntax import (
    ActorIndex,
    children,
    content_sentences,
    subject_of,
    trailing_reporter,
    trigger_token,
)
from dotterel.nlp.extensions import PARSE_ATTRIBUTES
from dotterel.records import Entity, Event

DENIAL_WINDOW_SENTENCES = 3
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "parataxis", "conj", "pcomp", "pobj", "prep"})


class ClaimLinker:
    """Sets ``claimed_by`` and ``denied_by`` on the events of a document."""

    def __init__(self, cues: Cues) -> None:
        self.cues = cues
        self.reporters = cues.reporting_verbs | cues.charging_verbs

    def __call__(self, doc: Doc) -> Doc:
        events: list[Event] = doc._.events or []
        if not events:
            return doc
        actors = ActorIndex(doc)
        accusation_ids = {id(e) for e in events if e.event_type == "ACCUSE"}
        for event in events:
            token = trigger_token(doc, event)
            for rule, claimants in self._claims(token, actors, events, accusation_ids):
                new = [c for c in claimants if not _contains(event.claimed_by, c)]
                if new or rule == "hedge":
                    event.cues.append(f"claim:{rule}")
                event.claimed_by.extend(new)
        self._link_denials(doc, events, actors)
        self._settle_denied_only(events)
        doc._.events = self._without_answered_accusations(doc, events)
        return doc

    def _without_answered_accusations(self, doc: Doc, events: list[Event]) -> list[Event]:
        """ "Pakistan on Saturday rejected Afghan accusations that ...": the accusation a
        denial answers is the one the story tells elsewhere ("Karzai on Friday accused
        Pakistan ..."), not a new act; the claim noun naming it again is dropped when
        another ACCUSE of the document has its participants."""

        def answering(event: Event) -> bool:
            token = trigger_token(doc, event)
            return (
                event.event_type == "ACCUSE"
                and token.lemma_.lower() in self.cues.claim_nouns
                and token.dep_ in ("dobj", "nsubjpass")
                and token.head.lemma_.lower() in self.cues.denial_verbs
            )

        told = [e for e in events if e.event_type == "ACCUSE" and not answering(e)]
        return [
            e
            for e in events
            if not (answering(e) and any(_triple_key(t) == _triple_key(e) for t in told))
        ]

    # -- claims -------------------------------------------------------------------

    def _claims(
        self, token: Token, actors: ActorIndex, events: list[Event], accusation_ids: set[int]
    ) -> list[tuple[str, list[Entity]]]:
        found: list[tuple[str, list[Entity]]] = []
        hedged = any(
            child.dep_ == "advmod" and child.lower_ in self.cues.hedge_adverbs
            for child in token.children
        )
        current = token
        depth = 0
        while current.head.i != current.i and depth < 8:
            dep = current.dep_
            head = current.head
            depth += 1
            lemma = head.lemma_.lower()
            if dep in ("ccomp", "parataxis", "xcomp", "advcl") and lemma in (
                self.cues.reporting_verbs
            ):
                speakers = self._speakers(head, actors)
                found.append(("accusation" if lemma == "allege" else "reporting", speakers))
                break
            if dep in ("pobj", "pcomp") and head.dep_ == "prep" and head.lower_ == "of":
                noun = head.head
                if noun.lemma_.lower() in self.cues.claim_nouns:
                    owners = [
                        e
                        for child in noun.lefts
                        if child.dep_ in ("poss", "compound", "amod")
                        for e in actors.phrase_entities(child)
                    ]
                    found.append(("accusation", owners))
                    break
                if noun.pos_ == "VERB" and self._is_accusation_verb(noun, events):
                    accusers = self._accusers(noun, actors)
                    found.append(("accusation", accusers))
                    if accusers:
                        break
            if _is_claim_clause(current) and lemma in self.cues.claim_nouns:
                # "reports in Ethiopian media that ...", "Kinshasa's claims that ...".
                found.append(("claim-noun", self._claim_owners(head, actors)))
                break
            if dep == "ccomp" and self._is_accusation_verb(head, events):
                found.append(("accusation", self._accusers(head, actors)))
                break
            if hedged and head.pos_ in ("VERB", "AUX") and head.i != token.i:
                subjects, _ = subject_of(head)
                owners = [e for s in subjects for e in actors.phrase_entities(s)]
                if owners:
                    found.append(("hedge", owners))
                    hedged = False
            current = head
        if hedged:
            found.append(("hedge", []))
        according = self._according_to(token, actors)
        if according:
            found.append(("according-to", according))
        if not any(claimants for _, claimants in found):
            found.extend(self._sentence_reporter(token, actors))
        return found

    def _speakers(self, verb: Token, actors: ActorIndex) -> list[Entity]:
        subjects, _ = subject_of(verb)
        speakers = [e for s in subjects for e in actors.phrase_entities(s)]
        if not speakers:
            # "..., a Jordanian official confirmed": the subject may follow the verb.
            for child in verb.rights:
                if child.dep_ in ("nsubj", "dobj", "attr"):
                    speakers.extend(actors.phrase_entities(child))
        return speakers

    @staticmethod
    def _claim_owners(noun: Token, actors: ActorIndex) -> list[Entity]:
        """Who makes the claim a claim noun names: its possessor or modifier ("Rwanda's
        claims", "US allegations") or its "by"/"from"/"in" phrase ("reports in Ethiopian
        media", "claims by Kinshasa")."""
        owners = [
            e
            for child in noun.lefts
            if child.dep_ in ("poss", "compound", "amod")
            for e in actors.phrase_entities(child)
        ]
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ in ("by", "from", "in"):
                for pobj in children(prep, "pobj"):
                    owners.extend(actors.phrase_entities(pobj))
        return owners

    def _according_to(self, token: Token, actors: ActorIndex) -> list[Entity]:
        result: list[Entity] = []
        for word in token.sent:
            if word.lower_ == "according" and word.dep_ == "prep":
                for to in children(word, "prep"):
                    for pobj in children(to, "pobj"):
                        result.extend(actors.phrase_entities(pobj))
        return result

    def _sentence_reporter(
        self, token: Token, actors: ActorIndex
    ) -> list[tuple[str, list[Entity]]]:
        """A reporting verb heading the sentence ("..., reported CNN") claims it all."""
        root = token.sent.root
        candidates = [root] + [c for c in root.children if c.dep_ in ("parataxis", "ccomp")]
        for verb in candidates:
            if verb.i == token.i or verb.lemma_.lower() not in self.cues.reporting_verbs:
                continue
            if token.i in {t.i for t in verb.subtree} or verb is not root:
                speakers = self._speakers(verb, actors)
                if speakers:
                    return [("reporting", speakers)]
        trailing = trailing_reporter(token.sent, self.reporters)
        if trailing is not None and trailing[0].i != token.i:
            speakers = [e for s in trailing[1] for e in actors.phrase_entities(s)]
            if speakers:
                return [("reporting", speakers)]
        return []

    @staticmethod
    def _is_accusation_verb(verb: Token, events: list[Event]) -> bool:
        return any(e.event_type == "ACCUSE" and e.trigger.start == verb.idx for e in events)

    def _accusers(self, verb: Token, actors: ActorIndex) -> list[Entity]:
        agents = [
            pobj
            for prep in verb.children
            if prep.dep_ == "agent"
            for pobj in prep.children
            if pobj.dep_ == "pobj"
        ]
        if agents:
            return [e for a in agents for e in actors.phrase_entities(a)]
        if any(child.dep_ == "nsubjpass" for child in verb.children):
            return []
        subjects, _ = subject_of(verb)
        return [e for s in subjects for e in actors.phrase_entities(s)]

    # -- denials ------------------------------------------------------------------

    def _link_denials(self, doc: Doc, events: list[Event], actors: ActorIndex) -> None:
        for sent_index, sent in enumerate(content_sentences(doc)):
            for verb in sent:
                if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.cues.denial_verbs:
                    continue
                subjects, _ = subject_of(verb)
                deniers = [e for s in subjects for e in actors.phrase_entities(s)]
                deniers = [e for e in deniers if e.country_code]
                if not deniers:
                    continue
                complement = [c for c in verb.children if _is_denied_clause(c)]
                # "denied reports that Mogadishu was preparing to ...", "rejected claims
                # that it had armed ...": the claim noun's own clause is what is denied.
                complement += [
                    clause
                    for o in verb.children
                    if o.dep_ in ("dobj", "nsubjpass") and o.lemma_.lower() in self.cues.claim_nouns
                    # the clause may hang on a word of the noun's phrase ("reports in
                    # Ethiopian media that ...")
                    for clause in o.subtree
                    if clause.i > o.i and _is_claim_clause(clause)
                ]
                if complement:
                    inside = {t.i for c in complement for t in c.subtree}
                    for event in events:
                        # "X accused Y of ..., a charge Z denies": what is denied is the
                        # act charged (inside the accusation), not the accusing.
                        if event.event_type == "ACCUSE":
                            continue
                        if trigger_token(doc, event).i in inside:
                            self._deny(event, deniers, "complement")
                    continue
                objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
                if any(o.lemma_.lower() in self.cues.claim_nouns for o in objects) or any(
                    o.lower_ in ("it", "this", "that", "them") for o in objects
                ):
                    self._deny_earlier(events, sent_index, deniers)

    @staticmethod
    def _settle_denied_only(events: list[Event]) -> None:
        """An act the text gives only inside a denial, with no one claiming it ("Iraq
        denied that the groups attacked Iran") is not asserted as having happened: its
        only voice says it did not (negated). One that someone claims, or whose doer
        the document has someone accuse or protest to, keeps its status with its
        denier ("Tanzania protested to Burundi ... Burundi denied that its shells hit
        Tanzanian soil")."""
        for event in events:
            if event.factuality != "actual" or "deny:complement" not in event.cues:
                continue
            if _is_claimed(event) or event.event_type in ("ACCUSE", "THREATEN"):
                continue
            doers = {e.country_code for e in event.actor}
            if any(
                other.event_type in ("ACCUSE", "PROTEST")
                and doers & {e.country_code for e in other.recipient}
                for other in events
            ):
                # The denial answers an accusation of the doer: a claimed, denied act.
                continue
            key = _triple_key(event)
            if any(
                other is not event
                and _triple_key(other) == key
                and "deny:complement" not in other.cues
                for other in events
            ):
                continue
            event.factuality = "negated"
            event.cues.append("negated:denied-only")

    def _deny_earlier(self, events: list[Event], sent_index: int, deniers: list[Entity]) -> None:
        denier_codes = {e.country_code for e in deniers}
        for event in events:
            if not sent_index - DENIAL_WINDOW_SENTENCES <= event.sentence_index <= sent_index:
                continue
            if event.event_type == "ACCUSE" or not _is_claimed(event):
                continue
            participants = {e.country_code for e in event.actor + event.recipient}
            if {e.country_code for e in event.claimed_by} & denier_codes:
                # No one denies what they claim themselves.
                continue
            if participants & denier_codes:
                self._deny(event, deniers, "anaphor")

    @staticmethod
    def _deny(event: Event, deniers: list[Entity], rule: str) -> None:
        new = [d for d in deniers if not _contains(event.denied_by, d)]
        if new:
            event.denied_by.extend(new)
            event.cues.append(f"deny:{rule}")


def _is_denied_clause(child: Token) -> bool:
    """A denial verb's complement: a that-clause ("denied that it sent"), or a gerund
    ("denied sending troops", "denies having ordered any restriction")."""
    if child.dep_ == "ccomp":
        return True
    return child.tag_ == "VBG" and child.dep_ in ("xcomp", "dobj", "pcomp")


def _is_claim_clause(child: Token) -> bool:
    """The clause a claim noun reports ("reports that X was preparing", "claims it had
    armed"), not a relative clause ("reports which appeared on Monday")."""
    return (
        child.dep_ in ("acl", "ccomp", "appos")
        and child.pos_ in ("VERB", "AUX")
        and not any(c.tag_ in ("WDT", "WP") for c in child.children)
    )


def _triple_key(event: Event) -> tuple[str, frozenset[str | None], frozenset[str | None]]:
    return (
        event.event_type,
        frozenset(e.country_code for e in event.actor),
        frozenset(e.country_code for e in event.recipient),
    )


def _is_claimed(event: Event) -> bool:
    return bool(event.claimed_by) or any(
        cue.startswith(("claim:hedge", "claim:accusation")) for cue in event.cues
    )


def _contains(entities: list[Entity], candidate: Entity) -> bool:
    return any(
        e.start == candidate.start and e.end == candidate.end and e.code == candidate.code
        for e in entities
    )


@Language.factory(
    "dotterel_claims",
    assigns=["doc._.events"],
    requires=[
        "doc._.events",
        "doc._.actors",
        "doc.sents",
        *PARSE_ATTRIBUTES,
    ],
)
def make_claim_linker(nlp: Language, name: str) -> ClaimLinker:
    """Set who claims (``claimed_by``) and who denies (``denied_by``) each event.

    A :class:`ClaimLinker` with the shipped cues."""
    return ClaimLinker(load_cues())
