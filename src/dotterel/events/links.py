"""Links between the events of one document: an act named by anaphor ("condemned the
raid"), "both sides", recipients carried over from the last event of a kind, and the
implicit counterpart of a domestic act.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from dotterel.codes import NON_STATE_PREFIXES, NOT_STATES, REGION_CODES, STATE_ROLES, sector_of
from dotterel.events.categories import (
    ACT_ANAPHOR,
    CARRY_OVER_SENTENCES,
    COOPERATIVE_ACTS,
    DETENTION_ACTS,
    DOMESTIC_TYPES,
    HOSTILE_CONTENT,
    IMPLICIT_COUNTERPART,
    IMPLICIT_RELEASER,
    NEEDS_TARGET,
    ONE_SIDED_NOUN_TYPES,
    PERSONAL_CONCESSIONS,
    POPULATION_MODES,
    POPULATION_WIDE,
    REFUSAL_RULE,
    REFUSED_TYPES,
    REPLIED_TYPES,
    REPLY_RULE,
    SIDE_TYPES,
    SIGNING_CAMEO,
    STANCE_TYPES,
    TARGETED_TYPES,
)
from dotterel.events.cues import Cues
from dotterel.events.lexicon import Lexicon
from dotterel.events.syntax import (
    ActorIndex,
    prep_objects,
    trigger_token,
    unique_entities,
)
from dotterel.events.triggers import TriggerReader
from dotterel.records import UNORDERED_TYPES, UNPLACED_AGENT, Entity, Event

#: The rule of an event split from a third party's act with both sides.
ONE_PER_SIDE_RULE = "arg:one-per-side"
#: How the members of "the two sides" are marked (by this stage and by the actors' coref).
SIDE_WHY = ("both-sides", "coref:two:")
IMPLICIT_TEXTS = {"CVL": "the public", "GOV": "the government"}


@dataclass(eq=False)
class EventLinks:
    """Resolves what one event leaves to the others of its document."""

    lexicon: Lexicon
    cues: Cues
    triggers: TriggerReader

    def resolve_event_anaphors(self, events: list[Event]) -> None:
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
            if event.event_type == "SUPPORT" and any(self._names_agreement(n) for n in nouns):
                self._resolve_welcomed_agreement(events, index)
                continue
            for noun in nouns:
                if noun in self.cues.release_nouns and event.event_type != "SUPPORT":
                    # (Welcoming "the releases" supports those who freed them: the
                    # noun's own act, below.)
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
                    if (
                        event.event_type == "REJECT"
                        and "ACCUSE" in wanted
                        and not own & {e.country_code for e in earlier.recipient}
                    ):
                        # "Iran rejected the charge": a charge made against Iran, not
                        # whatever accusation came last.
                        continue
                    if earlier.event_type in wanted or _protest_lodged_with(earlier, wanted, own):
                        event.recipient = [e for e in earlier.actor if e.country_code not in own]
                        if event.recipient:
                            event.rules.append("arg:event-anaphor")
                            break
                if event.recipient:
                    break

    def resolve_replies(self, doc: Doc, actors: ActorIndex, events: list[Event]) -> None:
        """A rejection of a statement answers whoever made it: "A accused B of ...; B
        rejected the accusations" is B → A, as are "dismissed the offer", "rejected what it
        called 'foreign lectures'" and "dismissed the note as 'baseless'". The issuer is
        the statement's owner or "by"/"from" phrase ("Kenya's protest", "concerns raised
        by the union"), else the actor of the last statement the story tells as addressed
        to the replier."""
        for index, event in enumerate(events):
            if event.event_type != "REJECT" or event.recipient or not event.actor:
                continue
            verb = trigger_token(doc, event)
            statement = self._rejected_statement(verb)
            own = {e.country_code for e in event.actor}
            if statement is None:
                if self._bare_refusal(verb):
                    # "Chile asked Peru to reopen the crossing. Peru refused."
                    # "asked Brazil to ..., but Brazil refused": the request may be
                    # told in the refusal's own sentence.
                    refused = self._last_addressed_statement(
                        events[:index], event, own, REFUSED_TYPES, same_sentence=True
                    )
                    if not refused:
                        refused = self._unaddressed_request(events[:index], event)
                    if refused:
                        event.recipient = unique_entities(refused)
                        event.rules.append(REFUSAL_RULE)
                continue
            issuers = [
                e
                for e in self._statement_issuers(statement, actors)
                if not _same_party(e, event.actor)
            ]
            if not issuers:
                issuers = self._last_addressed_statement(events[:index], event, own, REPLIED_TYPES)
            if issuers:
                event.recipient = unique_entities(issuers)
                event.rules.append(REPLY_RULE)

    def _rejected_statement(self, verb: Token) -> Token | None:
        """The statement a reply verb rejects: its object when that names a statement,
        is called one by the replier ("what it called ..."), or is dismissed with a
        dismissive word ("... as 'baseless'")."""
        if verb.pos_ != "VERB":
            return None
        lemma = verb.lemma_.lower()
        particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
        if lemma not in self.cues.reply_verbs and not any(
            f"{lemma} {p}" in self.cues.reply_verbs for p in particles
        ):
            return None
        for child in verb.children:
            if child.dep_ in ("ccomp", "dobj") and child.lemma_.lower() in self.cues.naming_verbs:
                # "rejected what it called 'hasty accusations'"
                return child
        objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        if not objects:
            return None
        statement = objects[0]
        if statement.lemma_.lower() in self.cues.reply_nouns:
            return statement
        dismissed = [
            t
            for p in verb.children
            if p.dep_ == "prep" and p.lower_ == "as"
            for t in p.subtree
            if t.lemma_.lower() in self.cues.dismissive_words
            or t.lower_ in self.cues.dismissive_words
        ]
        return statement if dismissed else None

    @staticmethod
    def _statement_issuers(statement: Token, actors: ActorIndex) -> list[Entity]:
        """Who the statement's own phrase says made it: its possessor ("Kenya's
        protest") or the agent of a participle ("concerns raised by the union"), or a
        "from" phrase ("the offer from the bloc")."""
        found = [
            e
            for c in statement.children
            if c.dep_ == "poss"
            for e in actors.phrase_entities(c, with_conjuncts=False)
        ]
        for child in statement.children:
            if child.dep_ == "acl":
                found += [
                    e
                    for agent in child.children
                    if agent.dep_ == "agent"
                    for pobj in agent.children
                    if pobj.dep_ == "pobj"
                    for e in actors.phrase_entities(pobj)
                ]
        found += [
            e
            for p in prep_objects(statement, frozenset({"from", "by"}))
            for e in actors.phrase_entities(p)
        ]
        return [e for e in found if e.country_code]

    def _bare_refusal(self, verb: Token) -> bool:
        """A refusal that does not say what it refuses: "Peru refused", "Moscow has
        refused to do so" (no object, and no complement but a pro-form of an act)."""
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.cues.refusal_verbs:
            return False
        for child in verb.children:
            if child.dep_ in ("dobj", "ccomp", "nsubjpass"):
                return False
            if child.dep_ == "xcomp" and not self._act_pro_form(child):
                return False
        return True

    @staticmethod
    def _unaddressed_request(earlier_events: list[Event], event: Event) -> list[Entity]:
        """ "Paraguay asked to be allowed to sell power abroad, but Brazil refused": a
        request that names no addressee, told just before a bare refusal, was made to
        the refuser; the request gets it as its addressee, the refusal its maker."""
        for earlier in reversed(earlier_events):
            if event.sentence_index - earlier.sentence_index > CARRY_OVER_SENTENCES:
                break
            if earlier.event_type != "REQUEST" or earlier.recipient:
                continue
            makers = _other_placed_parties(earlier.actor, event.actor)
            if not makers:
                return []
            earlier.recipient = list(event.actor)
            earlier.rules.append(REFUSAL_RULE)
            return makers
        return []

    def _act_pro_form(self, clause: Token) -> bool:
        """ "do so", "do it": a clause that only stands for an act told before."""
        if clause.lemma_.lower() != "do":
            return False
        rest = [c for c in clause.children if c.dep_ not in ("aux", "neg", "punct")]
        return bool(rest) and all(c.lower_ in self.cues.act_pro_forms for c in rest)

    @staticmethod
    def _last_addressed_statement(
        earlier_events: list[Event],
        event: Event,
        own: set[str | None],
        types: frozenset[str],
        same_sentence: bool = False,
    ) -> list[Entity]:
        """The actor of the last statement of ``types`` told before as made to the
        replier's state."""
        if not own - {None}:
            return []
        for earlier in reversed(earlier_events):
            if earlier.event_type not in types:
                continue
            if earlier.sentence_index > event.sentence_index or (
                earlier.sentence_index == event.sentence_index
                and (not same_sentence or earlier.trigger.start > event.trigger.start)
            ):
                continue
            if not own & {e.country_code for e in earlier.recipient}:
                continue
            issuers = _other_placed_parties(earlier.actor, event.actor)
            if issuers:
                return issuers
        return []

    def undo_detentions(self, events: list[Event]) -> list[Event]:
        """An agentless release undoes the last detention told before it: "Police arrested
        40 students ... The detainees were released without charge" is a release by the
        police of the students. The detention on the same people is preferred, else the
        last one; with none, the releaser stays the one the verb coder assumed and a
        release of no one known is dropped."""
        kept: list[Event] = []
        for index, event in enumerate(events):
            if IMPLICIT_RELEASER not in event.rules:
                kept.append(event)
                continue
            detention = self._undone_detention(events[:index], event)
            if detention is not None:
                event.actor = list(detention.actor)
                if not event.recipient:
                    event.recipient = [
                        e
                        for e in detention.recipient
                        if e not in event.actor and not _is_implicit(e, detention)
                    ]
                event.rules.append("arg:undone-detention")
            if any(e.code or e.role for e in event.recipient):
                # As for agentless arrests, a release of nobody known is nothing to code.
                kept.append(event)
        return kept

    def _undone_detention(self, earlier: list[Event], release: Event) -> Event | None:
        detentions = [
            e
            for e in earlier
            if (e.event_type, e.mode) in DETENTION_ACTS
            and any(a.code or a.role for a in e.actor)
            and e.recipient
        ]
        released = {(e.code, e.role, e.text.lower()) for e in release.recipient}
        for detention in reversed(detentions):
            held = {(e.code, e.role, e.text.lower()) for e in detention.recipient}
            if released & held or {c for c, _, _ in released if c} & {c for c, _, _ in held}:
                return detention
        return detentions[-1] if detentions else None

    def _names_agreement(self, noun: str) -> bool:
        """Whether a noun names an agreement or its signing ("the treaty", "the deal",
        "the signing", "the initialling")."""
        entry = self.lexicon.match_noun(noun)
        return entry is not None and _agreement_or_signing(entry.plover, entry.cameo)

    @staticmethod
    def _resolve_welcomed_agreement(events: list[Event], index: int) -> None:
        """ "The United States welcomed the signing", "ASEAN welcomed the treaty": support
        for all the parties to the agreement just told, or, told no nearer, to the one
        the story is about (the first agreement or signing it reports: a definite "the
        treaty" paragraphs on names the story's treaty)."""
        event = events[index]
        own = {e.country_code for e in event.actor} | {None}
        earlier = [e for e in events[:index] if _is_agreement(e)]
        near = [
            e for e in earlier if event.sentence_index - e.sentence_index <= CARRY_OVER_SENTENCES
        ]
        for candidate in list(reversed(near)) + earlier[:1]:
            parties = candidate.actor + candidate.recipient
            event.recipient = unique_entities([e for e in parties if e.country_code not in own])
            if event.recipient:
                event.rules.append("arg:welcomed-agreement")
                return

    def resolve_both_sides(self, doc: Doc, events: list[Event]) -> None:
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
            # The two sides are states acting as states, coded as a country's name is (its
            # government), as the actors stage codes "both countries".
            event.recipient = [
                Entity(
                    doc.text[start:end],
                    start,
                    end,
                    code=code if code in NOT_STATES else f"{code}GOV",
                    country=code,
                    role=None if code in NOT_STATES else "GOV",
                    why="both-sides",
                )
                for code in ranked[:2]
            ]
            event.rules.append("arg:both-sides")

    def _both_sides_phrase(self, trigger: Token) -> Token | None:
        """The "both sides", "the two governments" a trigger is addressed to or offers to
        bring together, if any."""
        for token in trigger.subtree:
            if token.dep_ not in ("dobj", "pobj", "nsubj") or not self.triggers.is_side_phrase(
                token
            ):
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

    def carry_over(self, doc: Doc, events: list[Event]) -> list[Event]:
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
                event.recipient = _sentence_counterpart(doc, event, self.cues)
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


