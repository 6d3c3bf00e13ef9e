"""The ``dotterel_events`` component: finds event triggers and their participants.

For each verb or noun the trigger lexicon knows, the coder reads the dependency tree for
the source actor and the recipient, then emits an :class:`~dotterel.records.Event` with
its PLOVER category, CAMEO code, Goldstein and PLOVER scores. Factuality, claims, dates
and places are filled in by the components that follow; each event records the rules
that produced it in ``event.rules`` (shown by ``dotterel extract --explain``).

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

from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from dotterel.events.cues import Cues, load_cues
from dotterel.events.factuality import FactualityClassifier
from dotterel.events.lexicon import Lexicon, TriggerEntry, load_lexicon
from dotterel.events.retype import StatusTyping
from dotterel.events.syntax import (
    ActorIndex,
    children,
    content_sentences,
    is_infinitive,
    is_passive,
    is_reduced_passive,
    prep_objects,
    sector_words,
    statement_issuer,
    subject_of,
    trailing_reporter,
    trigger_token,
    unique_entities,
)
from dotterel.nlp.extensions import PARSE_ATTRIBUTES
from dotterel.records import UNORDERED_TYPES, UNPLACED_AGENT, Entity, Event, Span

RECIPIENT_PREPS = frozenset(
    {"to", "with", "against", "on", "into", "toward", "towards", "upon", "over", "at", "for"}
)
NOUN_RECIPIENT_PREPS = frozenset(
    {"to", "with", "against", "on", "into", "toward", "towards", "for"}
)
# "the bombing of Belgrade", "allegations of Iran's contributions": for directed acts
# "of" names the patient (for meetings it names a participant: handled as unordered).
PATIENT_PREPS = NOUN_RECIPIENT_PREPS | {"of"}
OBJECT_PARTY_PREPS = PATIENT_PREPS | {"from", "by", "at"}
HOST_PREPS = frozenset({"in", "to", "with", "against", "on", "into"})
PLACE_PREPS = frozenset({"in", "into", "inside", "at", "across", "near", "around"})
STRIKE_PREPS = frozenset({"outside", "at", "near", "on"})
SITE_PREPS = frozenset({"outside", "at", "on", "to", "towards", "toward", "before"})
REFLEXIVES = frozenset({"themselves", "itself", "himself", "herself", "ourselves"})
INSTRUMENT_ROLES = frozenset({"MIL", "GOV", "SPY", "COP"})
RELEASE_NOUNS = frozenset({"release", "freedom", "freeing", "return", "handover"})
# "arrived on a visit", "returned for talks", "said after talks with", "during a visit"
HOST_VERB_PREPS = frozenset({"on", "for", "after", "during", "before", "following"})
# Of those, the ones that only place an act in time: any verb may carry the noun.
ADJUNCT_PREPS = frozenset({"during", "after", "before", "following"})
GROUP_PREPS = frozenset({"between", "among", "amongst"})
STANCE_PREPS = frozenset({"of", "at", "against", "with", "over", "to"})
# "an inquiry into", "concern over", "a report about": what an accusation is about.
INQUIRY_PREPS = frozenset({"into", "over", "about", "of", "on", "for"})
# Reason clauses of these categories name the act the recipient is blamed for.
CHARGE_TYPES = frozenset({"ACCUSE", "SANCTION", "COERCE", "PROTEST"})
CARRY_OVER_SENTENCES = 3
AGENTLESS_TYPES = frozenset({"ASSAULT", "COERCE"})
NEEDS_TARGET = "arg:needs-target"
UNPLACED_VICTIMS = "arg:unplaced-victims"
# "Vietnam is committed to ...", "Israel is opposed to ...": adjectival passives whose
# subject is the one acting.
STATIVE_PASSIVES = frozenset({"commit", "oppose", "determine", "dedicate", "prepare", "resolve"})
PROMISE_TYPES = frozenset({"AGREE"})
COOPERATIVE_RESULT_TYPES = frozenset({"SUPPORT", "AGREE", "COOPERATE", "CONSULT"})
HOSTILE_CONTENT = frozenset({"ASSAULT", "COERCE", "SANCTION", "THREATEN", "MOBILIZE"})
# Acts that are always done to someone: without a recipient the coder has missed the
# target, and a one-sided record would only mislead.
TARGETED_TYPES = frozenset(
    {"ACCUSE", "REQUEST", "THREATEN", "SANCTION", "COERCE", "ASSAULT", "AID", "REJECT", "PROTEST"}
)

# Threats are aimed at someone: with no one named in their clause, at the one other
# party of their sentence (see ``_sentence_counterpart``). (Tried on accusations, appeals
# and support too: there the other party is as often a bystander.)
STANCE_TYPES = frozenset({"THREATEN"})
# Acts addressed to "both sides" (see ``_resolve_both_sides``).
SIDE_TYPES = frozenset({"REQUEST", "AGREE", "SUPPORT", "ACCUSE"})
# Stances taken on an act named only by a word for acts ("welcomed the step").
STANCE_ON_ACTS = frozenset({"SUPPORT", "ACCUSE"})
ACT_ANAPHOR = "object-act:"
COOPERATIVE_ACTS = frozenset({"AGREE", "SUPPORT", "CONSULT", "COOPERATE", "RETREAT", "CONCEDE"})
# Blocs and world regions ("West Darfur" starts with one) are never a place's state.
REGION_CODES = frozenset({"WST", "EUR", "MEA", "AFR", "ASA", "LAM"})
# Acts aimed at a territory when no party is named: "deployed troops in Lebanon",
# "lifted the curfew in Montenegro".
PLACE_TARGET_TYPES = TARGETED_TYPES | {"MOBILIZE", "CONCEDE"}
# Domestic acts whose counterpart often goes unnamed: a protest or strike is aimed at the
# authorities ("thousands marched through Nairobi"), a curfew or crackdown at the public
# ("authorities imposed a curfew"), a concession made to it ("lifted the curfew"). Done by
# a sector actor (police, protesters, a court, a government) they get that implicit
# counterpart, placed later where the act happens; a bare state ("Iran arrested ...")
# still needs a named target.
DOMESTIC_TYPES = frozenset({"PROTEST", "COERCE", "CONCEDE"})
IMPLICIT_COUNTERPART = "arg:implicit-counterpart"
PERSONAL_CONCESSIONS = frozenset({"055"})
IMPLICIT_TEXTS = {"CVL": "the public", "GOV": "the government"}
# Sectors of the state: their counterpart is the public, everyone else's the government.
STATE_ROLES = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
NON_STATE_PREFIXES = frozenset({"IGO", "NGO", "IMG", "MNC"})
# Nominal acts that need no counterpart when their actor's verb carries them.
ONE_SIDED_NOUN_TYPES = frozenset({"RETREAT"})
#: PLOVER COERCE modes only a state's authorities use (shutting networks, censoring).
STATE_CONTROL_MODES = ("withhold", "censor")
#: PLOVER COERCE modes acting on a whole population (shutdowns, states of emergency).
POPULATION_MODES = frozenset({"withhold", "martial-law"})
POPULATION_WIDE = "arg:population-wide"

# Crowds whose damage is a riot, and the acts that are.
CROWD_WORDS = frozenset(
    {"rioters", "rioter", "protesters", "protester", "demonstrators", "demonstrator"}
    | {"mob", "mobs", "crowd", "crowds"}
)
CROWD_ACT_MODES = frozenset({"destroy", "seize", "primitive", None, ""})
#: Acts on a thing that fall on its owner ("struck down the president's decision",
#: "revoked a broadcaster's licence"); a demand for "the officers' release" is not
#: made of the officers.
OWNER_TARGET_TYPES = frozenset({"SANCTION", "COERCE", "ACCUSE", "REJECT"})
#: "was concerned by", "is deeply troubled about": stated concern disapproves.
CONCERN_WORDS = frozenset({"concern", "concerned", "alarm", "alarmed", "trouble", "troubled"})
CONCERN_WORDS = CONCERN_WORDS | {"disturb", "disturbed", "dismay", "dismayed", "worried"}
CONCERN_PREPS = frozenset({"by", "about", "over", "at"})
#: "a state of emergency": nouns whose "of" object says what is imposed or declared.
CONDITION_NOUNS = frozenset({"state"})
#: Lethal fire that makes a crowd-control action an assault ("tear gas and live rounds").
LETHAL_WORDS = frozenset({"ammunition", "bullet", "round", "gunfire", "shot", "fire", "gun"})
NONLETHAL_MODIFIERS = frozenset({"rubber", "plastic", "blank"})
ONLINE_OBJECTS = frozenset({"access", "website", "site", "internet", "platform", "app"})


@dataclass
class Participants:
    actor: list[Entity] = field(default_factory=list)
    recipient: list[Entity] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    no_agent: bool = False


class EventCoder:
    """Codes the events of one parsed document; see the module docstring for the rules."""

    def __init__(self, lexicon: Lexicon, cues: Cues) -> None:
        self.lexicon = lexicon
        self.cues = cues
        self.factuality = FactualityClassifier(cues, lexicon)
        self.status_typing = StatusTyping(lexicon, cues.announcing_verbs, cues.proposing_verbs)
        # Verbs that can close a sentence as its source ("..., the army said").
        self.reporters = cues.reporting_verbs | cues.charging_verbs

    def __call__(self, doc: Doc) -> Doc:
        document = doc._.document
        doc_id = document.doc_id if document is not None else "doc"
        actors = ActorIndex(doc, sector_words())
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
            reporter = trailing_reporter(sent, self.reporters)
            if reporter is None:
                continue
            self._drop_reporter_participants(sent, reporter, events)
            charge = self._trailing_charge(sent, reporter, actors, events)
            if charge is not None:
                entry, verb, participants = charge
                event = self._make_event(doc_id, sent_index, sent, verb, entry, participants)
                event.rules = ["trailing-charge", *participants.rules]
                events.append(event)
        self._accused_from_content(doc, events)
        self._resolve_event_anaphors(events)
        self._resolve_both_sides(doc, events)
        self._responsible_parties(sentences, actors, events)
        events[:] = [
            e for e in events if UNPLACED_VICTIMS not in e.rules or any(a.code for a in e.actor)
        ]
        events = self._carry_over(doc, events)
        for event in events:
            token = trigger_token(doc, event)
            value, cue = self.factuality.classify(token)
            self.status_typing.settle(event, token, value, cue)
            _settle_implicit_counterpart(event)
        doc._.events = events
        return doc

    @staticmethod
    def _drop_reporter_participants(
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

    def _trailing_charge(
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

    def _responsible_parties(
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
    def _accused_from_content(doc: Doc, events: list[Event]) -> None:
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

    # -- triggers -----------------------------------------------------------------

    def _code_token(
        self, token: Token, actors: ActorIndex, consumed: set[int]
    ) -> tuple[TriggerEntry, Participants, list[str]] | None:
        if token.lemma_.lower() in CONCERN_WORDS and token.pos_ in ("VERB", "ADJ"):
            concern = self._stated_concern(token, actors)
            if concern is not None:
                return concern
        if token.pos_ in ("VERB", "AUX"):
            demand = self._code_modal_demand(token, actors)
            if demand is not None:
                return demand
        if token.pos_ == "VERB":
            return self._code_verb(token, actors, consumed)
        if token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() not in (
            self.cues.nominal_needs_verb
        ):
            return self._code_noun(token, actors)
        return None

    def _code_verb(
        self, verb: Token, actors: ActorIndex, consumed: set[int]
    ) -> tuple[TriggerEntry, Participants, list[str]] | None:
        lemma = verb.lemma_.lower()
        prefixed = _hyphen_prefix(verb)
        if prefixed is not None and self.lexicon.is_verb_trigger(f"{prefixed}-{lemma}"):
            # "test-fired a missile": the tokenizer splits the compound verb in three.
            lemma = f"{prefixed}-{lemma}"
        particles = [child.lower_ for child in verb.children if child.dep_ in ("prt", "prep")]
        objects = self._object_lemmas(verb)
        if self._announces_reaction(verb):
            threat = self.lexicon.match_verb("threaten")
            if threat is not None:
                return self._code_reaction(verb, actors, threat)
        entry = self.lexicon.match_verb(lemma, particles, objects)
        if entry is None:
            return self._code_movement(verb, actors)
        if self._embedded_in_trigger(verb, entry.plover):
            return None
        if lemma == "leave" and any(
            t.lower_ in self.cues.result_adjectives for t in verb.subtree if t.i > verb.i
        ):
            # "leaving nine soldiers dead" reports a toll, not a withdrawal.
            return None
        participants = self._verb_participants(verb, actors, entry)
        if self._agentless_arrest(verb, entry, participants):
            participants.actor = self._arresting_authority(verb, actors, entry)
            named = participants.actor[0].start != verb.idx
            participants.rules.append(
                "arg:reporting-authority" if named else "arg:implicit-authority"
            )
        if self._entry_mode(entry) in POPULATION_MODES and "arg:place-as-target" in (
            participants.rules
        ):
            # "shut down the internet across Uganda": where it was shut, not at whom.
            participants.recipient = []
            participants.rules.remove("arg:place-as-target")
        entry = self._state_obstruction(entry, participants, objects)
        entry = self._deployed_to_frontier(verb, entry, participants, actors)
        entry = self._crowd_violence(entry, participants)
        entry = self._crowd_control_at_home(verb, entry, participants, actors)
        if entry.plover == "PROTEST" and not participants.recipient:
            participants.recipient = self._protest_site(verb, actors, participants)
        if not participants.recipient and entry.objects and entry.plover in OWNER_TARGET_TYPES:
            participants.recipient = self._owner_of_object(verb, actors, entry, participants)
        # "Police detained the journalist": a role word the context stage will place is a
        # known agent of a domestic act, not an unnamed perpetrator.
        placeable = entry.plover in DOMESTIC_TYPES and any(
            e.needs_context and e.role for e in participants.actor
        )
        if not placeable and not any(e.code for e in participants.actor):
            # "Three soldiers were killed in a bombing", "a suicide bomber killed 12
            # policemen": violence by unnamed perpetrators is still an event against its
            # victims (their names, if any, are kept for the user to resolve).
            victims = [e for e in participants.recipient if e.code or e.needs_context]
            if not (entry.plover in AGENTLESS_TYPES and victims):
                if not participants.actor:
                    return None
            else:
                participants.rules.append("arg:no-agent")
                participants.no_agent = True
                if not any(e.code for e in victims):
                    # Kept only if a claim of responsibility names the doer.
                    participants.rules.append(UNPLACED_VICTIMS)
        for child in verb.children:
            if child.dep_ in ("dobj", "nsubjpass") and child.lemma_.lower() in entry.objects:
                consumed.add(child.i)
        rule = f"verb:{lemma}" + (f"+{'|'.join(sorted(entry.objects))}" if entry.objects else "")
        rules = [rule]
        if not participants.recipient:
            rules.extend(self._event_objects(verb))
        entry = self._joint_drill(entry, participants, set(objects), rules)
        if entry.plover in PROMISE_TYPES and self._promises_hostility(verb):
            # "vowed to fight on", "pledged to retaliate": a promise of force is a threat.
            threat = self.lexicon.match_verb("threaten")
            if threat is not None:
                entry = threat
                rules.append("promise-of-force-is-threaten")
        return entry, participants, rules

    def _stated_concern(
        self, word: Token, actors: ActorIndex
    ) -> tuple[TriggerEntry, Participants, list[str]] | None:
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
        about = prep_objects(word, CONCERN_PREPS)
        if not subjects or not about:
            return None
        entry = self.lexicon.match_verb("express", (), ["concern"])
        if entry is None:
            return None
        result = Participants()
        result.actor = [e for s in subjects for e in actors.phrase_entities(s)]
        clause = word if word.pos_ == "VERB" else word.head
        if not result.actor and clause.dep_ == "ccomp" and clause.head.lemma_ in self.reporters:
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
        chosen = [e for e in named if _sector(e) in STATE_ROLES or e.role is None]
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

    def _entry_mode(self, entry: TriggerEntry) -> str:
        cameo = self.lexicon.cameo(entry.cameo) if entry.cameo else None
        return entry.mode or (cameo.mode if cameo else "") or ""

    def _agentless_arrest(
        self, verb: Token, entry: TriggerEntry, participants: Participants
    ) -> bool:
        """ "40 people were arrested", "dozens had been detained": a passive arrest with
        no one named as its agent (only states arrest)."""
        mode = self._entry_mode(entry)
        if entry.plover != "COERCE" or mode not in ("arrest", *STATE_CONTROL_MODES):
            return False
        if participants.actor or not (is_passive(verb) or verb.dep_ == "acl"):
            return False
        if mode == "arrest" and not any(e.code or e.role for e in participants.recipient):
            # Nobody known was arrested: nothing to code.
            return False
        return not prep_objects(verb, frozenset({"by"}))

    def _arresting_authority(
        self, verb: Token, actors: ActorIndex, entry: TriggerEntry
    ) -> list[Entity]:
        """Who made an agentless arrest: the state body that reports it ("police said
        40 people had been arrested", "the interior ministry said dozens were held"),
        else the police of the place, left for the context stage to place; an agentless
        shutdown or censorship ("access to X had been restricted") is the
        government's."""
        head = verb
        for _ in range(3):
            if head.dep_ not in ("ccomp", "conj", "xcomp") or head.head is head:
                break
            head = head.head
            if head.lemma_.lower() in self.reporters:
                speakers = [
                    e
                    for s in children(head, "nsubj")
                    for e in actors.phrase_entities(s)
                    if _sector(e) in STATE_ROLES
                ]
                if speakers:
                    return speakers
                break
        police = self._entry_mode(entry) == "arrest"
        return [
            Entity(
                text="police" if police else "the authorities",
                start=verb.idx,
                end=verb.idx + len(verb.text),
                role="COP" if police else "GOV",
                why=UNPLACED_AGENT,
            )
        ]

    def _announces_reaction(self, verb: Token) -> bool:
        """ "would respond", "will act again if ...", "would take resolute countermeasures",
        "would be met with a crushing response": an announced reaction is a threat; so is
        reserving the right to use force ("reserves the right to strike")."""
        if verb.lemma_.lower() == "reserve":
            for right in children(verb, "dobj"):
                if right.lemma_.lower() != "right":
                    continue
                for act in right.children:
                    entry = self._verb_entry(act) if act.pos_ == "VERB" else None
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

    def _code_reaction(
        self, verb: Token, actors: ActorIndex, entry: TriggerEntry
    ) -> tuple[TriggerEntry, Participants, list[str]] | None:
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
            own = _own(result)
            result.recipient = [
                e
                for r in self._recipients(verb, actors, set(), result)
                for e in [r]
                if e.country_code not in own
            ]
        if not result.actor:
            return None
        result.rules.append(f"arg:{path or 'speaker'}")
        return entry, result, [f"threat:reaction:{verb.lemma_.lower()}"]

    def _state_obstruction(
        self, entry: TriggerEntry, participants: Participants, objects: list[str]
    ) -> TriggerEntry:
        """Blocking done by the state is no protest: police cordoning off roads restrict
        movement, a regulator blocking access to a website censors it (PLOVER COERCE)."""
        if entry.plover != "PROTEST" or entry.mode != "obstruct" or not participants.actor:
            return entry
        if not all(_sector(e) in STATE_ROLES for e in participants.actor):
            return entry
        participants.rules.append("state-obstruction-is-coerce")
        online = bool(set(objects) & ONLINE_OBJECTS)
        return replace(
            entry,
            plover="COERCE",
            cameo="1721" if online else "172",
            mode="censor" if online else "restrict",
        )

    def _deployed_to_frontier(
        self, verb: Token, entry: TriggerEntry, participants: Participants, actors: ActorIndex
    ) -> TriggerEntry:
        """ "sent 2,000 soldiers to the border provinces", "sends troops to Chilean border":
        troops sent to a border or province, not to a state, are deployed (PLOVER
        MOBILIZE), not given as aid; a foreign state the destination names stays as the
        recipient ("Chilean border" → CHL)."""
        if entry.plover != "AID" or not entry.objects & self.cues.force_nouns:
            return entry
        places = prep_objects(verb, frozenset({"to", "into", "towards", "toward"}))
        if not places or any(p.lemma_.lower() not in self.cues.frontier_nouns for p in places):
            return entry
        deployed = self.lexicon.match_verb("deploy")
        if deployed is None:
            return entry
        own = _own(participants)
        participants.recipient = [
            e
            for p in places
            for e in actors.phrase_entities(p)
            if e.country_code and e.country_code not in own
        ]
        participants.rules.append("troops-to-frontier-is-mobilize")
        return deployed

    def _crowd_violence(self, entry: TriggerEntry, participants: Participants) -> TriggerEntry:
        """Damage done by rioters, protesters or a mob is a violent protest (PLOVER
        PROTEST riot): "rioters torched cars", "protesters looted shops"."""
        if entry.plover not in ("ASSAULT", "COERCE") or entry.mode not in CROWD_ACT_MODES:
            return entry
        crowds = [bool(CROWD_WORDS & set(e.text.lower().split())) for e in participants.actor]
        if not crowds or not all(crowds):
            return entry
        participants.rules.append("crowd-violence-is-riot")
        return replace(entry, plover="PROTEST", cameo="145", mode="riot", context=())

    def _owner_of_object(
        self, verb: Token, actors: ActorIndex, entry: TriggerEntry, participants: Participants
    ) -> list[Entity]:
        """ "struck down the president's decision", "revoked the licence of a broadcaster":
        the act named by the trigger's own object falls on whoever that object is of."""
        own = {c for c in _own(participants) if c}
        found: list[Entity] = []
        for obj in children(verb, "dobj"):
            if obj.lemma_.lower() not in entry.objects:
                continue
            owners = [c for c in obj.children if c.dep_ == "poss"]
            owners += prep_objects(obj, frozenset({"of"}))
            found.extend(
                e
                for owner in owners
                for e in actors.phrase_entities(owner)
                if e not in participants.actor and (e.role or e.country_code not in own or not own)
            )
        if found:
            participants.rules.append("arg:object-owner")
        return found

    def _protest_site(
        self, verb: Token, actors: ActorIndex, participants: Participants
    ) -> list[Entity]:
        """ "Students rallied outside parliament", "marched on the presidential palace",
        "rallied outside the Iranian embassy": a protest held at a state institution is
        aimed at that institution (an embassy stands for its state)."""
        if not participants.actor or any(_sector(e) in STATE_ROLES for e in participants.actor):
            return []
        sites = prep_objects(verb, SITE_PREPS)
        for front in prep_objects(verb, frozenset({"in"})):
            if front.lemma_.lower() == "front":
                sites.extend(prep_objects(front, frozenset({"of"})))
        # "outside the parliament building": the institution housed there.
        sites.extend(
            c for site in list(sites) for c in site.lefts if c.dep_ in ("compound", "poss")
        )
        found = [
            e for site in sites for e in actors.phrase_entities(site) if _sector(e) in STATE_ROLES
        ]
        if found:
            participants.rules.append("arg:protest-site")
        return found

    def _crowd_control_at_home(
        self, verb: Token, entry: TriggerEntry, participants: Participants, actors: ActorIndex
    ) -> TriggerEntry:
        """Tear gas, water cannon or rubber bullets used by the police, or by a state's
        other forces on its own people, restrict a crowd (PLOVER COERCE restrict, as the
        manual codes pushing protesters back; ASSAULT crowd-control is for such weapons
        turned on another state's forces or ships). Live fire along with them ("tear gas
        and live ammunition") keeps the assault."""
        if entry.plover != "ASSAULT" or self._entry_mode(entry) != "crowd-control":
            return entry
        if not participants.actor or not all(_sector(e) in STATE_ROLES for e in participants.actor):
            return entry
        own = {c for c in _own(participants) if c}
        police = all(_sector(e) == "COP" for e in participants.actor)
        for target in [] if police else participants.recipient:
            # An unplaced police force firing on "students in Quito" is at home there;
            # on a state named as such ("a Philippine boat") it is not.
            if target.country_code and (
                target.country_code not in own if own else _sector(target) is None
            ):
                return entry
        # The weapons named right after the verb (the parser often splits "tear gas and
        # live ammunition" into two clauses).
        previous = ""
        for token in verb.doc[verb.i + 1 : verb.i + 9]:
            if token.pos_ in ("ADP", "PART") or token.is_punct:
                break
            if token.lemma_.lower() in LETHAL_WORDS and previous not in NONLETHAL_MODIFIERS:
                participants.rules.append("crowd-control-with-live-fire")
                if not participants.recipient:
                    participants.recipient = [
                        e
                        for at in prep_objects(token.head, frozenset({"at", "on"}))
                        for e in actors.phrase_entities(at)
                    ]
                return replace(entry, cameo="190", mode="firearms")
            previous = token.lower_
        participants.rules.append("crowd-control-at-home-is-coerce")
        return replace(entry, plover="COERCE", cameo="172", mode="restrict", context=())

    def _event_objects(self, verb: Token) -> list[str]:
        """Object nouns that name an earlier act ("condemned the raid", "called for their
        release"), recorded as ``object-event:<lemma>`` for :meth:`_resolve_event_anaphors`."""
        objects = children(verb, "dobj") + prep_objects(verb, frozenset({"for", "over", "of"}))
        found = [
            f"object-event:{obj.lemma_.lower()}"
            for obj in objects
            if obj.lemma_.lower() in RELEASE_NOUNS or self.lexicon.match_noun(obj.lemma_.lower())
        ]
        entry = self._verb_entry(verb)
        if not found and entry is not None and entry.plover in STANCE_ON_ACTS:
            # "Turkey welcomed the step", "Washington congratulated the two sides on the
            # signing": a word for whatever was just done names the last such act.
            found = [
                f"{ACT_ANAPHOR}{obj.lemma_.lower()}"
                for obj in objects
                if obj.lemma_.lower() in self.cues.act_nouns
                and not any(c.dep_ == "poss" for c in obj.children)
            ]
        return found

    def _resolve_event_anaphors(self, events: list[Event]) -> None:
        """The one blamed for, asked about or threatened over an earlier act is that act's
        actor: "Israeli troops raided Jenin ... Erakat condemned the raid" → PSE → ISR; the
        one asked to release someone is whoever seized them."""
        for index, event in enumerate(events):
            if event.recipient:
                continue
            if any(r.startswith(ACT_ANAPHOR) for r in event.rules):
                self._resolve_act_anaphor(events, index)
                continue
            nouns = [r.split(":", 1)[1] for r in event.rules if r.startswith("object-event:")]
            for noun in nouns:
                if noun in RELEASE_NOUNS:
                    wanted = {"COERCE", "ASSAULT"}
                else:
                    entry = self.lexicon.match_noun(noun)
                    wanted = {entry.plover} if entry is not None else set()
                own = {e.country_code for e in event.actor}
                for earlier in reversed(events[:index]):
                    far = event.sentence_index - earlier.sentence_index > CARRY_OVER_SENTENCES
                    if far and event.event_type != "ACCUSE":
                        break
                    # "condemned the strikes", paragraphs after them: a condemnation
                    # names the story's act, however far back it was told.
                    if earlier.event_type in wanted or _protest_lodged_with(earlier, wanted, own):
                        event.recipient = [e for e in earlier.actor if e.country_code not in own]
                        if event.recipient:
                            event.rules.append("arg:event-anaphor")
                            break
                if event.recipient:
                    break

    def _resolve_both_sides(self, doc: Doc, events: list[Event]) -> None:
        """ "urged both sides to show restraint", "offered to host talks between the two
        governments": the two sides are the story's two main parties so far, the two
        states its earlier events most often involve (other than the one speaking)."""
        for index, event in enumerate(events):
            if event.event_type not in SIDE_TYPES:
                continue
            group = self._both_sides_phrase(trigger_token(doc, event))
            if group is None:
                continue
            own = {e.country_code for e in event.actor}
            counts: dict[str, int] = {}
            for earlier in events[:index]:
                for entity in unique_entities(earlier.actor + earlier.recipient):
                    code = entity.country_code
                    if code is None or code in REGION_CODES:
                        continue
                    counts[code] = counts.get(code, 0) + 1
            if any(counts.get(code, 0) for code in own if code):
                # A party to the story speaking of "both sides" (a national church offering
                # to mediate in a domestic dispute) means sides within it, not two states.
                leading = sorted(counts, key=lambda c: -counts[c])[:2]
                if own & set(leading):
                    continue
            ranked = sorted((c for c in counts if c not in own), key=lambda c: -counts[c])
            if len(ranked) < 2 or (len(ranked) > 2 and counts[ranked[1]] == counts[ranked[2]]):
                continue
            start, end = group.left_edge.idx, group.idx + len(group.text)
            event.recipient = [
                Entity(doc.text[start:end], start, end, code=code, country=code, why="both-sides")
                for code in ranked[:2]
            ]
            event.rules.append("arg:both-sides")

    def _is_side_phrase(self, token: Token) -> bool:
        """ "both sides", "the two governments", "urged both to ..." (left to
        :meth:`_resolve_both_sides`)."""
        if token.lower_ == "both" and token.pos_ in ("PRON", "DET") and token.dep_ == "dobj":
            return True
        return token.lemma_.lower() in self.cues.side_nouns and any(
            c.lower_ in ("both", "two") for c in token.children
        )

    def _both_sides_phrase(self, trigger: Token) -> Token | None:
        """The "both sides", "the two governments" a trigger is addressed to or offers to
        bring together, if any."""
        for token in trigger.subtree:
            if token.dep_ not in ("dobj", "pobj", "nsubj") or not self._is_side_phrase(token):
                continue
            if token.i < trigger.i and token.dep_ != "nsubj":
                continue
            return token
        return None

    @staticmethod
    def _resolve_act_anaphor(events: list[Event], index: int) -> None:
        """Welcoming "the step" is support for those who took the last cooperative step
        (all its parties); condemning "the move" an accusation of the last hostile act's
        doers. Only acts told in the sentences just before count."""
        event = events[index]
        wanted = COOPERATIVE_ACTS if event.event_type == "SUPPORT" else HOSTILE_CONTENT
        own = {e.country_code for e in event.actor} | {None}
        for earlier in reversed(events[:index]):
            if event.sentence_index - earlier.sentence_index > CARRY_OVER_SENTENCES:
                return
            if earlier.event_type not in wanted or earlier.sentence_index == event.sentence_index:
                continue
            parties = earlier.actor
            if event.event_type == "SUPPORT":
                parties = earlier.actor + earlier.recipient
            event.recipient = unique_entities([e for e in parties if e.country_code not in own])
            if event.recipient:
                event.rules.append("arg:act-anaphor")
                return

    def _promises_hostility(self, verb: Token) -> bool:
        for child in verb.children:
            if child.dep_ == "xcomp" and child.pos_ == "VERB":
                particles = [c.lower_ for c in child.children if c.dep_ in ("prt", "prep")]
                objects = self._object_lemmas(child)
                if child.lemma_.lower() in self.cues.reaction_verbs:
                    # "vowed to respond", "pledged to retaliate"
                    return True
                content = self.lexicon.match_verb(child.lemma_.lower(), particles, objects)
                # Agreeing to hold manoeuvres is not a threat.
                drills = bool(set(objects) & self.cues.drill_nouns)
                if content is not None and content.plover in HOSTILE_CONTENT and not drills:
                    return True
        return False

    def _code_noun(
        self, noun: Token, actors: ActorIndex
    ) -> tuple[TriggerEntry, Participants, list[str]] | None:
        entry = self._noun_entry(noun)
        if entry is None or entry.needs_verb:
            return None
        host = self._host_verb(noun)
        if entry.plover == "CONSULT" and self._offer_content(noun):
            return None
        if host is not None and self._embedded_in_trigger(host):
            # "agreed to hold joint exercises": the exercises are what was agreed.
            return None
        participants = self._noun_participants(noun, actors, entry, host)
        if not participants.actor:
            return None
        rules = [f"noun:{noun.lemma_.lower()}"]
        entry = self._labour_strike(noun, entry, participants, rules)
        entry = self._joint_drill(entry, participants, {noun.lemma_.lower()}, rules)
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
        sectors = {_sector(e) for e in participants.actor}
        civil = bool(sectors) and not sectors & (STATE_ROLES | {None, "REB"})
        if not (on_strike or civil):
            return entry
        stoppage = self.lexicon.match_noun("general strike")
        if stoppage is None:
            return entry
        rules.append("labour-strike")
        return stoppage

    def _joint_drill(
        self, entry: TriggerEntry, participants: Participants, words: set[str], rules: list[str]
    ) -> TriggerEntry:
        """Manoeuvres held by several states together are military cooperation."""
        if entry.plover != "MOBILIZE" or not words & self.cues.drill_nouns:
            return entry
        partners = [] if "arg:place-as-target" in participants.rules else participants.recipient
        sides = {e.country_code for e in participants.actor + partners} - {None}
        joint = self.lexicon.match_verb("cooperate")
        if len(sides) < 2 or joint is None:
            return entry
        rules.append("joint-drill-is-cooperate")
        return joint

    def _noun_entry(self, noun: Token) -> TriggerEntry | None:
        """The entry of a noun, two-word names first: "hunger strike" is a protest,
        "war games" manoeuvres, whatever "strike" or "games" alone would be."""
        for child in noun.lefts:
            if child.dep_ in ("compound", "amod"):
                entry = self.lexicon.match_noun(f"{child.lemma_.lower()} {noun.lemma_.lower()}")
                if entry is None:
                    entry = self.lexicon.match_noun(f"{child.lemma_.lower()}{noun.lemma_.lower()}")
                if entry is not None:
                    return entry
        entry = self.lexicon.match_noun(noun.lemma_.lower())
        if entry is None and noun.lemma_.lower() in self.cues.effort_nouns:
            # "a mediation mission", "an aid effort": the act is the modifier.
            for child in noun.lefts:
                if child.dep_ == "compound" and child.pos_ == "NOUN":
                    entry = self.lexicon.match_noun(child.lemma_.lower())
                    if entry is not None:
                        return entry
        return entry

    def _code_movement(
        self, verb: Token, actors: ActorIndex
    ) -> tuple[TriggerEntry, Participants, list[str]] | None:
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
        if not movers:
            return None
        preps = {"in", "into", "to", "at"} if arriving else {"from"}
        places = prep_objects(verb, frozenset(preps)) + children(verb, "dobj")
        hosts = [e for p in places for e in actors.phrase_entities(p)]
        hosts = [e for e in hosts if e.country_code not in {m.country_code for m in movers}]
        if not hosts:
            return None
        if arriving:
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

    def _object_lemmas(self, verb: Token) -> list[str]:
        """Lemmas of the verb's objects, with what they are made of: "suspended part of
        an aid program" has the objects part, program and aid; "ended mediation
        efforts" efforts and mediation (the modifier of a carrier noun)."""
        nouns = []
        for child in verb.children:
            if child.dep_ in ("dobj", "nsubjpass", "attr", "oprd"):
                nouns.append(child)
            elif child.dep_ in ("prep", "prt"):
                nouns.extend(g for g in child.children if g.dep_ == "pobj")
        for noun in list(nouns):
            if noun.lemma_.lower() in self.cues.partitive_nouns or noun.lemma_.lower() in (
                CONDITION_NOUNS
            ):
                nouns.extend(prep_objects(noun, frozenset({"of"})))
        objects = [noun.lemma_.lower() for noun in nouns]
        # "held a sit-in": the tokenizer splits a hyphenated noun in three.
        objects.extend(whole for noun in nouns if (whole := _hyphenated(noun)) is not None)
        objects.extend(
            c.lemma_.lower()
            for noun in nouns
            if noun.lemma_.lower() in self.cues.effort_nouns
            for c in noun.lefts
            if c.dep_ == "compound"
        )
        return objects

    def _embedded_in_trigger(
        self, verb: Token, own_type: str | None = None, depth: int = 0
    ) -> bool:
        """A clause under another trigger is that event's content or purpose: "agreed to
        meet", "threatened to attack", "a hunger strike to demand", "its demand that Israel
        ease restrictions". Only what an accusation charges is coded on its own."""
        infinitive = is_infinitive(verb)
        complement = verb.dep_ in ("xcomp", "ccomp")
        purpose = verb.dep_ in ("advcl", "acl", "relcl") and infinitive
        noun_content = verb.dep_ == "acl" and verb.head.pos_ == "NOUN"
        # "threatened an offensive unless Baghdad accepted": the condition of a threat
        # or promise is part of it.
        condition = verb.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children
        )
        # "signed a peace agreement, formally ending their war": the result of a
        # cooperative act is that act, not another one.
        result_clause = verb.dep_ == "advcl" and verb.tag_ == "VBG" and not children(verb, "nsubj")
        if result_clause and verb.head.pos_ == "VERB":
            entry = self._verb_entry(verb.head)
            if entry is not None and entry.plover in COOPERATIVE_RESULT_TYPES:
                return True
        if not (complement or purpose or noun_content or condition):
            return False
        head = verb.head
        if verb.dep_ == "relcl" and infinitive and head.dep_ == "dobj":
            # "blocked a road to protest": a purpose clause the parser hung on the object.
            head = head.head
        if head.pos_ == "NOUN":
            noun_entry = self.lexicon.match_noun(head.lemma_.lower())
            return (
                noun_entry is not None
                and not noun_entry.needs_verb
                and noun_entry.plover not in CHARGE_TYPES
            )
        if head.pos_ != "VERB":
            return False
        entry = self._verb_entry(head)
        if entry is None:
            # "willing to send material to help defend X": through a helper verb the
            # clause is still the content of the trigger above it.
            return depth < 2 and self._embedded_in_trigger(head, None, depth + 1)
        # "blocked a road to protest against ...": one protest, not two.
        return entry.plover not in CHARGE_TYPES or (purpose and entry.plover == own_type)

    def _verb_entry(self, verb: Token) -> TriggerEntry | None:
        particles = [c.lower_ for c in verb.children if c.dep_ in ("prt", "prep")]
        return self.lexicon.match_verb(verb.lemma_.lower(), particles, self._object_lemmas(verb))

    def _states_or_demands(self, verb: Token) -> bool:
        """A verb through which someone states or demands ("said", "issued a reminder")."""
        lemma = verb.lemma_.lower()
        if lemma in self.cues.reporting_verbs:
            return True
        entry = self.lexicon.match_verb(lemma, [], self._object_lemmas(verb))
        return entry is None or entry.plover == "REQUEST" or lemma in self.cues.light_verbs

    def _code_modal_demand(
        self, verb: Token, actors: ActorIndex
    ) -> tuple[TriggerEntry, Participants, list[str]] | None:
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

    # -- arguments ----------------------------------------------------------------

    def _verb_participants(
        self, verb: Token, actors: ActorIndex, entry: TriggerEntry
    ) -> Participants:
        result = Participants()
        consumed_objects = set(entry.objects)
        reduced = is_reduced_passive(verb)
        if (is_passive(verb) or reduced) and verb.lemma_.lower() not in STATIVE_PASSIVES:
            agents = prep_objects(verb, frozenset({"by"}))
            result.actor = [e for a in agents for e in actors.phrase_entities(a)]
            if result.actor:
                result.rules.append("arg:agent")
            patients = [verb.head] if reduced else children(verb, "nsubjpass")
            for subject in patients:
                named = actors.phrase_entities(subject)
                group = [] if named else self._group_members(subject, actors)
                if group:
                    result.actor.extend(group)
                    result.rules.append("arg:between")
                    continue
                # "a camp for Congolese refugees was attacked": the camp's people.
                named = named or self._object_party(subject, actors, _own(result))
                if named:
                    result.recipient.extend(named)
                    result.rules.append("arg:nsubjpass")
            if not result.actor and not result.recipient:
                subjects, path = subject_of(verb)
                for subject in subjects:
                    named = actors.phrase_entities(subject)
                    result.actor.extend(named or self._group_members(subject, actors))
                if result.actor:
                    result.rules.append(f"arg:inherit:{path}")
        else:
            subjects, path = statement_issuer(verb) or subject_of(verb)
            for subject in subjects:
                named = actors.phrase_entities(subject)
                if not named:
                    named = self._group_members(subject, actors)
                result.actor.extend(named)
            if result.actor:
                result.rules.append("arg:nsubj" if path == "nsubj" else f"arg:inherit:{path}")
        result.recipient.extend(self._recipients(verb, actors, consumed_objects, result))
        if not result.recipient and entry.plover != "ACCUSE":
            result.recipient.extend(self._content_recipients(verb, actors, result))
        if not result.recipient and entry.plover == "ACCUSE":
            result.recipient.extend(self._charged_parties(verb, actors, result))
        if not result.recipient and entry.plover in PROMISE_TYPES:
            result.recipient.extend(self._offered_parties(verb, actors, result))
        if not result.recipient:
            result.recipient.extend(self._shared_object(verb, actors, result))
        if not result.recipient and entry.plover == "RETREAT":
            # "pulled its troops out of Lebanon", "withdrew from Gorazde": where one leaves.
            holders = [verb, *children(verb, "prt", "dobj")]
            holders += [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "out"]
            for holder in holders:
                for pobj in prep_objects(holder, frozenset({"from", "of"})):
                    result.recipient.extend(actors.phrase_entities(pobj))
            if result.recipient:
                result.rules.append("arg:left-place")
        if not result.recipient and entry.plover in PLACE_TARGET_TYPES:
            violent = entry.plover in AGENTLESS_TYPES
            result.recipient.extend(self._place_targets(verb, actors, result, violent))
        # Domestic events keep their same-country recipient ("Zimbabwe's opposition
        # demanded that Mugabe resign" is ZWE → ZWE).
        result.recipient = self._without_self_reference(
            [e for e in unique_entities(result.recipient) if e not in result.actor], result
        )
        return result

    def _content_recipients(
        self, verb: Token, actors: ActorIndex, result: Participants, depth: int = 0
    ) -> list[Entity]:
        """Recipient named in the content of an offer, demand or threat.

        "Libya offered to hand over two suspects to Britain": the recipient of the offer
        is the recipient of what is offered; "China demanded that the US cancel the sale":
        the one a demand or warning is addressed to is the subject of its content.
        """
        if depth > 2:
            return []
        clauses = list(verb.children) + [
            c
            for obj in children(verb, "dobj")
            for c in obj.children
            if c.dep_ == "relcl" and is_infinitive(c)
        ]
        for child in clauses:
            # "blocked a road to show ...": an infinitival relative is a purpose clause.
            child_dep = "advcl" if child.dep_ == "relcl" else child.dep_
            if child_dep not in ("xcomp", "ccomp", "advcl", "acl"):
                continue
            if child.pos_ not in ("VERB", "AUX"):
                continue
            found: list[Entity] = []
            conditional = child_dep == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in child.children
            )
            purpose = is_infinitive(child)
            if child_dep == "advcl" and not (conditional or purpose):
                # "..., while inspectors said ...": a side clause, not the content.
                continue
            if child_dep in ("ccomp", "acl") or conditional:
                # "demanded that the US cancel ...", "threatened to quit if the US goes
                # ahead"; but in "Olmert warned that Israel would respond" Israel is the
                # speaker's own side, not the one warned.
                own = {e.country_code for e in result.actor}
                for subject in children(child, "nsubj", "nsubjpass"):
                    found.extend(
                        e for e in actors.phrase_entities(subject) if e.country_code not in own
                    )
            if not found:
                found = self._recipients(child, actors, set(), Participants(actor=result.actor))
            found = self._without_self_reference(
                [e for e in found if e not in result.actor], result
            )
            if not found:
                found = self._content_recipients(child, actors, result, depth + 1)
            if found:
                if depth == 0:
                    result.rules.append("arg:content-recipient")
                return found
        return []

    def _recipients(
        self, verb: Token, actors: ActorIndex, trigger_objects: set[str], result: Participants
    ) -> list[Entity]:
        found: list[Entity] = []
        objects = children(verb, "dobj", "dative", "iobj")
        if not objects:
            # "denounced as a crime Serbia's crackdown": the object after the "as" phrase.
            objects = [
                a for p in prep_objects(verb, frozenset({"as"})) for a in children(p, "appos")
            ]
        for obj in objects:
            if obj.lower_ in REFLEXIVES:
                continue
            if obj.lemma_.lower() in trigger_objects:
                # "rejected the European proposal", "a UN plan for Western Sahara": the
                # author first; else the party hanging off the object ("imposed
                # penalties on Chinese firms", "rejected a proposal from Cambodia").
                # ("its ambassador": a possessive pronoun is the actor's own side.)
                owners = [
                    c
                    for c in obj.lefts
                    if c.dep_ in ("poss", "amod", "compound") and c.tag_ != "PRP$"
                ]
                named = [e for o in owners for e in actors.phrase_entities(o)]
                named = [
                    e
                    for e in self._without_self_reference(named, result)
                    if e.country_code not in _own(result)
                ]
                named = named or self._object_party(obj, actors, _own(result))
                if not named:
                    # "banned Ugandan opposition candidates", "released five opposition
                    # activists": the object is itself a sector of people.
                    named = [
                        e
                        for e in actors.phrase_entities(obj)
                        if e.code
                        and _sector(e) is not None
                        and _sector(e) not in INSTRUMENT_ROLES
                        and not (e.why or "").startswith("coref")
                    ]
                found.extend(named)
                continue
            named = actors.phrase_entities(obj) or self._group_members(obj, actors)
            named = self._without_self_reference(named, result)
            own = {e.country_code for e in result.actor}
            # "deployed 70,000 troops", "sent its envoy": the actor's own forces and
            # officials are what it moves, not whom it acts upon.
            named = [
                e
                for e in named
                if not (e.role in INSTRUMENT_ROLES and (e.country_code in own or e.needs_context))
            ]
            if not named:
                # "rejected a call from Senegal", "demanded the withdrawal of Serbian
                # forces": the party hangs off the object noun.
                named = self._object_party(obj, actors, _own(result))
            found.extend(named)
        if found:
            result.rules.append("arg:dobj")
            return found
        # "rejected a proposal from Cambodia": with an object, "from" names its author.
        preps = RECIPIENT_PREPS | {"from"} if children(verb, "dobj") else RECIPIENT_PREPS
        for pobj in prep_objects(verb, preps):
            if pobj.lemma_.lower() in self.cues.frame_nouns:
                # "on behalf of the EU", "on the sidelines of the summit": not a party.
                continue
            named = actors.phrase_entities(pobj)
            if not named:
                # "mobilized reservists for a war against Iraq"
                named = self._object_party(pobj, actors, _own(result))
            found.extend(named)
        if not found:
            # "blocked streets in defiance of Chinese authorities", "in protest at X".
            for stance in prep_objects(verb, frozenset({"in"})):
                if stance.lemma_.lower() in self.cues.stance_nouns:
                    for target in prep_objects(stance, STANCE_PREPS):
                        found.extend(actors.phrase_entities(target))
        if not found:
            # "kidnapped up to 16 Russian advisers": the object hides under a particle.
            for particle in children(verb, "prt"):
                for pobj in prep_objects(particle, frozenset({"to"})):
                    found.extend(actors.phrase_entities(pobj))
        if found:
            result.rules.append("arg:prep")
        return found

    def _charged_parties(
        self, trigger: Token, actors: ActorIndex, result: Participants
    ) -> list[Entity]:
        """Whom an inquiry or a condemnation targets when it names an act, not a party:
        "opened an inquiry into abuses committed by Croat forces", "condemned the
        killings by militias" → the doers of the act."""
        nouns = children(trigger, "dobj") + prep_objects(trigger, INQUIRY_PREPS)
        nouns += [inner for n in list(nouns) for inner in prep_objects(n, INQUIRY_PREPS)]
        own = {e.country_code for e in result.actor}
        found: list[Entity] = []
        for noun in nouns:
            for token in noun.subtree:
                if token.dep_ == "agent" or (token.dep_ == "prep" and token.lower_ == "by"):
                    for pobj in children(token, "pobj"):
                        found.extend(actors.phrase_entities(pobj))
                elif token.dep_ == "poss" and token.head.i == noun.i:
                    found.extend(actors.phrase_entities(token))
        found = [e for e in found if e.code and e.country_code not in own]
        if found:
            result.rules.append("arg:charged-party")
        return unique_entities(found)

    def _object_party(
        self,
        noun: Token,
        actors: ActorIndex,
        own: frozenset[str | None] = frozenset(),
        depth: int = 0,
    ) -> list[Entity]:
        """The party hanging off an object noun, a phrase or two down: "suspended part
        of its aid program for Bosnia", "a suspension of air links with Serbia". The
        actor's own side (``own``) is looked through."""
        found: list[Entity] = []
        # "a package of incentives offered by Britain, France and Germany": the author.
        for clause in children(noun, "acl"):
            for agent in prep_objects(clause, frozenset({"by"})):
                found.extend(e for e in actors.phrase_entities(agent) if e.country_code not in own)
        if found:
            return found
        preps = OBJECT_PARTY_PREPS | GROUP_PREPS
        entry = self.lexicon.match_noun(noun.lemma_.lower())
        if entry is not None and entry.plover == "RETREAT":
            # "demanded the withdrawal of Serbian forces from Bosnia": the place left.
            preps = preps - {"from"}
        for inner in prep_objects(noun, preps):
            named = [e for e in actors.phrase_entities(inner) if e.country_code not in own]
            if not named and depth < 2:
                named = self._object_party(inner, actors, own, depth + 1)
            found.extend(named)
        return found

    def _place_targets(
        self, verb: Token, actors: ActorIndex, result: Participants, violent: bool = False
    ) -> list[Entity]:
        """A state or territory where an attack, blockade or threat takes place, when no
        one is named as its target: "reimposed blockades in the West Bank" → PSE."""
        # The verb, its object and content ("threatened to resume attacks in Israel").
        holders = [verb]
        frontier = [verb]
        for _ in range(2):
            frontier = [
                c for h in frontier for c in h.children if c.dep_ in ("dobj", "xcomp", "prt")
            ] + [o for h in frontier for o in prep_objects(h, frozenset({"on", "at"}))]
            holders.extend(frontier)
        own = {e.country_code for e in result.actor}
        found: list[Entity] = []
        for holder in holders:
            for pobj in prep_objects(holder, PLACE_PREPS):
                found.extend(
                    e
                    for e in actors.phrase_entities(pobj)
                    if e.role is None
                    and e.country_code
                    and e.country_code not in own
                    and e.country_code not in REGION_CODES
                )
            # "blew themselves up outside the US and Israeli embassies": what an attack
            # is aimed at may be named by where it struck.
            strikes = prep_objects(holder, STRIKE_PREPS) if violent else []
            for pobj in strikes:
                found.extend(
                    e
                    for e in actors.phrase_entities(pobj)
                    if e.code and e.country_code not in own and not e.needs_context
                )
        if found:
            result.rules.append("arg:place-as-target")
        return found

    @staticmethod
    def _without_self_reference(named: list[Entity], result: Participants) -> list[Entity]:
        """Drop the actor's own pronouns from an object: in "Syria offered its troops to
        Lebanon" the troops are Syria's, the recipient is Lebanon."""
        own = {e.country_code for e in result.actor}
        return [
            e for e in named if not ((e.why or "").startswith("coref") and e.country_code in own)
        ]

    def _offered_parties(
        self, verb: Token, actors: ActorIndex, result: Participants
    ) -> list[Entity]:
        """ "Brazil offered to host talks between Guyana and Venezuela": an offer to bring
        parties together is made to those parties (PLOVER AGREE), whatever the parser makes
        of the verb inside it ("host" is often read as a noun)."""
        own = {e.country_code for e in result.actor}
        for clause in children(verb, "xcomp", "dobj"):
            for token in clause.subtree:
                if token.dep_ != "prep" or token.lower_ not in GROUP_PREPS:
                    continue
                found = [
                    e
                    for pobj in children(token, "pobj")
                    if not self._is_side_phrase(pobj)
                    for e in actors.phrase_entities(pobj)
                    if e.country_code not in own
                ]
                if found:
                    result.rules.append("arg:offered-between")
                    return found
        return []

    def _shared_object(self, verb: Token, actors: ActorIndex, result: Participants) -> list[Entity]:
        """ "France condemned and sanctioned Iran": verbs joined by "and" with one object
        after the last share it (the parser hangs it on the last verb only)."""
        if children(verb, "dobj", "dative", "ccomp", "xcomp"):
            return []
        for conjunct in children(verb, "conj"):
            if conjunct.pos_ != "VERB" or children(conjunct, "nsubj", "nsubjpass"):
                continue
            links = [c for c in verb.children if c.dep_ == "cc" and verb.i < c.i < conjunct.i]
            if not links or conjunct.i - verb.i > 3:
                # Only a verb right before its conjunct ("condemned and sanctioned").
                continue
            own = _own(result)
            found = [
                e
                for obj in children(conjunct, "dobj")
                for e in actors.phrase_entities(obj)
                if e.country_code not in own
            ]
            if found:
                result.rules.append("arg:shared-object")
                return found
        return []

    def _offer_content(self, noun: Token) -> bool:
        """Whether a meeting noun is what an offer or promise holds out ("offered to host
        talks between ..."): the talks have not taken place."""
        head = noun.head
        for _ in range(3):
            # ("offered on Tuesday to host talks": the parser may hang the infinitive
            # on the offer as an adverbial clause.)
            content = head.dep_ in ("xcomp", "dobj") or head.dep_ == "advcl" and is_infinitive(head)
            if not content or head.head is head:
                return False
            governor = head.head
            if governor.pos_ == "VERB":
                entry = self._verb_entry(governor)
                if entry is not None and entry.plover in PROMISE_TYPES | {"REQUEST"}:
                    return True
            head = governor
        return False

    def _group_members(self, token: Token, actors: ActorIndex) -> list[Entity]:
        """Participants named inside "between/among X and Y" of a noun phrase."""
        members: list[Entity] = []
        for pobj in prep_objects(token, GROUP_PREPS):
            members.extend(actors.phrase_entities(pobj))
        return members

    def _noun_participants(
        self, noun: Token, actors: ActorIndex, entry: TriggerEntry, host: Token | None
    ) -> Participants:
        """Source and recipient of a noun trigger; ``host`` is the verb carrying it."""
        result = Participants()
        for child in noun.lefts:
            if child.dep_ in ("poss", "compound", "amod", "nmod"):
                named = actors.phrase_entities(child)
                if named:
                    result.actor.extend(named)
        if result.actor:
            result.rules.append("arg:poss")
        agent_preps = {"by"} if entry.plover == "RETREAT" else {"by", "from"}
        agents = prep_objects(noun, frozenset(agent_preps))
        received = noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.cues.receiving_verbs
        if received and not agents:
            # "drawing a curt refusal from Santiago": the parser hangs "from" on the verb.
            agents = prep_objects(noun.head, frozenset({"from"}))
        if not result.actor and agents:
            result.actor = [e for a in agents for e in actors.phrase_entities(a)]
            if result.actor:
                result.rules.append("arg:agent")
        group = self._group_members(noun, actors)
        if group and not result.actor:
            result.actor = group
            result.rules.append("arg:between")
            if entry.plover in UNORDERED_TYPES and host is not None:
                # "X launched a mediation effort between A and B": X takes part too.
                subjects, _ = subject_of(host)
                result.actor.extend(e for s in subjects for e in actors.phrase_entities(s))
        if not result.actor and host is not None:
            subjects, _ = subject_of(host)
            result.actor = [e for s in subjects for e in actors.phrase_entities(s)]
            if result.actor:
                result.rules.append("arg:light-verb")
                # "arrived in Amman on a visit", "held talks with Jordan"
                for pobj in prep_objects(host, HOST_PREPS):
                    result.recipient.extend(actors.phrase_entities(pobj))
        # "a visit by the Iranian president to Moscow": the parser often hangs the
        # destination on the agent rather than on the noun.
        preps = NOUN_RECIPIENT_PREPS if entry.plover in UNORDERED_TYPES else PATIENT_PREPS
        holders = [noun, *agents]
        if entry.plover == "RETREAT":
            # "the withdrawal of its forces from Panama": who withdraws, and from where
            # (the parser often hangs "from" on the forces).
            preps = frozenset({"from"})
            withdrawn = prep_objects(noun, frozenset({"of"}))
            holders += withdrawn
            if not result.actor:
                result.actor = [e for o in withdrawn for e in actors.phrase_entities(o)]
        for holder in holders:
            for pobj in prep_objects(holder, preps):
                named = actors.phrase_entities(pobj)
                if not named and entry.plover not in UNORDERED_TYPES:
                    named = self._object_party(pobj, actors, _own(result))
                result.recipient.extend(named)
        if received and not result.recipient and "arg:agent" in result.rules:
            # "drew a curt refusal from Santiago", "faced criticism from Paris": aimed at
            # whoever drew or faced it.
            subjects, _ = subject_of(noun.head)
            result.recipient = [e for s in subjects for e in actors.phrase_entities(s)]
        if result.recipient:
            result.rules.append("arg:prep")
        elif entry.plover not in UNORDERED_TYPES:
            result.recipient = self._content_recipients(noun, actors, result)
        if not result.recipient and entry.plover == "ACCUSE":
            result.recipient = self._charged_parties(noun, actors, result)
        if not result.recipient and entry.plover in PLACE_TARGET_TYPES:
            # "began three days of drills near Taiwan", "an offensive in Lebanon"
            for holder in [noun, *([host] if host is not None else [])]:
                result.recipient.extend(
                    self._place_targets(holder, actors, result, entry.plover in AGENTLESS_TYPES)
                )
        result.recipient = self._without_self_reference(
            [e for e in unique_entities(result.recipient) if e not in result.actor], result
        )
        return result

    def _host_verb(self, noun: Token) -> Token | None:
        """The verb that carries a noun trigger: "launched an attack", "renewed talks",
        "arrived on a visit". A verb that is a trigger itself codes its own event."""
        while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
            # "launched artillery, mortar and rocket fire": the first conjunct's verb.
            noun = noun.head
        head = noun.head
        if (
            noun.dep_ == "pobj"
            and head.lower_ == "of"
            and head.head.lemma_.lower() in self.cues.measure_nouns
        ):
            noun = head.head
            head = noun.head
        adjunct = False
        if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in HOST_VERB_PREPS:
            adjunct = head.lower_ in ADJUNCT_PREPS
            head = head.head
        elif noun.dep_ not in ("dobj", "nsubjpass"):
            return None
        if head.pos_ not in ("VERB", "AUX") or head.i == noun.i:
            return None
        if adjunct:
            # "threw stones during demonstrations": whoever acts during it takes part.
            return head
        lemma = head.lemma_.lower()
        if lemma in self.cues.light_verbs or not self.lexicon.is_verb_trigger(lemma):
            return head
        if noun.lemma_.lower() in self.cues.drill_nouns and self._verb_entry(head) is None:
            # "launched drills around Taiwan": a trigger verb that codes nothing with this
            # object ("launch" codes attacks and inquiries) only carries the manoeuvres.
            return head
        return None

    # -- events -------------------------------------------------------------------

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

    def _carry_over(self, doc: Doc, events: list[Event]) -> list[Event]:
        """Fill a missing recipient from the previous event of the same type, nearby.

        News continues a topic across sentences ("China supplied Russia with drones ...
        firms allegedly provided weapons systems"); an event of a directed category with
        no recipient most likely has the one of the last such event. Nominal events of a
        directed category that still have no recipient are dropped: a bare noun with one
        participant ("Western sanctions") is rarely a codable event.
        """
        kept: list[Event] = []
        last_by_type: dict[str, Event] = {}
        for event in events:
            names_act = any(rule.startswith("object-event:") for rule in event.rules)
            if not event.recipient and population_wide(event):
                # "suspended mobile internet in the capital": on everyone there, no one
                # in particular (the manual leaves the recipient of such acts empty).
                if any(r.startswith("noun:") for r in event.rules) and (
                    "arg:light-verb" not in event.rules
                ):
                    continue
                event.rules.append(POPULATION_WIDE)
                kept.append(event)
                continue
            if not event.recipient and event.event_type not in UNORDERED_TYPES and not names_act:
                # ("condemned the takeover" names its own target: the takeover's doer.)
                previous = last_by_type.get(event.event_type)
                if (
                    previous is not None
                    and previous.recipient
                    and event.sentence_index - previous.sentence_index <= CARRY_OVER_SENTENCES
                ):
                    actor_codes = {e.country_code for e in event.actor}
                    inherited = [e for e in previous.recipient if e.country_code not in actor_codes]
                    if inherited:
                        event.recipient = list(inherited)
                        event.rules.append("arg:carry-over")
            if not event.recipient and not _names_other_act(event):
                counterpart = _implicit_counterpart(event)
                if counterpart is not None:
                    event.recipient = [counterpart]
                    event.rules.append(IMPLICIT_COUNTERPART)
            noun_trigger = any(rule.startswith("noun:") for rule in event.rules)
            # "announced his resignation": a one-sided act carried by its actor's verb.
            carried = event.event_type in ONE_SIDED_NOUN_TYPES and "arg:light-verb" in event.rules
            # "lawmakers began a hunger strike": the domestic counterpart is of the actor's
            # own country, a second participant all the same.
            carried = carried or (
                IMPLICIT_COUNTERPART in event.rules and "arg:light-verb" in event.rules
            )
            if noun_trigger and _participant_count(event) < 2 and not carried:
                continue
            if not event.recipient and event.event_type in STANCE_TYPES and not noun_trigger:
                event.recipient = _sentence_counterpart(doc, event, self.reporters)
                if event.recipient:
                    event.rules.append("arg:sentence-counterpart")
            if not event.recipient and event.event_type in TARGETED_TYPES:
                # The context stage, which knows places, gives it the place's country as
                # target or drops it.
                event.rules.append(NEEDS_TARGET)
                event.needs_target = True
            kept.append(event)
            if event.recipient:
                last_by_type[event.event_type] = event
        return kept


