"""The shipped event lexicon is exactly what ``tools/build_lexicon.py`` generates.

Editing a curated trigger line or a rule in ``tools/lexicon/`` without regenerating the
tables (or editing a generated table by hand) fails here.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "src" / "dotterel" / "events" / "data"
SHARED = REPO / ".." / "shared"


def _tool():
    spec = importlib.util.spec_from_file_location(
        "build_lexicon", REPO / "tools" / "build_lexicon.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(
    not (SHARED / "reference").is_dir(), reason="../shared is not beside the checkout"
)
def test_regenerating_reproduces_the_shipped_tables(tmp_path: Path) -> None:
    counts = _tool().build(SHARED, tmp_path)
    assert counts["verbs"] > 700 and counts["nouns"] > 150
    for name in ("cameo.tsv", "plover.tsv", "verbs.tsv", "nouns.tsv"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (DATA / name).read_text(
            encoding="utf-8"
        ), f"{name} differs from what tools/build_lexicon.py generates"


def test_curated_lines_parse_and_name_known_groups() -> None:
    tool = _tool()
    verbs = tool._parse_curated(tool.CURATED_VERBS)
    nouns = tool._parse_curated(tool.CURATED_NOUNS, nouns=True)
    assert {"lemma": "agree", "particle": "to"}.items() <= verbs[1].items()
    assert any(row["lemma"] == "treaty" and row["needs"] == "verb" for row in nouns)
    codes = {row["cameo"] for row in verbs + nouns}
    assert all(code == "x" or code.isdigit() for code in codes)


def test_unknown_group_in_a_curated_line_is_an_error() -> None:
    tool = _tool()
    with pytest.raises(KeyError):
        tool._parse_curated("supply 070 &NOSUCHGROUP")
