"""Finding an event's participants: who acts (actor) and who is acted on (recipient),
from the dependency tree around a verb or noun trigger (the ``arg:*`` rules of
:mod:`dotterel.events.coder`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from dotterel.codes import NON_STATE_PREFIXES, REGION_CODES, STATE_ROLES, sector_of
from dotterel.events.categories import (
    ADDRESSED_TYPES,
    AGENTLESS_TYPES,
    INSTRUMENT_ROLES,
    PLACE_TARGET_TYPES,
    PROMISE_TYPES,
)
from dotterel.events.cues import Cues
from dotterel.events.lexicon import Lexicon, TriggerEntry
from dotterel.events.syntax import (
    ActorIndex,
    children,
    is_infinitive,
    is_passive,
    is_reduced_passive,
    prep_objects,
    statement_issuer,
    subject_of,
    unique_entities,
)
from dotterel.events.triggers import TriggerReader
from dotterel.records import UNORDERED_TYPES, Entity


@dataclass
class Participants:
    """The actor and recipient found for one trigger, with the rules that found them."""

    actor: list[Entity] = field(default_factory=list)
    recipient: list[Entity] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    no_agent: bool = False


#: What coding one trigger gives: its lexicon entry (possibly re-typed), its
#: participants and the rules that fired.
CodedTrigger = tuple[TriggerEntry, Participants, list[str]]


def own_countries(result: Participants) -> frozenset[str | None]:
    """The countries of the actor's side, looked through when naming its counterpart."""
    return frozenset(e.country_code for e in result.actor)


def _is_state(entity: Entity) -> bool:
    """A country's government or state body (not an international or non-governmental
    body, nor its rebels, opposition or people)."""
    code = entity.country_code
    if not code or code[:3] in NON_STATE_PREFIXES or code in REGION_CODES:
        return False
    return entity.role is None or entity.role in STATE_ROLES


def _is_not_object(doc: Doc, entity: Entity) -> bool:
    span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    while head.dep_ in ("compound", "poss") and head.head is not head:
        head = head.head
    return head.dep_ not in ("dobj", "dative", "iobj", "pobj", "attr", "oprd")