def population_wide(event: Event) -> bool:
    """An internet shutdown or a state of emergency, which fall on a whole population:
    coded without a recipient unless the text names one."""
    return event.event_type == "COERCE" and event.mode in POPULATION_MODES


def _protest_lodged_with(earlier: Event, wanted: set[str], own: set[str | None]) -> bool:
    """ "Greece lodged a protest with Turkey ... Turkey rejected the protest": the protest
    one state makes to another is an official complaint (CAMEO 114, PLOVER ACCUSE), so
    the one who answers "the protest" answers the one who lodged it with them."""
    addressed = {e.country_code for e in earlier.recipient}
    return "PROTEST" in wanted and earlier.event_type == "ACCUSE" and bool(addressed & own - {None})


def _sentence_counterpart(doc: Doc, event: Event, reporters: frozenset[str]) -> list[Entity]:
    """ "China said the Philippines was provoking trouble and warned that Beijing would
    take countermeasures": a warning, accusation, appeal or expression of support whose
    clause names no one else is aimed at the one other state its sentence names as a
    party (not as a place: "told reporters in Baghdad")."""
    span = doc.char_span(event.evidence.start, event.evidence.end, alignment_mode="expand")
    if span is None:
        return []
    own = {e.country_code for e in event.actor}
    if not own - {None}:
        # An actor the context stage has still to place may be of any state named.
        return []
    own |= {None} | {e.country_code for e in event.claimed_by}
    by_country: dict[str, Entity] = {}
    for entity in doc._.actors or []:
        if not span.start_char <= entity.start < span.end_char:
            continue
        code = entity.country_code
        if code in own or code in REGION_CODES or (entity.why or "").startswith("coref"):
            continue
        head = doc.char_span(entity.start, entity.end, alignment_mode="expand")
        if head is None:
            continue
        root = head.root
        if root.dep_ in ("compound", "amod", "poss"):
            root = root.head
        if root.dep_ == "nsubj" and root.head.lemma_.lower() in reporters:
            # "..., Kenya said": the source of the sentence, not its target.
            continue
        if root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS | {"from", "to"}:
            continue
        by_country.setdefault(code, entity)
    return list(by_country.values()) if len(by_country) == 1 else []


