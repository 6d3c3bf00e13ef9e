"""A right is no actor: the word naming what it is a right to ("freedom of assembly",
"the right of assembly", "freedom of the press") is not the assembly or the press
(sentences written for these tests)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text",
    [
        "The emergency decree suspended the right of assembly in three provinces.",
        "Freedom of assembly must be respected, the bishops said.",
        "The lawyers said the ruling protected freedom of the press.",
        "Activists defended the right to assembly.",
    ],
)
def test_the_object_of_a_right_is_no_actor(run, text):
    doc = run(text)
    assert not [e for e in doc._.actors if e.text in ("assembly", "press")]


def test_an_assembly_that_acts_is_still_an_actor(run):
    doc = run("The assembly voted to remove the governor.")
    assert [e.role for e in doc._.actors if e.text == "assembly"] == ["LEG"]
