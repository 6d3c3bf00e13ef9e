"""Phrases that stand for several states ("the two sides", "the three European
countries", "leaders of both countries") and definite role words that refer back to an
earlier phrase (sentences written for these tests)."""

from __future__ import annotations

import pytest

from dotterel.actors.lexicon import DATA_DIR


def _codes(doc, text):
    return sorted(e.code for e in doc._.actors if e.text == text)


def _at(doc, text):
    return [e for e in doc._.actors if e.text == text]


def _region_table() -> dict[str, set[str]]:
    """The shipped region memberships (``actors/data/blocs.tsv``: iso3, bloc)."""
    members: dict[str, set[str]] = {}
    for line in (DATA_DIR / "blocs.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or line.startswith("iso3\t") or "\t" not in line:
            continue
        iso, bloc = line.split("\t")[:2]
        members.setdefault(bloc, set()).add(iso)
    return members


# -- group words after a list of states ------------------------------------------------


def test_both_countries_skips_the_subject_of_its_own_clause(run):
    doc = run(
        "Tensions rose between Chile and Peru over the fishing zone. "
        "Colin Powell telephoned leaders of both countries and urged them to talk."
    )
    # The role word heads the group phrase: the leaders are both governments.
    assert _codes(doc, "leaders of both countries") == ["CHLGOV", "PERGOV"]
    assert _codes(doc, "them") == ["CHLGOV", "PERGOV"]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("The two leaders", ["ECUGOV", "PERGOV"]),
        ("The two presidents", ["ECUGOV", "PERGOV"]),
        ("The two foreign ministers", ["ECUGOV", "PERGOV"]),
        ("Both governments", ["ECUGOV", "PERGOV"]),
        ("The two sides", ["ECUGOV", "PERGOV"]),
        ("Both sides", ["ECUGOV", "PERGOV"]),
        ("The two neighbours", ["ECUGOV", "PERGOV"]),
        ("The two neighbors", ["ECUGOV", "PERGOV"]),
    ],
)
def test_group_words_stand_for_every_state(run, phrase, expected):
    # States acting as states are their governments, as a country's name is.
    doc = run(f"Ecuador and Peru signed a border accord. {phrase} promised to respect it.")
    found = _at(doc, phrase)
    assert sorted(e.code for e in found) == expected
    assert len({(e.start, e.end) for e in found}) == 1


def test_numbered_group_with_region_takes_members_of_the_region(run):
    doc = run(
        "Italy, Spain and Portugal made an offer to Morocco. "
        "The three European countries want an answer soon."
    )
    assert _codes(doc, "The three European countries") == ["ESPGOV", "ITAGOV", "PRTGOV"]
    # The region word is part of the description, not a separate EUR actor.
    assert not any(e.code == "EUR" for e in doc._.actors)


def test_numbered_group_without_region_takes_the_latest_states(run):
    doc = run(
        "Norway hosted envoys from Kenya, Uganda and Tanzania. The three nations signed a deal."
    )
    assert _codes(doc, "The three nations") == ["KENGOV", "TZAGOV", "UGAGOV"]


def test_group_word_needs_enough_states(run):
    doc = run("Ghana held elections. The two sides argued.")
    assert _at(doc, "The two sides") == []


def test_region_table_has_major_members():
    regions = _region_table()
    assert {"GBR", "FRA", "DEU"} <= regions["EUR"]
    assert "KEN" in regions["AFR"] and "KEN" not in regions["EUR"]


# -- a role word heading a group phrase ----------------------------------------------


def test_leaders_of_both_countries_are_both_governments(run):
    doc = run("Eritrea and Ethiopia exchanged fire. Leaders of both countries met on Sunday.")
    found = _at(doc, "Leaders of both countries")
    assert sorted(e.code for e in found) == ["ERIGOV", "ETHGOV"]
    assert not any(e.text == "Leaders" for e in doc._.actors)


def test_soldiers_of_the_two_countries_keep_their_sector(run):
    doc = run("Eritrea and Ethiopia exchanged fire. Soldiers of the two countries later withdrew.")
    found = _at(doc, "Soldiers of the two countries")
    assert sorted(e.code for e in found) == ["ERIMIL", "ETHMIL"]


# -- a definite role word refers back ------------------------------------------------


def test_definite_role_word_refers_back_to_its_phrase(run):
    doc = run(
        "Foreign ministers of the Arab League met in Cairo on Monday. "
        "The ministers also called for calm."
    )
    (later,) = [e for e in doc._.actors if e.text == "ministers"]
    assert later.code.startswith("IGO")
