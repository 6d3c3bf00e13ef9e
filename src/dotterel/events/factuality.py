"""Factuality: whether the act a trigger names is actual, future, hypothetical or negated.

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

The coder asks :class:`FactualityClassifier` for each event's status as its last step and
then lets :mod:`dotterel.events.retype` decide the category PLOVER codes it as.
"""

from __future__ import annotations

from spacy.tokens import Token

from dotterel.events.cues import Cues
from dotterel.events.lexicon import Lexicon
from dotterel.events.syntax import is_infinitive

GOVERNING_DEPS = frozenset({"xcomp", "ccomp", "pcomp", "pobj", "prep", "acl", "auxpass"})
PAST_REPORTING_TAGS = frozenset({"VBD", "VBN"})


class FactualityClassifier:
    """Reports the status of the act a trigger token names, and the cue that decided it.

    It only reports: deciding what PLOVER category a promised, refused or announced act
    is coded as is the coder's (:mod:`dotterel.events.retype`).
    """

    def __init__(self, cues: Cues, lexicon: Lexicon) -> None:
        self.cues = cues
        self.lexicon = lexicon

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
        disjunct = self._negated_disjunction(token)
        if disjunct:
            return disjunct
        chain = self._governors(token)
        # The act itself: its trigger and the verb that carries a noun trigger ("refused
        # to hold talks").
        own = {token.i} | ({token.head.i} if self._carries(token) else set())
        for below, governor in zip(chain, chain[1:], strict=False):
            lemma = governor.lemma_.lower()
            if lemma in self.cues.reporting_verbs or lemma in self.cues.denial_verbs:
                break
            # "refused to sign", "failed to reach": only an infinitive complement is
            # negated ("X ruled that Y had been sharing ..." is not).
            if lemma in self.cues.negating_governors and below.dep_ == "xcomp":
                if below.i not in own:
                    # "declined to comment on the talks": what is refused is the
                    # comment, not the talks it is about (CAMEO 011 decline comment).
                    break
                return f"governor:{lemma}"
            if any(child.dep_ == "neg" for child in governor.children) and governor.pos_ in (
                "VERB",
                "AUX",
                "ADJ",
            ):
                return f"neg-governor:{lemma}"
        return ""

    @staticmethod
    def _negated_disjunction(token: Token) -> str:
        """ "would not recall its ambassador or cut trade links": a verb joined by "or"
        (or "nor") to a negated one, sharing its subject, is negated too (neither act)."""
        if token.dep_ != "conj" or token.pos_ not in ("VERB", "AUX"):
            return ""
        head = token.head
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            return ""
        between = [t for t in head.children if t.dep_ == "cc" and head.i < t.i < token.i]
        if not between or between[-1].lower_ not in ("or", "nor"):
            return ""
        if any(c.dep_ == "neg" for c in head.children):
            return f"neg-disjunct:{head.lemma_.lower()}"
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
        if is_infinitive(token):
            head = token.head
            if head.i == token.i:
                return "infinitive:headline"
            if head.lemma_.lower() not in self.cues.actual_infinitive_governors:
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
