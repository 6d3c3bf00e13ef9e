"""Sectors of domestic actors (issue 11): who in a country acts, not only which country.

Each rule of :mod:`dotterel.actors.sectors` and the role words of ``agents.tsv`` it relies
on gets a short sentence written for this file, and the code the user would see.
"""

from __future__ import annotations

import pytest

from dotterel.actors.sectors import organisation_sector
from dotterel.records import Entity


def mention(doc, text: str) -> Entity:
    found = [e for e in doc._.actors if e.text == text]
    assert found, [(e.text, e.code, e.role, e.why) for e in doc._.actors]
    return found[0]


def sector_code(entity: Entity) -> str:
    return (entity.country or "?") + (entity.role or "")


@pytest.mark.parametrize(
    ("name", "sector"),
    [
        ("Nigeria Labour Congress", "LAB"),
        ("Ministry of Labour", "GOV"),
        ("Labour Party", "PTY"),
        ("Constitutional Council", "JUD"),
        ("Press Supervisory Board", "GOV"),
        ("National Broadcasting Television", "MED"),
        ("University of Dhaka", "EDU"),
        ("Ecuadorian Episcopal Conference", "REL"),
        ("Association of Friends", None),
    ],
)
def test_organisation_name_says_its_sector(name: str, sector: str | None) -> None:
    assert organisation_sector(name) == sector


def test_unknown_union_with_country_in_its_name_is_that_countrys_labour(run) -> None:
    doc = run("The Nigeria Labour Congress (NLC) called a general strike on Monday.")
    assert mention(doc, "Nigeria Labour Congress").code == "NGALAB"


def test_acronym_defined_in_the_text_beats_a_namesake_in_the_dictionaries(run) -> None:
    doc = run("The Nigeria Labour Congress (NLC) called a strike. The NLC said talks had failed.")
    assert {e.code for e in doc._.actors if e.text == "NLC"} == {"NGALAB"}


def test_members_named_by_a_defined_acronym_are_of_what_it_stands_for(run) -> None:
    doc = run(
        "Leaders of the opposition Pakistan Workers Party (PTI) met on Monday. "
        "Police said 40 PTI activists had been detained in Lahore."
    )
    source = next(e for e in doc._.actors if e.text.endswith("Pakistan Workers Party"))
    members = mention(doc, "PTI activists")
    assert (members.country, members.role) == (source.country, source.role)
    assert members.country != "IND"  # not the Indian news agency of that name


def test_unknown_court_is_a_court_placed_by_the_story(run) -> None:
    doc = run("The Constitutional Council rejected the appeal on Friday.")
    entity = mention(doc, "Constitutional Council")
    assert (entity.role, entity.code) == ("JUD", None)  # placed by the context stage


def test_former_office_holder_speaking_for_the_opposition_is_opposition(run) -> None:
    doc = run(
        "Former vice president Kalonzo Musyoka, speaking for the opposition, called on "
        "President William Ruto to resign.",
        "2025-07-08",
    )
    assert mention(doc, "vice president Kalonzo Musyoka").code == "KENOPP"
    assert mention(doc, "President William Ruto").code == "KENGOV"


def test_former_office_holder_is_an_elite_not_the_government(run) -> None:
    doc = run("A court in Pakistan sentenced former prime minister Imran Khan to prison.")
    entity = next(e for e in doc._.actors if "Imran Khan" in e.text)
    assert entity.code == "PAKELI"


def test_unknown_person_titled_by_a_role_word_takes_its_sector(run) -> None:
    doc = run("Police in Uganda arrested opposition leader Bobi Wine on Monday.")
    assert mention(doc, "Bobi Wine").role == "OPP"


def test_party_called_ruling_is_the_government(run) -> None:
    doc = run("Leaders of the ruling Bangladesh Nationalist Party met in Dhaka.", "2003-01-10")
    assert sector_code(mention(doc, "Bangladesh Nationalist Party")) == "BGDGOV"


def test_party_whose_country_ended_long_ago_is_the_story_countrys(run) -> None:
    doc = run(
        "Police in Dhaka detained 300 Awami League activists after clashes in Bangladesh.",
        "2025-02-10",
    )
    assert mention(doc, "Awami League activists").country == "BGD"


