from __future__ import annotations

import pytest

from dotterel.actors import resolve
from dotterel.actors.lexicon import build_lexicon
from dotterel.actors.userdict import load_user_dictionary
from dotterel.errors import DictionaryError, MissingInputError


def test_yaml_csv_and_petrarch_user_dictionaries(tmp_path):
    yml = tmp_path / "a.yaml"
    yml.write_text(
        "actors:\n  - text: Jane Roe\n    code: USAGOV\n    start: 2021-01-01\n"
        "    end: 2022-12-31\n    canonical: Jane Q. Roe\n"
    )
    csv_file = tmp_path / "b.csv"
    csv_file.write_text("text,code,canonical\nBlue Hand Front,XYZREB,\n")
    txt = tmp_path / "c.txt"
    txt.write_text("GREEN_LEAGUE_ [NGOENV]\n")
    lex = build_lexicon(user_dictionaries=[str(yml), str(csv_file), str(txt)])
    roe = resolve("Jane Roe", "2021-06-01", lexicon=lex)
    assert (roe.code, roe.canonical) == ("USAGOV", "Jane Q. Roe")
    assert resolve("Blue Hand Front", lexicon=lex).code == "XYZREB"
    assert resolve("the Green League", lexicon=lex).code == "NGOENV"


def test_user_entries_override_builtins(tmp_path):
    yml = tmp_path / "a.yaml"
    yml.write_text("- {text: Pentagon, code: USAGOV}\n")
    lex = build_lexicon(user_dictionaries=[str(yml)])
    assert resolve("Pentagon", lexicon=lex).code == "USAGOV"
    assert resolve("Pentagon").code == "USAMIL"


@pytest.mark.parametrize(
    "content",
    [
        "- {text: X Y, code: bad code}\n",
        "- {code: ABC}\n",
        "- {text: A, code: ABC, start: 2020}\n",
        "[unclosed\n",
        "just a string\n",
    ],
)
def test_malformed_user_dictionary_names_the_file(tmp_path, content):
    path = tmp_path / "bad.yaml"
    path.write_text(content)
    with pytest.raises(DictionaryError) as info:
        load_user_dictionary(path)
    assert "bad.yaml" in str(info.value) and info.value.code == "DOT200"


def test_missing_user_dictionary():
    with pytest.raises(MissingInputError):
        load_user_dictionary("/no/such/file.yaml")
