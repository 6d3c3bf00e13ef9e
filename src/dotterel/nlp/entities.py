"""spaCy component ``dotterel_entities``: entity spans found by rules, in place of the model's NER.

The model's statistical NER costs about a third of the model's time, and the later stages
use few of its decisions: the actor and place dictionaries find the names they know on
their own, and the time stage needs only the spans its resolver can read. This component
sets ``doc.ents`` from the tagger's output and Dotterel's own dictionaries instead
(``entities = "rules"``, the default; ``"model"`` keeps the model's NER):

- **DATE**: a time word (weekday, month next to a day number or a year, "yesterday", a
  year, a unit of time after a modifier or a number: "last week", "two days ago") grown
  over its modifiers, kept when :func:`dotterel.time.resolve.resolve_timex` can read it.
- **Names**: a run of proper nouns (``NNP``/``NNPS``), joined across "of", "bin", hyphens
  and capitalised adjectives ("Inter-American Commission"), labelled by what it holds:
  NORP for a demonym or a plural group ("Islamists"), EVENT for a conference, treaty or
  war, LOC for a compass word, ORG for an organisation word or an acronym, GPE for a place
  the gazetteer knows, else PERSON (titles left out: "Foreign Minister Sergey Lavrov" ->
  "Sergey Lavrov"; a lone surname of a person already named stays that person).

Measured against the model's NER on the project's gold sets, the events are the same but
for a few (``docs/scale.md``); the pipeline runs in about 0.7 of bare spaCy's time.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.training import Example
from spacy.util import filter_spans

from dotterel.actors.lexicon import COUNTRY_KINDS, Lexicon, default_lexicon, key_of
from dotterel.actors.words import ACTOR_WORDS
from dotterel.places.gazetteer import Gazetteer, load_gazetteer, normalize
from dotterel.time.resolve import (
    MONTHS,
    NUMBERS,
    ORDINALS,
    WEEKDAYS,
    WORDS,
    resolve_timex,
)
from dotterel.wordlists import WordLists, load_name_words, load_word_lists

ENTITY_WORD_LISTS = (
    "deictic_days",
    "time_units",
    "definite_time_units",
    "ambiguous_months",
    "time_modifiers",
    "time_fillers",
    "time_edges",
    "time_tails",
    "event_words",
    "name_joiners",
    "organisation_joiners",
    "name_titles",
    "compass_words",
)
ENTITY_WORDS: WordLists = load_word_lists(
    "dotterel.nlp", "data/entity_words.yaml", lists=ENTITY_WORD_LISTS
)
#: Name words more than one stage reads (``dotterel/data/name_words.yaml``).
NAME_WORDS: WordLists = load_name_words()
#: Ways of finding ``doc.ents``: Dotterel's rules, or the model's own NER.
ENTITY_MODES = ("rules", "model")

_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)s?$")
_DAY_NUMBER = re.compile(r"^([1-9]|[12]\d|3[01])(st|nd|rd|th)?$")
# A time expression is tested by the resolver against this day when the story has none.
_ANY_DAY = "2000-01-01"
_PROPER = ("NNP", "NNPS")


@dataclass(frozen=True, slots=True)
class _TimeWords:
    days: frozenset[str]
    units: frozenset[str]
    definite_units: frozenset[str]
    ambiguous_months: frozenset[str]
    modifiers: frozenset[str]
    left: frozenset[str]
    edges: frozenset[str]
    right: frozenset[str]


def _time_words(words: WordLists) -> _TimeWords:
    modifiers = words["time_modifiers"]
    return _TimeWords(
        days=words["deictic_days"],
        units=words["time_units"],
        definite_units=words["definite_time_units"],
        ambiguous_months=words["ambiguous_months"],
        modifiers=modifiers,
        left=modifiers | frozenset(NUMBERS) | frozenset(ORDINALS) | words["time_fillers"],
        edges=words["time_edges"],
        right=frozenset(WORDS["day_parts"]) | words["time_tails"],
    )


_TIME = _time_words(ENTITY_WORDS)
_WEEKDAY_NAMES = frozenset(w for w in WEEKDAYS if w.endswith("day"))


def _titled(token: Token) -> bool:
    return token.text[:1].isupper()


def _is_day_number(token: Token) -> bool:
    return bool(_DAY_NUMBER.match(token.text))


def is_year(token: Token) -> bool:
    """A four-digit year ("2023", "the 1990s"), not a count ("2000 troops")."""
    if not _YEAR.match(token.text):
        return False
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return after is None or after.tag_ not in ("NNS", "NNPS") or after.lower_ in _TIME.units


def is_month(token: Token) -> bool:
    """A capitalised month name; "May", "March" and abbreviations only beside a number."""
    low = token.lower_.rstrip(".")
    if low not in MONTHS or not _titled(token):
        return False
    if len(low) > 4 and low not in _TIME.ambiguous_months:
        return True
    doc = token.doc
    near = (doc[i] for i in (token.i - 1, token.i + 1, token.i + 2) if 0 <= i < len(doc))
    return any(_is_day_number(t) or _YEAR.match(t.text) for t in near)


def _is_weekday(token: Token) -> bool:
    return token.lower_ in _WEEKDAY_NAMES and _titled(token)


def _time_anchor(token: Token) -> bool:
    low = token.lower_
    if _is_weekday(token) or low in _TIME.days or is_month(token) or is_year(token):
        return True
    if low not in _TIME.units:
        return False
    doc = token.doc
    before = doc[token.i - 1].lower_ if token.i else ""
    after = doc[token.i + 1].lower_ if token.i + 1 < len(doc) else ""
    if before == "the" and low in _TIME.definite_units:
        return True
    return before in _TIME.modifiers or before in NUMBERS or before.isdigit() or after == "ago"


def _extends_left(token: Token) -> bool:
    return token.lower_ in _TIME.left or _is_day_number(token) or is_month(token)


def _extends_right(token: Token, previous: Token) -> bool:
    low = token.lower_
    if low in _TIME.right:
        return True
    if low in _TIME.units:
        return (
            previous.lower_ in NUMBERS or previous.text.isdigit() or previous.lower_ in _TIME.left
        )
    if _is_day_number(token) or is_year(token):
        return is_month(previous) or _is_day_number(previous)
    if low.rstrip(".") in MONTHS and _titled(token):
        return _is_day_number(previous) or previous.lower_ in _TIME.edges
    return False


def date_spans(doc: Doc, published: str | None) -> list[Span]:
    """The time expressions of ``doc`` the resolver can read, as DATE spans."""
    found: list[Span] = []
    for token in doc:
        if not _time_anchor(token):
            continue
        sentence = token.sent
        start, end = token.i, token.i + 1
        while start > sentence.start and _extends_left(doc[start - 1]):
            start -= 1
        while end < sentence.end:
            if _extends_right(doc[end], doc[end - 1]):
                end += 1
            elif doc[end].text == "," and end + 1 < sentence.end and is_year(doc[end + 1]):
                end += 2  # "March 3, 2025"
            else:
                break
        while start < token.i and doc[start].lower_ in _TIME.edges:
            start += 1
        while end - 1 > token.i and doc[end - 1].lower_ in _TIME.edges | {"the"}:
            end -= 1
        # "the 1951 treaty", "the February 25 vote": the article belongs to the noun.
        if doc[start].lower_ == "the" and start < token.i:
            following = doc[start + 1]
            if is_year(following) or is_month(following) or _is_weekday(following):
                start += 1
        span = Span(doc, start, end, label="DATE")
        if resolve_timex(span.text, published or _ANY_DAY) is not None:
            found.append(span)
    return filter_spans(found)


@dataclass(frozen=True, slots=True)
class NameWords:
    """The word lists the name finder labels and cuts names by."""

    organisation: frozenset[str]
    events: frozenset[str]
    joiners: frozenset[str]
    organisation_joiners: frozenset[str]
    titles: frozenset[str]
    compass: frozenset[str]


def name_words(
    words: WordLists = ENTITY_WORDS,
    actor_words: WordLists = ACTOR_WORDS,
    shared: WordLists = NAME_WORDS,
) -> NameWords:
    """The name finder's lists: its own, the shared organisation nouns, and the concepts
    the actor coder holds (``actors/data/actor_words.yaml``), read from there so that each
    lives in one file: its title words and military ranks are titles before a name, its
    surname joiners ("da", "bin", "dos") join a name's words."""
    return NameWords(
        organisation=shared["organisation_nouns"],
        events=words["event_words"],
        joiners=words["name_joiners"] | actor_words["surname_joiners"],
        organisation_joiners=words["organisation_joiners"],
        titles=words["name_titles"] | actor_words["title_words"] | actor_words["military_ranks"],
        compass=words["compass_words"],
    )


