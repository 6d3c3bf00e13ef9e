"""spaCy components ``dotterel_dateline`` and ``dotterel_time`` (registered on import).

``dotterel_dateline`` parses the wire dateline into ``doc._.dateline``.

``dotterel_time`` resolves every DATE entity (and TIME entities that name a day, such as
"Thursday night") with the tense of the verb governing it, stores them in
``doc._.timexes`` as :class:`Timex` records, and dates each event of ``doc._.events``:

1. ``clause``: a time expression attached to the event's own clause (the trigger, its
   auxiliaries, or the verb governing a nominal trigger) without passing through another
   clause head, except a participle clause with no subject of its own, which shares the
   time of the clause it hangs on ("Lukashenko, speaking in Minsk on Wednesday,
   accused ...", and the question a statement answers: "Asked about the talks on
   Thursday, the minister said ..."); a clause introduced by "N days after/before" is
   counted from the day of the clause above it ("imposed sanctions on Tuesday, two days
   after negotiators held talks": Sunday), or, when none joins, from the day named
   before it in its sentence;
2. ``reporting_clause``: else the nearest one attached to a clause above it ("..., Lavrov
   announced on Thursday"; "... at the summit on October 23, where he revealed ..."). An
   act set before that clause, in a clause or phrase opened by "after" ("summoned the
   envoy on Tuesday after the premier accused Jakarta", "after the attack"), charged by it
   ("accused Caracas on Tuesday of opening fire on a patrol") or in a past
   perfect under a clause that is none ("the army said on Monday that gunmen had
   attacked") unless it is the speaker's report of its own act ("the agency said on
   Wednesday that it had sent experts": dated by the announcement), takes the latest
   day the story names in the week before that day ("the
   raid took place on Sunday"), if it names one. With neither, a past relative clause
   on the subject dates the act ("Burhan, who visited the wounded on Tuesday, ordered
   reinforcements": Tuesday);
3. ``lead`` from the next sentence, for a statement it quotes: a quotation opening the
   next sentence, given a day by its speech verb ("Russia urged both sides to settle.
   "We expect a solution," the spokeswoman said on Wednesday."); ``lead`` from the
   previous sentence, for a sentence that continues it: one saying the
   act came afterwards ("A spokesman later said ...") takes the last day the previous
   sentence names; one opening with a pronoun for the actor in focus ("He warned ...",
   "Its foreign ministry said ...", also after an opening phrase: "Speaking in Valparaiso,
   she accused ...") or whose subject is a definite description repeating a subject of
   the previous sentence ("The ministry blamed ...") the day of the previous sentence's
   main clause (of the antecedent's clause, for a description; else of a relative clause
   on its subject: "The president, who flew to Arica on Monday, ..."), unless its own
   clause is a perfect (an act before that day, or up to now);
4. ``dateline``: else the dateline's day;
5. ``lead``: without a dateline (web copy), the first day the headline and lead name,
   which the story reports on ("... said on Tuesday" in a story published on Wednesday);
   of a lead paragraph naming none, none (the published day is kept); the last of a
   run of days ("met on Monday and Tuesday"), never one named in the
   event's own sentence (the clause rules have ruled it out). An earlier sentence's day
   is not used otherwise: wire copy names background days ("rebels attacked on Sunday")
   before an undated statement made on the day of publication;
6. ``published``: else the publication day.

An "after" act dated by rules 3-6 likewise takes the story's latest day in the week before
its day; an undated past perfect keeps it (its saying is undated, and often that day's).

A headline act with no day of its own (rules 3-6) then takes the day the body gives the
same actor's act from that act's own sentence (rules 1-2): of the same category if there
is one, else the actor's first dated act ("Ethiopia warns ..." over a lead about Monday's
shipment takes the body's "Ethiopia's foreign ministry said on Tuesday").

The lead's day is never later than the publication day, so a plan's future date is never
lent to an act. A promise or plan is dated by its announcement: no expression after the
story's day (dateline or publication) and none in a future clause ("would travel later
this month") dates it. Nor can an act reported as done (actual or negated, not in a future
clause) lie after the story's day ("accused them of buying votes in the election, due on
September 28").

Vague expressions ("soon") and durations ("six years") never give a date. ``event_date``
holds the ISO representative of the date (``YYYY-MM-DD``: the day itself, or the first day
of the week, month or year) and ``date_precision`` says which; quarters and seasons are
given as their year (see :meth:`ResolvedTime.event_date`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from dotterel.nlp import extensions  # noqa: F401  (registers the Doc attributes)
from dotterel.nlp.extensions import PARSE_ATTRIBUTES
from dotterel.records import Event
from dotterel.time.dateline import Dateline, parse_dateline
from dotterel.time.resolve import WORDS, ResolvedTime, parse_published, resolve_timex

_VERB_POS = frozenset({"VERB", "AUX"})
_FUTURE_AUX = frozenset(str(w) for w in WORDS.get("future_auxiliaries", []))
_FUTURE_HEADS = frozenset(str(w) for w in WORDS.get("future_heads", []))
_STATIVE = frozenset(str(w) for w in WORDS.get("stative_participles", []))
_CHARGING = frozenset(str(w) for w in WORDS.get("charging_verbs", []))
_NAMING = frozenset(str(w) for w in WORDS.get("naming_verbs", []))
_STATEMENTS = frozenset(str(w) for w in WORDS.get("statement_categories", []))
_SPEECH = frozenset(str(w) for w in WORDS.get("speech_verbs", []))
_PAST_AUX = frozenset(str(w) for w in WORDS.get("past_auxiliaries", []))
_OCCASION = frozenset(str(w) for w in WORDS.get("occasion_participles", []))
_CONFIRMING = frozenset(str(w) for w in WORDS.get("confirming_verbs", []))
# A time expression crossing one of these on its way up belongs to another clause.
_CLAUSE_DEPS = frozenset(
    {"ccomp", "xcomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "pcomp"}
)


@dataclass(frozen=True, slots=True)
class Timex:
    """A resolved time expression of a document: character offsets, text and resolution."""

    start: int
    end: int
    text: str
    label: str
    resolved: ResolvedTime
    tense: str | None
    #: Whether it dates a saying ("the army said on Sunday", "in a statement read on
    #: Sunday"), not a deed.
    spoken: bool = False


def clause_tense(verb: Token) -> str | None:
    """Tense of the clause headed by ``verb``: ``past``, ``present``, ``future`` or ``None``.

    Future: a will/would/'ll auxiliary, or a to-complement of set/expect/plan/be going
    (also when ``verb`` is that complement). Past: ``Tense=Past`` on the verb or an
    auxiliary (have + participle counts as past). Present: VBP/VBZ forms.
    """
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowered = {a.lower_ for a in aux}
    if lowered & _FUTURE_AUX:
        return "future"
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _FUTURE_HEADS:
        return "future"
    if verb.lemma_.lower() in _FUTURE_HEADS and any(c.dep_ == "xcomp" for c in verb.children):
        return "future"
    if any("Past" in a.morph.get("Tense", []) for a in aux) or lowered & _PAST_AUX:
        return "past"
    if verb.tag_ == "VBD" or ("Past" in verb.morph.get("Tense", []) and verb.tag_ != "VBN"):
        return "past"
    if verb.tag_ in ("VBP", "VBZ") or lowered & {"is", "are", "am", "'s", "'re", "does", "do"}:
        return "present"
    if verb.tag_ == "VBN" and verb.dep_ in ("ROOT", "conj", "ccomp", "advcl"):
        return "past"
    return None


def _governing_verb(token: Token) -> Token | None:
    for node in (token, *token.ancestors):
        if node.pos_ in _VERB_POS:
            return node
    return None


def _dates_saying(token: Token) -> bool:
    """Whether the clause a time expression dates is a saying: the first verb above it,
    past the participle of the statement it was made in ("in a statement read on
    Sunday"), is a verb of speech."""
    for node in token.ancestors:
        if node.pos_ not in _VERB_POS or _conveying(node):
            continue
        return node.lemma_.lower() in _SPEECH
    return False


def resolve_doc_timexes(doc: Doc, published: str | None) -> list[Timex]:
    """Resolve the DATE (and day-naming TIME) entities of ``doc``, in text order."""
    timexes: list[Timex] = []
    anchor: list[str] = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        verb = _governing_verb(ent.root)
        tense = clause_tense(verb) if verb is not None else None
        resolved = resolve_timex(ent.text, published, tense, anchor=tuple(anchor))
        if resolved is None:
            continue
        if ent.label_ == "TIME" and resolved.precision != "day":
            continue
        spoken = _dates_saying(ent.root)
        timexes.append(
            Timex(ent.start_char, ent.end_char, ent.text, ent.label_, resolved, tense, spoken)
        )
        if resolved.precision not in ("ref", "duration"):
            anchor = [resolved.value, *anchor[:4]]
    return timexes


def _path(token: Token) -> list[Token]:
    return [token, *token.ancestors]


def _attachment(doc: Doc, timex: Timex) -> list[Token]:
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    return _path(span.root) if span is not None else []


def date_event(
    doc: Doc,
    trigger_start: int,
    trigger_end: int,
    timexes: list[Timex],
    dateline: Dateline | None,
    published: str | None,
    limit: str | None = None,
    statement: bool = False,
) -> tuple[str, str, str] | None:
    """``(event_date, date_precision, date_source)`` for the event at the trigger offsets.

    ``limit`` (``YYYY-MM-DD``) is the latest day the event may take: a day counted from
    another ("three days before Bush is due to visit") past it is not used. ``statement``
    says the event is a verbal act, which a quotation after it may date.
    """
    span = doc.char_span(trigger_start, trigger_end, alignment_mode="expand")
    if dateline is not None:
        # The dateline's own day is a DATE entity too; it dates the article, not a clause.
        timexes = [t for t in timexes if t.end <= dateline.start or t.start >= dateline.end]
    if span is not None:
        story_day = _anchor_date(dateline, published)
        found = _from_clauses(doc, span.root, timexes, limit, story_day)
        if found is None:
            found = _from_subject_clause(doc, span.root, timexes, limit or story_day)
        if found is not None:
            return found
    found = _from_story(doc, span, trigger_start, timexes, dateline, published, limit, statement)
    if found is None or span is None or not _after(_path(span.root)):
        return found
    # The story's day for an act that came before another ("Ethiopia protested after
    # Eritrean troops crossed the border"): the day the story names just before it. A
    # past perfect ("the spokesman said troops had shelled the camp") is not moved: with
    # no day of its own the saying is undated too, and it often reports that same day.
    day, precision = _day_before(timexes, found[:2])
    return day, precision, found[2]


def _from_story(
    doc: Doc,
    span: Any,
    trigger_start: int,
    timexes: list[Timex],
    dateline: Dateline | None,
    published: str | None,
    limit: str | None,
    statement: bool = False,
) -> tuple[str, str, str] | None:
    """The day of an event whose sentence gives none (rules 3-6 of the module)."""
    if span is not None:
        limit = limit or _anchor_date(dateline, published)
        quoted = _from_quotation(doc, span.root, timexes, limit) if statement else None
        if quoted is not None:
            return quoted, "day", "lead"
        continued = _from_previous_sentence(doc, span.root, timexes, limit)
        if continued is not None:
            return continued, "day", "lead"
    if dateline is not None and dateline.date:
        return dateline.date, "day", "dateline"
    if dateline is None:
        contextual = _from_context(doc, trigger_start, timexes, published)
        if contextual is not None:
            return contextual
    day = parse_published(published)
    if day is not None:
        return day.isoformat(), "day", "published"
    return None


_CONTINUING = frozenset(str(w) for w in WORDS.get("continuing_openings", []))
_AFTERWARDS = frozenset(str(w) for w in WORDS.get("afterwards_adverbs", []))
_ANAPHORIC_DETERMINERS = [[str(w)] for w in WORDS.get("anaphoric_determiners", [])]


def _perfect(verb: Token | None) -> bool:
    """A have + participle clause: an act before the time in focus, or up to now."""
    if verb is None or verb.tag_ != "VBN":
        return False
    return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)


