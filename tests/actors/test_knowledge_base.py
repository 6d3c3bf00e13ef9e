"""The actor knowledge base: dated office holders, parties and armed groups.

A small table written here (not the shipped one) pins the matching rules; the shipped
table is checked against a rebuild from ../shared and by the seeded random sample of
``tools/eval_officeholders.py``.
"""

from __future__ import annotations

import filecmp
import sys
from pathlib import Path

import pytest

from dotterel.actors.knowledge import load_variants, name_variants, surname_of
from dotterel.actors.lexicon import DATA_DIR, build_lexicon
from dotterel.actors.resolve import find_actors, resolve
from tests.actors.conftest import data_with_knowledge_base, lexicon_with_knowledge_base

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / "tools"
sys.path.insert(0, str(TOOLS))

import build_officeholders as build  # noqa: E402

TABLE = """\
# test table
key\tkind\tname\taliases\tcodes\toffices\tterritories
Q1\tperson\tRosa Quenby-Arkwright\t\tGBRGOV@2001-01-01..2004-12-31;FRAGOV@2006-01-01..\tminister\t
Q2\tperson\tTomas Veldhuizen\t\tNLDGOV@1999-01-01..2003-06-30\tprime_minister\t
Q3\tperson\tTomas Veldhuizen\t\tBELGOV@2010-01-01..2014-12-31\tminister\t
Q4\tperson\tNadezhda Kuzmichyova\t\tRUSLEG@2012-01-01..\tspeaker\t
Q5\tperson\tSergei Ostrovsky\t\tRUSGOV@2015-01-01..\tforeign_minister\t
Q6\tperson\tJosé Ángel Hernández Ibarrola\t\tMEXGOV@2018-12-01..\tprime_minister\t
Q7\tperson\tWill Park\t\tKORGOV@2019-01-01..\tminister\t
partyfacts:9\tparty\tKafue Renewal Alliance\tPRAXA\tZMBPTY@1995-01-01..\t\t
ucdp:9\tgroup\tNorthern Ridge Liberation Front\tNRLF\tUGAREB\t\t
ucdp:10\tgroup\tKurdistan Workers' Party\t\tTURREB\t\t
"""


@pytest.fixture(scope="module")
def lex(tmp_path_factory):
    return lexicon_with_knowledge_base(tmp_path_factory.mktemp("data"), TABLE)


def test_a_person_codes_by_the_office_held_at_the_date(lex):
    name = "Rosa Quenby-Arkwright"
    assert resolve(name, "2003-05-01", lexicon=lex).code == "GBRGOV"
    assert resolve(name, "2008-05-01", lexicon=lex).code == "FRAGOV"
    assert resolve(name, lexicon=lex).code == "FRAGOV"  # no date: the latest office
    assert resolve(name, lexicon=lex).why == "holder:kb:Q1"


def test_namesakes_are_told_apart_by_date_then_by_context(lex):
    assert resolve("Tomas Veldhuizen", "2001-01-01", lexicon=lex).country == "NLD"
    assert resolve("Tomas Veldhuizen", "2012-01-01", lexicon=lex).country == "BEL"
    context = "Tomas Veldhuizen, speaking in Amsterdam, said the Netherlands would wait."
    assert resolve("Tomas Veldhuizen", None, context, lexicon=lex).country == "NLD"
    text = "Tomas Veldhuizen met Dutch officials. Veldhuizen said the Netherlands would act."
    found = {e.text: e for e in find_actors(lex, text, None)}
    assert found["Tomas Veldhuizen"].country == "NLD"


def test_accents_and_romanisations_match(lex):
    assert resolve("Jose Angel Hernandez Ibarrola", lexicon=lex).country == "MEX"
    assert resolve("Sergey Ostrovskiy", lexicon=lex).country == "RUS"
    assert resolve("Sergei Ostrovskyy", lexicon=lex).country == "RUS"
    # the compound surname alone is how news names such people
    assert resolve("Hernández Ibarrola", lexicon=lex).country == "MEX"


def test_a_surname_needs_a_title_of_the_right_office(lex):
    assert resolve("Foreign Minister Ostrovsky", "2020-01-01", lexicon=lex).code == "RUSGOV"
    assert resolve("Parliament Speaker Kuzmichyova", "2020-01-01", lexicon=lex).code == "RUSLEG"
    # A president called Ostrovsky is nobody we know; the bare surname is nobody either.
    assert resolve("President Ostrovsky", "2020-01-01", lexicon=lex).country is None
    assert resolve("Ostrovsky", "2020-01-01", lexicon=lex).country is None


