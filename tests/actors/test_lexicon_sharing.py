"""Lexicons are built once per set of user dictionaries by an object that is passed in.

Building reads every dictionary file, so a :class:`Lexicons` keeps what it built; a caller
with other needs (its own dictionaries, no knowledge base) passes its own ``Lexicons``
instead of the shared one, and nothing else sees its names.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dotterel import api
from dotterel.actors import lexicon as lexicon_module
from dotterel.actors.lexicon import SHARED_LEXICONS, Lexicons, default_lexicon


@pytest.fixture
def counted_builds(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, ...]]:
    """Replace the (slow) build by a stand-in that records what it was asked to build."""
    built: list[tuple[str, ...]] = []

    def fake_build(data_dir, user_dictionaries, *, knowledge_base=True):
        built.append(tuple(user_dictionaries))
        return object()

    monkeypatch.setattr(lexicon_module, "build_lexicon", fake_build)
    return built


def test_the_same_dictionaries_give_the_same_lexicon(counted_builds) -> None:
    lexicons = Lexicons()
    first = lexicons.get(("a.yaml",))
    assert lexicons.get(["a.yaml"]) is first
    assert lexicons.get(("b.yaml",)) is not first
    assert counted_builds == [("a.yaml",), ("b.yaml",)]


def test_the_least_recently_used_lexicon_is_dropped_first(counted_builds) -> None:
    lexicons = Lexicons(size=2)
    lexicons.get(("a.yaml",))
    lexicons.get(("b.yaml",))
    lexicons.get(("a.yaml",))
    lexicons.get(("c.yaml",))  # drops b, asked for longest ago
    lexicons.get(("a.yaml",))
    lexicons.get(("b.yaml",))
    assert counted_builds == [("a.yaml",), ("b.yaml",), ("c.yaml",), ("b.yaml",)]


def test_clearing_reads_the_files_again(counted_builds) -> None:
    lexicons = Lexicons()
    lexicons.get()
    lexicons.clear()
    lexicons.get()
    assert counted_builds == [(), ()]


def test_the_default_lexicon_is_the_shared_one() -> None:
    assert default_lexicon() is SHARED_LEXICONS.get(())


@pytest.mark.slow
def test_a_caller_may_bring_its_own_lexicons(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("actors:\n  - text: Brno Harbour Guild\n    code: CZEBUS\n", encoding="utf-8")
    mine = Lexicons(knowledge_base=False)
    resolution = api.resolve_actor("Brno Harbour Guild", user_dictionaries=str(path), lexicons=mine)
    assert resolution.code == "CZEBUS"
    assert api.actor_lexicon(str(path), lexicons=mine) is mine.get((str(path),))
