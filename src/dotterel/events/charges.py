"""Charges and responsibility: who is accused of an act, who claims or is blamed for
an attack, and the source closing a sentence that charges its subject.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from dotterel.events.arguments import Participants
from dotterel.events.categories import (
    AGENTLESS_TYPES,
    CARRY_OVER_SENTENCES,
)
from dotterel.events.cues import Cues
from dotterel.events.lexicon import Lexicon, TriggerEntry
from dotterel.events.syntax import (
    ActorIndex,
    children,
    prep_objects,
    subject_of,
    trigger_token,
    unique_entities,
)
from dotterel.records import Entity, Event


@dataclass(eq=False)
class ChargeCoder:
    """Links accusations and claims of responsibility to the acts they charge."""

    lexicon: Lexicon
    cues: Cues

    @staticmethod
    def drop_reporter_participants(
        sent: SpacySpan, reporter: tuple[Token, list[Token]], events: list[Event]
    ) -> None:
        """The source closing a sentence ("..., a rights group charged") is not a
        party to the acts it reports, even where the parser attaches it to them."""
        verb, subjects = reporter
        start = min(s.left_edge.idx for s in subjects)
        end = verb.idx
        for event in events:
            if not sent.start_char <= event.trigger.start < start:
                continue
            event.recipient = [e for e in event.recipient if not start <= e.start < end]
            event.actor = [e for e in event.actor if not start <= e.start < end]

    def trailing_charge(
        self,
        sent: SpacySpan,
        reporter: tuple[Token, list[Token]],
        actors: ActorIndex,
        events: list[Event],
    ) -> tuple[TriggerEntry, Token, Participants] | None:
        """ "Police tortured detainees, a rights group charged": the one who charges
        accuses the subject of what it reports (PLOVER ACCUSE), besides claiming it."""
        verb, subjects = reporter
        entry = self.lexicon.match_verb("accuse")
        if verb.lemma_.lower() not in self.cues.charging_verbs or entry is None:
            return None
        coded = [e for e in events if e.trigger.start == verb.idx]
        if any(e.recipient for e in coded):
            return None
        accusers = [e for s in subjects for e in actors.phrase_entities(s)]
        own = {e.country_code for e in accusers}
        accused = [
            e
            for s in children(sent.root, "nsubj", "nsubjpass")
            for e in actors.phrase_entities(s)
            if e.country_code not in own
        ]
        if not accusers or not accused:
            return None
        if coded:
            # The verb was coded already, without the one it charges.
            coded[0].recipient = accused
            coded[0].rules.append("arg:reported-subject")
            return None
        return (
            entry,
            verb,
            Participants(accusers, accused, ["arg:reporter", "arg:reported-subject"]),
        )

    def responsible_parties(
        self, sentences: list[SpacySpan], actors: ActorIndex, events: list[Event]
    ) -> None:
        """ "A car bomb killed two soldiers ... Al-Qaeda in Iraq claimed responsibility for
        the attack": an attack with no named perpetrator is coded to whoever claims it;
        "Saudi Arabia blamed al-Qaeda for the bombing": to whoever is blamed for it, as
        that accuser's claim."""
        for index, sent in enumerate(sentences):
            for token in sent:
                found = self._responsibility(token, actors, events)
                if found is None:
                    continue
                doers, accusers = found
                for event in events:
                    if event.event_type not in AGENTLESS_TYPES or any(a.code for a in event.actor):
                        continue
                    if not 0 <= index - event.sentence_index <= CARRY_OVER_SENTENCES:
                        continue
                    event.actor = list(doers)
                    event.rules.append(
                        "arg:claimed-responsibility" if not accusers else "arg:blamed"
                    )
                    event.claimed_by.extend(a for a in accusers if a not in event.claimed_by)

    def _responsibility(
        self, token: Token, actors: ActorIndex, events: list[Event]
    ) -> tuple[list[Entity], list[Entity]] | None:
        lemma = token.lemma_.lower()
        if token.pos_ != "VERB" or lemma not in self.cues.responsibility_verbs:
            return None
        act_nouns = [o.lemma_.lower() for o in prep_objects(token, frozenset({"for"}))]
        names_attack = any(
            (entry := self.lexicon.match_noun(noun)) is not None
            and entry.plover in AGENTLESS_TYPES
            or noun in self.cues.violence_nouns
            for noun in act_nouns
        )
        subjects, _ = subject_of(token)
        speakers = [e for s in subjects for e in actors.phrase_entities(s) if e.code]
        objects = children(token, "dobj")
        if any(o.lemma_.lower() == "responsibility" for o in objects):
            # "X claimed responsibility for the attack"
            return (speakers, []) if speakers and (names_attack or not act_nouns) else None
        if lemma in self.cues.blaming_verbs and names_attack:
            blamed = [e for o in objects for e in actors.phrase_entities(o) if e.code]
            if blamed and speakers:
                return blamed, speakers
        return None

    @staticmethod
    def accused_from_content(doc: Doc, events: list[Event]) -> None:
        """ "X alleged that Y did Z": the accused of an accusation with no object is the
        actor of the act it charges."""
        for accusation in events:
            if accusation.event_type != "ACCUSE" or accusation.recipient:
                continue
            verb = trigger_token(doc, accusation)
            content = {t.i for c in verb.children if c.dep_ == "ccomp" for t in c.subtree}
            if not content:
                continue
            codes = {e.country_code for e in accusation.actor}
            for event in events:
                if event is not accusation and trigger_token(doc, event).i in content:
                    accusation.recipient.extend(
                        e for e in event.actor if e.country_code not in codes
                    )
            if accusation.recipient:
                by_code = {e.code or e.text: e for e in reversed(accusation.recipient)}
                accusation.recipient = unique_entities(list(reversed(by_code.values())))
                accusation.rules.append("arg:charged-actor")