def _continuation(sentence: Any, trigger: Token) -> str | None:
    """How the sentence of ``trigger`` goes on from the one before it: ``"after"`` when a
    verb above the event says it came afterwards ("A spokesman later said ..."), ``"actor"``
    when it opens with a pronoun for the actor in focus ("He warned ...", "Its ministry said
    ...") and the event's clause is no perfect (an act before that time, or up to now);
    else ``None``."""
    path = _path(trigger)
    if any(c.dep_ == "advmod" and c.lower_ in _AFTERWARDS for node in path for c in node.children):
        return "after"
    first = next((t for t in sentence if not t.is_punct and not t.is_space), None)
    if first is None:
        return None
    if first.lower_ not in _CONTINUING and not _subject_continues(sentence):
        return None
    if any(_perfect(node) for node in path if node.pos_ in _VERB_POS):
        return None
    return "actor"


def _subject_continues(sentence: Any) -> bool:
    """Whether the subject of the sentence's main clause is the actor in focus though the
    sentence opens with something else: a pronoun after an opening phrase ("Speaking in
    Valparaiso, she said ...", "In a statement, it accused ..."), or a definite description
    repeating the head of a subject of the sentence before ("... the defence ministry said
    on Monday. The ministry blamed the group for the raid.")."""
    subject = _main_subject(sentence)
    if subject is None:
        return False
    return subject.lower_ in _CONTINUING or _antecedent(sentence) is not None


