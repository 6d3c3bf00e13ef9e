"""Reading the YAML rule and word lists that ship inside Dotterel's packages."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from dotterel.errors import DictionaryError


def read_yaml_mapping(
    package: str, relative: str, what: str, *, path: Path | None = None
) -> dict[str, Any]:
    """The YAML mapping ``relative`` of ``package`` (or the file ``path`` instead).

    Raises :class:`DictionaryError` naming the file when it cannot be read, is not valid
    YAML or is not a mapping; ``what`` names the list in the message.
    """
    source = str(path) if path is not None else f"{package.replace('.', '/')}/{relative}"
    try:
        if path is not None:
            text = path.read_text(encoding="utf-8")
        else:
            text = resources.files(package).joinpath(relative).read_text("utf-8")
        data = yaml.safe_load(text)
    except (OSError, yaml.YAMLError) as exc:
        raise DictionaryError(f"cannot read {what}: {exc}", source=source) from exc
    if not isinstance(data, dict):
        raise DictionaryError(f"{what} must be a mapping", source=source)
    return data
