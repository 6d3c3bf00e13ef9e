"""Noun triggers: "the attack", "talks between", "a hunger strike", with the participants
the noun phrase and the verb carrying it name.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from dotterel.codes import STATE_ROLES, sector_of
from dotterel.events.arguments import ArgumentReader, CodedTrigger, Participants
from dotterel.events.cues import Cues
from dotterel.events.lexicon import Lexicon, TriggerEntry
from dotterel.events.syntax import (
    ActorIndex,
)
from dotterel.events.triggers import TriggerReader


@dataclass(eq=False)
class NounEventCoder:
    """Codes the event of one noun."""

    lexicon: Lexicon
    cues: Cues
    triggers: TriggerReader
    arguments: ArgumentReader

    def code(self, noun: Token, actors: ActorIndex) -> CodedTrigger | None:
        """The event a noun trigger codes, with its participants and rules, or ``None``."""
        entry = self.triggers.noun_entry(noun)
        if entry is None or entry.needs_verb:
            return None
        host = self.triggers.host_verb(noun)
        if entry.plover == "CONSULT" and self.triggers.offer_content(noun):
            return None
        if host is not None and self.triggers.embedded_in_trigger(host):
            # "agreed to hold joint exercises": the exercises are what was agreed.
            return None
        participants = self.arguments.noun_participants(noun, actors, entry, host)
        if not participants.actor:
            return None
        rules = [f"noun:{noun.lemma_.lower()}"]
        entry = self._labour_strike(noun, entry, participants, rules)
        entry = self.triggers.joint_drill(entry, participants, {noun.lemma_.lower()}, rules)
        return entry, participants, rules

    def _labour_strike(
        self, noun: Token, entry: TriggerEntry, participants: Participants, rules: list[str]
    ) -> TriggerEntry:
        """ "Teachers have been on strike since January", "a strike by the unions": a
        strike that workers, students or any non-state side make, or that someone is
        "on", is a stoppage of work (PLOVER PROTEST strike), not a military strike."""
        if noun.lemma_.lower() != "strike" or entry.plover != "ASSAULT":
            return entry
        on_strike = (
            noun.dep_ == "pobj"
            and noun.head.lower_ == "on"
            and not any(c.dep_ == "det" for c in noun.children)
        )
        sectors = {sector_of(e) for e in participants.actor}
        civil = bool(sectors) and not sectors & (STATE_ROLES | {None, "REB"})
        if not (on_strike or civil):
            return entry
        stoppage = self.lexicon.match_noun("general strike")
        if stoppage is None:
            return entry
        rules.append("labour-strike")
        return stoppage
