"""Dating events from the story around them: participle clauses, "N days after",
continuing sentences, headlines, multi-day leads and acts that cannot lie after the story.

Every sentence here is made up for the test (none comes from a gold file).
"""

from __future__ import annotations

from spacy.language import Language

from dotterel.records import Event

from .placed_events import code_in_order

PUB = "2025-03-13"  # a Thursday


def _code(
    nlp: Language,
    text: str,
    triggers: list[tuple[str, str, str | None, str]],
    published: str | None = PUB,
) -> list[Event]:
    return code_in_order(nlp, text, list(triggers), published)


def _day(event: Event) -> tuple[str | None, str | None]:
    return event.event_date, event.date_source


def test_a_participle_clause_dates_the_clause_it_hangs_on(nlp: Language) -> None:
    text = (
        "The Chilean minister, addressing a press briefing in Santiago on Tuesday, "
        "rejected the proposal and accused Bolivia of stalling the talks."
    )
    rejected, accused = _code(
        nlp, text, [("rejected", "REJECT", None, "actual"), ("accused", "ACCUSE", None, "actual")]
    )
    assert _day(rejected)[0] == "2025-03-11"
    assert _day(accused)[0] == "2025-03-11"


def test_the_statement_an_act_is_made_in_dates_it(nlp: Language) -> None:
    text = (
        "Malawi's cabinet said in a statement broadcast on national radio on Tuesday that "
        "the border would stay shut. It accused Zambia of smuggling maize."
    )
    said, accused = _code(
        nlp, text, [("said", "ACCUSE", None, "actual"), ("accused", "ACCUSE", None, "actual")]
    )
    assert _day(said) == ("2025-03-11", "clause")
    assert _day(accused) == ("2025-03-11", "lead")


def test_a_relative_clause_keeps_its_day_to_itself(nlp: Language) -> None:
    # On the object, it dates the thing, not the act; on the subject, see
    # test_speech_days.py.
    text = "The envoy criticised the tariffs, which Ecuador imposed on Tuesday."
    (criticised,) = _code(nlp, text, [("criticised", "ACCUSE", None, "actual")])
    assert _day(criticised) == (PUB, "published")
    text = "The envoy, who landed in Quito on Tuesday, said on Wednesday that he regretted it."
    (said,) = _code(nlp, text, [("said", "ACCUSE", None, "actual")])
    assert _day(said) == ("2025-03-12", "clause")


def test_days_after_counts_back_from_the_main_clause(nlp: Language) -> None:
    text = (
        "Kenya expelled two Ugandan diplomats on Wednesday, three days after police in "
        "Nairobi arrested a Ugandan opposition activist."
    )
    expelled, arrested = _code(
        nlp,
        text,
        [("expelled", "SANCTION", None, "actual"), ("arrested", "COERCE", None, "actual")],
    )
    assert _day(expelled) == ("2025-03-12", "clause")
    assert _day(arrested) == ("2025-03-09", "clause")


def test_days_before_counts_forward_but_never_past_the_story(nlp: Language) -> None:
    text = (
        "The two ministers spoke by telephone on Monday, a day before Ghana recalled its "
        "ambassador, officials said."
    )
    (recalled,) = _code(nlp, text, [("recalled", "SANCTION", None, "actual")])
    assert recalled.event_date == "2025-03-11"
    text = "Rebels shelled the airport on Tuesday, four days before the president is due to visit."
    (visit,) = _code(nlp, text, [("visit", "CONSULT", None, "future")])
    # A plan is dated by its announcement, not by the day counted from the shelling.
    assert visit.event_date is not None and visit.event_date <= PUB


def test_a_sentence_opening_with_the_actors_pronoun_continues_its_day(nlp: Language) -> None:
    text = (
        "Peru protests Chilean naval exercise\n"
        "Peru summoned Chile's ambassador on Monday over a naval exercise near the border.\n\n"
        "Peru's president spoke to reporters in Lima on Wednesday. "
        "He warned that Peru could suspend trade talks. "
        "He said the navy had tracked the Chilean ships for days."
    )
    warned, tracked = _code(
        nlp,
        text,
        [("warned", "THREATEN", None, "actual"), ("tracked", "MOBILIZE", None, "actual")],
    )
    assert _day(warned) == ("2025-03-12", "lead")
    # A past perfect reports an act before that day: the story's day dates it instead.
    assert _day(tracked) == ("2025-03-10", "lead")


