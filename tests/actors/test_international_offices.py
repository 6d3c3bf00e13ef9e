"""An international body's office beats its holder's nationality, whether the office is a
title before the name or an appositive after it; being named next to a body is not
holding its office (sentences written for these tests)."""

from __future__ import annotations


def _codes(doc, text):
    return sorted(e.code for e in doc._.actors if e.text == text)


def _at(doc, text):
    return [e for e in doc._.actors if e.text == text]


def test_person_with_igo_office_appositive_speaks_for_the_igo(run):
    doc = run("Kenzo Oshima, the United Nations Emergency Relief Coordinator, toured Chad.")
    assert _codes(doc, "Kenzo Oshima") == ["IGOUNO"]


def test_list_neighbour_is_not_an_office_appositive(run):
    doc = run("Tony Blair, the United Nations and Egypt discussed aid.")
    assert _codes(doc, "Tony Blair") == ["GBRGOV"]


def test_nato_secretary_general_acts_for_nato(run):
    doc = run(
        "NATO Secretary General Jaap de Hoop Scheffer called on both sides to show restraint.",
        "2006-07-20",
    )
    (person,) = _at(doc, "Jaap de Hoop Scheffer")
    assert person.code.startswith("IGOWSTNAT") and person.country == "IGO"


def test_arab_league_chief_and_eu_chief_act_for_their_bodies(run):
    doc = run(
        "Arab League Secretary General Amr Moussa arrived in Cairo on Monday. "
        "EU foreign policy chief Javier Solana flew to Tehran.",
        "2006-07-20",
    )
    assert _at(doc, "Amr Moussa")[0].code.startswith("IGOARBLEA")
    assert _at(doc, "Javier Solana")[0].code.startswith("IGOEUR")


def test_holder_already_coded_for_the_body_keeps_its_code(run):
    doc = run(
        "IAEA chief Mohamed ElBaradei and UN Secretary-General Kofi Annan spoke.", "2005-01-10"
    )
    assert _at(doc, "Mohamed ElBaradei")[0].code == "IGOUNOGOV"
    assert _at(doc, "Kofi Annan")[0].code == "IGOUNOGOV"


def test_a_person_merely_next_to_a_body_keeps_nationality(run):
    doc = run("NATO and Jaap de Hoop Scheffer discussed the crisis.", "2002-06-01")
    assert _at(doc, "Jaap de Hoop Scheffer")[0].code == "NLDGOV"


def test_office_set_off_by_a_comma_still_names_the_bodys_officer(run):
    doc = run(
        "The Commonwealth Secretary-General, Shirley Botchwey, urged calm in Lusaka on Friday.",
        "2025-06-01",
    )
    assert _at(doc, "Shirley Botchwey")[0].code == "IGOCWNGOV"


def test_chairperson_of_a_regional_body_and_her_surname_act_for_the_body(run):
    doc = run(
        "Kenya's president met the African Union chairperson, Moussa Faki Mahamat, in "
        "Nairobi. Mahamat said he was hopeful that talks would resume.",
        "2022-03-01",
    )
    assert _at(doc, "Moussa Faki Mahamat")[0].code.startswith("IGOAFRAU")
    assert _at(doc, "Mahamat")[0].code.startswith("IGOAFRAU")
    assert _at(doc, "he")[0].code.startswith("IGOAFRAU")
