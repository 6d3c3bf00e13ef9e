"""Acts told as background that repeat the dyad of the story's current act."""

from __future__ import annotations

from dotterel.events.merge import drop_background, merge_events
from dotterel.records import Event
from tests.conftest import Coder
from tests.events.test_merge import event


def dated(e: Event, day: str, source: str, precision: str = "day") -> Event:
    e.event_date, e.date_source, e.date_precision = day, source, precision
    return e


def test_background_repeat_of_a_current_dyad_is_dropped() -> None:
    # "Chile expelled two Peruvian diplomats on Monday. ... Chile had expelled a Peruvian
    # attaché in March." (published 2025-06-04)
    current = dated(event("SANCTION", ["CHL"], ["PER"], 0), "2025-06-02", "clause")
    march = dated(event("SANCTION", ["CHL"], ["PER"], 500), "2025-03-01", "clause", "month")
    kept = drop_background(merge_events([current, march]), "2025-06-04")
    assert [e.event_date for e in kept] == ["2025-06-02"]


def test_background_act_of_another_dyad_stays() -> None:
    # The history names another pair (Chile and Bolivia), or the reverse direction.
    current = dated(event("SANCTION", ["CHL"], ["PER"], 0), "2025-06-02", "clause")
    other = dated(event("SANCTION", ["CHL"], ["BOL"], 500), "2025-03-01", "clause", "month")
    reverse = dated(event("SANCTION", ["PER"], ["CHL"], 700), "2024-01-01", "clause", "year")
    kept = drop_background([current, other, reverse], "2025-06-04")
    assert len(kept) == 3


def test_background_act_alone_stays() -> None:
    # With no current act of the dyad the history is the story's only record of it.
    old = dated(event("ASSAULT", ["SRB"], ["XKX"], 0), "2023-01-01", "clause", "year")
    assert drop_background([old], "2025-06-04") == [old]


def test_recent_or_undated_acts_are_not_background() -> None:
    # "last week" (a clause date within the current window) is news, not history; a
    # date from the lead or the dateline is the story's own day.
    current = dated(event("ACCUSE", ["IND"], ["PAK"], 0), "2025-06-03", "clause")
    last_week = dated(event("ACCUSE", ["IND"], ["PAK"], 300), "2025-05-20", "clause")
    lead = dated(event("ACCUSE", ["IND"], ["PAK"], 600), "2025-01-01", "lead")
    undated = event("ACCUSE", ["IND"], ["PAK"], 900)
    kept = drop_background([current, last_week, lead, undated], "2025-06-04")
    assert len(kept) == 4


def test_an_act_dated_by_its_reporting_clause_long_before_is_background() -> None:
    # "India recalled its envoy in March 2023, accusing Pakistan of ...": the participle
    # is dated by the clause it hangs on, as old as a clause date of its own.
    current = dated(event("ACCUSE", ["IND"], ["PAK"], 0), "2025-06-03", "clause")
    old = dated(event("ACCUSE", ["IND"], ["PAK"], 600), "2023-03-01", "reporting_clause", "month")
    assert drop_background([current, old], "2025-06-04") == [current]


def test_an_old_accusation_in_a_participle_does_not_redate_the_current_one(
    coder: Coder,
) -> None:
    events = coder(
        "Chad accuses Libya of arming rebels\n"
        "Chad's foreign ministry accused Libya on Tuesday of arming rebels in the north.\n"
        "Chad cut diplomatic ties with Libya in May 2019, accusing it of hostile acts.",
        published="2025-06-04",
    )
    accusations = [e for e in events if e.event_type == "ACCUSE"]
    assert accusations
    assert {e.event_date for e in accusations} == {"2025-06-03"}


def test_a_year_that_holds_the_story_is_not_background() -> None:
    # "in 2025" in a story of June 2025 may be this week's act.
    current = dated(event("AID", ["JPN"], ["PHL"], 0), "2025-06-03", "lead")
    year = dated(event("AID", ["JPN"], ["PHL"], 300), "2025-01-01", "clause", "year")
    assert len(drop_background([current, year], "2025-06-04")) == 2


def test_a_month_or_year_is_not_the_story_news() -> None:
    # "in June" or "this year" does not make an act current: the older act stays.
    june = dated(event("AID", ["JPN"], ["PHL"], 0), "2025-06-01", "clause", "month")
    old = dated(event("AID", ["JPN"], ["PHL"], 300), "2023-01-01", "clause", "year")
    assert len(drop_background([june, old], "2025-06-04")) == 2


def test_without_publication_the_story_days_come_from_the_lead() -> None:
    current = dated(event("SANCTION", ["CHL"], ["PER"], 0), "2025-06-02", "lead")
    old = dated(event("SANCTION", ["CHL"], ["PER"], 500), "2023-01-01", "clause", "year")
    assert drop_background([current, old], None) == [current]


def test_story_repeating_an_old_border_closure(coder: Coder) -> None:
    events = coder(
        "Argentina closed its border with Paraguay on Tuesday after a clash between smugglers "
        "and police.\n"
        "In 2021 Argentina closed the border with Paraguay for three weeks during a dispute "
        "over river tolls.",
        published="2025-06-04",
    )
    closures = [e for e in events if e.event_type == "SANCTION"]
    assert [(e.event_date, e.date_source) for e in closures] == [("2025-06-03", "clause")]
