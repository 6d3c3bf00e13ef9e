from __future__ import annotations

import spacy


def _find(doc, text):
    return [e for e in doc._.actors if e.text == text]


def test_whole_actor_phrase_with_holder(run):
    doc = run("Russian Foreign Minister Sergey Lavrov said the talks went well.", "2024-11-01")
    (lavrov,) = _find(doc, "Russian Foreign Minister Sergey Lavrov")
    assert (lavrov.code, lavrov.canonical) == ("RUSGOV", "Sergey Lavrov")
    assert doc.text[lavrov.start : lavrov.end] == lavrov.text


def test_agent_phrases_and_quantified_troops(run):
    doc = run(
        "US intelligence said thousands of DPRK troops arrived, and sanctions hit Chinese firms."
    )
    codes = {e.text: e.code for e in doc._.actors}
    assert codes["US intelligence"] == "USASPY"
    assert codes["DPRK troops"] == "PRKMIL"
    assert codes["Chinese firms"] == "CHNBUS"


def test_apposition_takes_the_ambassadors_country(run):
    doc = run("Kazem Jalali, Iran's ambassador to Russia, confirmed the plan.", "2024-11-01")
    assert _find(doc, "Kazem Jalali")[0].code == "IRNGOV"
    assert _find(doc, "Iran's ambassador to Russia")[0].code == "IRNGOV"
    assert not _find(doc, "Russia")


def test_bare_title_with_country_gets_holder_at_document_date(run):
    doc = run("The deal was welcomed by the Iranian president on Friday.", "2024-11-01")
    (pres,) = [e for e in doc._.actors if "president" in e.text]
    assert pres.code == "IRNGOV" and pres.canonical == "Masoud Pezeshkian"


def test_hyphenated_compound_and_coordinated_capitals(run):
    doc = run("Russian-Iranian ties worry analysts in Beijing and Moscow.")
    found = [(e.text, e.country) for e in doc._.actors if e.code]
    assert ("Russian", "RUS") in found and ("Iranian", "IRN") in found
    assert ("Beijing", "CHN") in found and ("Moscow", "RUS") in found
    russian = _find(doc, "Russian")[0]
    assert doc.text[russian.start : russian.end] == "Russian"


def test_possessive_and_misspelt_acronym(run):
    doc = run("Moscow's front lines held. Officials in the DRPK refused to comment.")
    assert _find(doc, "Moscow")[0].country == "RUS"
    (dprk,) = [e for e in doc._.actors if "DRPK" in e.text]
    assert dprk.country == "PRK" and dprk.role == "GOV"


def test_congress_backed_and_sorted_output(run):
    doc = run("A US Congress-backed assessment named Iran, China and Russia.")
    assert _find(doc, "US Congress")[0].country == "USA"
    starts = [e.start for e in doc._.actors]
    assert starts == sorted(starts)


def test_ordinary_words_are_not_countries(run):
    doc = run("Let us roast a turkey and chat about it; he will jordan the chad.")
    assert not [e for e in doc._.actors if e.code and e.country in {"USA", "TUR", "JOR", "TCD"}]


def test_unresolved_people_are_kept_without_code(run):
    doc = run("Zorblatt Quimby met reporters on Tuesday.")
    people = [e for e in doc._.actors if "Quimby" in e.text]
    assert people and people[0].code is None


def test_no_document_date_prefers_latest_holder(run):
    doc = run("The US president spoke.")
    assert doc._.actors[0].canonical == "Donald Trump"


def test_user_dictionary_from_config_overrides_builtins(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("- text: Kremlin\n  code: XYZGOV\n- text: Foo Front\n  code: ABCREB\n")
    nlp = spacy.blank("en")
    nlp.add_pipe("dotterel_actors", config={"user_dictionaries": str(path)})
    doc = nlp("The Kremlin and the Foo Front talked.")
    codes = {e.text: e.code for e in doc._.actors}
    assert codes["Kremlin"] == "XYZGOV" and codes["Foo Front"] == "ABCREB"


def test_a_role_word_without_a_country_waits_for_its_context(run):
    doc = run("Police detained dozens of students, while Kenyan police watched.")
    bare = sorted((e.text.lower(), e.role, e.code) for e in doc._.actors if e.needs_context)
    assert bare == [("police", "COP", None), ("students", "EDU", None)]
    (kenyan,) = [e for e in doc._.actors if "Kenyan" in e.text]
    assert kenyan.code == "KENCOP" and not kenyan.needs_context