def _previous_sentence(sentence: Any) -> Any:
    """The sentence before ``sentence`` (which must not be the first), past blank ones."""
    doc = sentence.doc
    previous = doc[sentence.start - 1].sent
    while not previous.text.strip() and previous.start > 0:
        previous = doc[previous.start - 1].sent
    return previous


def _main_subject(sentence: Any) -> Token | None:
    return next((c for c in sentence.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _antecedent(sentence: Any) -> Token | None:
    """The subject of the sentence before that a definite description subject ("The
    ministry blamed ...") picks up: the nearest with the same head noun."""
    subject = _main_subject(sentence)
    if subject is None or subject.pos_ != "NOUN" or sentence.start == 0:
        return None
    if [c.lower_ for c in subject.children] not in _ANAPHORIC_DETERMINERS:
        return None
    previous = _previous_sentence(sentence)
    found = [
        t
        for t in previous
        if t.dep_ in ("nsubj", "nsubjpass") and t.lemma_.lower() == subject.lemma_.lower()
    ]
    return found[-1] if found else None


def _from_subject_clause(
    doc: Doc, trigger: Token, timexes: list[Timex], limit: str | None
) -> tuple[str, str, str] | None:
    """For an act whose sentence dates no clause above it: the day of a relative clause on
    the subject telling the actor's own doing that day ("Burhan, who visited the wounded
    in Gedaref on Tuesday, ordered reinforcements to the border": Tuesday). The act is
    told as part of that day; the story's lead day is a guess from another sentence."""
    on_path = {node.i for node in _path(trigger) if node.pos_ in _VERB_POS}
    for timex in timexes:
        dated = timex.resolved.event_date()
        if dated is None or dated[1] != "day" or (limit is not None and dated[0] > limit):
            continue
        path = _attachment(doc, timex)
        heads = [node for node in path[1:] if node.pos_ in _VERB_POS or node.dep_ in _CLAUSE_DEPS]
        if not heads or heads[0].dep_ != "relcl" or clause_tense(heads[0]) != "past":
            continue
        relative, subject = heads[0], heads[0].head
        if subject.dep_ not in ("nsubj", "nsubjpass") or subject.head.i not in on_path:
            continue
        if not any(c.dep_ == "nsubj" and c.lower_ in ("who", "which") for c in relative.children):
            continue
        return dated[0], "day", "reporting_clause"
    return None


_QUOTES = frozenset({'"', "\u201c", "``"})


def _from_quotation(
    doc: Doc, trigger: Token, timexes: list[Timex], limit: str | None
) -> str | None:
    """The day of the saying that quotes a statement: a statement with no day of its own
    followed by a sentence that opens with a quotation and gives its speaker and day
    ("Russia urged both sides to settle the row. "We expect a solution," the
    spokeswoman said on Wednesday.") was made that day; the quotation gives its words."""
    sentence = trigger.sent
    if sentence.end >= len(doc):
        return None
    following = doc[sentence.end].sent
    while not following.text.strip() and following.end < len(doc):
        following = doc[following.end].sent
    first = next((t for t in following if not t.is_space), None)
    root = following.root
    if first is None or first.text not in _QUOTES or root.lemma_.lower() not in _SPEECH:
        return None
    found = _from_clauses(doc, root, timexes)
    if found is None or found[1] != "day" or found[2] != "clause":
        return None
    if limit is not None and found[0] > limit:
        return None
    return found[0]


def _from_previous_sentence(
    doc: Doc, trigger: Token, timexes: list[Timex], limit: str | None, depth: int = 0
) -> str | None:
    """The day a sentence that continues the previous one (see :func:`_continuation`)
    takes from it: for an act that came afterwards, the last day the previous sentence
    names (the time in focus); for the actor in focus, the day of its main clause. A
    continuing sentence with no day passes on the one it took (up to three sentences
    back). Never a day after ``limit``."""
    sentence = trigger.sent
    how = _continuation(sentence, trigger) if depth <= 3 and sentence.start > 0 else None
    if how is None:
        return None
    previous = _previous_sentence(sentence)
    if how == "after":
        days = [
            dated[0]
            for t in timexes
            if previous.start_char <= t.start < previous.end_char
            and (dated := t.resolved.event_date()) is not None
            and dated[1] == "day"
            and (limit is None or dated[0] <= limit)
        ]
        if days:
            return days[-1]
    else:
        antecedent = _antecedent(sentence)
        found = None
        if antecedent is not None:
            # "..., the defence ministry said on Monday. The ministry blamed ...": the day
            # of the clause the description's antecedent is the subject of.
            found = _from_clauses(doc, antecedent.head, timexes)
        if found is None:
            found = _from_clauses(doc, previous.root, timexes)
        if found is None:
            # "The president, who flew to Arica on Monday, dismissed the claims. She said
            # ...": the day the subject's own doing gives the previous sentence.
            found = _from_subject_clause(doc, previous.root, timexes, limit)
        if found is not None:
            day, precision, _ = found
            if precision != "day" or (limit is not None and day > limit):
                return None
            return day
    return _from_previous_sentence(doc, previous.root, timexes, limit, depth + 1)


def _co_temporal(node: Token) -> bool:
    """A participle clause with no subject or conjunction of its own shares the time of
    the clause it hangs on ("Lukashenko, speaking in Minsk on Wednesday, accused ..."), as
    does a passive participle of the question a statement answers ("Asked about the
    talks on Thursday, the minister said ...")."""
    occasion = node.tag_ == "VBN" and node.dep_ == "advcl" and node.lemma_.lower() in _OCCASION
    if (node.tag_ != "VBG" and not occasion) or node.dep_ not in ("acl", "advcl"):
        return False
    if node.dep_ == "acl" and node.head.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "mark", "aux") for c in node.children)