def test_ordinary_words_stay_nobody(lex):
    text = "Park officials will meet at the park. Will Park said he will go."
    found = find_actors(lex, text, "2020-01-01")
    assert [(e.text, e.country) for e in found if e.why and "kb" in e.why] == [("Will Park", "KOR")]
    for word in ("Park", "Will", "park"):
        assert resolve(word, lexicon=lex).country is None


def test_a_surname_after_the_full_name_is_the_same_person(lex):
    text = (
        "Rosa Quenby-Arkwright arrived in Paris on Monday. "
        "Quenby-Arkwright said talks would go on. Mark Quenby-Arkwright, a farmer, disagreed."
    )
    found = [(e.text, e.code) for e in find_actors(lex, text, "2008-03-01")]
    assert ("Quenby-Arkwright", "FRAGOV") in found
    assert all(not (t.startswith("Mark") and c) for t, c in found)


def test_parties_and_groups_code_with_their_country(lex):
    assert resolve("Kafue Renewal Alliance", lexicon=lex).code == "ZMBPTY"
    assert resolve("PRAXA", lexicon=lex).code == "ZMBPTY"
    assert resolve("the Northern Ridge Liberation Front", lexicon=lex).code == "UGAREB"
    # generic names say nothing of whose they are
    assert resolve("People's Liberation Front", lexicon=lex).why is None or "kb" not in (
        resolve("People's Liberation Front", lexicon=lex).why or ""
    )


def test_curated_entries_and_user_dictionaries_win(lex, tmp_path):
    # "Kurdistan Workers' Party" is curated; the table's row for it is not used.
    assert resolve("Kurdistan Workers' Party", lexicon=lex).why != "kb:ucdp:10"
    user = tmp_path / "mine.tsv"
    user.write_text("text\tcode\nKafue Renewal Alliance\tZMBOPP\n", encoding="utf-8")
    data = lex_data_dir(lex)
    mine = build_lexicon(data, [user])
    assert resolve("Kafue Renewal Alliance", lexicon=mine).code == "ZMBOPP"


def lex_data_dir(lex) -> Path:
    # the module fixture's directory is not exposed; rebuild one the same way
    import tempfile

    return data_with_knowledge_base(Path(tempfile.mkdtemp()), TABLE)


def test_name_variants():
    variants = load_variants(DATA_DIR / "name_variants.tsv")
    forms = name_variants("George W. Bush", variants)
    assert "George Bush" in forms
    assert "Volodymyr Zelensky" in name_variants("Volodymyr Zelenskyy", variants)
    assert "Mohammed Mustafa" in name_variants("Muhammad Mustafa", variants)
    assert surname_of("Luiz Inácio Lula da Silva") == "da Silva"
    assert surname_of("Andrés Manuel López Obrador") == "López Obrador"
    assert surname_of("Olaf Scholz") == "Scholz"


@pytest.mark.parametrize(
    ("position", "role", "office"),
    [
        ("President", "GOV", "president"),
        ("Prime Minister", "GOV", "prime_minister"),
        ("Minister of Foreign Affairs", "GOV", "foreign_minister"),
        ("Minister of Defence", "GOV", "defence_minister"),
        ("Minister of Justice", "GOV", "minister"),
        ("Chief of the General Staff", "MIL", "military_chief"),
        ("Governor of the Central Bank", "GOV", "central_banker"),
        ("Speaker of the National Assembly", "LEG", "speaker"),
        ("President of the Senate", "LEG", "speaker"),
        ("Justice of the Supreme Court", "JUD", "judge"),
        ("Prosecutor General", "JUD", "prosecutor"),
        ("Attorney General", "GOV", "attorney_general"),
        ("First Lady", "ELI", "first_lady"),
        ("ambassador to France", "GOV", "official"),
    ],
)
def test_positions_map_to_cameo_sectors(position, role, office):
    assert build.classify(position, build.load_rules()) == (role, office)


def test_the_shipped_table_has_its_licence_in_its_header():
    head = (DATA_DIR / "knowledge_base.tsv").read_text(encoding="utf-8")[:1000]
    assert "CC BY-NC 4.0" in head and "Wikidata" in head


@pytest.mark.slow
def test_building_from_the_shared_files_reproduces_the_shipped_table(shared_dir, tmp_path):
    out = tmp_path / "kb.tsv"
    build.build(shared_dir / "reference" / "officeholders", out)
    assert filecmp.cmp(out, DATA_DIR / "knowledge_base.tsv", shallow=False)


@pytest.mark.slow
def test_random_office_holders_resolve_to_their_country(shared_dir):
    import eval_officeholders as evaluation

    cases = evaluation.sample(shared_dir / "reference" / "officeholders", 500, seed=11)
    scores = evaluation.evaluate(cases)
    assert scores.cases == 500
    assert scores.dated >= 0.95
    assert scores.undated >= 0.90
    assert scores.false_people == 0