class NameFinder:
    """Labels runs of proper nouns with the dictionaries of the actor and place stages."""

    def __init__(
        self, lexicon: Lexicon, gazetteer: Gazetteer, words: NameWords | None = None
    ) -> None:
        words = words or name_words()
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        self.organisation = words.organisation
        self.events = words.events
        self.joiners = words.joiners
        self.organisation_joiners = words.organisation_joiners
        self.titles = words.titles
        self.compass = words.compass

    def _demonym(self, text: str) -> bool:
        for key in (key_of(text), key_of(text[:-1]) if text.endswith("s") else ""):
            if key and any(e.kind == "demonym" for e in self.lexicon.names.get(key, ())):
                return True
        return False

    def _place(self, span: Span) -> bool:
        """A place the gazetteer knows; a capitalised first word of a sentence only by its
        exact name or a country's ("Grenade kills two" is not Granada)."""
        places = self.gazetteer.candidates(span.text)
        if not places:
            return False
        if len(span) > 1 or not span[0].is_sent_start:
            return True
        key = normalize(span.text)
        return any(normalize(p.name) == key for p in places) or any(
            e.kind in COUNTRY_KINDS for e in self.lexicon.names.get(key_of(span.text), ())
        )

    def _bridge(self, doc: Doc, start: int, taken: set[int]) -> int:
        """End of hyphens and capitalised adjectives leading to a proper noun
        ("Inter-American Commission"), else ``start``."""
        j = start
        while j < len(doc) and j - start < 3 and j not in taken:
            token = doc[j]
            if not (token.text == "-" or (token.is_title and token.tag_ in ("JJ", "NN", "NNS"))):
                break
            j += 1
        if start < j < len(doc) and j not in taken and doc[j].tag_ in _PROPER:
            return j + 1
        return start

    def _run_end(self, doc: Doc, start: int, taken: set[int]) -> int:
        end = start + 1
        while end < len(doc) and end not in taken:
            token = doc[end]
            if token.tag_ in _PROPER and not token.is_sent_start:
                end += 1
                continue
            bridged = self._bridge(doc, end, taken)
            if bridged > end:
                end = bridged
                continue
            inside_body = bool(
                {t.lower_ for t in doc[start:end]} & (self.organisation | self.events)
            )
            joins = token.lower_ in self.joiners or (
                inside_body and token.lower_ in self.organisation_joiners
            )
            after = end + 1
            if (
                joins
                and not token.is_sent_start
                and after < len(doc)
                and after not in taken
                and doc[after].tag_ in _PROPER
            ):
                end = after + 1
                continue
            break
        return end

    def _label(self, span: Span, surnames: set[str]) -> tuple[str, int]:
        """The run's label and where its name starts (after any title)."""
        text = span.text
        words = {t.lower_ for t in span}
        if self._demonym(text):
            return "NORP", span.start
        if words & self.events and len(span) > 1:
            return "EVENT", span.start
        if text.lower() in self.compass:
            return "LOC", span.start
        if words & self.organisation:
            return "ORG", span.start
        last = span[-1]
        if last.tag_ == "NNPS" or last.lower_ in self.lexicon.agents:
            return "NORP", span.start  # "Islamists", "Somali Rebels": a group, coded by its role
        if len(span) == 1 and text in surnames:
            return "PERSON", span.start  # "Roman" after "Petre Roman": the person again
        if self._place(span):
            return "GPE", span.start
        if len(span) == 1 and text.isupper() and 2 <= len(text) <= 6:
            return "ORG", span.start  # an acronym
        first = span.start
        while first < span.end - 1 and span.doc[first].lower_ in self.titles:
            first += 1
        head = span.doc[first]
        if first == span.end - 1 and (
            head.lower_ in self.titles or (head.dep_ == "compound" and head.head.pos_ == "NOUN")
        ):
            return "", first  # a title alone, or a name used as a modifier ("Transport union")
        return "PERSON", first

    def spans(self, doc: Doc, taken: set[int]) -> list[Span]:
        """Labelled name spans of ``doc`` outside the ``taken`` token indices."""
        taken = taken | {t.i for t in doc if t.lower_.rstrip(".") in MONTHS or t.lower_ in WEEKDAYS}
        surnames: set[str] = set()
        found: list[Span] = []
        i = 0
        while i < len(doc):
            token = doc[i]
            if i in taken or token.tag_ not in _PROPER:
                if (
                    i not in taken
                    and token.is_title
                    and token.tag_ == "JJ"
                    and self._demonym(token.text)
                ):
                    found.append(Span(doc, i, i + 1, label="NORP"))
                i += 1
                continue
            end = self._run_end(doc, i, taken)
            label, first = self._label(doc[i:end], surnames)
            if label:
                found.append(Span(doc, first, end, label=label))
                if label == "PERSON" and end - first > 1:
                    surnames.add(doc[end - 1].text)
            i = end
        return found