def _hyphen_prefix(verb: Token) -> str | None:
    """The first part of a hyphenated verb split by the tokenizer ("test - fired")."""
    doc = verb.doc
    if verb.i >= 2 and doc[verb.i - 1].text == "-" and not doc[verb.i - 1].whitespace_:
        first = doc[verb.i - 2]
        if not first.whitespace_ and first.head.i == verb.i:
            return first.lower_
    return None


def _hyphenated(noun: Token) -> str | None:
    """The whole of a hyphenated noun split by the tokenizer ("sit - in" → "sit-in")."""
    doc = noun.doc
    if noun.i >= 2 and doc[noun.i - 1].text == "-" and not doc[noun.i - 1].whitespace_:
        first = doc[noun.i - 2]
        if not first.whitespace_:
            return f"{first.lower_}-{noun.lower_}"
    return None


def _names_other_act(event: Event) -> bool:
    """Whether the trigger's object names an earlier act ("condemned the raid"), not the
    act itself ("imposed a curfew", "lifted the curfew": the verb's own object)."""
    own: set[str] = set()
    for rule in event.rules:
        if rule.startswith("verb:") and "+" in rule:
            own.update(rule.split("+", 1)[1].split("|"))
    return any(
        rule.split(":", 1)[1] not in own for rule in event.rules if rule.startswith("object-event:")
    )