def test_an_act_said_to_come_later_takes_the_last_day_named_before_it(nlp: Language) -> None:
    text = (
        "Serbia closes crossings\n"
        "Serbia closed two crossings with Kosovo on Monday.\n\n"
        "Kosovo's interior ministry protested in a note on Tuesday. "
        "A government spokesman later demanded that the crossings reopen."
    )
    (demanded,) = _code(nlp, text, [("demanded", "REQUEST", None, "actual")])
    assert _day(demanded) == ("2025-03-11", "lead")


def test_a_headline_act_takes_the_day_the_body_gives_its_actor(nlp: Language) -> None:
    text = (
        "Floods hit Mozambique as Malawi warns of cholera\n"
        "Floods swept through central Mozambique on Monday, officials said.\n\n"
        "Malawi's health ministry said on Wednesday that it feared an outbreak."
    )
    warns, said = _code(
        nlp,
        text,
        [("warns", "THREATEN", "MWI", "actual"), ("feared", "THREATEN", "MWI", "actual")],
    )
    assert said.event_date == "2025-03-12"
    assert _day(warns) == ("2025-03-12", "lead")


def test_a_headline_statement_is_not_dated_by_its_actors_deed(nlp: Language) -> None:
    text = (
        "Chad accuses Sudanese militia of cattle raid\n"
        "Chad's army said on Wednesday that gunmen from Darfur had stolen cattle near "
        "Adre.\n\n"
        "Chadian troops repelled the raiders on Monday after a long fight, it said."
    )
    accuses, repelled = _code(
        nlp,
        text,
        [("accuses", "ACCUSE", "TCD", "actual"), ("repelled", "ASSAULT", "TCD", "actual")],
    )
    assert repelled.event_date == "2025-03-10"
    assert _day(accuses) == ("2025-03-12", "lead")


def test_a_run_of_days_in_the_lead_gives_its_last_day(nlp: Language) -> None:
    text = (
        "Nile talks end without a deal\n"
        "Delegations from Egypt and Sudan met in Khartoum on Monday and Tuesday to discuss "
        "the dam.\n\n"
        "Sudan asked Egypt to share flood data, officials told reporters."
    )
    (asked,) = _code(nlp, text, [("asked", "REQUEST", None, "actual")])
    assert _day(asked) == ("2025-03-11", "lead")


def test_a_done_act_is_never_dated_after_the_story(nlp: Language) -> None:
    text = (
        "Bolivia expelled a Peruvian consul, accusing him of meddling in the referendum, "
        "due on March 30."
    )
    (accusing,) = _code(nlp, text, [("accusing", "ACCUSE", None, "actual")])
    assert accusing.event_date is not None and accusing.event_date <= PUB


def test_a_plans_future_time_does_not_date_its_announcement(nlp: Language) -> None:
    text = "Officials said on Monday that the king would visit Rabat later this month."
    (visit,) = _code(nlp, text, [("visit", "AGREE", None, "future")])
    assert _day(visit) == ("2025-03-10", "reporting_clause")


def test_a_past_day_on_an_ordered_act_dates_the_order(nlp: Language) -> None:
    text = "Chad ordered two French diplomats to leave the country on Monday, citing espionage."
    ordered, citing = _code(
        nlp, text, [("ordered", "SANCTION", None, "actual"), ("citing", "ACCUSE", None, "actual")]
    )
    assert ordered.event_date == "2025-03-10"
    assert citing.event_date == "2025-03-10"
    text = "Officials in Niamey said the two sides had agreed to resume talks on Saturday."
    (agreed,) = _code(nlp, text, [("agreed", "AGREE", None, "actual")])
    assert agreed.date_source != "clause"


def test_a_day_hung_on_a_state_dates_the_act_around_it(nlp: Language) -> None:
    text = (
        "Gunmen raided a gold mine owned by a Canadian firm in northern Burkina Faso on "
        "Tuesday and abducted three engineers, the company said."
    )
    raided, abducted = _code(
        nlp, text, [("raided", "ASSAULT", None, "actual"), ("abducted", "ASSAULT", None, "actual")]
    )
    assert raided.event_date == "2025-03-11"
    assert abducted.event_date == "2025-03-11"
