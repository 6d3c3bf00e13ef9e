"""Ethnic groups are placed only by an explicit place ("Kurds in Iraq"); otherwise a
demonym keeps its own country (sentences written for these tests)."""

from __future__ import annotations

import pytest

from dotterel.actors import resolve


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("ethnic Albanians in southern Serbia", "SRBCVL"),
        ("the Albanians of southern Serbia", "SRBCVL"),
        ("Kurds in Iraq", "IRQCVL"),
        ("ethnic Turks in Bulgaria", "BGRCVL"),
        ("the Albanian population of Montenegro", "MNECVL"),
        ("ethnic Albanian rebels in Macedonia", "MKDREB"),
        # no place in the phrase, or not an ethnic group: the demonym's own country
        ("Albanians", "ALBCVL"),
        ("Russian troops in Syria", "RUSMIL"),
        ("Afghan refugees in Pakistan", "AFGREF"),
        ("Iranian diplomats in Iraq", "IRNGOV"),
    ],
)
def test_ethnic_groups_are_placed_only_by_an_explicit_place(text, code):
    assert resolve(text).code == code


def test_located_group_is_one_mention_in_running_text(run):
    doc = run("Ethnic Albanians in southern Serbia clashed with police.")
    (group,) = [e for e in doc._.actors if e.text.startswith("Albanians")]
    assert group.text == "Albanians in southern Serbia" and group.code == "SRBCVL"
