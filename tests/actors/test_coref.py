from __future__ import annotations


def _coref(doc, rule):
    return [e for e in doc._.actors if (e.why or "").startswith(f"coref:{rule}:")]


def test_two_countries_gives_one_entity_per_antecedent(run):
    doc = run("Jordan and Israel signed a pact. The two countries will meet again.")
    found = _coref(doc, "two")
    assert sorted(e.code for e in found) == ["ISR", "JOR"]
    assert {(e.start, e.end) for e in found} == {(found[0].start, found[0].end)}


def test_parties_prefers_the_object_side(run):
    doc = run(
        "The US imposed penalties on Chinese firms last week. However, the parties denied it."
    )
    found = _coref(doc, "parties")
    assert [e.country for e in found] == ["CHN"]


def test_person_pronoun_takes_last_person(run):
    doc = run("Vladimir Putin met officials in Kazan. He praised the talks.", "2024-10-23")
    (he,) = _coref(doc, "person")
    assert he.text == "He" and he.canonical == "Vladimir Putin"


def test_group_pronoun_takes_last_country_or_organisation(run):
    doc = run("NATO met on Monday. Its members agreed.")
    (its,) = _coref(doc, "group")
    assert its.text == "Its" and its.country == "IGO"


def test_government_description_codes_last_country_gov(run):
    doc = run("Iran denied the claim. The ministry called it false.", "2024-11-01")
    (gov,) = _coref(doc, "gov")
    assert gov.code == "IRNGOV"
    doc = run("Iran denied the claim, and the president spoke.", "2024-11-01")
    (pres,) = _coref(doc, "gov")
    assert pres.canonical == "Masoud Pezeshkian"


def test_coref_keeps_actors_sorted_and_ignores_expletive_it(run):
    doc = run("Iran said it is worth noting that talks continue.")
    assert not [e for e in doc._.actors if e.text == "it"]
    starts = [e.start for e in doc._.actors]
    assert starts == sorted(starts)