def _stative(node: Token) -> bool:
    """A participle naming a state on a noun ("an oil platform operated by Shell"): a state
    has no day, so one hung on it by the parser ("stormed a platform operated by Shell in
    the delta on Wednesday") is the clause's above it."""
    if node.tag_ != "VBN" or node.dep_ != "acl" or node.lower_ not in _STATIVE:
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "mark", "aux") for c in node.children)


def _conveying(node: Token) -> bool:
    """A past participle with no subject of its own on the object of "in" shares the
    time of the clause above: the statement, note or speech the act was made in ("said in
    a statement read on state television on Wednesday", "protested in a note delivered on
    Monday")."""
    if node.tag_ != "VBN" or node.dep_ != "acl" or node.head.dep_ != "pobj":
        return False
    if node.head.head.lower_ != "in":
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "mark", "aux") for c in node.children)


def _naming(node: Token) -> bool:
    """A clause that names a thing rather than tells an act ("condemned what it called a
    cowardly act in a statement on Monday", "what officials described as a raid"): a day
    the parser hangs on it dates the clause above."""
    if node.lemma_.lower() not in _NAMING:
        return False
    return any(c.lower_ == "what" and c.dep_ in ("dobj", "nsubjpass") for c in node.children)


def _shares_time(node: Token, dated: tuple[str, str], story_day: str | None) -> bool:
    """Whether a time expression inside the clause headed by ``node`` also dates the
    clause above it: a subjectless participle clause (:func:`_co_temporal`), the
    statement a participle describes (:func:`_conveying`), a stative participle
    (:func:`_stative`), a naming clause (:func:`_naming`), or the
    to-infinitive of an order or request to someone taking a day before the story's
    ("ordered the diplomats to leave the country on Tuesday": what was ordered is not yet
    done, so a day already past is the order's). An infinitive with no object above it
    ("agreed to hold talks on Saturday") keeps its day to itself."""
    if _co_temporal(node) or _conveying(node) or _stative(node) or _naming(node):
        return True
    if node.dep_ != "xcomp" or node.tag_ != "VB" or story_day is None:
        return False
    if not any(c.dep_ == "dobj" for c in node.head.children):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
        return False
    return dated[1] == "day" and dated[0] < story_day


