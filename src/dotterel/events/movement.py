"""Troop movements: military personnel arriving in, or leaving, another country."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Token

from dotterel.codes import REGION_CODES
from dotterel.events.arguments import CodedTrigger, Participants
from dotterel.events.cues import Cues
from dotterel.events.lexicon import Lexicon
from dotterel.events.syntax import (
    ActorIndex,
    children,
    prep_objects,
    subject_of,
)
from dotterel.records import Entity


@dataclass(eq=False)
class MovementCoder:
    """Codes arrivals (PLOVER AID, military) and departures (RETREAT) of forces, and
    arrivals of consignments of aid (PLOVER AID)."""

    lexicon: Lexicon
    cues: Cues

    def code(self, verb: Token, actors: ActorIndex) -> CodedTrigger | None:
        """Military personnel arriving in another country (PLOVER AID, military), or
        leaving it ("the last Indonesian soldiers left East Timor": RETREAT)."""
        lemma = verb.lemma_.lower()
        arriving = lemma in self.cues.movement_verbs
        if not arriving and lemma not in self.cues.departure_verbs:
            return None
        subjects, path = subject_of(verb)
        movers = [e for s in subjects for e in actors.phrase_entities(s)]
        movers = [e for e in movers if e.role == "MIL" and e.country_code]
        if not movers:
            movers = self._forces_from(subjects, actors)
        consignment = False
        if not movers and arriving:
            movers = self._senders_of_goods(subjects, actors)
            consignment = bool(movers)
        if not movers:
            return None
        preps = {"in", "into", "to", "at"} if arriving else {"from"}
        places = prep_objects(verb, frozenset(preps)) + children(verb, "dobj")
        hosts = [e for p in places for e in actors.phrase_entities(p)]
        hosts = [e for e in hosts if e.country_code not in {m.country_code for m in movers}]
        if not hosts:
            return None
        if consignment:
            entry = self.lexicon.match_verb("send", [], ["aid"])
            rule = "movement:aid-arrival"
        elif arriving:
            entry = self.lexicon.match_verb("send", [], ["troop"])
            rule = "movement:military-arrival"
        else:
            entry = self.lexicon.match_verb("withdraw", [], ["troop"])
            rule = "movement:military-departure"
        if entry is None:
            return None
        participants = Participants(movers, hosts, [f"arg:{path}", "arg:dobj"])
        return entry, participants, [rule]

    def _forces_from(self, subjects: list[Token], actors: ActorIndex) -> list[Entity]:
        """ "troops and police from Australia, Fiji and Tonga arrived": the states the
        forces come from, as military actors."""
        found: list[Entity] = []
        for subject in subjects:
            tokens = list(subject.subtree)
            if not any(t.lemma_.lower() in self.cues.force_nouns for t in tokens):
                continue
            for token in tokens:
                if token.dep_ == "pobj" and token.head.lower_ == "from":
                    found.extend(
                        replace(e, role="MIL", code=f"{e.country_code}MIL")
                        for e in actors.phrase_entities(token)
                        if e.country_code and e.role is None and len(e.code or "") == 3
                    )
        return found

    def _senders_of_goods(self, subjects: list[Token], actors: ActorIndex) -> list[Entity]:
        """ "A shipment of Italian food aid arrived at Massawa", "a Chinese cargo flight
        landed in Colombo": a consignment of aid, or a cargo or relief carrier, arriving
        in another country is aid delivered to it by the state its phrase names (not a
        firm's: "a Chinese firm's cargo plane", "an Ethiopian Airlines cargo plane")."""
        found: list[Entity] = []
        for subject in subjects:
            if not self._is_consignment(subject):
                continue
            named = actors.phrase_entities(subject)
            if any(
                t.pos_ == "PROPN" and not any(e.start <= t.idx < e.end for e in named)
                for t in subject.subtree
            ):
                # "an Ethiopian Airlines cargo plane": an organisation's, not the state's.
                continue
            found.extend(
                e
                for e in named
                if e.country_code and e.country_code not in REGION_CODES and e.role != "BUS"
            )
        return found

    def _is_consignment(self, noun: Token) -> bool:
        """A noun for aid sent ("shipment", "aid", "relief") or a carrier of goods named by
        its load ("cargo flight", "aid convoy", "relief ship")."""
        lemma = noun.lemma_.lower()
        entry = self.lexicon.match_noun(lemma)
        if entry is not None and entry.plover == "AID" and not entry.needs_verb:
            return True
        if lemma not in self.cues.carrier_nouns:
            return False
        return any(
            c.dep_ in ("compound", "amod") and c.lemma_.lower() in self.cues.cargo_words
            for c in noun.lefts
        )
