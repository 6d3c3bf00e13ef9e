"""The ``dotterel_factuality`` component: actual, future, hypothetical or negated.

PLOVER's auxiliary modes, read from the trigger's clause and the clauses governing it:

=====================  ===========================================================
``negated``            ``not``/``never`` on the trigger or its governor; "refused to",
                       "failed to"; "no" on a noun trigger
``hypothetical``       conditional clause ("if"), modal ("could", "might"), "potential",
                       "threatened to", "concerns about"
``future``             "will", "set to", "expected to", "plans to", "upcoming", "soon",
                       "would" in reported speech
``actual``             otherwise
=====================  ===========================================================

PLOVER codes cooperation promised or planned as AGREE ("all cooperative actions reported
in future tense are taken to imply intentions"; CAMEO 03x, including 035 intent to
yield), announced coercion as THREATEN, and a refusal to cooperate as REJECT: this
component re-types such events and records the cue.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from dotterel.events.cues import Cues, load_cues
from dotterel.events.lexicon import Lexicon, load_lexicon
from dotterel.events.syntax import trigger_token
from dotterel.records import Event

COOPERATIVE_TYPES = frozenset({"SUPPORT", "COOPERATE", "AID", "CONSULT"})
CONSENTING_TYPES = frozenset({"AGREE", "CONCEDE"})
COERCIVE_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST"})
GOVERNING_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "pobj", "prep", "acl", "auxpass"})
PAST_REPORTING_TAGS = frozenset({"VBD", "VBN"})
# Infinitives under these verbs happened ("began to withdraw"); other infinitives are
# intended or planned acts: headlines ("Russia, Iran to sign pact"), purposes ("troops
# arrived to reinforce"), plans ("agreed to meet").
ACTUAL_INFINITIVE_GOVERNORS = frozenset(
    {"begin", "start", "continue", "manage", "use", "come", "help", "proceed", "resume"}
)


class FactualityTagger:
    """Sets ``event.factuality`` and adds the cues that decided it to ``event.cues``."""

    def __init__(self, cues: Cues, lexicon: Lexicon) -> None:
        self.cues = cues
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        for event in doc._.events or []:
            token = trigger_token(doc, event)
            value, cue = self.classify(token)
            event.factuality = value
            if cue:
                event.cues.append(f"{value}:{cue}")
            if value == "future":
                self._retype_future(event, token, cue)
            elif value == "negated" and cue.startswith("governor:"):
                self._retype_refusal(event)
            elif value == "negated" and event.event_type in CONSENTING_TYPES:
                # "would never agree to", "will not accept": saying no is a rejection.
                self._retype(event, "REJECT", "plover:negated-consent-is-reject")
                event.factuality = "actual"
        return doc

    def classify(self, token: Token) -> tuple[str, str]:
        """The factuality of the event triggered by ``token`` and the cue behind it."""
        negation = self._negation(token)
        if negation:
            return "negated", negation
        hypothetical = self._hypothetical(token)
        if hypothetical.startswith("conditional"):
            # "X is ready to send troops if Y is attacked": a promise made now, on a
            # condition (PLOVER codes the commitment).
            commitment = next(
                (
                    g.lemma_.lower()
                    for g in self._governors(token)[1:]
                    if g.lemma_.lower() in self.cues.commitment_governors
                ),
                None,
            )
            if commitment is not None:
                return "future", f"conditional-promise:{commitment}"
        if hypothetical:
            return "hypothetical", hypothetical
        future = self._future(token)
        if future:
            return "future", future
        return "actual", ""

    # Each check walks the trigger and the verbs that govern it through complement
    # links (xcomp "set to sign", pcomp "plans for signing"), but stops at reporting
    # verbs and at finite clause boundaries: "Iran denied that ..." does not negate.

    def _carries(self, noun: Token) -> bool:
        """A noun trigger whose status is that of the verb carrying it: "will not resume
        aid", "plans to launch an attack" (not "condemned the attack")."""
        if noun.dep_ != "dobj" or noun.pos_ not in ("NOUN", "PROPN"):
            return False
        lemma = noun.head.lemma_.lower()
        return lemma in self.cues.light_verbs or not self.lexicon.is_verb_trigger(lemma)

    def _governors(self, token: Token) -> list[Token]:
        chain = [token]
        current = token
        if self._carries(token):
            current = token.head
            chain.append(current)
        while current.dep_ in GOVERNING_DEPS and current.head.i != current.i:
            current = current.head
            chain.append(current)
            if current.lemma_.lower() in self.cues.reporting_verbs:
                break
            if len(chain) > 6:
                break
        return chain

    def _negation(self, token: Token) -> str:
        for child in token.children:
            if child.dep_ == "neg":
                return f"neg:{child.lower_}"
            if child.dep_ == "det" and child.lower_ in self.cues.negating_modifiers:
                return f"det:{child.lower_}"
        if self._carries(token) and any(c.dep_ == "neg" for c in token.head.children):
            return f"neg-carrier:{token.head.lemma_.lower()}"
        chain = self._governors(token)
        for below, governor in zip(chain, chain[1:], strict=False):
            lemma = governor.lemma_.lower()
            if lemma in self.cues.reporting_verbs or lemma in self.cues.denial_verbs:
                break
            # "refused to sign", "failed to reach": only an infinitive complement is
            # negated ("X ruled that Y had been sharing ..." is not).
            if lemma in self.cues.negating_governors and below.dep_ == "xcomp":
                return f"governor:{lemma}"
            if any(child.dep_ == "neg" for child in governor.children) and governor.pos_ in (
                "VERB",
                "AUX",
                "ADJ",
            ):
                return f"neg-governor:{lemma}"
        return ""

    def _hypothetical(self, token: Token) -> str:
        promised = any(
            c.dep_ == "aux"
            and (
                c.lower_ in self.cues.future_auxiliaries
                # "said it would crush them if ...": reported speech's "will".
                or (c.lower_ == "would" and self._reported_past(token))
            )
            for c in token.children
        )
        for clause in token.children:
            if promised:
                # "X will impose sanctions unless ...": a stated, conditional intention
                # (a promise or a threat), coded by the future rules.
                break
            # "If talks fail, X could attack": the consequence of a condition.
            if clause.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in self.cues.conditional_marks
                for m in clause.children
            ):
                return f"conditional-consequence:{clause.lemma_.lower()}"
        for governor in self._governors(token):
            lemma = governor.lemma_.lower()
            if governor.i != token.i and lemma in self.cues.reporting_verbs:
                break
            for child in governor.children:
                if child.dep_ == "mark" and child.lower_ in self.cues.conditional_marks:
                    return f"conditional:{child.lower_}"
                if child.dep_ == "aux" and child.lower_ in self.cues.hypothetical_auxiliaries:
                    if child.lower_ == "would" and self._reported_past(governor):
                        continue
                    return f"modal:{child.lower_}"
                if child.dep_ == "amod" and child.lower_ in self.cues.hypothetical_modifiers:
                    return f"modifier:{child.lower_}"
            if governor.i != token.i and lemma in self.cues.hypothetical_governors:
                return f"governor:{lemma}"
            if governor.i != token.i and lemma in self.cues.hypothetical_nouns:
                return f"noun:{lemma}"
            if governor.dep_ == "advcl":
                for child in governor.children:
                    if child.dep_ == "mark" and child.lower_ in self.cues.conditional_marks:
                        return f"conditional:{child.lower_}"
        return ""

    def _future(self, token: Token) -> str:
        for governor in self._governors(token):
            lemma = governor.lemma_.lower()
            if governor.i != token.i and lemma in self.cues.future_governors:
                # "is expected to visit": expecting reports, and it also looks ahead.
                return f"governor:{lemma}"
            if governor.i != token.i and lemma in self.cues.reporting_verbs:
                break
            for child in governor.children:
                if child.dep_ == "aux" and child.lower_ in self.cues.future_auxiliaries:
                    return f"aux:{child.lower_}"
                if child.dep_ == "aux" and child.lower_ == "would":
                    return "aux:would-reported"
                if child.dep_ in ("amod", "compound") and child.lower_ in (
                    self.cues.future_modifiers
                ):
                    return f"modifier:{child.lower_}"
                if child.dep_ == "advmod" and child.lower_ in ("soon", "shortly"):
                    return f"adverb:{child.lower_}"
            if governor.i != token.i and lemma in self.cues.future_governors:
                return f"governor:{lemma}"
            if governor.i != token.i and lemma in self.cues.future_nouns:
                return f"noun:{lemma}"
            if governor.tag_ == "VBG" and any(
                child.dep_ == "aux" and child.lemma_ == "go" for child in governor.children
            ):
                return "going-to"
        if any(child.dep_ == "aux" and child.tag_ == "TO" for child in token.children):
            head = token.head
            if head.i == token.i:
                return "infinitive:headline"
            if head.lemma_.lower() not in ACTUAL_INFINITIVE_GOVERNORS:
                return f"infinitive:{head.lemma_.lower()}"
        return ""

    def _reported_past(self, verb: Token) -> bool:
        """ "would" under a past reporting verb is the future of reported speech."""
        head = verb.head
        return (
            verb.dep_ in ("ccomp", "parataxis")
            and head.lemma_.lower() in self.cues.reporting_verbs
            and head.tag_ in PAST_REPORTING_TAGS
        )

    def _retype_future(self, event: Event, token: Token, cue: str) -> None:
        """PLOVER codes intentions, not the future acts: promised cooperation or
        withdrawal is AGREE, and announced coercion, or withdrawal on a condition
        ("will pull out unless ..."), is a THREATEN that has happened."""
        target = None
        conditional = any(
            child.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ in ("unless", "if") for m in child.children)
            for child in token.children
        )
        stated = cue.startswith(("aux:", "governor:", "going-to"))
        if event.event_type in COOPERATIVE_TYPES:
            target = "AGREE"
        elif event.event_type == "RETREAT":
            # CAMEO 035 "express intent to yield" maps to AGREE.
            target = "THREATEN" if conditional else "AGREE"
        elif event.event_type in COERCIVE_TYPES and stated:
            target = "THREATEN"
        if target is None:
            return
        self._retype(event, target, f"plover:future-{event.event_type.lower()}-is-{target.lower()}")
        if target == "THREATEN":
            event.factuality = "actual"

    def _retype_refusal(self, event: Event) -> None:
        """Refusing or failing to cooperate ("declined to resign", "failed to reach an
        agreement") is itself a rejection that happened (PLOVER REJECT)."""
        if event.event_type in COOPERATIVE_TYPES | {"AGREE", "RETREAT", "CONCEDE"}:
            self._retype(event, "REJECT", f"plover:refused-{event.event_type.lower()}-is-reject")
            event.factuality = "actual"

    def _retype(self, event: Event, target: str, cue: str) -> None:
        plover = self.lexicon.plover(target)
        event.cues.append(cue)
        event.event_type = target
        event.cameo = plover.default_cameo
        event.quad_class = plover.quad_class
        event.plover_score = plover.score
        event.mode = None
        info = self.lexicon.cameo(plover.default_cameo)
        event.goldstein = info.goldstein if info else event.goldstein
        event.event_id = Event.make_id(
            event.doc_id, event.trigger.start, event.trigger.end, event.event_type
        )


@Language.factory(
    "dotterel_factuality",
    assigns=["doc._.events"],
    requires=["doc._.events", "token.dep"],
)
def make_factuality_tagger(nlp: Language, name: str) -> FactualityTagger:
    """spaCy factory for :class:`FactualityTagger`."""
    return FactualityTagger(load_cues(), load_lexicon())