def event_id_of(event: Event) -> str:
    """The event's stable id; the events one act is split into (one per side) are told
    apart by their side."""
    part = ""
    if ONE_PER_SIDE_RULE in event.rules and event.recipient:
        side = event.recipient[0]
        part = side.code or side.country_code or side.text
    return Event.make_id(
        event.doc_id, event.trigger.start, event.trigger.end, event.event_type, part=part
    )


def one_event_per_side(events: list[Event]) -> list[Event]:
    """ "Saudi Arabia's minister spoke with both leaders", "offered talks between the two
    sides": an unordered act (AGREE, CONSULT, COOPERATE) of a third party with the two
    sides is one act with each of them, not an act between the two sides as well."""
    out: list[Event] = []
    for event in events:
        sides = [e for e in event.recipient if (e.why or "").startswith(SIDE_WHY)]
        if (
            event.event_type not in UNORDERED_TYPES
            or not event.actor
            or len(sides) != len(event.recipient)
            or len({e.country_code for e in sides}) < 2
        ):
            out.append(event)
            continue
        for side in sides:
            split = replace(event, recipient=[side], rules=[*event.rules, ONE_PER_SIDE_RULE])
            split.event_id = event_id_of(split)
            out.append(split)
    return out


def _is_agreement(event: Event) -> bool:
    """An agreement reached, promised or signed (AGREE, or CAMEO 057 signing)."""
    return _agreement_or_signing(event.event_type, event.cameo)


