"""Pronouns that continue a clause's subject, and pronouns that cannot stand for an
adjective (sentences written for these tests)."""

from __future__ import annotations


def _coref(doc, rule):
    return [e for e in doc._.actors if (e.why or "").startswith(f"coref:{rule}:")]


def test_subject_pronoun_of_a_joined_clause_continues_its_subject(run):
    doc = run(
        "Kenya was for years the main host of talks between Sudan and the rebels, "
        "and it brokered a truce with Ethiopia."
    )
    (it,) = [e for e in _coref(doc, "group") if e.text == "it"]
    assert it.country == "KEN"


def test_subject_pronoun_of_a_reported_clause_continues_the_speaker(run):
    doc = run("Ghana, which borders Togo, said it would reopen the crossing.")
    (it,) = [e for e in _coref(doc, "group") if e.text == "it"]
    assert it.country == "GHA"


def test_pronoun_does_not_stand_for_a_nationality_adjective(run):
    doc = run("Rwanda dismissed Congolese claims that its troops had shelled Goma.")
    (its,) = [e for e in _coref(doc, "group") if e.text == "its"]
    assert its.country == "RWA"


def test_sentence_opening_pronoun_continues_the_previous_subject(run):
    doc = run(
        "Mali's ruling council recalled its envoy from Algeria on Sunday. "
        "It called the Algerian drone strike an act of aggression."
    )
    (it,) = [e for e in _coref(doc, "group") if e.text == "It"]
    assert it.country == "MLI"


def test_a_resolved_pronoun_subject_passes_its_antecedent_on(run):
    doc = run(
        "Chad's army said on Monday that Sudanese jets had bombed a camp near Adre. "
        "In a statement, it said the raid killed six refugees. "
        "It accused Khartoum of a deliberate attack."
    )
    found = [e for e in _coref(doc, "group") if e.text.lower() == "it"]
    assert [e.country for e in found] == ["TCD", "TCD"]


def test_they_after_a_speaking_verb_is_the_speaker_not_the_last_country(run):
    doc = run(
        "The government of Chile declared a curfew in Santiago. "
        "Police said they had detained forty people overnight."
    )
    (they,) = [e for e in doc._.actors if e.text == "they"]
    assert they.needs_context and they.role == "COP" and they.code is None


def test_it_after_a_speaking_verb_is_a_speaker_with_no_country_yet(run):
    doc = run("Lawmakers in Ghana passed the bill. The army said it had sent two battalions north.")
    (it,) = [e for e in doc._.actors if e.text == "it"]
    assert it.needs_context and it.role == "MIL"


def test_they_after_a_coordinated_speaker_is_every_member(run):
    doc = run("Egypt hosted the talks. Brazil and India said they would send observers.")
    found = [e for e in doc._.actors if e.text == "they"]
    assert sorted(e.country for e in found) == ["BRA", "IND"]


def test_a_government_body_with_no_country_is_the_last_states_government(run):
    doc = run(
        "Peru recalled its envoy from Lima's northern neighbour. "
        "The Department of Foreign Affairs said it would file a protest."
    )
    (it,) = [e for e in doc._.actors if e.text == "it"]
    assert it.country == "PER"