def test_one_countrys_congress_is_the_story_countrys_when_that_country_is_not_named(
    run,
) -> None:
    doc = run("Peru's interior minister resigned after Congress voted to censure him.")
    entity = mention(doc, "Congress")
    assert (entity.code, entity.role) == (None, "LEG")  # placed by the context stage


def test_every_mention_of_an_unnamed_countrys_congress_is_the_story_countrys(run) -> None:
    doc = run(
        "Chile's finance minister quit after Congress rejected the budget. Hundreds of "
        "teachers marched to Congress, and Congress is due to vote again in May."
    )
    assert [(e.code, e.role) for e in doc._.actors if e.text == "Congress"] == [(None, "LEG")] * 3


def test_us_congress_stays_american_when_the_us_is_named(run) -> None:
    doc = run("The United States Congress passed the bill, and Congress adjourned.")
    assert {e.code for e in doc._.actors if e.text == "Congress"} == {"USALEG"}


@pytest.mark.parametrize(
    ("sentence", "word", "role"),
    [
        ("Protesters blocked the road.", "Protesters", "CVL"),
        ("Nurses walked out on Monday.", "Nurses", "HLH"),
        ("Farmers blocked the highway.", "Farmers", "AGR"),
        ("Students marched on Friday.", "Students", "EDU"),
    ],
)
def test_bare_domestic_role_words_keep_their_sector(run, sentence, word, role) -> None:
    entity = mention(run(sentence), word)
    assert (entity.role, entity.why) == (role, "agent:unplaced")


def test_body_a_countrys_possessive_names_is_that_countrys_in_its_sector(run) -> None:
    doc = run("Indonesia's House of Representatives postponed the bill on Tuesday.")
    assert mention(doc, "Indonesia's House of Representatives").code == "IDNLEG"


def test_titled_namesake_of_an_unnamed_country_is_the_story_countrys(run) -> None:
    doc = run(
        "Information Minister Mohammed Idris said the strike in Abuja was illegal, "
        "and Nigeria's unions rejected that.",
        "2025-06-01",
    )
    entity = next(e for e in doc._.actors if "Idris" in e.text)
    assert entity.code == "NGAGOV"


def test_party_whose_country_ended_long_ago_is_the_story_countrys_everywhere(run) -> None:
    doc = run(
        "The Awami League condemned the ban. Police in Dhaka detained 300 Awami League "
        "activists. Bangladesh's interim government defended the ban.",
        "2025-05-12",
    )
    assert {e.country for e in doc._.actors if "Awami" in e.text} == {"BGD"}


def test_party_named_without_its_country_prefix_is_its_successors(run) -> None:
    # "Awami League" is Pakistan's party until 1971 in the table; today's party of that
    # name is the "Bangladesh Awami League", even in a story that names India more.
    doc = run(
        "India said the Awami League ban worried New Delhi. India and India again.",
        "2025-05-12",
    )
    assert {e.country for e in doc._.actors if "Awami" in e.text} == {"BGD"}


def test_supporters_of_a_former_president_are_opposition(run) -> None:
    doc = run("About 200 supporters of former President Ahmed Ben Bella blocked roads.")
    entity = next(e for e in doc._.actors if "Ben Bella" in e.text)
    assert entity.code == "DZAOPP"


def test_dictionary_name_continued_by_an_organisations_name_is_not_that_name(run) -> None:
    doc = run("The Department of State Services (DSS) detained a union official in Abuja.")
    entity = mention(doc, "Department of State Services")
    assert (entity.role, entity.code) == ("SPY", None)  # placed by the context stage


def test_inter_american_body_is_international_not_american(run) -> None:
    doc = run("The Inter-American Commission on Human Rights urged Peru to respect rights.")
    assert mention(doc, "Inter-American Commission on Human Rights").code == "IGO"


def test_officers_in_a_story_of_police_are_police(run) -> None:
    doc = run(
        "Police in Accra fired tear gas at traders on Monday. "
        "Riot police blocked the road to the market, and officers detained 40 people."
    )
    assert mention(doc, "officers").role == "COP"


