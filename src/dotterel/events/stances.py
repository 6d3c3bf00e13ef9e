"""Stances stated about others: concern at an act, "X said Y must do Z" demands, and
announced reactions ("would respond"), which are threats.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from dotterel.codes import NON_STATE_PREFIXES, STATE_ROLES, sector_of
from dotterel.events.arguments import ArgumentReader, CodedTrigger, Participants, own_countries
from dotterel.events.categories import (
    HOSTILE_CONTENT,
)
from dotterel.events.cues import Cues
from dotterel.events.lexicon import Lexicon, TriggerEntry
from dotterel.events.syntax import (
    ActorIndex,
    children,
    is_infinitive,
    is_passive,
    prep_objects,
    subject_of,
    unique_entities,
)
from dotterel.events.triggers import TriggerReader
from dotterel.records import Entity


@dataclass(eq=False)
class StanceCoder:
    """Codes stated concern, modal demands and announced reactions."""

    lexicon: Lexicon
    cues: Cues
    triggers: TriggerReader
    arguments: ArgumentReader

    def stated_concern(self, word: Token, actors: ActorIndex) -> CodedTrigger | None:
        """ "France said it was concerned by the arrests in Tunisia", "the UN is deeply
        troubled by the deaths in Kenya": concern stated about an act disapproves of it
        (PLOVER ACCUSE disapprove, as "expressed concern"), aimed at the doer the act
        names, else at the state where it happened."""
        if word.pos_ == "VERB" and is_passive(word):
            subjects = children(word, "nsubjpass")
        elif word.dep_ == "acomp" and word.head.lemma_.lower() == "be":
            subjects = children(word.head, "nsubj")
        else:
            return None
        about = prep_objects(word, self.cues.concern_preps)
        if not subjects or not about:
            return None
        entry = self.lexicon.match_verb("express", (), ["concern"])
        if entry is None:
            return None
        result = Participants()
        result.actor = [e for s in subjects for e in actors.phrase_entities(s)]
        clause = word if word.pos_ == "VERB" else word.head
        if (
            not result.actor
            and clause.dep_ == "ccomp"
            and clause.head.lemma_ in self.cues.reporters
        ):
            # "The UN said it was concerned": the speaker, whom "it" stands for.
            speaker = children(clause.head, "nsubj")
            result.actor = [e for s in speaker for e in actors.phrase_entities(s)]
        if not result.actor:
            return None
        own = {e.country_code for e in result.actor}
        named: list[Entity] = []
        victims: list[Entity] = []
        for noun in about:
            # "the arrests of lawyers": those the act is done to are not its target.
            done_to = {t.i for o in prep_objects(noun, frozenset({"of"})) for t in o.subtree}
            for t in noun.subtree:
                if t.i == noun.i or t.dep_ not in ("pobj", "poss", "compound", "amod"):
                    continue
                for e in actors.phrase_entities(t):
                    if e.code and e.country_code not in own:
                        (victims if t.i in done_to else named).append(e)
        states = [e for e in named if e.role is None]
        # Concern at what befalls a country's people (protesters, lawyers, a party) is
        # aimed at their state; a state's own forces are named as such.
        chosen = [e for e in named if sector_of(e) in STATE_ROLES or e.role is None]
        people = [e for e in named + victims if e not in chosen]
        result.recipient = unique_entities(states or chosen)
        if not result.recipient:
            result.recipient = [
                Entity(
                    text=e.text,
                    start=e.start,
                    end=e.end,
                    code=f"{e.country_code}GOV",
                    country=e.country_code,
                    role="GOV",
                    why="concern:state-of-people",
                )
                for e in unique_entities(people)
                if e.country_code and e.country_code[:3] not in NON_STATE_PREFIXES
            ][:1]
        if not result.recipient:
            return None
        result.rules.append("arg:concern-about")
        return entry, result, [f"concern:{word.lemma_.lower()}"]

    def announces_reaction(self, verb: Token) -> bool:
        """ "would respond", "will act again if ...", "would take resolute countermeasures",
        "would be met with a crushing response": an announced reaction is a threat; so is
        reserving the right to use force ("reserves the right to strike")."""
        if verb.lemma_.lower() == "reserve":
            for right in children(verb, "dobj"):
                if right.lemma_.lower() != "right":
                    continue
                for act in right.children:
                    entry = self.triggers.verb_entry(act) if act.pos_ == "VERB" else None
                    if entry is not None and entry.plover in HOSTILE_CONTENT:
                        return True
            return False
        modal = any(
            c.dep_ in ("aux", "auxpass") and c.lower_ in ("will", "would", "shall", "'ll")
            for c in verb.children
        )
        if not modal:
            return False
        lemma = verb.lemma_.lower()
        particle = " ".join([lemma, *(c.lower_ for c in verb.children if c.dep_ == "prt")])
        if lemma in self.cues.reaction_verbs or particle in self.cues.reaction_verbs:
            return True
        nouns = children(verb, "dobj")
        if lemma == "meet":
            nouns = prep_objects(verb, frozenset({"with"}))
        elif lemma != "take":
            return False
        for noun in nouns:
            word = noun.lemma_.lower()
            if word not in self.cues.reaction_nouns:
                continue
            resolve = any(
                c.lower_ in self.cues.resolve_adjectives for c in noun.lefts if c.dep_ != "det"
            ) or any(c.lower_ == "all" for c in noun.lefts)
            if resolve or word.startswith("counter") or word in ("retaliation", "reprisal"):
                return True
        return False

    def reaction(self, verb: Token, actors: ActorIndex, entry: TriggerEntry) -> CodedTrigger | None:
        """An announced reaction ("would respond", "would be met with a crushing
        response") coded as the threat ``entry``."""
        result = Participants()
        if is_passive(verb):
            # "any new attack would be met with a crushing response": the one attacking
            # is warned; the speaker is the one who would respond.
            subjects, path = subject_of(verb.head) if verb.dep_ == "ccomp" else ([], "")
            result.actor = [e for s in subjects for e in actors.phrase_entities(s)]
            for subject in children(verb, "nsubjpass"):
                for agent in prep_objects(subject, frozenset({"by", "from"})):
                    result.recipient.extend(actors.phrase_entities(agent))
        else:
            subjects, path = subject_of(verb)
            result.actor = [e for s in subjects for e in actors.phrase_entities(s)]
            own = own_countries(result)
            result.recipient = [
                e
                for r in self.arguments.recipients(verb, actors, set(), result)
                for e in [r]
                if e.country_code not in own
            ]
        if not result.actor:
            return None
        result.rules.append(f"arg:{path or 'speaker'}")
        return entry, result, [f"threat:reaction:{verb.lemma_.lower()}"]

    def _states_or_demands(self, verb: Token) -> bool:
        """A verb through which someone states or demands ("said", "issued a reminder")."""
        lemma = verb.lemma_.lower()
        if lemma in self.cues.reporting_verbs:
            return True
        entry = self.lexicon.match_verb(lemma, [], self.triggers.object_lemmas(verb))
        return entry is None or entry.plover == "REQUEST" or lemma in self.cues.light_verbs

    def wanted_act(self, verb: Token, actors: ActorIndex) -> CodedTrigger | None:
        """ "Ankara wants Athens to remove its troops": wanting another side to do
        something is a demand on it (PLOVER REQUEST), whatever the act; wanting to do
        something oneself ("wants to join the bloc") is no event of its own."""
        if verb.lemma_.lower() not in self.cues.wanting_verbs:
            return None
        addressees: list[Entity] = []
        for clause in children(verb, "ccomp", "xcomp"):
            # "wants Washington to know it can": wanting a side to know, see or believe
            # something sends it a message, not a demand.
            if not is_infinitive(clause) or clause.lemma_.lower() in self.cues.reporters:
                continue
            named = children(clause, "nsubj") or (
                children(verb, "dobj") if clause.dep_ == "xcomp" else []
            )
            addressees.extend(e for n in named for e in actors.phrase_entities(n))
        subjects, path = subject_of(verb)
        speakers = [e for s in subjects for e in actors.phrase_entities(s)]
        own = {e.country_code for e in speakers}
        addressees = [e for e in addressees if e not in speakers and e.country_code not in own]
        entry = self.lexicon.match_verb("demand")
        if not speakers or not addressees or entry is None:
            return None
        participants = Participants(speakers, addressees, [f"arg:{path}", "arg:addressee"])
        return entry, participants, ["wanted-act"]

    def modal_demand(self, verb: Token, actors: ActorIndex) -> CodedTrigger | None:
        """ "X said Y must do Z", "X issued a reminder to Y that it must do Z": a demand by
        X on Y (PLOVER REQUEST), whatever Z is."""
        if verb.dep_ not in ("ccomp", "acl") or not any(
            c.dep_ == "aux" and c.lower_ in ("must", "should") for c in verb.children
        ):
            return None
        speakers: list[Entity] = []
        for governor in verb.ancestors:
            if governor.pos_ in ("VERB", "AUX"):
                if not self._states_or_demands(governor):
                    # "agreed that their countries should cooperate" is an agreement.
                    return None
                subjects, _ = subject_of(governor)
                speakers = [e for s in subjects for e in actors.phrase_entities(s)]
                break
        addressees = [e for s in children(verb, "nsubj") for e in actors.phrase_entities(s)]
        addressees = [e for e in addressees if e not in speakers]
        entry = self.lexicon.match_verb("demand")
        if not speakers or not addressees or entry is None:
            return None
        participants = Participants(speakers, addressees, ["arg:speaker", "arg:addressee"])
        return entry, participants, ["modal-demand"]
