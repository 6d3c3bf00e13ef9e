"""Reading the YAML rule and word lists that ship inside Dotterel's packages."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from dotterel.errors import DictionaryError


def data_source(package: str, relative: str, path: Path | None = None) -> str:
    """How an error names the data file: ``path``, else ``package/relative``."""
    return str(path) if path is not None else f"{package.replace('.', '/')}/{relative}"


def read_data_text(package: str, relative: str, *, path: Path | None = None) -> str:
    """The text of the data file ``relative`` of ``package`` (or of the file ``path``);
    raises ``OSError`` when it cannot be read."""
    if path is not None:
        return path.read_text(encoding="utf-8")
    return resources.files(package).joinpath(relative).read_text("utf-8")


def read_yaml_mapping(
    package: str, relative: str, what: str, *, path: Path | None = None
) -> dict[str, Any]:
    """The YAML mapping ``relative`` of ``package`` (or the file ``path`` instead).

    Raises :class:`DictionaryError` naming the file when it cannot be read, is not valid
    YAML or is not a mapping; ``what`` names the list in the message.
    """
    source = data_source(package, relative, path)
    try:
        data = yaml.safe_load(read_data_text(package, relative, path=path))
    except (OSError, yaml.YAMLError) as exc:
        raise DictionaryError(f"cannot read {what}: {exc}", source=source) from exc
    if not isinstance(data, dict):
        raise DictionaryError(f"{what} must be a mapping", source=source)
    return data
