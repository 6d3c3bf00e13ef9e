"""The settings table feeds defaults, environment variables and the docs."""

from __future__ import annotations

from pathlib import Path

import pytest

from dotterel.settings import SETTINGS, load_settings, settings_markdown


def test_environment_overrides_default_and_explicit_overrides_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("DOTTEREL_BATCH_SIZE", "7")
    assert load_settings()["batch_size"] == 7
    assert load_settings(batch_size=3)["batch_size"] == 3
    assert load_settings(batch_size=None)["batch_size"] == 7


def test_unknown_setting_is_refused() -> None:
    with pytest.raises(KeyError, match="colour"):
        load_settings(colour="blue")


def test_docs_are_generated_from_the_table() -> None:
    docs = (Path(__file__).resolve().parents[1] / "docs" / "settings.md").read_text()
    assert settings_markdown() in docs
    for spec in SETTINGS:
        assert spec.env in docs