class EntityFinder:
    """The ``dotterel_entities`` component: DATE spans, then names, as ``doc.ents``.

    Its setting (``user_dictionaries``) is in the factory's config; the resources it reads
    are handed to :meth:`initialize` by whoever builds the pipeline
    (:func:`dotterel.nlp.pipeline.build_nlp` builds them once and hands the same ones to
    every component), as spaCy components receive their data.
    """

    def __init__(self, nlp: Language, name: str, user_dictionaries: str = "") -> None:
        self.name = name
        self.user_dictionaries = tuple(p for p in user_dictionaries.split(":") if p)
        self.names: NameFinder | None = None

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Example]] | None = None,
        *,
        nlp: Language | None = None,
        lexicon: Lexicon | None = None,
        gazetteer: Gazetteer | None = None,
        words: NameWords | None = None,
    ) -> None:
        """Take the lexicon (built with the user dictionaries of the config) and the
        gazetteer the names are labelled by; those not given are the shared ones."""
        self.names = NameFinder(
            lexicon if lexicon is not None else default_lexicon(self.user_dictionaries),
            gazetteer if gazetteer is not None else load_gazetteer(),
            words,
        )

    def __call__(self, doc: Doc) -> Doc:
        if self.names is None:
            raise ValueError(
                f"pipe {self.name!r} has no lexicon or gazetteer: call its initialize() "
                "(dotterel.nlp.pipeline.build_nlp does)"
            )
        document = doc._.document
        published = getattr(document, "published", None) if document is not None else None
        dates = date_spans(doc, published)
        taken = {t.i for span in dates for t in span}
        doc.ents = sorted([*dates, *self.names.spans(doc, taken)], key=lambda s: s.start)
        return doc


@Language.factory(
    "dotterel_entities",
    default_config={"user_dictionaries": ""},
    requires=["doc.sents", "token.tag", "token.dep", "token.head"],
    assigns=["doc.ents", "token.ent_iob", "token.ent_type"],
)
def make_entities(nlp: Language, name: str, user_dictionaries: str) -> EntityFinder:
    """Find dates and names by rules, in place of the model's NER."""
    return EntityFinder(nlp, name, user_dictionaries)