def _offset_days(node: Token) -> int | None:
    """Days a clause lies from the clause above it: "two days after X held talks" is two
    days before the main clause's day (-2), "a day before" one day after it (+1)."""
    for mark in node.children:
        if mark.dep_ != "mark" or mark.lower_ not in ("after", "before"):
            continue
        # The measure hangs on the conjunction or, in some parses, on the clause's verb.
        for measure in (*mark.children, *node.children):
            if measure.dep_ != "npadvmod" or measure.i > mark.i:
                continue
            words = " ".join(t.lower_ for t in measure.subtree)
            found = resolve_timex(words, None)
            match = re.fullmatch(r"P(\d+)([DW])", found.value) if found is not None else None
            if match is None:
                return None
            days = int(match.group(1)) * (7 if match.group(2) == "W" else 1)
            return -days if mark.lower_ == "after" else days
    return None


def _shifted(dated: tuple[str, str], days: int) -> tuple[str, str]:
    if dated[1] != "day" or not days:
        return dated
    return (dt.date.fromisoformat(dated[0]) + dt.timedelta(days=days)).isoformat(), "day"


def _from_clauses(
    doc: Doc,
    trigger: Token,
    timexes: list[Timex],
    limit: str | None = None,
    story_day: str | None = None,
) -> tuple[str, str, str] | None:
    trigger_path = _path(trigger)
    position = {token.i: index for index, token in enumerate(trigger_path)}
    verb = _governing_verb(trigger)
    clause_index = position[verb.i] if verb is not None else 0
    # "N days after <clause>" on the way up: days counted from the clause above it.
    offsets = [
        (index, days)
        for index, node in enumerate(trigger_path)
        if (days := _offset_days(node)) is not None
    ]
    best: tuple[int, int, tuple[str, str]] | None = None
    for timex in timexes:
        dated = timex.resolved.event_date()
        if dated is None:
            continue
        path = _attachment(doc, timex)
        join = next((index for index, node in enumerate(path) if node.i in position), None)
        if join is None:
            continue
        # Nodes between the expression and the join: a clause head among them means the
        # expression dates some other clause ("Lavrov, who arrived on Monday, said ..."),
        # unless it is a participle sharing the time of the clause it hangs on.
        between = path[1:join]
        heads = [node for node in between if node.pos_ in _VERB_POS or node.dep_ in _CLAUSE_DEPS]
        if heads and not (len(heads) == 1 and _shares_time(heads[0], dated, story_day)):
            continue
        if path[0].dep_ in _CLAUSE_DEPS and path[0].pos_ in _VERB_POS:
            continue
        level = position[path[join].i]
        shift = sum(days for index, days in offsets if index < level)
        counted = _shifted(dated, shift)
        if counted != dated and (limit is None or counted[0] <= limit):
            dated = counted
            level = min(level, clause_index)  # the clause's own day, counted from another
        distance = abs(path[0].i - trigger.i)
        if best is None or (level, distance) < best[:2]:
            best = (level, distance, dated)
    if best is None:
        return _offset_from_sentence(doc, trigger, timexes, offsets, trigger_path, limit)
    source = "clause" if best[0] <= clause_index else "reporting_clause"
    day, precision = best[2]
    below, above = trigger_path[: best[0]], trigger_path[best[0]]
    if source == "reporting_clause" and (
        _after(below)
        or _charged(below, above)
        or (_past_perfect(verb) and not _past_perfect(above) and not _self_report(verb, above))
    ):
        # Set before the clause that dates it: "the army said on Monday that gunmen had
        # attacked farmers"; but "had met the previous day and had agreed to meet again"
        # shares the day of the past perfect it is joined to.
        day, precision = _day_before(timexes, (day, precision))
    return day, precision, source


