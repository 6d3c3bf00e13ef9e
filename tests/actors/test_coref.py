from __future__ import annotations


def _coref(doc, rule):
    return [e for e in doc._.actors if (e.why or "").startswith(f"coref:{rule}:")]


def test_two_countries_gives_one_entity_per_antecedent(run):
    doc = run("Jordan and Israel signed a pact. The two countries will meet again.")
    found = _coref(doc, "two")
    assert sorted(e.code for e in found) == ["ISRGOV", "JORGOV"]
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


def test_plural_pronoun_takes_a_coordinated_group_one_entity_per_member(run):
    doc = run("Egypt, Jordan and Syria met in Cairo on Monday. They agreed to meet again.")
    found = _coref(doc, "plural")
    assert sorted(e.code for e in found) == ["EGY", "JOR", "SYR"]
    assert {e.text for e in found} == {"They"}


def test_object_pronoun_is_not_bound_by_its_relative_clause_subject(run):
    doc = run("Talks among Cuba and Venezuela drew a French-led report that calls them a threat.")
    them = [e for e in doc._.actors if e.text == "them"]
    assert sorted(e.code for e in them) == ["CUB", "VEN"]
    assert "FRA" not in {e.country for e in them}


def test_object_pronoun_skips_its_clause_subject(run):
    doc = run("Kenyan police arrested Somali traders and Ethiopia condemned them.")
    them = [e for e in doc._.actors if e.text == "them"]
    assert them and all(e.country != "ETH" for e in them)


def test_plural_pronoun_prefers_a_plural_noun_actor(run):
    doc = run("Japan sanctioned Chinese firms on Friday. Their exports fell sharply.")
    (their,) = _coref(doc, "plural")
    assert their.code == "CHNBUS"


def test_plural_pronoun_looks_back_at_most_two_sentences(run):
    doc = run(
        "Peru and Chile signed a deal. The talks ended. Nothing more was said. "
        "Mexico spoke later. They left."
    )
    assert not _coref(doc, "plural")
    (they,) = _coref(doc, "group")
    assert they.country == "MEX"


def test_singular_it_skips_plural_groups(run):
    doc = run("Germany fined Turkish firms because of its new law.")
    (its,) = _coref(doc, "group")
    assert its.country == "DEU"


def test_possessive_its_prefers_its_clause_subject(run):
    doc = run("Iran, facing pressure from Israel, sees its ties to Moscow as vital.")
    (its,) = _coref(doc, "group")
    assert its.country == "IRN"
