"""Reading triggers: which lexicon entry a verb or noun sets off, and whether its clause
is the content of another trigger ("agreed to meet") rather than an event of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Token

from dotterel.events.categories import (
    CHARGE_TYPES,
    COOPERATIVE_RESULT_TYPES,
    HOSTILE_CONTENT,
    PROMISE_TYPES,
)
from dotterel.events.cues import Cues
from dotterel.events.lexicon import Lexicon, TriggerEntry
from dotterel.events.syntax import (
    children,
    is_infinitive,
    prep_objects,
)

if TYPE_CHECKING:
    from dotterel.events.arguments import Participants


@dataclass(eq=False)
class TriggerReader:
    """Looks up the trigger entry of a token and the clause around it."""

    lexicon: Lexicon
    cues: Cues

    def entry_mode(self, entry: TriggerEntry) -> str:
        """The PLOVER mode of an entry, else that of its CAMEO code ("" if neither has one)."""
        cameo = self.lexicon.cameo(entry.cameo) if entry.cameo else None
        return entry.mode or (cameo.mode if cameo else "") or ""

    def is_side_phrase(self, token: Token) -> bool:
        """ "both sides", "the two governments", "urged both to ..." (left to
        :meth:`_resolve_both_sides`)."""
        if token.lower_ == "both" and token.pos_ in ("PRON", "DET") and token.dep_ == "dobj":
            return True
        return token.lemma_.lower() in self.cues.side_nouns and any(
            c.lower_ in ("both", "two") for c in token.children
        )

    def promises_hostility(self, verb: Token) -> bool:
        """Whether a promise's content is force: "vowed to respond", "pledged to strike back"."""
        for child in verb.children:
            if child.dep_ == "xcomp" and child.pos_ == "VERB":
                particles = [c.lower_ for c in child.children if c.dep_ in ("prt", "prep")]
                objects = self.object_lemmas(child)
                if child.lemma_.lower() in self.cues.reaction_verbs:
                    # "vowed to respond", "pledged to retaliate"
                    return True
                content = self.lexicon.match_verb(child.lemma_.lower(), particles, objects)
                # Agreeing to hold manoeuvres is not a threat.
                drills = bool(set(objects) & self.cues.drill_nouns)
                if content is not None and content.plover in HOSTILE_CONTENT and not drills:
                    return True
        return False

    def joint_drill(
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

    def noun_entry(self, noun: Token) -> TriggerEntry | None:
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

    def object_lemmas(self, verb: Token) -> list[str]:
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
                self.cues.condition_nouns
            ):
                nouns.extend(prep_objects(noun, frozenset({"of"})))
        objects = [noun.lemma_.lower() for noun in nouns]
        # "closed the border crossing": a gerund-looking object noun tagged as a verb is
        # lemmatised to the verb ("cross"); its written form is the noun.
        objects.extend(
            noun.lower_
            for noun in nouns
            if noun.pos_ == "VERB" and noun.lower_.endswith("ing") and noun.lower_ != noun.lemma_
        )
        # "held a sit-in": the tokenizer splits a hyphenated noun in three.
        objects.extend(whole for noun in nouns if (whole := hyphenated(noun)) is not None)
        objects.extend(
            c.lemma_.lower()
            for noun in nouns
            if noun.lemma_.lower() in self.cues.effort_nouns
            for c in noun.lefts
            if c.dep_ == "compound"
        )
        # "sent a team of experts", "a disaster relief team": a crew is what its members are.
        objects.extend(
            c.lemma_.lower()
            for noun in nouns
            if noun.lemma_.lower() in self.cues.crew_nouns
            for c in [*noun.lefts, *prep_objects(noun, frozenset({"of"}))]
            if c.dep_ in ("compound", "amod", "pobj")
        )
        return objects

    def embedded_in_trigger(self, verb: Token, own_type: str | None = None, depth: int = 0) -> bool:
        """A clause under another trigger is that event's content or purpose: "agreed to
        meet", "threatened to attack", "a hunger strike to demand", "its demand that Israel
        ease restrictions". Only what an accusation charges is coded on its own."""
        if verb.dep_ == "conj" and verb.tag_ == "VB" and not children(verb, "nsubj"):
            # "called on them to investigate the deaths and (to) release the detainees":
            # a base-form verb coordinated with an embedded clause shares its embedding.
            head = verb.head
            return head.pos_ == "VERB" and self.embedded_in_trigger(head, None, depth + 1)
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
            entry = self.verb_entry(verb.head)
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
        entry = self.verb_entry(head)
        if entry is None:
            # "willing to send material to help defend X": through a helper verb the
            # clause is still the content of the trigger above it.
            return depth < 2 and self.embedded_in_trigger(head, None, depth + 1)
        # "blocked a road to protest against ...": one protest, not two.
        return entry.plover not in CHARGE_TYPES or (purpose and entry.plover == own_type)

    def verb_entry(self, verb: Token) -> TriggerEntry | None:
        """The lexicon entry a verb triggers with its particles and objects, if any."""
        particles = [c.lower_ for c in verb.children if c.dep_ in ("prt", "prep")]
        return self.lexicon.match_verb(verb.lemma_.lower(), particles, self.object_lemmas(verb))

    def offer_content(self, noun: Token) -> bool:
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
                entry = self.verb_entry(governor)
                if entry is not None and entry.plover in PROMISE_TYPES | {"REQUEST"}:
                    return True
            head = governor
        return False

    def host_verb(self, noun: Token) -> Token | None:
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
        if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in self.cues.host_verb_preps:
            adjunct = head.lower_ in self.cues.adjunct_preps
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
        if noun.lemma_.lower() in self.cues.drill_nouns and self.verb_entry(head) is None:
            # "launched drills around Taiwan": a trigger verb that codes nothing with this
            # object ("launch" codes attacks and inquiries) only carries the manoeuvres.
            return head
        return None


def hyphen_prefix(verb: Token) -> str | None:
    """The first part of a hyphenated verb split by the tokenizer ("test - fired")."""
    doc = verb.doc
    if verb.i >= 2 and doc[verb.i - 1].text == "-" and not doc[verb.i - 1].whitespace_:
        first = doc[verb.i - 2]
        if not first.whitespace_ and first.head.i == verb.i:
            return first.lower_
    return None


def hyphenated(noun: Token) -> str | None:
    """The whole of a hyphenated noun split by the tokenizer ("sit - in" → "sit-in")."""
    doc = noun.doc
    if noun.i >= 2 and doc[noun.i - 1].text == "-" and not doc[noun.i - 1].whitespace_:
        first = doc[noun.i - 2]
        if not first.whitespace_:
            return f"{first.lower_}-{noun.lower_}"
    return None