@dataclass(eq=False)
class ArgumentReader:
    """Reads actor and recipient of verb and noun triggers."""

    lexicon: Lexicon
    cues: Cues
    triggers: TriggerReader

    def __post_init__(self) -> None:
        # For directed acts "of" names the patient ("the bombing of Belgrade"); for
        # meetings it names a participant (handled as unordered).
        self.patient_preps = self.cues.noun_recipient_preps | {"of"}
        self.object_party_preps = self.patient_preps | {"from", "by", "at"}

    def verb_participants(
        self, verb: Token, actors: ActorIndex, entry: TriggerEntry
    ) -> Participants:
        """Actor and recipient of a verb trigger: subject or ``by``-agent, then objects,
        content clauses, charged parties, offered parties, places left or targeted."""
        result = Participants()
        consumed_objects = set(entry.objects)
        reduced = is_reduced_passive(verb)
        if (is_passive(verb) or reduced) and verb.lemma_.lower() not in self.cues.stative_passives:
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
                named = named or self._object_party(subject, actors, own_countries(result))
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
            subjects, path = statement_issuer(verb, self.cues.statement_nouns) or subject_of(verb)
            for subject in subjects:
                named = actors.phrase_entities(subject)
                if not named:
                    named = self._group_members(subject, actors)
                if not named:
                    named = self._office_holder_pronoun(subject)
                    if named:
                        result.rules.append("arg:office-pronoun")
                result.actor.extend(named)
            if result.actor:
                result.rules.append("arg:nsubj" if path == "nsubj" else f"arg:inherit:{path}")
        # A state's own bare role words ("ordered troops to ...") are its instruments;
        # a body that commands no forces (a UN office, a rights group, rebels) can only
        # address them ("urged the security forces to ...").
        addressed = entry.plover in ADDRESSED_TYPES and not any(_is_state(e) for e in result.actor)
        result.recipient.extend(
            self.recipients(verb, actors, consumed_objects, result, addressed=addressed)
        )
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

    def _office_holder_pronoun(self, subject: Token) -> list[Entity]:
        """ "Venezuela's vice-president spoke in Caracas. She accused ...": a "he" or
        "she" subject no person name resolved stands for the last person named by office
        in the two sentences before (news prose refers back to the speaker; within one
        sentence the actor stage's own pronoun rules decide)."""
        if subject.lower_ not in ("he", "she") or subject.pos_ != "PRON":
            return []
        doc = subject.doc
        sentences = list(doc.sents)
        index = next(i for i, s in enumerate(sentences) if s.start <= subject.i < s.end)
        window_start = sentences[max(0, index - 2)].start_char
        offices = [
            e
            for e in doc._.actors or []
            if window_start <= e.start
            and e.end <= sentences[index].start_char
            and e.code
            and not (e.why or "").startswith("coref")
            and e.text.lower().removesuffix("'s").split()[-1] in self.cues.person_office_nouns
        ]
        # The one referred back to is no object ("told the Chinese ambassador. She
        # asked ..." is the teller, not the ambassador).
        offices = [e for e in offices if _is_not_object(doc, e)]
        if not offices:
            return []
        last = offices[-1]
        return [
            Entity(
                subject.text,
                subject.idx,
                subject.idx + len(subject.text),
                last.code,
                last.country,
                last.role,
                last.canonical,
                f"coref:office:{last.text}",
            )
        ]

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
                found = self.recipients(child, actors, set(), Participants(actor=result.actor))
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

    def recipients(
        self,
        verb: Token,
        actors: ActorIndex,
        trigger_objects: set[str],
        result: Participants,
        addressed: bool = False,
    ) -> list[Entity]:
        """Recipients among a verb's objects and prepositional phrases; objects that are
        the trigger's own (``trigger_objects``) name their owner or the party they concern.
        The object of an ``addressed`` act (a demand, an accusation) is the one addressed,
        even a bare state role word ("urged the authorities")."""
        found: list[Entity] = []
        objects = children(verb, "dobj", "dative", "iobj")
        if not objects:
            # "denounced as a crime Serbia's crackdown": the object after the "as" phrase.
            objects = [
                a for p in prep_objects(verb, frozenset({"as"})) for a in children(p, "appos")
            ]
        for obj in objects:
            if obj.lower_ in self.cues.reflexive_pronouns:
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
                    if e.country_code not in own_countries(result)
                ]
                named = named or self._object_party(obj, actors, own_countries(result))
                if not named:
                    # "banned Ugandan opposition candidates", "released five opposition
                    # activists": the object is itself a sector of people.
                    named = [
                        e
                        for e in actors.phrase_entities(obj)
                        if e.code
                        and sector_of(e) is not None
                        and sector_of(e) not in INSTRUMENT_ROLES
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
                if addressed
                or not (e.role in INSTRUMENT_ROLES and (e.country_code in own or e.needs_context))
            ]
            if not named:
                # "rejected a call from Senegal", "demanded the withdrawal of Serbian
                # forces": the party hangs off the object noun.
                named = self._object_party(obj, actors, own_countries(result))
            found.extend(named)
        if found:
            result.rules.append("arg:dobj")
            return found
        # "rejected a proposal from Cambodia": with an object, "from" names its author.
        preps = (
            self.cues.recipient_preps | {"from"}
            if children(verb, "dobj")
            else self.cues.recipient_preps
        )
        for pobj in prep_objects(verb, preps):
            if pobj.lemma_.lower() in self.cues.frame_nouns:
                # "on behalf of the EU", "on the sidelines of the summit": not a party.
                continue
            named = actors.phrase_entities(pobj)
            if not named:
                # "mobilized reservists for a war against Iraq"
                named = self._object_party(pobj, actors, own_countries(result))
            found.extend(named)
        if not found:
            # "blocked streets in defiance of Chinese authorities", "in protest at X".
            for stance in prep_objects(verb, frozenset({"in"})):
                if stance.lemma_.lower() in self.cues.stance_nouns:
                    for target in prep_objects(stance, self.cues.stance_preps):
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
        nouns = children(trigger, "dobj") + prep_objects(trigger, self.cues.inquiry_preps)
        nouns += [inner for n in list(nouns) for inner in prep_objects(n, self.cues.inquiry_preps)]
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
        preps = self.object_party_preps | self.cues.group_preps
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
            for pobj in prep_objects(holder, self.cues.place_preps):
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
            strikes = prep_objects(holder, self.cues.strike_preps) if violent else []
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
                if token.dep_ != "prep" or token.lower_ not in self.cues.group_preps:
                    continue
                found = [
                    e
                    for pobj in children(token, "pobj")
                    if not self.triggers.is_side_phrase(pobj)
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
            own = own_countries(result)
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

    def _group_members(self, token: Token, actors: ActorIndex) -> list[Entity]:
        """Participants named inside "between/among X and Y" of a noun phrase."""
        members: list[Entity] = []
        for pobj in prep_objects(token, self.cues.group_preps):
            members.extend(actors.phrase_entities(pobj))
        return members

    def noun_participants(
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
                for pobj in prep_objects(host, self.cues.host_preps):
                    result.recipient.extend(actors.phrase_entities(pobj))
        # "a visit by the Iranian president to Moscow": the parser often hangs the
        # destination on the agent rather than on the noun.
        preps = (
            self.cues.noun_recipient_preps
            if entry.plover in UNORDERED_TYPES
            else self.patient_preps
        )
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
                    named = self._object_party(pobj, actors, own_countries(result))
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