#: How far back a day the story names may lie to date an act set before a known day.
DAYS_BEFORE = 7


def _past_perfect(verb: Token | None) -> bool:
    """A had + participle clause: an act before the time of the clause it reports to."""
    if verb is None or verb.tag_ != "VBN":
        return False
    return any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in verb.children)


def _self_report(verb: Token | None, saying: Token) -> bool:
    """Whether a past perfect is the speaker's report of its own act ("the agency said on
    Wednesday that it had sent two experts", "the minister said his government had asked
    for help"): its subject is a pronoun for the speaker, or a thing of the speaker's. Such
    an act is dated by its announcement; a day the story names before it is another's.
    Not so a confirmation ("the army confirmed on Sunday that it had arrested two men"):
    the act confirmed was known before, and the story often names its day."""
    lemma = saying.lemma_.lower()
    if verb is None or lemma not in _SPEECH or lemma in _CONFIRMING:
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    if subject.lower_ in _CONTINUING:
        return True
    return any(c.dep_ == "poss" and c.lower_ in _CONTINUING for c in subject.children)


def _after(nodes: list[Token]) -> bool:
    """Whether ``nodes`` (the trigger and its heads below the clause that dates it) pass
    through a clause or phrase opened by "after": its act came before that clause's
    ("summoned the envoy on Tuesday after the premier accused Jakarta of abuses", "closed
    the crossing after the attack")."""
    # A phrase only when the trigger is its object, or is told in a relative clause on
    # that object ("after gunmen who crossed the river killed two workers", "after the
    # shelling that destroyed the school"): in "told reporters after the talks that ...",
    # a complement parsed onto "talks" did not come before them.
    if len(nodes) > 1 and nodes[1].dep_ == "prep" and nodes[1].lower_ == "after":
        return True
    # Not under a verb of speech: "told reporters after the talks that Bangladesh had
    # asked ..." is what was told, its complement parsed as a relative clause.
    for index, node in enumerate(nodes[1:], start=1):
        if node.dep_ == "prep" and node.lower_ == "after":
            below = nodes[index - 1]
            relative = any(n.dep_ == "relcl" for n in nodes[: index - 1])
            return below.dep_ == "pobj" and relative and node.head.lemma_.lower() not in _SPEECH
    for node in nodes:
        if node.pos_ in _VERB_POS and any(
            c.dep_ == "mark" and c.lower_ == "after" for c in node.children
        ):
            return True
    return False


def _charged(nodes: list[Token], join: Token) -> bool:
    """Whether the trigger is the act a dated accusation charges someone with ("accused
    Caracas on Tuesday of opening fire on a patrol", "blamed the rebels for shelling the
    town"): the act came before the charge."""
    if join.lemma_.lower() not in _CHARGING:
        return False
    return any(
        node.dep_ in ("pcomp", "pobj")
        and node.head.lower_ in ("of", "for")
        and node.head.head.i == join.i
        for node in nodes
    )


