"""Acts the clause sets before the day it is dated by: past perfects in reported speech
and clauses or phrases opened by "after". Their day is the one the story names just
before that day, when it names one.

Every sentence here is made up for the test (none comes from a gold file).
"""

from __future__ import annotations

from spacy.language import Language

from .placed_events import code_in_order

PUB = "2025-03-13"  # a Thursday


def _dates(nlp: Language, text: str, words: list[str], published: str = PUB) -> list[str]:
    """The dates of actual events at the first occurrence (after the previous) of each word."""
    triggers: list[tuple[str, str, str | None, str | None]] = [
        (w, "X", None, "actual") for w in words
    ]
    return [str(e.event_date) for e in code_in_order(nlp, text, triggers, published)]


def test_a_past_perfect_reported_on_a_day_takes_the_day_named_before_it(nlp: Language) -> None:
    text = (
        "Chad's army said on Thursday that rebels had attacked a border post in the north. "
        "The raid took place on Tuesday near Bardai, it said."
    )
    said, attacked = _dates(nlp, text, ["said", "attacked"])
    assert said == "2025-03-13"
    assert attacked == "2025-03-11"


def test_a_past_perfect_keeps_the_reporting_day_when_no_earlier_day_is_named(
    nlp: Language,
) -> None:
    text = "Officials in Lusaka said on Wednesday that troops had crossed the river."
    (crossed,) = _dates(nlp, text, ["crossed"])
    assert crossed == "2025-03-12"


def test_an_act_after_which_the_dated_act_came_takes_the_day_before(nlp: Language) -> None:
    text = (
        "Gabon recalled its ambassador on Wednesday after Cameroon accused it of harbouring "
        "separatists. Cameroon's minister made the accusation on Monday in Yaounde."
    )
    recalled, accused = _dates(nlp, text, ["recalled", "accused"])
    assert recalled == "2025-03-12"
    assert accused == "2025-03-10"


def test_a_day_named_after_the_dated_act_or_weeks_before_it_is_not_used(
    nlp: Language,
) -> None:
    text = (
        "Benin closed the crossing on Tuesday after gunmen killed two customs officers. "
        "The ministers of both countries will meet on Friday. Benin last closed it on "
        "January 3."
    )
    closed, killed = _dates(nlp, text, ["closed", "killed"])
    assert closed == "2025-03-11"
    assert killed == "2025-03-11"


def test_a_past_perfect_with_no_day_above_it_keeps_the_storys_day(nlp: Language) -> None:
    text = (
        "NIAMEY, March 13 (AFP) - Fighting broke out on Wednesday near the Malian border. "
        "A Nigerien army spokesman said the government had summoned the Malian envoy."
    )
    broke, summoned = _dates(nlp, text, ["broke", "summoned"])
    assert broke == "2025-03-12"
    assert summoned == "2025-03-13"


def test_an_undated_act_after_which_another_came_takes_the_day_before(nlp: Language) -> None:
    text = (
        "NIAMEY, March 13 (AFP) - Rebels ambushed a convoy on Tuesday near Tillaberi. "
        "Niger protested to Mali after the gunmen crossed the border."
    )
    protested, crossed = _dates(nlp, text, ["protested", "crossed"])
    assert protested == "2025-03-13"
    assert crossed == "2025-03-11"


def test_a_past_perfect_joined_to_a_dated_one_shares_its_day(nlp: Language) -> None:
    text = (
        "Officials said on Wednesday that the two delegations had met in Accra the "
        "previous day and had agreed to meet again in April. Police arrested six people "
        "on Sunday."
    )
    met, agreed = _dates(nlp, text, ["met", "agreed"])
    assert met == "2025-03-11"
    assert agreed in ("2025-03-11", "2025-03-12")


def test_the_act_an_accusation_charges_came_before_it(nlp: Language) -> None:
    text = (
        "Togo accused Ghanaian troops on Wednesday of firing on a border post. "
        "The post came under fire late on Monday, officials said."
    )
    accused, firing = _dates(nlp, text, ["accused", "firing"])
    assert accused == "2025-03-12"
    assert firing == "2025-03-10"


def test_an_act_told_in_a_relative_clause_on_the_object_of_after_came_before(
    nlp: Language,
) -> None:
    text = (
        "Niger closed its border with Benin on Wednesday after smugglers who police said "
        "had crossed the river shot two customs officers. The shooting happened on "
        "Monday near Gaya."
    )
    closed, shot = _dates(nlp, text, ["closed", "shot"])
    assert closed == "2025-03-12"
    assert shot == "2025-03-10"


def test_an_earlier_act_takes_the_day_of_a_deed_not_of_a_saying(nlp: Language) -> None:
    text = (
        "Guinea recalled its envoy to Mali on Thursday after villagers said soldiers had "
        "burned their granaries. Witnesses said troops entered the village on Monday. In a "
        "statement read on the radio on Tuesday, Mali's army said it had fought rebels."
    )
    recalled, burned = _dates(nlp, text, ["recalled", "burned"])
    assert recalled == "2025-03-13"
    assert burned == "2025-03-10"