def _sector(entity: Entity) -> str | None:
    """The CAMEO sector of a participant ("KENCOP" → COP), if it has one."""
    if entity.role:
        return entity.role
    code = entity.code or ""
    if len(code) >= 6 and code[:3] not in NON_STATE_PREFIXES:
        return code[3:6]
    return None


def _implicit_counterpart(event: Event) -> Entity | None:
    """The unnamed side of a domestic act by a sector actor (see ``DOMESTIC_TYPES``): the
    government for protesters, strikers or rebels, the public for the state's own
    agencies. It is of the actor's country; an unplaced actor ("protesters") leaves it
    unplaced too, and the context stage gives both the country where the act happens."""
    if event.event_type not in DOMESTIC_TYPES or event.no_agent:
        return None
    if event.cameo in PERSONAL_CONCESSIONS:
        # Regret and apologies are as often addressed abroad as at home.
        return None
    sectors = [_sector(e) for e in event.actor]
    if not sectors or any(s is None for s in sectors):
        return None
    if any((e.code or "")[:3] in NON_STATE_PREFIXES for e in event.actor):
        return None
    state = all(s in STATE_ROLES for s in sectors)
    if event.event_type != "PROTEST" and all(s == "CVL" for s in sectors):
        # "the Americans do not accept our terms": a people named as a whole.
        return None
    if event.event_type == "PROTEST" and state:
        # A state "protests" diplomatically, to someone it names.
        return None
    nominal = any(r.startswith("noun:") for r in event.rules)
    if nominal and "arg:light-verb" not in event.rules and event.event_type != "PROTEST":
        # "her detention", "Gaza raid": a noun's modifier is as often the one it is done
        # to; only protests ("student protests") are named after those who make them.
        return None
    countries = {e.country_code for e in event.actor if e.country_code}
    if len(countries) > 1:
        return None
    role = "CVL" if state else "GOV"
    text = IMPLICIT_TEXTS[role]
    start, end = event.trigger.start, event.trigger.end
    if not countries:
        return Entity(text=text, start=start, end=end, role=role, why=UNPLACED_AGENT)
    country = countries.pop()
    return Entity(
        text=text,
        start=start,
        end=end,
        code=f"{country}{role}",
        country=country,
        role=role,
        why="implicit:domestic-counterpart",
    )


