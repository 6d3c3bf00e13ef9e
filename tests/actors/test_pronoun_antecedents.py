"""Which earlier mention a pronoun stands for (sentences written for these tests): a
body's name is no person for "his" or "her", and a partitive "most of them" counts the
noun of its own sentence."""

from __future__ import annotations


def _at(doc, text):
    return [e for e in doc._.actors if e.text == text]


def test_her_does_not_stand_for_an_organisation_name(run):
    doc = run("The United Nations condemned the raid. Her party was banned a year ago.")
    assert _at(doc, "Her") == []


def test_his_does_not_stand_for_a_union_of_states(run):
    doc = run(
        "The European Union welcomed the ruling on Monday. The president said his "
        "government would study it."
    )
    assert all(not (e.code or "").startswith("IGO") for e in _at(doc, "his"))


def test_partitive_them_counts_the_people_of_its_sentence(run):
    doc = run(
        "Police in Lima said that more than 200 people had been detained, most of them students."
    )
    (them,) = _at(doc, "them")
    assert them.role == "CVL"


def test_plural_role_word_nearer_than_an_earlier_group(run):
    doc = run(
        "Russia and China criticised the vote. In Quito, protesters held 12 soldiers for "
        "several hours before releasing them."
    )
    (them,) = _at(doc, "them")
    assert them.role == "MIL"
