"""Verb triggers: the event a verb codes, with its participants, and the re-typing that
who does it calls for (state blocking is coercion, crowd damage a riot, ...).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Token

from dotterel.codes import STATE_ROLES, sector_of
from dotterel.events.arguments import ArgumentReader, CodedTrigger, Participants, own_countries
from dotterel.events.categories import (
    ACT_ANAPHOR,
    AGENTLESS_TYPES,
    CROWD_ACT_MODES,
    DOMESTIC_TYPES,
    IMPLICIT_RELEASER,
    OWNER_TARGET_TYPES,
    POPULATION_MODES,
    PROMISE_TYPES,
    RELEASE_MODES,
    STANCE_ON_ACTS,
    STATE_CONTROL_MODES,
    UNPLACED_VICTIMS,
)
from dotterel.events.cues import Cues
from dotterel.events.lexicon import Lexicon, TriggerEntry
from dotterel.events.movement import MovementCoder
from dotterel.events.retype import WARNING_RULE
from dotterel.events.stances import StanceCoder
from dotterel.events.syntax import (
    ActorIndex,
    children,
    is_passive,
    prep_objects,
    subject_of,
)
from dotterel.events.triggers import TriggerReader, hyphen_prefix
from dotterel.records import UNPLACED_AGENT, Entity

# "will", "would" and "shall" announce a punishment to come ("will be arrested").
WARNING_AUXILIARIES = frozenset({"will", "would", "shall", "'ll", "wo"})
QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d"})


@dataclass(eq=False)
class VerbEventCoder:
    """Codes the event of one verb."""

    lexicon: Lexicon
    cues: Cues
    triggers: TriggerReader
    arguments: ArgumentReader
    stances: StanceCoder
    movement: MovementCoder

    def code(self, verb: Token, actors: ActorIndex, consumed: set[int]) -> CodedTrigger | None:
        """The event a verb codes, with its participants and rules, or ``None``."""
        lemma = verb.lemma_.lower()
        prefixed = hyphen_prefix(verb)
        if prefixed is not None and self.lexicon.is_verb_trigger(f"{prefixed}-{lemma}"):
            # "test-fired a missile": the tokenizer splits the compound verb in three.
            lemma = f"{prefixed}-{lemma}"
        particles = [child.lower_ for child in verb.children if child.dep_ in ("prt", "prep")]
        objects = self.triggers.object_lemmas(verb)
        if self.stances.announces_reaction(verb):
            threat = self.lexicon.match_verb("threaten")
            if threat is not None:
                return self.stances.reaction(verb, actors, threat)
        warning = self._warned_punishment(verb, actors)
        if warning is not None:
            return warning
        entry = self.lexicon.match_verb(lemma, particles, objects)
        if entry is None:
            return self.movement.code(verb, actors)
        if self.triggers.embedded_in_trigger(verb, entry.plover):
            return None
        if lemma in self.cues.negating_governors and any(
            c.dep_ == "xcomp" and c.lemma_.lower() in self.cues.comment_verbs for c in verb.children
        ):
            # "refused to comment on the attack": declining comment (CAMEO 011) is a
            # statement PLOVER drops, not a rejection of anything.
            return None
        if lemma == "leave" and any(
            t.lower_ in self.cues.result_adjectives for t in verb.subtree if t.i > verb.i
        ):
            # "leaving nine soldiers dead" reports a toll, not a withdrawal.
            return None
        participants = self.arguments.verb_participants(verb, actors, entry)
        if self._agentless_arrest(verb, entry, participants):
            participants.actor = self._arresting_authority(verb, actors, entry)
            named = participants.actor[0].start != verb.idx
            participants.rules.append(
                "arg:reporting-authority" if named else "arg:implicit-authority"
            )
        elif self._agentless_release(verb, entry, participants):
            # "The detainees were released without charge": the body that held them
            # let them go; the links stage takes it (and, for "the detainees", "all
            # seven", whom) from the detention this release undoes.
            participants.actor = self._arresting_authority(verb, actors, entry, police=True)
            participants.rules.append(IMPLICIT_RELEASER)
        if self.triggers.entry_mode(entry) in POPULATION_MODES and "arg:place-as-target" in (
            participants.rules
        ):
            # "shut down the internet across Uganda": where it was shut, not at whom.
            participants.recipient = []
            participants.rules.remove("arg:place-as-target")
        if lemma in self.cues.escort_verbs:
            if any(r.startswith("arg:inherit") for r in participants.rules):
                # "killing soldiers escorting them": the escort's doer is not named.
                return None
            # "navy boats escorted the canoes": a one-sided show of force.
            participants.recipient = []
            participants.rules.append("escort-is-one-sided")
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
        entry = self.triggers.joint_drill(entry, participants, set(objects), rules)
        if entry.plover in PROMISE_TYPES and self.triggers.promises_hostility(verb):
            # "vowed to fight on", "pledged to retaliate": a promise of force is a threat.
            threat = self.lexicon.match_verb("threaten")
            if threat is not None:
                entry = threat
                rules.append("promise-of-force-is-threaten")
        return entry, participants, rules

    def _warned_punishment(self, verb: Token, actors: ActorIndex) -> CodedTrigger | None:
        """ "She said those responsible would be prosecuted", "Anyone who loots will be
        hunted down," the minister said; "those detained would face fines": punishment an
        official announces, with no one named to carry it out, is a warning to those it
        names (PLOVER THREATEN, made now), not an arrest or a prosecution that happened."""
        lemma = verb.lemma_.lower()
        if not any(c.dep_ == "aux" and c.lower_ in WARNING_AUXILIARIES for c in verb.children):
            return None
        if any(c.dep_ == "neg" for c in verb.children):
            return None
        if lemma == "face":
            if not any(
                o.lemma_.lower() in self.cues.punishment_nouns for o in children(verb, "dobj")
            ):
                return None
            subjects = children(verb, "nsubj", "csubj") or subject_of(verb)[0]
        elif lemma in self.cues.punishment_verbs and any(
            c.dep_ == "auxpass" for c in verb.children
        ):
            if any(actors.phrase_entities(a) for a in prep_objects(verb, frozenset({"by"}))):
                return None
            # "Anyone found carrying a gun will be arrested": the parser often makes the
            # described person a clausal subject.
            subjects = children(verb, "nsubjpass", "csubjpass")
        else:
            return None
        speakers = [e for e in self._speakers(verb, actors) if sector_of(e) in STATE_ROLES]
        threat = self.lexicon.match_verb("threaten")
        if not subjects or not speakers or threat is None:
            return None
        warned: list[Entity] = []
        for subject in subjects:
            named = [e for e in actors.phrase_entities(subject) if e.code or e.role]
            if not named:
                # "anyone who touches a police station", "those responsible": people
                # described by their conduct, placed by the context stage.
                start = subject.left_edge.idx
                end = subject.right_edge.idx + len(subject.right_edge.text)
                text = verb.doc.text[start:end]
                named = [Entity(text, start, end, role="CVL", why=UNPLACED_AGENT)]
            warned.extend(named)
        speakers = [e for e in speakers if e not in warned]
        if not speakers:
            return None
        participants = Participants(speakers, warned, ["arg:speaker", "arg:warned"])
        return threat, participants, [f"{WARNING_RULE}:{lemma}"]

    def _speakers(self, verb: Token, actors: ActorIndex) -> list[Entity]:
        """Who says what a clause reports: the subject of the reporting verb governing
        it, else, in a quotation standing as its own sentence, the speaker the
        paragraph's previous sentence names ("'...,' X told reporters. '...'")."""
        clause = verb
        for _ in range(4):
            if clause.dep_ not in ("ccomp", "conj", "parataxis", "xcomp") or clause.head is clause:
                break
            clause = clause.head
            if clause.lemma_.lower() in self.cues.reporters | {"warn", "write"}:
                subjects, _path = subject_of(clause)
                return [e for s in subjects for e in actors.phrase_entities(s)]
        sent = verb.sent
        if sent[0].text not in QUOTE_MARKS or sent.start == 0:
            return []
        previous = verb.doc[sent.start - 1].sent
        if "\n" in verb.doc.text[previous.end_char : sent.start_char]:
            return []
        for token in reversed(previous):
            if token.pos_ == "VERB" and token.lemma_.lower() in self.cues.reporters:
                return [e for s in children(token, "nsubj") for e in actors.phrase_entities(s)]
        return []

    def _agentless_arrest(
        self, verb: Token, entry: TriggerEntry, participants: Participants
    ) -> bool:
        """ "40 people were arrested", "dozens had been detained": a passive arrest with
        no one named as its agent (only states arrest)."""
        mode = self.triggers.entry_mode(entry)
        if entry.plover != "COERCE" or mode not in ("arrest", *STATE_CONTROL_MODES):
            return False
        if participants.actor or not (is_passive(verb) or verb.dep_ == "acl"):
            return False
        if mode == "arrest" and not any(e.code or e.role for e in participants.recipient):
            # Nobody known was arrested: nothing to code.
            return False
        return not prep_objects(verb, frozenset({"by"}))

    def _agentless_release(
        self, verb: Token, entry: TriggerEntry, participants: Participants
    ) -> bool:
        """ "He was released after five hours", "all seven were freed on bail": a passive
        release from custody with no one named as its agent."""
        if entry.plover != "RETREAT" or self.triggers.entry_mode(entry) not in RELEASE_MODES:
            return False
        if verb.lemma_.lower() not in self.cues.custody_release_verbs:
            return False
        if participants.actor or not (is_passive(verb) or verb.dep_ == "acl"):
            return False
        if any(c.dep_ == "neg" or c.tag_ == "MD" for c in verb.children):
            # "were not released", "would be freed once the fines are paid": no release
            # happened for its doer to be inferred.
            return False
        return not prep_objects(verb, frozenset({"by"}))

    def _arresting_authority(
        self, verb: Token, actors: ActorIndex, entry: TriggerEntry, police: bool = False
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
            if head.lemma_.lower() in self.cues.reporters:
                speakers = [
                    e
                    for s in children(head, "nsubj")
                    for e in actors.phrase_entities(s)
                    if sector_of(e) in STATE_ROLES
                ]
                if speakers:
                    return speakers
                break
        police = police or self.triggers.entry_mode(entry) == "arrest"
        return [
            Entity(
                text="police" if police else "the authorities",
                start=verb.idx,
                end=verb.idx + len(verb.text),
                role="COP" if police else "GOV",
                why=UNPLACED_AGENT,
            )
        ]

    def _state_obstruction(
        self, entry: TriggerEntry, participants: Participants, objects: list[str]
    ) -> TriggerEntry:
        """Blocking done by the state is no protest: police cordoning off roads restrict
        movement, a regulator blocking access to a website censors it (PLOVER COERCE)."""
        if entry.plover != "PROTEST" or entry.mode != "obstruct" or not participants.actor:
            return entry
        if not all(sector_of(e) in STATE_ROLES for e in participants.actor):
            return entry
        participants.rules.append("state-obstruction-is-coerce")
        online = bool(set(objects) & self.cues.online_objects)
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
        own = own_countries(participants)
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
        crowds = [
            bool(self.cues.crowd_words & set(e.text.lower().split())) for e in participants.actor
        ]
        if not crowds or not all(crowds):
            return entry
        participants.rules.append("crowd-violence-is-riot")
        return replace(entry, plover="PROTEST", cameo="145", mode="riot", context=())

    def _owner_of_object(
        self, verb: Token, actors: ActorIndex, entry: TriggerEntry, participants: Participants
    ) -> list[Entity]:
        """ "struck down the president's decision", "revoked the licence of a broadcaster":
        the act named by the trigger's own object falls on whoever that object is of."""
        own = {c for c in own_countries(participants) if c}
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
        if not participants.actor or any(sector_of(e) in STATE_ROLES for e in participants.actor):
            return []
        sites = prep_objects(verb, self.cues.site_preps)
        for front in prep_objects(verb, frozenset({"in"})):
            if front.lemma_.lower() == "front":
                sites.extend(prep_objects(front, frozenset({"of"})))
        # "outside the parliament building": the institution housed there.
        sites.extend(
            c for site in list(sites) for c in site.lefts if c.dep_ in ("compound", "poss")
        )
        found = [
            e for site in sites for e in actors.phrase_entities(site) if sector_of(e) in STATE_ROLES
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
        if entry.plover != "ASSAULT" or self.triggers.entry_mode(entry) != "crowd-control":
            return entry
        if not participants.actor or not all(
            sector_of(e) in STATE_ROLES for e in participants.actor
        ):
            return entry
        own = {c for c in own_countries(participants) if c}
        police = all(sector_of(e) == "COP" for e in participants.actor)
        for target in [] if police else participants.recipient:
            # An unplaced police force firing on "students in Quito" is at home there;
            # on a state named as such ("a Philippine boat") it is not.
            if target.country_code and (
                target.country_code not in own if own else sector_of(target) is None
            ):
                return entry
        # The weapons named right after the verb (the parser often splits "tear gas and
        # live ammunition" into two clauses).
        previous = ""
        for token in verb.doc[verb.i + 1 : verb.i + 9]:
            if token.pos_ in ("ADP", "PART") or token.is_punct:
                break
            if (
                token.lemma_.lower() in self.cues.lethal_words
                and previous not in self.cues.nonlethal_modifiers
            ):
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
            if obj.lemma_.lower() in self.cues.release_nouns
            or self.lexicon.match_noun(obj.lemma_.lower())
        ]
        entry = self.triggers.verb_entry(verb)
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