def test_officers_in_a_story_of_soldiers_stay_military(run) -> None:
    doc = run(
        "Troops and police were deployed in Goma. "
        "Soldiers searched homes while officers questioned residents."
    )
    assert mention(doc, "officers").role == "MIL"


def test_security_forces_in_a_story_of_protest_policing_are_police(run) -> None:
    doc = run(
        "Security forces in Ghana beat protesters near the stadium, "
        "and police detained a reporter for a local radio station."
    )
    assert sector_code(mention(doc, "Security forces in Ghana")) == "GHACOP"


def test_riot_police_is_one_role_where_the_tagger_reads_a_name(run) -> None:
    doc = run("Riot police detained two camera operators outside the court.")
    assert mention(doc, "Riot police").role == "COP"
    assert not [e for e in doc._.actors if e.text == "Riot"]


def test_people_of_the_press_are_media_and_placed(run) -> None:
    doc = run("Police detained a photographer and two journalists near the ministry.")
    assert mention(doc, "photographer").role == "MED"
    assert mention(doc, "journalists").role == "MED"


def test_a_two_word_role_under_adjectives_is_still_that_role(run) -> None:
    doc = run("Buses stopped across Ghana as the country's largest labour federation struck.")
    assert mention(doc, "labour federation").role == "LAB"


def test_a_two_word_role_a_pronoun_owns_is_left_to_its_owner(run) -> None:
    doc = run("Nigeria said it will withdraw their peacekeeping force from Chad.")
    assert not [e for e in doc._.actors if e.text == "peacekeeping force"]


def test_a_two_word_role_a_named_actor_qualifies_is_not_placed_alone(run) -> None:
    doc = run("Haiti asked Kenya-led security forces to guard the border.")
    assert not [e for e in doc._.actors if e.text == "security forces"]


def _unplaced(doc):
    return [(e.text, e.role) for e in doc._.actors if e.needs_context]


def test_a_union_named_for_its_members_takes_their_sector(run):
    doc = run("The largest farmers' union said it would block the highways.")
    assert ("largest farmers' union", "AGR") in _unplaced(doc)
    doc = run("A national teachers' union called a strike in public schools.")
    assert ("national teachers' union", "EDU") in _unplaced(doc)


def test_a_union_of_a_trade_with_no_sector_of_its_own_is_labour(run):
    doc = run("The powerful dockworkers' union walked out at the port.")
    assert ("powerful dockworkers' union", "LAB") in _unplaced(doc)


@pytest.mark.parametrize(
    ("sentence", "phrase", "code"),
    [
        ("Coast guard officers detained nine Peruvian fishermen.", "Peruvian fishermen", "PERCVL"),
        ("Soldiers fired on Nigerien herders at the well.", "Nigerien herders", "NERCVL"),
        ("Malian merchants shut their stalls in protest.", "Malian merchants", "MLIBUS"),
        ("Polish truckers blocked the border crossing.", "Polish truckers", "POLBUS"),
        ("Police stopped Haitian migrants at the river.", "Haitian migrants", "HTICVL"),
    ],
)
def test_nationals_named_by_their_livelihood_are_people_not_the_state(
    run, sentence, phrase, code
) -> None:
    assert sector_code(mention(run(sentence), phrase)) == code


def test_a_bar_association_is_of_the_legal_profession(run) -> None:
    doc = run("Police raided the bar association in Nairobi on Sunday.")
    assert mention(doc, "bar association in Nairobi").role == "JUD"


def test_a_union_of_judges_is_labour_like_any_union_of_state_employees(run) -> None:
    doc = run("The judges' union called a strike over pay.")
    assert mention(doc, "judges' union").role == "LAB"


def test_a_sub_regional_code_is_never_the_story_country() -> None:
    from dotterel.actors.resolve import story_country

    rebels = [Entity("rebels", i, i + 6, "SEAREB", "SEA", "REB") for i in range(0, 30, 10)]
    assert story_country([*rebels, Entity("Thailand", 40, 48, "THA", "THA")]) == "THA"
