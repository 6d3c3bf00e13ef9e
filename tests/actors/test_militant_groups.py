"""Militant groups: domestic ones code to the country they fight in, transnational
jihadist groups to IMG, and "Islamists" is a role placed by context."""

from __future__ import annotations

import pytest

from dotterel.actors import resolve


def _at(doc, text):
    return [e for e in doc._.actors if e.text == text]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("FARC", "COLREB"),
        ("the IRA", "GBRREB"),
        ("MILF", "PHLREB"),
        ("Janjaweed", "SDNREB"),
        ("Lord's Resistance Army", "UGAREB"),
        ("Interahamwe", "RWAREB"),
        ("al-Aqsa Martyrs Brigades", "PSEREB"),
        ("Nepal's Maoists", "NPLREB"),
        ("Afghan mujahideen", "AFGREB"),
        ("GIA", "DZAREB"),
    ],
)
def test_militant_groups_code_to_the_country_they_fight_in(text, code):
    assert resolve(text).code == code


@pytest.mark.parametrize("name", ["Jemaah Islamiyah", "Jemaah Islamiah", "JI", "AQAP"])
def test_transnational_jihadist_groups_are_img(name):
    assert resolve(name).country == "IMG"


def test_domestic_insurgents_keep_their_country():
    assert resolve("Abu Sayyaf").code == "PHLREB"
    assert resolve("Lashkar-e-Taiba").code == "PAKREB"


@pytest.mark.parametrize(
    ("text", "mention", "role"),
    [
        ("Islamists stormed a court in the capital.", "Islamists", "RAD"),
        ("Islamist militants ambushed a convoy.", "Islamist militants", "REB"),
        ("The army said the Islamists had fled.", "Islamists", "RAD"),
    ],
)
def test_islamists_are_an_unplaced_role(run, text, mention, role):
    found = _at(run(text), mention)
    assert [(e.code, e.role, e.why) for e in found] == [(None, role, "agent:unplaced")]


def test_islamists_are_placed_by_context():
    assert resolve("Islamists", context="Islamists clashed with police in Algeria.").code == (
        "DZARAD"
    )
