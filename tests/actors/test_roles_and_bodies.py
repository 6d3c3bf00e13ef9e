"""A neutral role word ("member", "spokesman", "ambassador") takes the sector of the body
it belongs to."""

from __future__ import annotations

from dotterel.actors import resolve


def test_neutral_head_takes_the_sector_of_the_body_it_belongs_to():
    assert resolve("a member of the Syrian parliament").code == "SYRLEG"
    assert resolve("a spokesman for the Israeli army").code == "ISRMIL"
    assert resolve("Iran's ambassador to Russia").code == "IRNGOV"
