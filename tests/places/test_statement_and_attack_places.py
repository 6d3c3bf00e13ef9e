"""Where statements, meetings' statements and attacks happen when the place is written on
the reporting verb, its subject, a participle on the subject or a later coordinated act
(``dotterel.places.component``)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from dotterel.records import Entity

from .conftest import located, make_event

Run = Callable[..., Doc]


def test_an_accusation_said_in_a_city_is_made_there(run: Run) -> None:
    # "in Turkey" places the Greeks' plight, a clause of what was said.
    text = (
        "Greek Foreign Minister Nikos Pappas said in Athens that the verdict showed that "
        "Greeks are not safe in Turkey and accused Ankara of stoking hatred."
    )
    doc = run(text, [make_event(text, "accused", "ACCUSE")])
    assert located(doc) == [("Athens", "GRC", "reporting_clause")]


def test_a_statement_keeps_the_place_of_what_was_said_when_the_speech_has_none(
    run: Run,
) -> None:
    text = "Officials said the envoy went to Lima on Monday and urged Chile to reopen the border."
    doc = run(text, [make_event(text, "urged", "REQUEST")])
    assert located(doc) == [("Lima", "PER", "clause")]


def test_an_embassy_in_a_city_speaks_there(run: Run) -> None:
    text = "The Danish embassy in Nairobi said it had asked for access to the detained sailors."
    doc = run(text, [make_event(text, "asked", "REQUEST")])
    assert located(doc) == [("Nairobi", "KEN", "reporting_clause")]


def test_ministers_meeting_in_a_city_act_there(run: Run) -> None:
    text = (
        "The Arab League's foreign ministers, meeting in Cairo on Monday, had renewed their "
        "backing for the Sudanese army and urged the rebels to lay down arms."
    )
    doc = run(text, [make_event(text, "urged", "REQUEST")])
    assert located(doc) == [("Cairo", "EGY", "clause")]


def test_where_a_subject_is_based_is_not_where_it_acts(run: Run) -> None:
    text = "Troops based in Niger crossed the border and attacked a village."
    doc = run(text, [make_event(text, "attacked", "ASSAULT")])
    assert located(doc) == [None]


def test_a_place_closing_coordinated_attacks_sets_them_all(run: Run) -> None:
    text = "Militiamen killed four villagers and drove off their cattle inside Chad."
    doc = run(text, [make_event(text, "killed", "ASSAULT")])
    assert located(doc) == [("Chad", "TCD", "clause")]


def test_a_later_request_does_not_place_a_statement(run: Run) -> None:
    # "in Gaza" says where restraint is wanted, not where the minister spoke.
    text = "The minister condemned the raid and urged restraint in Gaza."
    doc = run(text, [make_event(text, "condemned", "ACCUSE")])
    assert located(doc) == [None]


def test_an_untagged_name_before_an_area_noun_is_a_place(run: Run) -> None:
    text = "Gunmen killed two Chinese engineers at a mine in the southern Khatlon region."
    doc = run(text, [make_event(text, "killed", "ASSAULT")])
    assert located(doc) == [("Khatlon", "TJK", "clause")]


def test_a_river_is_not_the_town_of_its_name(run: Run) -> None:
    text = "Soldiers crossed the San Juan river at dawn."
    doc = run(text, [make_event(text, "crossed", "MOBILIZE")])
    assert located(doc) == [None]
    assert doc._.places == []


def test_on_a_nations_soil_is_in_that_nation(run: Run) -> None:
    text = "Peruvian troops detained two fishermen on Chilean soil."
    chile = Entity(text="Chilean", start=text.index("Chilean"), end=text.index("Chilean") + 7)
    chile.code, chile.country = "CHL", "CHL"
    doc = run(text, [make_event(text, "detained", "COERCE")], actors=[chile])
    assert located(doc) == [("Chilean soil", "CHL", "clause")]


def test_an_organisation_is_not_a_town_of_its_name(run: Run) -> None:
    # "OAS" is also a town in the Philippines.
    text = "Peru took its complaint to OAS on Monday."
    oas = Entity(text="OAS", start=text.index("OAS"), end=text.index("OAS") + 3, code="IGOAMEOAS")
    oas.country = "IGO"
    doc = run(text, [make_event(text, "took", "REQUEST")], actors=[oas])
    assert [p.text for p in doc._.places] == []


def test_a_headline_act_happens_where_the_lead_places_it(run: Run) -> None:
    text = (
        "Rebels kill three Kenyan police officers\n"
        "Rebels killed three Kenyan police officers at a checkpoint in Garissa on Monday."
    )
    police = Entity(text="Kenyan police officers", start=0, end=1, code="KENCOP", country="KEN")
    head = make_event(text, "kill", "ASSAULT")
    lead = make_event(text, "killed", "ASSAULT")
    head.recipient, lead.recipient = [police], [police]
    doc = run(text, [head, lead])
    assert located(doc) == [("Garissa", "KEN", "lead"), ("Garissa", "KEN", "clause")]


def test_a_headline_act_of_another_kind_is_not_placed_by_the_lead(run: Run) -> None:
    text = (
        "Kenya protests to Somalia over border raid\n"
        "Rebels killed three Kenyan police officers at a checkpoint in Garissa on Monday."
    )
    kenya = Entity(text="Kenya", start=0, end=5, code="KEN", country="KEN")
    head = make_event(text, "protests", "ACCUSE")
    lead = make_event(text, "killed", "ASSAULT")
    head.actor, lead.recipient = [kenya], [kenya]
    doc = run(text, [head, lead])
    assert located(doc)[0] is None


def test_a_statement_from_a_city_is_made_there(run: Run) -> None:
    text = "The council said in a statement from Doha that it backed the truce."
    doc = run(text, [make_event(text, "backed", "SUPPORT")])
    assert located(doc) == [("Doha", "QAT", "reporting_clause")]


def test_an_address_from_a_city_is_given_there(run: Run) -> None:
    text = "In a televised address from Caracas, the vice-president said the licence was suspended."
    doc = run(text, [make_event(text, "suspended", "SANCTION")])
    assert located(doc) == [("Caracas", "VEN", "reporting_clause")]


def test_a_statement_from_a_bodys_seat_is_not_placed_at_the_seat(run: Run) -> None:
    text = "The bloc said in a statement from its headquarters in Abuja that it backed the court."
    doc = run(text, [make_event(text, "backed", "SUPPORT")])
    assert located(doc) == [None]


def test_a_headline_act_between_other_sides_is_not_placed_by_the_lead(run: Run) -> None:
    text = (
        "Rebels capture two Kenyan soldiers\n"
        "Kenyan jets struck rebel bases in Somalia's Gedo region on Monday."
    )
    rebels = Entity(text="Rebels", start=0, end=6, code="SOMREB", country="SOM")
    kenya = Entity(text="Kenyan", start=0, end=1, code="KENMIL", country="KEN")
    head = make_event(text, "capture", "ASSAULT")
    lead = make_event(text, "struck", "ASSAULT")
    head.actor, head.recipient = [rebels], [kenya]
    lead.actor, lead.recipient = [kenya], [rebels]
    doc = run(text, [head, lead])
    assert located(doc)[0] is None
