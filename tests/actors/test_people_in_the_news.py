"""People in the news: titled names spelt otherwise than in the knowledge base, and
longer names that begin with a known person's full name (invented people)."""

from __future__ import annotations

import pytest

from dotterel.actors.resolve import find_actors
from tests.actors.conftest import lexicon_with_knowledge_base

TABLE = """\
# test table
key\tkind\tname\taliases\tcodes\toffices\tterritories
Q1\tperson\tGeorgios Papandakis\t\tGRCGOV@2023-06-27..\tforeign_minister|minister\t
Q2\tperson\tTeodor Brankov\t\tBGRGOV@2017-01-22..\tpresident\t
Q3\tperson\tOljas Temirkhanov\t\tKAZGOV@2024-02-06..\tprime_minister\t
"""


@pytest.fixture(scope="module")
def lex(tmp_path_factory):
    return lexicon_with_knowledge_base(tmp_path_factory.mktemp("data"), TABLE)


def _codes(lex, text, date="2025-09-01"):
    return {e.text: e.code for e in find_actors(lex, text, date)}


def test_a_title_and_a_differently_spelt_given_name_before_a_holders_surname(lex):
    found = _codes(lex, "Foreign Minister Giorgos Papandakis met reporters in the port.")
    assert found.get("Foreign Minister Giorgos Papandakis") == "GRCGOV"
    found = _codes(lex, "Prime Minister Olzhas Temirkhanov said the prices would fall.")
    assert found.get("Prime Minister Olzhas Temirkhanov") == "KAZGOV"


def test_the_given_name_must_share_the_holders_initial_and_the_title_its_office(lex):
    found = _codes(lex, "Foreign Minister Nikos Papandakis met reporters in the port.")
    assert "GRCGOV" not in found.values()
    found = _codes(lex, "Prime Minister Giorgos Papandakis met reporters in the port.")
    assert "GRCGOV" not in found.values()


def test_a_known_full_name_before_another_name_word_is_someone_else(lex):
    assert "BGRGOV" in _codes(lex, "Teodor Brankov said the talks would resume.").values()
    found = _codes(lex, "Teodor Brankov Ilievski, a union leader, said the talks would resume.")
    assert "BGRGOV" not in found.values()


@pytest.fixture(scope="module")
def lex_story(tmp_path_factory):
    table = (
        "key\tkind\tname\taliases\tcodes\toffices\tterritories\n"
        "Q11\tperson\tAlphonse Ngoyabe\t\tCODGOV@2019-01-25..\tpresident\t\n"
        "Q12\tperson\tMarie Ngoyabe\t\tCODELI@2019-01-25..\tfirst_lady\t\n"
        "Q13\tperson\tPaul Ngoyabe-Smith\t\tGBRGOV@2019-01-25..\tminister\t\n"
        "Q14\tperson\tJean Kambalu\t\tCODGOV@2010-01-01..2015-01-01\tprime_minister\t\n"
        "Q15\tperson\tRosa Shore\t\tCODGOV@2019-01-01..\tminister\t\n"
        "Q16\tperson\tLuc Shore\t\tBELGOV@2019-01-01..\tminister\t\n"
    )
    return lexicon_with_knowledge_base(tmp_path_factory.mktemp("data2"), table)


def test_a_bare_surname_of_the_leader_in_office_in_the_storys_country(lex_story):
    text = "Congo's army said on Monday the rebels had retreated. Ngoyabe said talks would go on."
    found = _codes(lex_story, text)
    assert found.get("Ngoyabe") == "CODGOV"
    # No date, no story country: nobody.
    assert "Ngoyabe" not in {e.text for e in find_actors(lex_story, text, None)}
    alone = "Ngoyabe said talks would go on."
    assert "Ngoyabe" not in _codes(lex_story, alone)


def test_bare_surnames_out_of_office_common_or_ordinary_stay_nobody(lex_story):
    text = "Congo's army said the rebels had retreated. Kambalu said talks would go on."
    assert "Kambalu" not in _codes(lex_story, text)  # no longer in office
    text = "Congo's army said the rebels had retreated. Shore said talks would go on."
    assert "Shore" not in _codes(lex_story, text)  # holders of two countries
    text = "Congo's army said Ngoyabe would speak; ngoyabe is a word here."
    assert "Ngoyabe" not in _codes(lex_story, text)


def test_another_countrys_one_word_surname_gives_way_to_the_storys_holder(tmp_path):
    # "Porras" alone is a Panamanian official in the Phoenix lists.
    table = (
        "key\tkind\tname\taliases\tcodes\toffices\tterritories\n"
        "Q21\tperson\tCarlota Porras\t\tGTMGOV@2018-05-17..\tminister\t\n"
    )
    lex = lexicon_with_knowledge_base(tmp_path, table)
    text = "Guatemala's prosecutors said on Monday that Porras would not resign."
    assert _codes(lex, text).get("Porras") == "GTMGOV"
    assert _codes(lex, "Porras would not resign.").get("Porras") != "GTMGOV"


def test_a_weekday_or_a_lesser_officials_surname_is_nobody(tmp_path):
    table = (
        "key\tkind\tname\taliases\tcodes\toffices\tterritories\n"
        "Q31\tperson\tDora Sunday\t\tCODGOV@2019-01-01..\tpresident\t\n"
        "Q32\tperson\tIvo Mbalanga\t\tCODGOV@2019-01-01..\tattorney_general\t\n"
    )
    lex = lexicon_with_knowledge_base(tmp_path, table)
    text = "Congo's army said on Sunday the rebels had left. Mbalanga said talks would go on."
    found = _codes(lex, text)
    assert "Sunday" not in found
    assert "Mbalanga" not in found