def _settle_implicit_counterpart(event: Event) -> None:
    """An implicit counterpart stays only on the domestic act it was made for: a refused
    concession ("could not apologise", now REJECT) or a future protest coded as a threat
    needs a named target like any other act."""
    if IMPLICIT_COUNTERPART not in event.rules:
        return
    if event.event_type in DOMESTIC_TYPES and event.factuality != "negated":
        return
    event.recipient = [
        e
        for e in event.recipient
        if not (e.start == event.trigger.start and e.text in IMPLICIT_TEXTS.values())
    ]
    event.rules.remove(IMPLICIT_COUNTERPART)
    if not event.recipient and event.event_type in TARGETED_TYPES:
        event.rules.append(NEEDS_TARGET)
        event.needs_target = True


def _own(result: Participants) -> frozenset[str | None]:
    return frozenset(e.country_code for e in result.actor)


def _participant_count(event: Event) -> int:
    return len({e.country_code or e.text.lower() for e in event.actor + event.recipient})


@Language.factory(
    "dotterel_events",
    assigns=["doc._.events"],
    requires=["doc._.actors", "doc.sents", *PARSE_ATTRIBUTES],
)
def make_event_coder(nlp: Language, name: str) -> EventCoder:
    """Code triggers with actor, recipient, status and the category that status gives.

    An :class:`EventCoder` with the shipped lexicon and cues."""
    return EventCoder(load_lexicon(), load_cues())
