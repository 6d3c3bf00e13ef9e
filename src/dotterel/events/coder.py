"""The ``dotterel_events`` component: finds event triggers and their participants.

For each verb or noun the trigger lexicon knows, the coder reads the dependency tree for
the source actor and the recipient, then emits an :class:`~dotterel.records.Event` with
its PLOVER category, CAMEO code, Goldstein and PLOVER scores. Factuality, claims, dates
and places are filled in by the components that follow; each event records the rules
that produced it in ``event.rules`` (shown by ``dotterel extract --explain``).

This module is the driver. The work is split by concern:

- :mod:`~dotterel.events.triggers` which entry a token triggers, and embedded clauses;
- :mod:`~dotterel.events.arguments` actor and recipient of verb and noun triggers;
- :mod:`~dotterel.events.verbs`, :mod:`~dotterel.events.nouns` the event of a verb or noun;
- :mod:`~dotterel.events.movement` troops arriving or leaving;
- :mod:`~dotterel.events.stances` stated concern, "must" demands, announced reactions;
- :mod:`~dotterel.events.charges` accusations and claims of responsibility;
- :mod:`~dotterel.events.links` what one event takes from the others of its document.

Argument rules (names as they appear in ``event.rules``):

==================  ==============================================================
``arg:nsubj``       active subject is the source ("Iran supplied drones")
``arg:agent``       ``by``-agent of a passive is the source ("was attacked by X")
``arg:nsubjpass``   passive subject is the recipient ("China has been accused")
``arg:between``     participants inside "between/among X and Y" (unordered acts)
``arg:dobj``        direct object, dative or prepositional object is the recipient
``arg:inherit``     subject borrowed from the governing clause (xcomp, conj, "of V-ing")
``arg:poss``        possessor or modifier of a noun trigger is its source ("US allegations")
``arg:light-verb``  subject of a light verb carrying a noun trigger ("launched an attack")
``arg:carry-over``  recipient carried over from the last event of the same type
``arg:no-agent``    passive violence with no named perpetrator keeps its victims
``arg:place-as-target`` the state or territory where an untargeted attack happens
``arg:event-anaphor`` "condemned the raid": the recipient is the raid's actor
``arg:left-place``  the state a withdrawal leaves ("pulled out of Lebanon")
``arg:charged-actor`` accused of "X alleged that Y did Z" is Y
``arg:content-recipient`` recipient of the offered, demanded or threatened act
``arg:charged-party``  doer of the act an inquiry or condemnation is about
``modal-demand``    "X said Y must do Z" is a REQUEST by X of Y
``arg:reporting-authority`` the state body reporting an agentless arrest made it
``arg:implicit-authority`` an agentless arrest nobody official reports: the police
                    (the government for a shutdown or censorship)
``arg:population-wide`` a shutdown or state of emergency, on no one in particular
``arg:protest-site`` the state institution a protest is held at ("outside parliament")
``arg:object-owner`` whose thing a sanction or ban acts on ("the president's decision")
``arg:concern-about`` the doer or state an act of concern is about ("was concerned by")
==================  ==============================================================
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from dotterel.events.arguments import ArgumentReader, CodedTrigger, Participants
from dotterel.events.categories import UNPLACED_VICTIMS
from dotterel.events.charges import ChargeCoder
from dotterel.events.cues import Cues, load_cues
from dotterel.events.factuality import FactualityClassifier
from dotterel.events.lexicon import Lexicon, TriggerEntry, load_lexicon
from dotterel.events.links import EventLinks, one_event_per_side, settle_implicit_counterpart
from dotterel.events.movement import MovementCoder
from dotterel.events.nouns import NounEventCoder
from dotterel.events.retype import StatusTyping
from dotterel.events.stances import StanceCoder
from dotterel.events.syntax import (
    ActorIndex,
    content_sentences,
    sector_words,
    trailing_reporter,
    trigger_token,
)
from dotterel.events.triggers import TriggerReader
from dotterel.events.verbs import VerbEventCoder
from dotterel.nlp.extensions import PARSE_ATTRIBUTES
from dotterel.records import Event, Span


class EventCoder:
    """Codes the events of one parsed document; see the module docstring for the rules."""

    def __init__(self, lexicon: Lexicon, cues: Cues) -> None:
        self.lexicon = lexicon
        self.cues = cues
        self.factuality = FactualityClassifier(cues, lexicon)
        self.status_typing = StatusTyping(lexicon, cues.announcing_verbs, cues.proposing_verbs)
        triggers = TriggerReader(lexicon, cues)
        arguments = ArgumentReader(lexicon, cues, triggers)
        self.stances = StanceCoder(lexicon, cues, triggers, arguments)
        movement = MovementCoder(lexicon, cues)
        self.verbs = VerbEventCoder(lexicon, cues, triggers, arguments, self.stances, movement)
        self.nouns = NounEventCoder(lexicon, cues, triggers, arguments)
        self.charges = ChargeCoder(lexicon, cues)
        self.links = EventLinks(lexicon, cues, triggers)

    def __call__(self, doc: Doc) -> Doc:
        document = doc._.document
        doc_id = document.doc_id if document is not None else "doc"
        actors = ActorIndex(doc, sector_words(), self.cues.vague_sector_words)
        events: list[Event] = []
        consumed: set[int] = set()
        sentences = content_sentences(doc)
        for sent_index, sent in enumerate(sentences):
            for token in sent:
                if token.i in consumed:
                    continue
                coded = self._code_token(token, actors, consumed)
                if coded is None:
                    continue
                entry, participants, rules = coded
                event = self._make_event(doc_id, sent_index, sent, token, entry, participants)
                event.rules = rules + participants.rules
                events.append(event)
            reporter = trailing_reporter(sent, self.cues.reporters)
            if reporter is None:
                continue
            self.charges.drop_reporter_participants(sent, reporter, events)
            charge = self.charges.trailing_charge(sent, reporter, actors, events)
            if charge is not None:
                entry, verb, participants = charge
                event = self._make_event(doc_id, sent_index, sent, verb, entry, participants)
                event.rules = ["trailing-charge", *participants.rules]
                events.append(event)
        self.charges.accused_from_content(doc, events)
        self.links.resolve_event_anaphors(events)
        self.links.resolve_replies(doc, actors, events)
        events[:] = self.links.undo_detentions(events)
        self.links.resolve_both_sides(doc, events)
        self.charges.responsible_parties(sentences, actors, events)
        events[:] = [
            e for e in events if UNPLACED_VICTIMS not in e.rules or any(a.code for a in e.actor)
        ]
        events = self.links.carry_over(doc, events)
        events = one_event_per_side(events)
        for event in events:
            token = trigger_token(doc, event)
            value, cue = self.factuality.classify(token)
            self.status_typing.settle(event, token, value, cue)
            settle_implicit_counterpart(event)
        doc._.events = events
        return doc

    def _code_token(
        self, token: Token, actors: ActorIndex, consumed: set[int]
    ) -> CodedTrigger | None:
        if token.lemma_.lower() in self.cues.concern_words and token.pos_ in ("VERB", "ADJ"):
            concern = self.stances.stated_concern(token, actors)
            if concern is not None:
                return concern
        if token.pos_ in ("VERB", "AUX"):
            demand = self.stances.modal_demand(token, actors) or self.stances.wanted_act(
                token, actors
            )
            if demand is not None:
                return demand
        if token.pos_ == "VERB":
            return self.verbs.code(token, actors, consumed)
        if token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() not in (
            self.cues.nominal_needs_verb
        ):
            return self.nouns.code(token, actors)
        return None

    def _make_event(
        self,
        doc_id: str,
        sent_index: int,
        span: SpacySpan,
        token: Token,
        entry: TriggerEntry,
        participants: Participants,
    ) -> Event:
        cameo = self.lexicon.cameo(entry.cameo) if entry.cameo else None
        plover = self.lexicon.plover(entry.plover)
        contexts = [c for c in entry.context if c]
        if not contexts and cameo is not None:
            contexts = [c for c in cameo.contexts if c]
        mode = entry.mode or (cameo.mode if cameo else None) or None
        return Event(
            doc_id=doc_id,
            sentence_index=sent_index,
            evidence=Span(span.text, span.start_char, span.end_char),
            trigger=Span(token.text, token.idx, token.idx + len(token.text)),
            event_type=entry.plover,
            mode=mode,
            contexts=contexts,
            cameo=entry.cameo or plover.default_cameo,
            goldstein=cameo.goldstein if cameo else None,
            plover_score=plover.score_for(mode),
            quad_class=plover.quad_class,
            actor=participants.actor,
            recipient=participants.recipient,
            confidence=self._confidence(token, participants),
            no_agent=participants.no_agent,
        )

    @staticmethod
    def _confidence(token: Token, participants: Participants) -> float:
        confidence = 0.55 if token.pos_ == "VERB" else 0.45
        if participants.recipient:
            confidence += 0.15
        if all(e.code for e in participants.actor + participants.recipient):
            confidence += 0.1
        return round(min(confidence, 0.95), 2)


@Language.factory(
    "dotterel_events",
    assigns=["doc._.events"],
    requires=["doc._.actors", "doc.sents", *PARSE_ATTRIBUTES],
)
def make_event_coder(nlp: Language, name: str) -> EventCoder:
    """Code triggers with actor, recipient, status and the category that status gives.

    An :class:`EventCoder` with the shipped lexicon and cues."""
    return EventCoder(load_lexicon(), load_cues())