def _day_before(timexes: list[Timex], dated: tuple[str, str]) -> tuple[str, str]:
    """For an act set before the day ``dated``: the latest day the story names in the
    :data:`DAYS_BEFORE` days before it (the attack "took place on Sunday", "the remarks
    were made on Monday"), of a deed rather than a saying if it names one, else
    ``dated`` itself (the day it was reported: no other can be known)."""
    if dated[1] != "day":
        return dated
    day = dt.date.fromisoformat(dated[0])
    earliest = (day - dt.timedelta(days=DAYS_BEFORE)).isoformat()
    named = [
        (t.spoken, found[0])
        for t in timexes
        if (found := t.resolved.event_date()) is not None
        and found[1] == "day"
        and earliest <= found[0] < dated[0]
    ]
    # A day that dates a saying about the act ("the army said in a statement on Sunday")
    # is not the act's when the story names the day of a deed.
    days = [day for spoken, day in named if not spoken] or [day for _, day in named]
    return (max(days), "day") if days else dated


def _offset_from_sentence(
    doc: Doc,
    trigger: Token,
    timexes: list[Timex],
    offsets: list[tuple[int, int]],
    trigger_path: list[Token],
    limit: str | None,
) -> tuple[str, str, str] | None:
    """ "X struck on Tuesday, officials said, a day after Y visited": when no day joins the
    clause above the "a day after" clause, the day named before it in its sentence does."""
    if not offsets:
        return None
    index, days = offsets[0]
    start = trigger_path[index].left_edge.idx
    sentence = trigger.sent
    before = [
        dated
        for timex in timexes
        if sentence.start_char <= timex.start
        and timex.end <= start
        and (dated := timex.resolved.event_date()) is not None
        and dated[1] == "day"
    ]
    if not before:
        return None
    day, precision = _shifted(before[-1], days)
    if limit is not None and day > limit:
        return None
    return day, precision, "clause"


#: Characters of the headline and lead searched for the story's day.
LEAD_CHARS = 600


def _past_days(timexes: list[Timex], published: str | None) -> list[tuple[Timex, str]]:
    """Day-precise expressions not after publication, with their day, in text order."""
    day = parse_published(published)
    limit = day.isoformat() if day is not None else None
    found = []
    for timex in timexes:
        dated = timex.resolved.event_date()
        if dated is None or dated[1] != "day":
            continue
        if limit is not None and dated[0] > limit:
            continue
        found.append((timex, dated[0]))
    return sorted(found, key=lambda item: item[0].start)


def _from_context(
    doc: Doc, trigger_start: int, timexes: list[Timex], published: str | None
) -> tuple[str, str, str] | None:
    days = _past_days(timexes, published)
    if not days:
        return None
    text = doc.text
    # Within its own sentence the clause rules have already said which expressions date
    # the event ("Lavrov, who arrived on Monday, said ...").
    token = doc.char_span(trigger_start, trigger_start + 1, alignment_mode="expand")
    sentence = token.root.sent if token is not None else None
    own_start = sentence.start_char if sentence is not None else trigger_start
    own_end = sentence.end_char if sentence is not None else trigger_start
    # A lead paragraph that names no day keeps the published day for the story's undated
    # acts: the next paragraph's day is often that of one statement, not of the story.
    lead_start, lead_end = 0, _lead_end(text)
    lead = [
        (timex, day)
        for timex, day in days
        if lead_start <= timex.start < lead_end and not own_start <= timex.start < own_end
    ]
    if lead:
        return _last_of_run(doc, lead), "day", "lead"
    return None


def _last_of_run(doc: Doc, lead: list[tuple[Timex, str]]) -> str:
    """The lead's day; of days joined to it ("met on Monday and Tuesday"), the last: the
    story goes on from the end of the run."""
    first, day = lead[0]
    span = doc.char_span(first.start, first.end, alignment_mode="expand")
    if span is None:
        return day
    joined = {t.i for t in span.root.conjuncts}
    for timex, other in lead[1:]:
        other_span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if other_span is not None and other_span.root.i in joined:
            day = max(day, other)
    return day


def _lead_end(text: str, after: int | None = None) -> int:
    """End of the headline and the first line of the body (a paragraph), at most
    :data:`LEAD_CHARS` characters into the body; with ``after``, the end of the next
    paragraph that starts after that offset, at most as long."""
    if after is None:
        first_break = text.find("\n")
        body_start = first_break + 1 if 0 <= first_break < 200 else 0
    else:
        body_start = after
        while body_start < len(text) and text[body_start].isspace():
            body_start += 1
    paragraph_end = text.find("\n", body_start)
    if paragraph_end < 0:
        paragraph_end = len(text)
    return min(paragraph_end, body_start + LEAD_CHARS)