def _agreement_or_signing(plover: str | None, cameo: str | None) -> bool:
    """AGREE, or CAMEO 057 (signing a formal agreement, PLOVER SUPPORT)."""
    return plover == "AGREE" or (cameo or "").startswith(SIGNING_CAMEO)


def population_wide(event: Event) -> bool:
    """An internet shutdown or a state of emergency, which fall on a whole population:
    coded without a recipient unless the text names one."""
    return event.event_type == "COERCE" and event.mode in POPULATION_MODES


def _same_party(entity: Entity, party: list[Entity]) -> bool:
    """Whether ``entity`` is one of ``party``: the same state abroad, the same body (code
    or words) at home ("the union rejected the government's offer" is a reply within
    one state)."""
    for other in party:
        if entity.country_code != other.country_code:
            continue
        if entity.text.lower() == other.text.lower() or (entity.code or "") == (other.code or ""):
            return True
    return False


def _protest_lodged_with(earlier: Event, wanted: set[str], own: set[str | None]) -> bool:
    """ "Greece lodged a protest with Turkey ... Turkey rejected the protest": the protest
    one state makes to another is an official complaint (CAMEO 114, PLOVER ACCUSE), so
    the one who answers "the protest" answers the one who lodged it with them."""
    addressed = {e.country_code for e in earlier.recipient}
    return "PROTEST" in wanted and earlier.event_type == "ACCUSE" and bool(addressed & own - {None})


def _sentence_counterpart(doc: Doc, event: Event, cues: Cues) -> list[Entity]:
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
        if root.dep_ == "nsubj" and root.head.lemma_.lower() in cues.reporters:
            # "..., Kenya said": the source of the sentence, not its target.
            continue
        if root.dep_ == "pobj" and root.head.lower_ in cues.place_preps | {"from", "to"}:
            continue
        by_country.setdefault(code, entity)
    return list(by_country.values()) if len(by_country) == 1 else []


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
    sectors = [sector_of(e) for e in event.actor]
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


def settle_implicit_counterpart(event: Event) -> None:
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


def _other_placed_parties(entities: list[Entity], party: list[Entity]) -> list[Entity]:
    """Those of ``entities`` with a country that are not one of ``party``."""
    return [e for e in entities if e.country_code and not _same_party(e, party)]


def _is_implicit(entity: Entity, event: Event) -> bool:
    """Whether ``entity`` is the implicit counterpart the coder gave ``event``."""
    return entity.start == event.trigger.start and entity.text in IMPLICIT_TEXTS.values()


def _participant_count(event: Event) -> int:
    return len({e.country_code or e.text.lower() for e in event.actor + event.recipient})
