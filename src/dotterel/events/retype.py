"""PLOVER's typing of acts by their status: the coder's last decision about an event.

PLOVER codes intentions, not the future acts: cooperation promised or planned is AGREE
("all cooperative actions reported in future tense are taken to imply intentions"; CAMEO
03x, including 035 intent to yield), announced coercion is THREATEN, and a refusal to
cooperate, or negated consent, is REJECT. :func:`settle_status` sets the event's
factuality from :class:`~dotterel.events.factuality.FactualityClassifier`'s report and
re-types it by these rules, recording the cues; ``Event.intention_of`` keeps the category
of a promised act so that later stages (dates, the one-sided filter) need no cue strings.
"""

from __future__ import annotations

from spacy.tokens import Token

from dotterel.events.lexicon import Lexicon
from dotterel.events.links import event_id_of
from dotterel.events.syntax import sector_words
from dotterel.records import Event

COOPERATIVE_TYPES = frozenset({"SUPPORT", "COOPERATE", "AID", "CONSULT"})
CONSENTING_TYPES = frozenset({"AGREE", "CONCEDE"})
COERCIVE_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST"})
# Rule of the coder's announced reactions ("would respond", "would take countermeasures").
REACTION_RULE = "threat:reaction"
# Rule of punishment an official announces ("those responsible will be prosecuted").
WARNING_RULE = "threat:warning"


class StatusTyping:
    """Sets an event's factuality and the category its status makes it."""

    def __init__(
        self,
        lexicon: Lexicon,
        announcing_verbs: frozenset[str] = frozenset(),
        proposing_verbs: frozenset[str] = frozenset(),
    ) -> None:
        self.lexicon = lexicon
        self.announcing_verbs = announcing_verbs
        self.proposing_verbs = proposing_verbs

    def settle(self, event: Event, token: Token, value: str, cue: str) -> None:
        """Record status ``value`` (decided by ``cue``) on ``event`` and re-type it."""
        if value == "actual" and self._announced_aid(event, token):
            # "announced a new aid package for Ukraine": aid announced is aid promised.
            value, cue = "future", f"announced:{token.head.lemma_.lower()}"
        event.factuality = value
        if cue:
            event.cues.append(f"{value}:{cue}")
        if value in ("future", "hypothetical") and any(
            r.startswith((REACTION_RULE, WARNING_RULE)) for r in event.rules
        ):
            # "Sudan would respond ...", "looters will be arrested": the reaction or the
            # punishment is to come, the threat is made.
            event.factuality = "actual"
            event.cues.append("plover:announced-reaction-is-threaten")
        elif value == "future":
            self._retype_future(event, token, cue)
        elif value == "hypothetical" and event.event_type == "CONSULT" and self._proposed(token):
            # "Japan hoped the two foreign ministers could meet next month": a meeting
            # proposed is an offer to meet (CAMEO 036, PLOVER AGREE), made now.
            self._retype(event, "AGREE", "plover:proposed-meeting-is-agree")
            event.intention_of = "CONSULT"
            event.factuality = "actual"
        elif (
            value == "hypothetical"
            and cue.startswith("conditional-consequence")
            and event.event_type in COERCIVE_TYPES - {"PROTEST"}
            and token.dep_ == "ccomp"
            and _named_speaker(token.head)
        ):
            # "He said Slovakia could stop exports to Ukraine if the attacks continued":
            # coercion stated on a condition is a warning, made now (PLOVER THREATEN).
            intended = event.event_type
            self._retype(event, "THREATEN", "plover:conditional-coercion-is-threaten")
            event.intention_of = intended
            event.factuality = "actual"
        elif value == "negated" and cue.startswith("governor:"):
            self._retype_refusal(event)
        elif (
            value == "negated"
            and event.event_type in COOPERATIVE_TYPES | {"RETREAT"}
            and _refuses(token, cue)
        ):
            # "would not extradite its citizens", "will never negotiate": a stated
            # refusal of what is asked is a rejection that happened.
            self._retype_refusal(event)
        elif value == "negated" and event.event_type in CONSENTING_TYPES:
            # "would never agree to", "will not accept": saying no is a rejection.
            self._retype(event, "REJECT", "plover:negated-consent-is-reject")
            event.factuality = "actual"

    def _proposed(self, token: Token) -> bool:
        """Whether the act is the content of a hope or proposal ("hoped that ... could
        meet", "proposed that the two leaders meet")."""
        clause = token
        while clause.dep_ in ("xcomp", "ccomp", "conj") and clause.head is not clause:
            clause = clause.head
            if clause.lemma_.lower() in self.proposing_verbs:
                return True
        return False

    def _announced_aid(self, event: Event, token: Token) -> bool:
        """A nominal AID ("package", "assistance") carried by an announcing verb."""
        if event.event_type != "AID" or token.pos_ not in ("NOUN", "PROPN"):
            return False
        head = token.head
        if token.dep_ == "pobj" and head.dep_ == "prep":
            # "announced 14 million dollars in assistance"
            head = head.head.head if head.head.dep_ == "dobj" else head.head
        elif token.dep_ != "dobj":
            return False
        return head.lemma_.lower() in self.announcing_verbs

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
        intended = event.event_type
        self._retype(event, target, f"plover:future-{intended.lower()}-is-{target.lower()}")
        event.intention_of = intended
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
        event.event_id = event_id_of(event)


def _named_speaker(verb: Token) -> bool:
    """Whether the one who says it is a party or its official ("he", "Fico", "the prime
    minister"), not commentators ("analysts said Russia could attack if ...")."""
    for subject in verb.children:
        if subject.dep_ != "nsubj":
            continue
        if subject.pos_ in ("PRON", "PROPN") or subject.lower_ in sector_words():
            return True
        return any(c.dep_ in ("poss", "compound") or c.pos_ == "PROPN" for c in subject.lefts)
    return False


def _refuses(token: Token, cue: str) -> bool:
    """Whether a negated act is a refusal: the negation is of a will ("will not", "would
    never", "won't"), not a report that the act did not happen ("did not send")."""
    return cue.startswith("neg:") and any(
        c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "'ll", "wo")
        for c in token.children
    )