def _published(doc: Doc) -> str | None:
    document = doc._.document
    return getattr(document, "published", None) if document is not None else None


@Language.component("dotterel_dateline", assigns=["doc._.dateline"])
def dateline_component(doc: Doc) -> Doc:
    """Parse the dateline of ``doc`` into ``doc._.dateline`` (``None`` when there is none)."""
    doc._.dateline = parse_dateline(doc.text, _published(doc))
    return doc


@Language.component(
    "dotterel_time",
    requires=[
        "doc.ents",
        "doc._.events",
        "doc._.dateline",
        "doc.sents",
        *PARSE_ATTRIBUTES,
    ],
    assigns=["doc._.timexes", "doc._.events"],
)
def time_component(doc: Doc) -> Doc:
    """Resolve time expressions into ``doc._.timexes`` and date ``doc._.events``."""
    published = _published(doc)
    timexes = resolve_doc_timexes(doc, published)
    doc._.timexes = timexes
    anchor = _anchor_date(doc._.dateline, published)
    for event in doc._.events or []:
        usable, limit = timexes, None
        if anchor is not None and (_announced(event) or _reported_done(doc, event)):
            limit = anchor
            # A promise or plan is coded when it is made (PLOVER codes the intention):
            # "will visit next month" is dated by its announcement, not by the visit.
            # An act reported as done cannot lie after the story ("accused them of
            # financing vote-buying before the election, due on September 28").
            usable = [t for t in timexes if (t.resolved.event_date() or (anchor,))[0] <= anchor]
        if anchor is not None and _announced(event):
            # "would travel to Washington later this month": a future clause's time is
            # the plan's, even when its period has begun.
            usable = [t for t in usable if t.tense != "future"]
        dated = date_event(
            doc,
            event.trigger.start,
            event.trigger.end,
            usable,
            doc._.dateline,
            published,
            limit,
            statement=event.event_type in _STATEMENTS,
        )
        if dated is None:
            continue
        event.event_date, event.date_precision, event.date_source = dated
    _date_headline(doc.text, doc._.events or [], anchor)
    return doc


#: Date sources that come from the event's own sentence.
_OWN_SOURCES = frozenset({"clause", "reporting_clause"})


def _headline_end(text: str) -> int | None:
    """End of the headline: the first line, when it is a short one above a body."""
    first_break = text.find("\n")
    return first_break if 0 < first_break < 200 else None


def _date_headline(text: str, events: list[Event], anchor: str | None) -> None:
    """A headline act with no day of its own takes the day the body gives the same
    actor's act: of the same category if there is one, else the actor's first dated act,
    a statement for a statement ("Ethiopia warns ..." over a lead about Monday's
    shipment: the body's "Ethiopia's foreign ministry said on Tuesday"). Only days from
    the body event's own sentence and not after ``anchor`` count."""
    end = _headline_end(text)
    if end is None:
        return
    body = [
        e
        for e in events
        if e.trigger.start > end
        and e.date_source in _OWN_SOURCES
        and e.date_precision == "day"
        and e.event_date
        and (anchor is None or e.event_date <= anchor)
    ]
    for event in events:
        if event.trigger.end > end or event.date_source in _OWN_SOURCES:
            continue
        actors = {e.country_code for e in event.actor if e.country_code}
        same_actor = [e for e in body if actors & {a.country_code for a in e.actor}]
        same_type = [e for e in same_actor if e.event_type == event.event_type]
        # A headline statement is not dated by the actor's deed: "Sudan accuses X of a
        # raid" is not the day Sudan's troops fought the raiders off.
        # A deed may be told by the statement that announces it ("Serbia expels a
        # diplomat" over "Serbia ordered the diplomat to leave on Tuesday").
        if event.event_type in _STATEMENTS:
            same_actor = [e for e in same_actor if e.event_type in _STATEMENTS]
        matches = same_type or same_actor
        if matches:
            source = matches[0]
            event.event_date, event.date_precision = source.event_date, "day"
            event.date_source = "lead"


def _anchor_date(dateline: Dateline | None, published: str | None) -> str | None:
    if dateline is not None and dateline.date:
        return str(dateline.date)
    day = parse_published(published)
    return day.isoformat() if day is not None else None


def _announced(event: Event) -> bool:
    return event.factuality == "future" or event.intention_of is not None


def _reported_done(doc: Doc, event: Event) -> bool:
    """An act that happened (or was refused) and whose clause is not in the future."""
    if event.factuality not in ("actual", "negated"):
        return False
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None:
        return False
    verb = _governing_verb(span.root)
    return verb is None or clause_tense(verb) != "future"
