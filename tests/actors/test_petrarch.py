from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dotterel.actors.petrarch import (
    DatedCode,
    load_petrarch_actors,
    load_petrarch_agents,
    petrarch_date,
)
from dotterel.errors import DictionaryError, MissingInputError

PHOENIX = Path(__file__).resolve().parents[2] / ".." / "shared" / "reference" / "phoenix"

SAMPLE = """\
# a comment
FREEDONIA_  [FRD]
+FREEDONIAN_
+REPUBLIC_OF_FREEDONIA

RUFUS_T._FIREFLY_  # leader
+FIREFLY_
\t[FRDGOV 330101-331231]
\t[FRDELI >20000101]
SYLVANIA_ARMY_
SYLVANIAN_TROOPS
\t[SYLMIL]
UNCODED_NAME_
"""


def test_sample_entries_names_synonyms_and_dated_codes(tmp_path):
    path = tmp_path / "sample.txt"
    path.write_text(SAMPLE)
    entries = load_petrarch_actors(path)
    assert [e.names[0] for e in entries] == ["FREEDONIA", "RUFUS T. FIREFLY", "SYLVANIA ARMY"]
    assert entries[0].names == ["FREEDONIA", "FREEDONIAN", "REPUBLIC OF FREEDONIA"]
    assert entries[0].codes == [DatedCode("FRD")]
    assert entries[1].codes == [
        DatedCode("FRDGOV", "1933-01-01", "1933-12-31"),
        DatedCode("FRDELI", "2000-01-01", None),
    ]
    # Root lines without codes share the codes that follow them.
    assert entries[2].names == ["SYLVANIA ARMY", "SYLVANIAN TROOPS"]


def test_code_before_any_entry_is_an_error(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text("\t[ABC]\n")
    with pytest.raises(DictionaryError) as info:
        load_petrarch_actors(path)
    assert info.value.code == "DOT200"


def test_missing_file_has_a_code():
    with pytest.raises(MissingInputError):
        load_petrarch_actors("/nonexistent/actors.txt")


@given(st.dates(min_value=date(1000, 1, 1)))
def test_eight_digit_dates_round_trip(day):
    assert petrarch_date(day.strftime("%Y%m%d")) == day.isoformat()


@given(st.integers(min_value=0, max_value=99), st.integers(1, 12), st.integers(1, 28))
def test_two_digit_years_pivot_at_30(yy, month, day):
    value = petrarch_date(f"{yy:02d}{month:02d}{day:02d}")
    assert value.startswith(str(1900 + yy if yy > 30 else 2000 + yy))


@pytest.mark.skipif(not PHOENIX.is_dir(), reason="needs ../shared")
def test_phoenix_countries_file_counts():
    entries = load_petrarch_actors(PHOENIX / "Phoenix.Countries.actors.txt")
    assert len(entries) > 18000
    assert sum(len(e.codes) for e in entries) > 28000
    lavrov = next(e for e in entries if e.names[0] == "SERGEY LAVROV")
    assert all(c.code == "RUSGOV" for c in lavrov.codes)
    states = {e.codes[0].code for e in entries if len(e.codes[0].code) == 3}
    assert {"RUS", "IRN", "PRK", "USA", "CHN"} <= states


@pytest.mark.skipif(not PHOENIX.is_dir(), reason="needs ../shared")
def test_phoenix_agents_expand_substitution_sets():
    agents = load_petrarch_agents(PHOENIX / "Phoenix.agents.txt")
    assert agents["AMBASSADOR"] == "GOV"
    assert agents["POLICE"] == "COP"
    assert not any("!" in k for k in agents)
