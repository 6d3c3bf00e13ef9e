"""One record per act per document."""

from __future__ import annotations

from dotterel.events.merge import merge_events
from dotterel.records import Entity, Event, Location, Span
from tests.conftest import Coder


def entity(code: str, start: int = 0) -> Entity:
    return Entity(text=code, start=start, end=start + 3, code=code, country=code[:3])


def event(
    event_type: str,
    actors: list[str],
    recipients: list[str],
    start: int,
    *,
    factuality: str = "actual",
    claimed: list[str] = (),  # type: ignore[assignment]
    date_source: str | None = None,
    date: str | None = None,
) -> Event:
    return Event(
        doc_id="d",
        sentence_index=start // 100,
        evidence=Span(f"sentence {start}", start, start + 50),
        trigger=Span("t", start + 5, start + 6),
        event_type=event_type,
        actor=[entity(a, start) for a in actors],
        recipient=[entity(r, start + 10) for r in recipients],
        factuality=factuality,
        claimed_by=[entity(c, start + 20) for c in claimed],
        event_date=date,
        date_source=date_source,
    )


def test_repeated_mentions_merge_with_all_evidence_and_claimants() -> None:
    first = event("AID", ["CHN"], ["RUS"], 0, claimed=["USAMED"])
    second = event("AID", ["CHNBUS"], ["RUS"], 200, claimed=["USAGOV"])
    merged = merge_events([first, second])
    assert len(merged) == 1
    assert [m.start for m in merged[0].mentions] == [0, 200]
    assert {c.code for c in merged[0].claimed_by} == {"USAMED", "USAGOV"}
    assert merged[0].event_id == first.event_id


def test_unordered_categories_merge_regardless_of_direction() -> None:
    merged = merge_events(
        [event("AGREE", ["RUS"], ["IRN"], 0), event("AGREE", ["IRN", "RUS"], [], 100)]
    )
    assert len(merged) == 1


def test_different_factuality_or_direction_stays_apart() -> None:
    events = [
        event("ASSAULT", ["ISR"], ["PSE"], 0),
        event("ASSAULT", ["PSE"], ["ISR"], 100),
        event("ASSAULT", ["ISR"], ["PSE"], 200, factuality="negated"),
    ]
    assert len(merge_events(events)) == 3


def test_the_most_specific_date_and_place_win() -> None:
    vague = event("CONSULT", ["FRA"], ["DEU"], 0, date_source="published", date="2024-01-10")
    precise = event("CONSULT", ["FRA"], ["DEU"], 100, date_source="clause", date="2024-01-08")
    precise.location = Location(name="Berlin", country="DEU", source="clause")
    merged = merge_events([vague, precise])
    assert merged[0].event_date == "2024-01-08"
    assert merged[0].location is not None and merged[0].location.name == "Berlin"


def test_agreement_with_nobody_is_not_kept(coder: Coder) -> None:
    # A one-sided statement of intent is not a dyadic event; a resignation is.
    assert coder("Ecuador vowed on Monday to press ahead with its plans.") == []
    events = coder("The Ecuadorean interior minister resigned on Monday.")
    assert [e.event_type for e in events] == ["RETREAT"]


def test_statement_by_a_foreign_state_is_located_with_the_speaker(coder: Coder) -> None:
    events = coder(
        "NAIROBI, May 4 (AFP) - Ethiopia accused Eritrea on Monday of backing Somali rebels."
    )
    accuse = next(e for e in events if e.event_type == "ACCUSE")
    assert accuse.location is not None and accuse.location.country == "ETH"


def test_plotted_attack_gets_no_attacker_from_its_place(coder: Coder) -> None:
    events = coder("Police in Harare said the men had plotted to overthrow the government of Chad.")
    assert all(
        a.why != "location-of-attack" for e in events if e.event_type == "ASSAULT" for a in e.actor
    )


def test_a_mention_dated_to_another_time_is_another_act() -> None:
    # Headline strike of this week, and the strikes of September 2022 told as background.
    headline = event("ASSAULT", ["IRN"], ["IRQ"], 0, date="2025-09-23", date_source="lead")
    background = event("ASSAULT", ["IRN"], ["IRQ"], 900, date="2022-09-01", date_source="clause")
    background.date_precision = "month"
    merged = merge_events([headline, background])
    assert [(e.event_date, e.date_source) for e in merged] == [
        ("2025-09-23", "lead"),
        ("2022-09-01", "clause"),
    ]


def test_a_reporting_clause_date_of_another_time_is_another_act() -> None:
    # "Chad cut ties with Libya in May 2019, accusing it of ...": the participle takes the
    # reporting clause's month, which is not the headline accusation's day.
    headline = event("ACCUSE", ["TCD"], ["LBY"], 0, date="2025-09-22", date_source="lead")
    old = event("ACCUSE", ["TCD"], ["LBY"], 900, date="2019-05-01", date_source="reporting_clause")
    old.date_precision = "month"
    merged = merge_events([headline, old])
    assert [(e.event_date, e.date_source) for e in merged] == [
        ("2025-09-22", "lead"),
        ("2019-05-01", "reporting_clause"),
    ]


def test_a_clause_date_near_the_lead_refines_the_same_act() -> None:
    # "... signed the treaty on Tuesday": the same act as the headline's, dated by its clause.
    headline = event("AGREE", ["AUS", "SLB"], [], 0, date="2026-04-15", date_source="lead")
    body = event("AGREE", ["AUS", "SLB"], [], 200, date="2026-04-14", date_source="clause")
    (merged,) = merge_events([headline, body])
    assert (merged.event_date, merged.date_source) == ("2026-04-14", "clause")


def test_two_clause_dates_must_overlap() -> None:
    march = event("AGREE", ["IRQ", "IRN"], [], 0, date="2023-03-01", date_source="clause")
    march.date_precision = "month"
    in_march = event("AGREE", ["IRQ", "IRN"], [], 300, date="2023-03-19", date_source="clause")
    tuesday = event("AGREE", ["IRQ", "IRN"], [], 600, date="2025-09-23", date_source="clause")
    merged = merge_events([march, in_march, tuesday])
    assert [len(e.mentions) for e in merged] == [2, 1]
