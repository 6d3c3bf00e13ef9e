"""The spaCy components: timexes with clause tense and the event-dating rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from dotterel.records import Document, Event, Span

PUB = "2024-11-01"  # a Friday
SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "gold" / "seed.jsonl"


def _code(nlp: Language, text: str, triggers: list[str], published: str | None = PUB):
    doc = nlp.make_doc(text)
    doc._.document = Document(doc_id="t", text=text, published=published)
    events = []
    for word in triggers:
        start = text.index(word)
        span = Span(word, start, start + len(word))
        events.append(
            Event(doc_id="t", sentence_index=0, evidence=span, trigger=span, event_type="CONSULT")
        )
    doc._.events = events
    return nlp(doc), events


def _dated(event: Event) -> tuple[str | None, str | None, str | None]:
    return event.event_date, event.date_precision, event.date_source


def test_own_clause_date(nlp: Language) -> None:
    _, (event,) = _code(
        nlp, "The two ministers met in Geneva on Tuesday to discuss the crisis.", ["met"]
    )
    assert _dated(event) == ("2024-10-29", "day", "clause")


def test_reporting_clause_date(nlp: Language) -> None:
    text = "A new trade pact will be signed next month, the foreign minister announced on Thursday."
    _, (event,) = _code(nlp, text, ["signed"])
    # "next month" is the pact's own date; the announcement gives the reporting date.
    assert _dated(event) == ("2024-12-01", "month", "clause")
    text = "The border was closed after clashes, the defence ministry said on Wednesday."
    _, (event,) = _code(nlp, text, ["closed"])
    assert _dated(event) == ("2024-10-30", "day", "reporting_clause")


def test_dateline_date_when_the_text_gives_none(nlp: Language) -> None:
    text = "ANKARA, Oct 29 (Reuters) - Turkey condemned the attack on its embassy."
    doc, (event,) = _code(nlp, text, ["condemned"])
    assert doc._.dateline.place == "Ankara"
    assert _dated(event) == ("2024-10-29", "day", "dateline")


def test_published_date_as_last_resort(nlp: Language) -> None:
    _, (event,) = _code(nlp, "Turkey condemned the attack on its embassy.", ["condemned"])
    assert _dated(event) == (PUB, "day", "published")
    _, (event,) = _code(nlp, "Turkey condemned the attack.", ["condemned"], published=None)
    assert _dated(event) == (None, None, None)


def test_vague_expressions_give_no_date(nlp: Language) -> None:
    doc, (event,) = _code(nlp, "Iran recently condemned the strikes.", ["condemned"])
    assert _dated(event) == (PUB, "day", "published")
    text = "The treaty will be signed soon, officials said."
    doc, (event,) = _code(nlp, text, ["signed"])
    assert event.date_source == "published"
    assert all(t.resolved.event_date() is None for t in doc._.timexes)


def test_weekday_follows_the_tense_of_its_clause(nlp: Language) -> None:
    doc, (past, future) = _code(
        nlp,
        "The president visited Ankara on Monday. He will travel to Cairo on Monday.",
        ["visited", "travel"],
    )
    assert past.event_date == "2024-10-28"
    assert future.event_date == "2024-11-04"
    assert [t.tense for t in doc._.timexes] == ["past", "future"]


def test_time_entities_naming_a_day_are_kept(nlp: Language) -> None:
    doc, (event,) = _code(nlp, "Rebels attacked the town on Thursday night.", ["attacked"])
    assert [t.resolved.value for t in doc._.timexes] == ["2024-10-31"]
    assert event.event_date == "2024-10-31"


def test_clause_of_another_verb_does_not_date_the_event(nlp: Language) -> None:
    text = "Lavrov criticised the sanctions, which the European Union imposed on Monday."
    _, (event,) = _code(nlp, text, ["criticised"])
    assert event.date_source == "published"


def test_without_a_dateline_an_undated_sentence_takes_the_leads_day(nlp: Language) -> None:
    text = (
        "Guyana protests to Venezuela over border shooting\n"
        "Guyana accused Venezuelan soldiers on Tuesday of firing on a patrol.\n\n"
        "The foreign minister said on Wednesday that the army was on alert. "
        "He said the government had summoned the ambassador.\n\n"
        "Officials also asked for a meeting of the Security Council."
    )
    _, (headline, summoned, asked) = _code(
        nlp, text, ["protests", "summoned", "asked"], published="2025-09-11"
    )
    # The headline and sentences with no day of their own report the lead's day, not a
    # day an earlier sentence names for something else.
    assert (headline.event_date, headline.date_source) == ("2025-09-09", "lead")
    assert (summoned.event_date, summoned.date_source) == ("2025-09-09", "lead")
    assert (asked.event_date, asked.date_source) == ("2025-09-09", "lead")


def test_a_future_day_in_the_lead_is_not_lent_to_an_act(nlp: Language) -> None:
    text = "Ministers will meet on Monday. The two sides exchanged letters."
    _, (exchanged,) = _code(nlp, text, ["exchanged"])
    assert exchanged.date_source == "published"


def test_with_a_dateline_undated_sentences_keep_the_datelines_day(nlp: Language) -> None:
    text = "BAGHDAD, Oct 30 (AFP) - Talks began on Sunday. The envoys exchanged letters."
    _, (exchanged,) = _code(nlp, text, ["exchanged"])
    assert exchanged.date_source == "dateline"


@pytest.mark.skipif(not SEED.exists(), reason="shared seed gold not present")
def test_seed_article_dates(nlp: Language) -> None:
    article = json.loads(SEED.read_text(encoding="utf-8").splitlines()[0])
    text = article["text"]
    assert article["published"] == PUB
    _, (signed, revealed) = _code(nlp, text, ["signed soon", "revealed"])
    assert signed.event_date == "2024-10-31"  # "... Lavrov announced on Thursday"
    assert signed.date_source == "reporting_clause"
    assert revealed.event_date == "2024-10-23"  # "... in Kazan on October 23, where he revealed"


def test_planned_act_is_dated_by_its_announcement(nlp: Language) -> None:
    text = "A new trade pact will be signed next month, the foreign minister announced on Thursday."
    doc = nlp.make_doc(text)
    doc._.document = Document(doc_id="t", text=text, published=PUB)
    start = text.index("signed")
    span = Span("signed", start, start + len("signed"))
    event = Event(doc_id="t", sentence_index=0, evidence=span, trigger=span, event_type="AGREE")
    event.factuality = "future"
    doc._.events = [event]
    nlp(doc)
    # PLOVER codes the promise, which was made when it was announced.
    assert _dated(event) == ("2024-10-31", "day", "reporting_clause")
