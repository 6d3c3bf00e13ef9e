"""Days a story gives a statement outside its own clause: the question it answers, the
quotation that follows it, the subject's day told in a relative clause, and a lead
paragraph that names no day.

Every sentence here is made up for the test (none comes from a gold file).
"""

from __future__ import annotations

from spacy.language import Language

from dotterel.records import Event

from .placed_events import code_in_order

PUB = "2025-03-14"  # a Friday


def _day(
    nlp: Language, text: str, triggers: list[tuple[str, str]], published: str = PUB
) -> list[str | None]:
    events: list[Event] = code_in_order(
        nlp, text, [(w, t, None, "actual") for w, t in triggers], published
    )
    return [e.event_date for e in events]


def test_the_question_a_statement_answers_dates_it(nlp: Language) -> None:
    text = (
        "Peru closes border crossing with Chile\n"
        "Peru closed its main border crossing with Chile on Tuesday.\n"
        "Asked about the closure at a news conference in Madrid on Wednesday, Spain's "
        "foreign minister said Spain backs Peru and urged Chile to show restraint."
    )
    backs, urged = _day(nlp, text, [("backs", "SUPPORT"), ("urged", "REQUEST")])
    assert backs == urged == "2025-03-12"
    text = "Questioned by reporters in Lima on Thursday, the minister accused Chile of bad faith."
    assert _day(nlp, text, [("accused", "ACCUSE")]) == ["2025-03-13"]


def test_a_passive_participle_of_a_deed_keeps_its_day(nlp: Language) -> None:
    text = (
        "Peru closes border crossing with Chile\n"
        "Peru closed its main border crossing with Chile on Tuesday.\n"
        "Elected in a landslide on Sunday, the new mayor of Tacna criticised the closure."
    )
    assert _day(nlp, text, [("criticised", "ACCUSE")]) == ["2025-03-11"]


def test_a_quotation_after_a_statement_gives_its_day(nlp: Language) -> None:
    text = (
        "Ghana shuts border with Togo\n"
        "Ghana shut its border with Togo on Monday after a clash between traders.\n"
        'Nigeria urged both neighbours to reopen the crossing quickly. "Trade in the '
        'region depends on it," a foreign ministry spokesman said in Abuja on Wednesday.'
    )
    assert _day(nlp, text, [("urged", "REQUEST")]) == ["2025-03-12"]


def test_a_quotation_does_not_date_a_deed_or_a_dated_statement(nlp: Language) -> None:
    text = (
        "Ghana shuts border with Togo\n"
        "Ghana shut its border with Togo on Monday after a clash between traders.\n"
        'Police fired tear gas at traders near the crossing. "We had no choice," the '
        'police chief said on Wednesday. Togo protested on Tuesday. "This is unjust," '
        "its minister said on Thursday."
    )
    fired, protested = _day(nlp, text, [("fired", "COERCE"), ("protested", "ACCUSE")])
    assert fired == "2025-03-10"
    assert protested == "2025-03-11"


def test_the_subjects_day_in_a_relative_clause_dates_an_undated_act(nlp: Language) -> None:
    text = (
        "Sudan sends troops to Ethiopian border\n"
        "Sudan said on Monday that gunmen had attacked farmers near the border.\n"
        "The army chief, who visited wounded soldiers in Gedaref on Wednesday, ordered "
        "reinforcements to the frontier."
    )
    assert _day(nlp, text, [("ordered", "MOBILIZE")]) == ["2025-03-12"]
