"""Releases from custody with no one named as releaser (PLOVER RETREAT release, CAMEO
0841): the body that held the people lets them go, and "the detainees", "all seven"
are those it held (issue 11).

Sentences are written for these tests.
"""

from __future__ import annotations

from tests.conftest import Coder
from tests.events.event_shapes import of_type, sides


def test_agentless_release_is_made_by_the_detaining_body(coder: Coder) -> None:
    text = (
        "Police in Zambia arrested an opposition lawmaker in Lusaka on Friday. "
        "He was released on Sunday without charge."
    )
    releases = of_type(coder(text), "RETREAT")
    assert releases and releases[0].mode == "release"
    actors, recipients = sides(releases[0])
    assert actors == {"ZMBCOP"}
    assert "arg:undone-detention" in releases[0].rules


def test_released_detainees_are_those_detained(coder: Coder) -> None:
    text = (
        "Police in Bolivia detained 40 miners at a roadblock near Oruro on Monday. "
        "The detainees were released on Tuesday evening."
    )
    releases = of_type(coder(text), "RETREAT")
    assert [sides(e) for e in releases] == [({"BOLCOP"}, {"BOLLAB"})]


def test_release_with_no_detention_told_is_the_polices(coder: Coder) -> None:
    text = "Two Kenyan journalists were freed on Monday night after questioning in Nakuru."
    releases = of_type(coder(text), "RETREAT")
    assert releases and sides(releases[0]) == ({"KENCOP"}, {"KENMED"})
    assert "arg:implicit-releaser" in releases[0].rules


def test_release_of_nobody_known_is_not_coded(coder: Coder) -> None:
    text = "Zambia's new rules took effect in May. All seven were released that evening."
    assert not of_type(coder(text), "RETREAT")


def test_named_releaser_is_kept(coder: Coder) -> None:
    text = (
        "Police in Zambia arrested a student leader in Lusaka on Friday. "
        "He was released by a magistrate on Monday."
    )
    releases = of_type(coder(text), "RETREAT")
    assert not any("arg:implicit-releaser" in e.rules for e in releases)


def test_released_goods_are_no_release_from_custody(coder: Coder) -> None:
    text = "Police in Zambia arrested a trader on Friday. The figures were released on Monday."
    assert not of_type(coder(text), "RETREAT")


def test_release_not_made_has_no_inferred_releaser(coder: Coder) -> None:
    text = (
        "Police in Zambia arrested an opposition lawmaker in Lusaka on Friday. "
        "He was not released on Sunday, and his lawyer said he would be freed only on bail."
    )
    releases = of_type(coder(text), "RETREAT")
    assert not any("arg:implicit-releaser" in e.rules for e in releases)
